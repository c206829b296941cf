/** Gives local images their `width` and `height` from the files, so the text does not jump as they load. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

/** Every `<img …>` start tag; the body is serialised HTML, whose attributes are double-quoted. */
const IMG_TAG = /<img\b[^>]*>/gi;
const SRC = /\ssrc="([^"]*)"/i;
const HAS_SIZE = /\s(?:width|height)=/i;

const sizes = new Map<string, { mtimeMs: number; size: { width: number; height: number } | undefined }>();

/** Width and height of an image file, read once per file version; undefined when it is missing or unreadable. */
export function imageDimensions(file: string): { width: number; height: number } | undefined {
  let mtimeMs: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return undefined;
    mtimeMs = stat.mtimeMs;
  } catch {
    return undefined;
  }
  const known = sizes.get(file);
  if (known !== undefined && known.mtimeMs === mtimeMs) return known.size;
  let size: { width: number; height: number } | undefined;
  try {
    const found = imageSize(readFileSync(file));
    size = found.width !== undefined && found.height !== undefined ? { width: found.width, height: found.height } : undefined;
  } catch {
    size = undefined;
  }
  sizes.set(file, { mtimeMs, size });
  return size;
}

/** The source file an image address points at: site-absolute (with or without baseurl) or relative to the page. */
export function localImageFile(src: string, pageUrl: string, baseurl: string, sourceDir: string): string | undefined {
  if (src === '' || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, `http://site${pageUrl}`).pathname);
  } catch {
    return undefined;
  }
  if (baseurl !== '' && pathname.startsWith(`${baseurl}/`)) pathname = pathname.slice(baseurl.length);
  const file = path.join(sourceDir, pathname);
  return file.startsWith(sourceDir) ? file : undefined;
}

/** Adds `width`/`height` to `<img>` tags without either whose file is in the site's source folder. */
export function sizeImages(html: string, fileOf: (src: string) => string | undefined): string {
  if (!html.includes('<img')) return html;
  return html.replace(IMG_TAG, (tag) => {
    if (HAS_SIZE.test(tag)) return tag;
    const src = SRC.exec(tag)?.[1]?.replace(/&amp;/g, '&');
    const file = src === undefined ? undefined : fileOf(src);
    const size = file === undefined ? undefined : imageDimensions(file);
    if (size === undefined) return tag;
    return tag.replace(/^<img\b/i, `<img width="${size.width}" height="${size.height}"`);
  });
}
