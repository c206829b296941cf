/** `sitemap.xml` and `robots.txt` as jekyll-sitemap writes them. */
import type { SiteConfig } from '../config/site-config.js';
import { readDate } from '../front-matter/authorship.js';
import type { Page } from '../front-matter/page.js';
import { byCodeUnits } from '../code-unit-order.js';
import { absoluteUrl } from '../seo/site-url.js';
import { xmlEscape } from './xml-text.js';

/** A URL the sitemap lists, with its last modification in `date_to_xmlschema` form when known. */
export interface SitemapEntry {
  loc: string;
  lastmod: string | undefined;
}

/** A static file jekyll-sitemap lists (`.htm`, `.html`, `.xhtml`, `.pdf`), with its modification time. */
export interface SitemapFile {
  path: string;
  mtimeMs: number;
}

/** Static files jekyll-sitemap lists. */
export const LISTED_FILES = /\.(?:html?|xhtml|pdf)$/i;

/**
 * Pages (not `sitemap: false`, not `/404.html`, not redirects) in Jekyll's page order (by file name),
 * `lastmod` from `last_modified_at` or Just the Docs' `last_modified_date`; then listed static files.
 */
export function sitemapEntries(pages: readonly Page[], files: readonly SitemapFile[], config: Pick<SiteConfig, 'url' | 'baseurl'>): SitemapEntry[] {
  const listed = pages.filter((page) => page.data.raw['sitemap'] !== false && page.url !== '/404.html' && page.data.raw['redirect_to'] === undefined);
  const name = (page: Page) => page.path.slice(page.path.lastIndexOf('/') + 1);
  listed.sort((a, b) => byCodeUnits(name(a), name(b)) || byCodeUnits(a.path, b.path));
  const entries = listed.map((page) => {
    const modified = readDate(page.data.raw['last_modified_at']) ?? readDate(page.data.raw['last_modified_date']);
    return { loc: absoluteUrl(config, page.url.replace(/\/index\.html$/, '/')), lastmod: modified?.xmlschema };
  });
  const statics = files.filter((file) => LISTED_FILES.test(file.path) && !/(^|\/)404\.html$/.test(file.path));
  statics.sort((a, b) => byCodeUnits(a.path, b.path));
  for (const file of statics) {
    const iso = new Date(file.mtimeMs).toISOString().slice(0, 19);
    entries.push({ loc: absoluteUrl(config, `/${file.path}`.replace(/\/index\.html$/, '/')), lastmod: `${iso}+00:00` });
  }
  return entries;
}

/** The sitemap document: jekyll-sitemap's header and one `<url>` per entry. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (const entry of entries) {
    lines.push('<url>', `<loc>${xmlEscape(entry.loc)}</loc>`);
    if (entry.lastmod !== undefined) lines.push(`<lastmod>${entry.lastmod}</lastmod>`);
    lines.push('</url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** `robots.txt` pointing crawlers at the sitemap. */
export function robotsTxt(config: Pick<SiteConfig, 'url' | 'baseurl'>): string {
  return `Sitemap: ${absoluteUrl(config, '/sitemap.xml')}\n`;
}
