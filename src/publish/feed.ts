/** An Atom feed as jekyll-feed writes it, listing the site's dated pages (essays have no `_posts`). */
import type { SiteConfig } from '../config/site-config.js';
import { pageAuthorship, resolveAuthor } from '../front-matter/authorship.js';
import type { Page } from '../front-matter/page.js';
import { byCodeUnits } from '../code-unit-order.js';
import { kramdownTypography } from '../markdown/plugins/remark-typography.js';
import { seoText } from '../seo/seo-text.js';
import { absoluteUrl, escapeUri, isAbsoluteUrl } from '../seo/site-url.js';
import { xmlEscape } from './xml-text.js';

/** One `<entry>`: a page with a `date`. */
export interface FeedEntry {
  title: string;
  url: string;
  published: string;
  updated: string;
  author: string;
  summary: string | undefined;
  image: string | undefined;
  lang: string | undefined;
}

/** The `limit` newest pages with a `date` (redirects left out), newest first; equal dates by URL. */
export function feedEntries(pages: readonly Page[], config: SiteConfig, limit: number): FeedEntry[] {
  const dated = pages.flatMap((page) => {
    const { date, lastModified } = pageAuthorship(page.data.raw, config.seoSite.author);
    if (date === undefined || page.data.raw['redirect_to'] !== undefined) return [];
    return [{ page, date, updated: lastModified ?? date }];
  });
  dated.sort((a, b) => b.date.time - a.date.time || byCodeUnits(a.page.url, b.page.url));
  return dated.slice(0, limit).map(({ page, date, updated }) => {
    const raw = page.data.raw;
    const image = typeof raw['image'] === 'string' ? raw['image'] : imagePath(raw['image']);
    return {
      title: seoText(raw['title']) ?? '',
      url: absoluteUrl(config, page.url),
      published: date.xmlschema,
      updated: updated.xmlschema,
      author: resolveAuthor(raw, config.seoSite.author)?.name ?? '',
      summary: seoText(raw['description']),
      image: image === undefined ? undefined : isAbsoluteUrl(image) ? escapeUri(image) : absoluteUrl(config, image),
      lang: typeof raw['lang'] === 'string' ? raw['lang'] : undefined,
    };
  });
}

function imagePath(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const path = (value as Record<string, unknown>)['path'];
  return typeof path === 'string' ? path : undefined;
}

/**
 * The feed document at `feedPath`. `<updated>` is the newest date or edit of any page (jekyll-feed
 * writes the build time, which would make two builds of the same input differ).
 */
export function feedXml(entries: readonly FeedEntry[], pages: readonly Page[], config: SiteConfig, feedPath: string): string {
  const site = config.seoSite;
  const lang = typeof site.lang === 'string' ? site.lang : undefined;
  const self = absoluteUrl(config, feedPath);
  const title = typeof site.title === 'string' ? site.title : typeof site.name === 'string' ? site.name : undefined;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${lang === undefined ? '' : ` xml:lang="${xmlEscape(lang)}"`}>`,
    '<generator>Dossier</generator>',
    `<link href="${xmlEscape(self)}" rel="self" type="application/atom+xml" />`,
    `<link href="${xmlEscape(absoluteUrl(config, '/'))}" rel="alternate" type="text/html"${lang === undefined ? '' : ` hreflang="${xmlEscape(lang)}"`} />`,
    `<updated>${newest(pages, config)}</updated>`,
    `<id>${xmlEscape(self)}</id>`,
  ];
  if (title !== undefined) out.push(`<title type="html">${xmlEscape(kramdownTypography(title))}</title>`);
  if (typeof site.description === 'string') out.push(`<subtitle>${xmlEscape(site.description)}</subtitle>`);
  const siteAuthor = resolveAuthor({}, site.author);
  if (siteAuthor !== undefined) out.push(`<author><name>${xmlEscape(siteAuthor.name)}</name>${siteAuthor.email === undefined ? '' : `<email>${xmlEscape(siteAuthor.email)}</email>`}</author>`);
  for (const entry of entries) out.push(entryXml(entry));
  out.push('</feed>', '');
  return out.join('\n');
}

function entryXml(entry: FeedEntry): string {
  const title = xmlEscape(entry.title);
  const lines = [
    `<entry${entry.lang === undefined ? '' : ` xml:lang="${xmlEscape(entry.lang)}"`}>`,
    `<title type="html">${title}</title>`,
    `<link href="${xmlEscape(entry.url)}" rel="alternate" type="text/html" title="${title}" />`,
    `<published>${entry.published}</published>`,
    `<updated>${entry.updated}</updated>`,
    `<id>${xmlEscape(entry.url)}</id>`,
    `<author><name>${xmlEscape(entry.author)}</name></author>`,
  ];
  if (entry.summary !== undefined) lines.push(`<summary type="html">${xmlEscape(entry.summary)}</summary>`);
  if (entry.image !== undefined) {
    const url = xmlEscape(entry.image);
    lines.push(`<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="${url}" />`, `<media:content medium="image" url="${url}" xmlns:media="http://search.yahoo.com/mrss/" />`);
  }
  lines.push('</entry>');
  return lines.join('\n');
}

function newest(pages: readonly Page[], config: SiteConfig): string {
  let best: { time: number; xmlschema: string } | undefined;
  for (const page of pages) {
    const { date, lastModified } = pageAuthorship(page.data.raw, config.seoSite.author);
    for (const d of [date, lastModified]) if (d !== undefined && (best === undefined || d.time > best.time)) best = d;
  }
  return best?.xmlschema ?? '1970-01-01T00:00:00+00:00';
}
