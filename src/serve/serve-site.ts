/** The dev server's HTTP side: serves an in-memory site like GitHub Pages does (pretty URLs, 404 page). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENTS_PATH, injectLiveReload, type LiveReload } from './live-reload.js';

/** The site being served: output files by path relative to the site root, and the baseurl they live under. */
export interface ServedSite {
  files: ReadonlyMap<string, string | Uint8Array>;
  baseurl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
};

/** Content type for a file name (octet-stream when unknown, as static hosts do). */
function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Returns the request handler for `site()` (read per request, so a rebuild swaps the site atomically). */
export function createSiteHandler(site: () => ServedSite, live: LiveReload) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      live.connect(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: malformed URL\n');
      return;
    }
    const { files, baseurl } = site();
    if (baseurl !== '' && (pathname === '/' || pathname === '')) {
      redirect(res, `${baseurl}/`);
      return;
    }
    if (!(pathname === baseurl || pathname.startsWith(`${baseurl}/`))) {
      notFound(req, res, files);
      return;
    }
    const rel = pathname.slice(baseurl.length).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) {
      send(req, res, 200, `${rel}index.html`, files);
      return;
    }
    if (files.has(rel)) send(req, res, 200, rel, files);
    else if (files.has(`${rel}/index.html`)) redirect(res, `${pathname}/${url.search}`);
    else if (files.has(`${rel}.html`)) send(req, res, 200, `${rel}.html`, files);
    else notFound(req, res, files);
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  rel: string,
  files: ServedSite['files'],
): void {
  const data = files.get(rel);
  if (data === undefined) {
    notFound(req, res, files);
    return;
  }
  const type = contentTypeFor(rel);
  let body: string | Uint8Array = data;
  if (type.startsWith('text/html')) {
    body = injectLiveReload(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
  }
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function notFound(req: IncomingMessage, res: ServerResponse, files: ServedSite['files']): void {
  if (files.has('404.html')) {
    send(req, res, 404, '404.html', files);
    return;
  }
  const html = injectLiveReload('<!doctype html><meta charset="utf-8"><title>Not found</title><h1>404: not found</h1><p>No page at this address in the site being served.</p>');
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { location, 'cache-control': 'no-store' }).end();
}
