/** Absolute URLs as Jekyll's `absolute_url` filter makes them: `url` + `baseurl` + path. */
import type { SiteConfig } from '../config/site-config.js';
import { siteHref } from '../url-path.js';

/** Whether `value` already names a scheme (`https:`, `mailto:`) or is protocol-relative. */
export function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
}

/** `https://example.org/base/docs/a/` for the site path `/docs/a/`; without `url`, the baseurl-relative href. */
export function absoluteUrl(config: Pick<SiteConfig, 'url' | 'baseurl'>, sitePath: string): string {
  if (isAbsoluteUrl(sitePath)) return sitePath;
  return `${config.url}${siteHref(config.baseurl, sitePath)}`;
}

/** The canonical address of a page URL: absolute, with a trailing `/index.html` dropped as jekyll-seo-tag does. */
export function canonicalUrl(config: Pick<SiteConfig, 'url' | 'baseurl'>, pageUrl: string): string {
  return absoluteUrl(config, pageUrl).replace(/\/index\.html$/, '/');
}

/** Percent-encodes what may not stand in a URL (spaces, non-ASCII), keeping escapes already there. */
export function escapeUri(value: string): string {
  return value.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g, (run) => encodeURIComponent(run));
}
