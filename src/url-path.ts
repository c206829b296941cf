/** Percent-encoding a site URL's path for an href, one way everywhere. */

/**
 * `encodeURI` plus `#` and `?`, which a file name may hold (`a b#c?d.md`) but an href would read as
 * the start of a fragment or query: `/a b#c?d.html` → `/a%20b%23c%3Fd.html`.
 */
export function encodeUrlPath(urlPath: string): string {
  return encodeURI(urlPath).replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}
