/**
 * Renders one essay's print edition to a PDF in headless Chromium: the built site is served to the
 * browser from disk through request interception (no server, no network), Paged.js lays it out in
 * pages (running heads, page numbers, contents page numbers), Chromium prints it with an outline.
 */
import { readFileSync } from 'node:fs';
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
  /** The built site folder. */
  siteDir: string;
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
      const file = siteFile(job.siteDir, job.baseurl, decodeURIComponent(url.pathname));
      try {
        const body = readFileSync(file);
        return await route.fulfill({ status: 200, body, contentType: TYPES[path.extname(file).slice(1)] ?? 'application/octet-stream' });
      } catch {
        return await route.fulfill({ status: 404, body: '' });
      }
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

/** The file in the built site that a URL path names (`/x/` → `/x/index.html`). */
function siteFile(siteDir: string, baseurl: string, pathname: string): string {
  const rel = pathname.startsWith(baseurl) ? pathname.slice(baseurl.length) : pathname;
  const withIndex = rel.endsWith('/') ? `${rel}index.html` : rel;
  const file = path.resolve(siteDir, `.${withIndex}`);
  if (!file.startsWith(path.resolve(siteDir))) throw new Error(`outside the site: ${pathname}`);
  return file;
}
