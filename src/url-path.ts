/** Site URLs as hrefs: percent-encoding and the baseurl prefix, done one way everywhere. */

/**
 * `encodeURI` plus `#` and `?`, which a file name may hold (`a b#c?d.md`) but an href would read as
 * the start of a fragment or query: `/a b#c?d.html` → `/a%20b%23c%3Fd.html`.
 */
export function encodeUrlPath(urlPath: string): string {
  return encodeURI(urlPath).replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}

/** The href for a site URL (`/docs/a b/`) under `baseurl`: `/base/docs/a%20b/`. */
export function siteHref(baseurl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return url;
  return encodeUrlPath(`${baseurl}${url.startsWith('/') ? url : `/${url}`}`);
}
