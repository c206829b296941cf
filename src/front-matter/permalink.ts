/** Jekyll's URL rules for pages: pretty permalinks, `.html` files, and front-matter `permalink`. */
import path from 'node:path';

/** The URL Jekyll gives a page (no baseurl), and the file that serves it. */
export function pageUrl(
  sourcePath: string,
  permalinkStyle: string,
  permalink: string | undefined,
): { url: string; outputPath: string; problem?: PermalinkProblem } {
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
  url = `/${url.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
  // Jekyll would clean a climbing `..` away (see sanitizeUrl), but a permalink that tries to leave the
  // site is a mistake or an attack, never what its author meant: it is refused, not guessed at.
  if (resolveDotSegments(url) === undefined) return { url, outputPath: outputPathFor(url), problem: { rule: 'permalink/outside-site', message: `permalink ${JSON.stringify(permalink)} leads outside the site; the page is not written` } };
  url = sanitizeUrl(url);
  const problem = fileNameProblem(url, permalink);
  return problem === undefined ? { url, outputPath: outputPathFor(url) } : { url, outputPath: outputPathFor(url), problem };
}

/** Why a page's URL cannot be written as a file: the rule and message to report at its permalink. */
export interface PermalinkProblem {
  rule: 'permalink/outside-site' | 'permalink/invalid';
  message: string;
}

/** `url` with `.` and `..` segments applied, or undefined when a `..` climbs above the site's root. */
function resolveDotSegments(url: string): string | undefined {
  if (!/(?:^|\/)\.\.?(?:\/|$)/.test(url)) return url;
  const out: string[] = [];
  const segments = url.split('/').slice(1);
  for (const [i, segment] of segments.entries()) {
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else if (segment !== '.') out.push(segment);
    // A trailing dot segment names a folder.
    if ((segment === '.' || segment === '..') && i === segments.length - 1) out.push('');
  }
  return `/${out.join('/')}`;
}

/** Longest file name most file systems take, in bytes (a last segment may still get `.html`). */
const MAX_NAME_BYTES = 255;

function fileNameProblem(url: string, permalink: string | undefined): PermalinkProblem | undefined {
  if (/[\u0000-\u001f]/.test(url)) {
    return { rule: 'permalink/invalid', message: `permalink ${JSON.stringify(permalink ?? url)} holds a control character, which no file name may; the page is not written` };
  }
  const long = url.split('/').find((segment) => Buffer.byteLength(segment) > MAX_NAME_BYTES - '.html'.length);
  if (long !== undefined) {
    return { rule: 'permalink/invalid', message: `a part of the URL ${JSON.stringify(url.slice(0, 60))}… is longer than a file name may be (${MAX_NAME_BYTES} bytes); the page is not written` };
  }
  return undefined;
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
