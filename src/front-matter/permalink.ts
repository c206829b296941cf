/** Jekyll's URL rules for pages: pretty permalinks, `.html` files, and front-matter `permalink`. */
import path from 'node:path';

/** The URL Jekyll gives a page (no baseurl), and the file that serves it. */
export function pageUrl(
  sourcePath: string,
  permalinkStyle: string,
  permalink: string | undefined,
): { url: string; outputPath: string } {
  const dir = path.posix.dirname(sourcePath);
  const ext = path.posix.extname(sourcePath);
  // Jekyll drops trailing dots from the name: `data-protection..md` is served at `data-protection/`.
  const basename = path.posix.basename(sourcePath, ext).replace(/\.+$/, '');
  const dirUrl = dir === '.' ? '/' : `/${dir}/`;
  let url: string;
  if (permalink !== undefined && permalink.trim() !== '') {
    url = expandPlaceholders(permalink.trim(), dirUrl, basename);
  } else if (basename === 'index') {
    url = dirUrl;
  } else if (permalinkStyle === 'pretty' || permalinkStyle.endsWith('/')) {
    url = `${dirUrl}${basename}/`;
  } else {
    url = `${dirUrl}${basename}.html`;
  }
  url = sanitizeUrl(url);
  return { url, outputPath: outputPathFor(url) };
}

/** Jekyll's URL clean-up: `..` becomes `/`, every `./` is removed, repeated slashes collapse. */
function sanitizeUrl(url: string): string {
  let result = `/${url}`.replaceAll('..', '/');
  while (result.includes('./')) result = result.replaceAll('./', '');
  return result.replace(/\/{2,}/g, '/');
}

/** The file under the output folder that serves `url`: Jekyll adds `.html` unless the URL ends with it. */
function outputPathFor(url: string): string {
  const rel = url.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  return rel.endsWith('.html') ? rel : `${rel}.html`;
}

function expandPlaceholders(permalink: string, dirUrl: string, basename: string): string {
  return permalink
    .replace(/:path/g, dirUrl.replace(/\/$/, ''))
    .replace(/:basename/g, basename)
    .replace(/:output_ext/g, '.html');
}
