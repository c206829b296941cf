/** The small page jekyll-redirect-from writes in place of a moved page. */
import type { SiteConfig } from '../config/site-config.js';
import type { FrontMatter } from '../front-matter/page.js';
import { escapeHtml } from '../html-text.js';
import { absoluteUrl } from '../seo/site-url.js';

/** Where a page's `redirect_to` sends readers (absolute; a site path gets `url` + `baseurl`), if it has one. */
export function redirectTarget(data: Pick<FrontMatter, 'redirectTo'>, config: Pick<SiteConfig, 'url' | 'baseurl'>): string | undefined {
  const to = data.redirectTo;
  if (to === undefined) return undefined;
  return /^https?:\/\//.test(to) ? to : absoluteUrl(config, to);
}

/** The redirect page's HTML: meta refresh, canonical link, script and a link to follow by hand, as jekyll-redirect-from's. */
export function redirectPageHtml(to: string): string {
  const href = escapeHtml(to);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    '  <meta charset="utf-8">',
    '  <title>Redirecting&hellip;</title>',
    `  <link rel="canonical" href="${href}">`,
    `  <script>location=${JSON.stringify(to).replace(/</g, '\\u003c')}</script>`,
    `  <meta http-equiv="refresh" content="0; url=${href}">`,
    '  <meta name="robots" content="noindex">',
    '  <h1>Redirecting&hellip;</h1>',
    `  <a href="${href}">Click here if you are not redirected.</a>`,
    '</html>',
    '',
  ].join('\n');
}
