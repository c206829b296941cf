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
  const basename = path.posix.basename(sourcePath, ext);
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
  url = `/${url.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
  return { url, outputPath: outputPathFor(url) };
}

/** The file under the output folder that serves `url`, the way Jekyll and GitHub Pages map them. */
function outputPathFor(url: string): string {
  const rel = url.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  return path.posix.extname(rel) === '' ? `${rel}.html` : rel;
}

function expandPlaceholders(permalink: string, dirUrl: string, basename: string): string {
  return permalink
    .replace(/:path/g, dirUrl.replace(/\/$/, ''))
    .replace(/:basename/g, basename)
    .replace(/:output_ext/g, '.html');
}
