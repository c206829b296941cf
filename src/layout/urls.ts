/** Turning site URLs into hrefs: baseurl prefix and percent-encoding, done one way everywhere. */
import { encodeUrlPath } from '../url-path.js';

/** The href for a site URL (`/docs/a b/`) under `baseurl`: `/base/docs/a%20b/`. */
export function siteHref(baseurl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return url;
  return encodeUrlPath(`${baseurl}${url.startsWith('/') ? url : `/${url}`}`);
}
