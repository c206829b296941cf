/**
 * What Jekyll's plugins publish besides pages: redirect pages and `redirects.json`
 * (jekyll-redirect-from), `sitemap.xml` and `robots.txt` (jekyll-sitemap), the Atom feed (jekyll-feed).
 * A file the site itself provides is never replaced, as the plugins leave it alone too. Also the
 * assets its Just the Docs settings need: KaTeX's stylesheet and fonts, the callout stylesheet.
 */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { statSync } from 'node:fs';
import type { StaticFile } from '../discover/discover-source.js';
import type { Page } from '../front-matter/page.js';
import type { Writer } from '../write/writer.js';
import { calloutsCss } from './callouts-css.js';
import { feedEntries, feedXml } from './feed.js';
import { copyKatexAssets } from './katex-assets.js';
import { redirectPageHtml, redirectTarget } from '../layout/redirect-page.js';
import { collectRedirects } from './redirects.js';
import { LISTED_FILES, robotsTxt, sitemapEntries, sitemapXml, type SitemapFile } from './sitemap.js';

export interface SiteFilesInput {
  config: SiteConfig;
  pages: readonly Page[];
  /** Output paths of the site's own static files, with modification times (the sitemap lists HTML and PDF ones). */
  statics: readonly StaticFile[];
  writer: Writer;
}

/** Writes the plugin outputs the site asks for; returns warnings about redirects that were left out. */
export function publishSiteFiles({ config, pages, statics, writer }: SiteFilesInput): Diagnostic[] {
  const wanted = config.published;
  const taken = new Set([...pages.map((page) => page.outputPath), ...statics.map((file) => file.path)]);
  const { redirects, diagnostics } = collectRedirects(pages, taken, config);
  for (const redirect of redirects) writer.write(redirect.outputPath, redirectPageHtml(redirect.to));
  if (wanted.redirectsJson && !taken.has('redirects.json')) {
    const map: Record<string, string> = {};
    for (const redirect of redirects) map[redirect.from] = redirect.to;
    for (const page of pages) {
      const to = redirectTarget(page.data, config);
      if (to !== undefined) map[page.url] = to;
    }
    writer.write('redirects.json', JSON.stringify(map));
  }
  if (wanted.sitemap) {
    // jekyll-sitemap dates the HTML and PDF files it lists by their modification time.
    const files: SitemapFile[] = statics.filter((file) => LISTED_FILES.test(file.path)).map((file) => ({ path: file.path, mtimeMs: statSync(file.absPath).mtimeMs }));
    if (!taken.has('sitemap.xml')) writer.write('sitemap.xml', sitemapXml(sitemapEntries(pages, files, config)));
    if (!taken.has('robots.txt')) writer.write('robots.txt', robotsTxt(config));
  }
  if (config.kramdownMath) copyKatexAssets(writer);
  const callouts = config.callouts ?? [];
  if (callouts.length > 0) writer.write('assets/callouts.css', calloutsCss(callouts));
  const feedPath = wanted.feedPath;
  if (feedPath !== undefined && !taken.has(feedPath.slice(1))) {
    writer.write(feedPath.slice(1), feedXml(feedEntries(pages, config, wanted.feedLimit), pages, config, feedPath));
  }
  return diagnostics;
}
