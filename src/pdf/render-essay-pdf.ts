/**
 * Renders one essay's print edition to a PDF in headless Chromium: the site being built is served to
 * the browser from the build's staged files through request interception (no server, no network),
 * Paged.js lays it out in pages (running heads, page numbers, contents page numbers), Chromium prints
 * it with an outline.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { withPdfInfo, type PdfInfo } from './pdf-info.js';

/** The origin the built site is shown under inside the browser; never resolved on a network. */
const ORIGIN = 'http://dossier.invalid';

/** Paged.js's browser build, which turns the document into pages. */
export const PAGED_POLYFILL = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '../dist/paged.polyfill.js');

const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript', json: 'application/json', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', woff2: 'font/woff2' };

export interface EssayPdfJob {
  /** A file of the site being built, by its output path (`docs/x/index.html`), or undefined when there is none. */
  siteFile: (rel: string) => Uint8Array | undefined;
  baseurl: string;
  /** Site URL of the essay's print edition (without baseurl). */
  printUrl: string;
  /** The site's public origin: links to other pages point there in the PDF. */
  siteOrigin: string;
  /** Cover HTML, put before the print edition. */
  cover: string;
  /** The PDF stylesheet. */
  css: string;
  info: PdfInfo;
}

/** Makes the PDF of one essay; throws when the page cannot be laid out. */
export async function renderEssayPdf(browser: Browser, job: EssayPdfJob): Promise<Buffer> {
  const context = await browser.newContext({ colorScheme: 'light', javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      const rel = siteFilePath(job.baseurl, decodeURIComponent(url.pathname));
      const body = rel === undefined ? undefined : job.siteFile(rel);
      if (rel === undefined || body === undefined) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body: Buffer.from(body), contentType: TYPES[path.extname(rel).slice(1)] ?? 'application/octet-stream' });
    });
    // The site's print stylesheet is for browsers' own printing (it hides the contents, spells out
    // addresses); the PDF's pages come from Paged.js and pdf.css instead.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${ORIGIN}${job.baseurl}${encodeURI(job.printUrl)}`, { waitUntil: 'load' });
    const args = { cover: job.cover, title: job.info.title, origin: ORIGIN, siteOrigin: job.siteOrigin };
    await page.evaluate(`(${PREPARE_PAGE})(${JSON.stringify(args)})`);
    await page.evaluate('window.PagedConfig = { auto: false }');
    await page.addScriptTag({ path: PAGED_POLYFILL });
    // Paged.js reads only the PDF stylesheet: the site's own stay as they are (its CSS parser trips over
    // some modern selectors in them), so the pages keep the site's typography.
    const pages = await page.evaluate(`(${PAGINATE})(${JSON.stringify({ [`${ORIGIN}/dossier-pdf.css`]: job.css })})`);
    if (typeof pages !== 'number' || pages === 0) throw new Error(`Paged.js laid out no pages for ${job.printUrl}`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    return withPdfInfo(pdf, job.info);
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page (as source text: Dossier is type-checked without the DOM library): light theme,
 * the cover first, the document title, links to other site pages pointed at the published site.
 */
const PREPARE_PAGE = `(args) => {
  document.documentElement.setAttribute('data-theme', 'light');
  document.title = args.title;
  (document.querySelector('main') || document.body).insertAdjacentHTML('afterbegin', args.cover);
  for (const link of document.querySelectorAll('a[href]')) {
    const raw = link.getAttribute('href') || '';
    if (raw.startsWith('#') || !link.href.startsWith(args.origin)) continue;
    link.setAttribute('href', args.siteOrigin === '' ? raw : args.siteOrigin + link.href.slice(args.origin.length));
  }
}`;

/** Lays the document out in pages with Paged.js, which the polyfill script has just defined. */
const PAGINATE = `(css) => window.PagedPolyfill.preview(undefined, [css]).then(() => document.querySelectorAll('.pagedjs_page').length)`;

/** The output path that a URL path names (`/x/` → `x/index.html`), or undefined when it leaves the site. */
export function siteFilePath(baseurl: string, pathname: string): string | undefined {
  const rel = pathname.startsWith(baseurl) ? pathname.slice(baseurl.length) : pathname;
  const withIndex = rel.endsWith('/') ? `${rel}index.html` : rel;
  const normal = path.posix.normalize(withIndex).replace(/^\/+/, '');
  return normal === '' || normal.startsWith('..') || normal.includes('\0') ? undefined : normal;
}
