/**
 * The PDFs of a built site: one per essay whose metadata asks for one, written to `<essay>/<slug>.pdf`
 * in the site folder. A PDF is made again only when its print edition's bytes (or the cover, the PDF
 * stylesheet, Paged.js) change: the rest come from the cache folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import { formatDate } from '../layout/format-date.js';
import { createTemplateEngine, DEFAULT_TEMPLATES_DIR } from '../layout/template-engine.js';
import type { CitableWork } from '../scholar/citable-works.js';
import { licenseUrl } from '../scholar/metadata.js';
import { CHROMIUM_HINT, findChromium } from './find-chromium.js';
import { PAGED_POLYFILL, renderEssayPdf, type EssayPdfJob } from './render-essay-pdf.js';

export interface PdfReport {
  /** Output paths (relative to the site folder) of PDFs rendered now. */
  made: string[];
  /** Output paths of PDFs taken unchanged from the cache. */
  cached: string[];
  /** Milliseconds spent in Chromium. */
  renderMs: number;
}

/** No Chromium to render with: `dossier pdf` exits 2, `build` warns and goes on. */
export class NoChromiumError extends Error {
  readonly hint = CHROMIUM_HINT;
}

export interface PdfOptions {
  config: SiteConfig;
  /** The built site folder. */
  siteDir: string;
  /** Every citable work of the site (scholar/); essays with a generated `pdfUrl` get a PDF. */
  works: Iterable<CitableWork>;
  /** Where PDFs are kept between builds; none renders every one. */
  cacheDir: string | undefined;
  /** Only the essay with this site URL (`/docs/G/essay/`). */
  essayUrl?: string | undefined;
}

/** Makes the PDF of every essay that has one, reusing cached ones; throws NoChromiumError when a PDF must be rendered and there is no browser. */
export async function makeEssayPdfs(options: PdfOptions): Promise<PdfReport> {
  const { config } = options;
  const essays = [...options.works].filter((work) => work.kind === 'essay' && ownPdfPath(work, config) !== undefined && matches(work, options.essayUrl, config));
  const report: PdfReport = { made: [], cached: [], renderMs: 0 };
  if (essays.length === 0) return report;
  const templates = createTemplateEngine(config.templatesDir);
  const css = readFileSync(path.join(DEFAULT_TEMPLATES_DIR, 'pdf', 'pdf.css'), 'utf8');
  const paged = readFileSync(PAGED_POLYFILL);
  let browser: import('playwright-core').Browser | undefined;
  try {
    for (const essay of essays) {
      const out = ownPdfPath(essay, config) as string;
      const job = pdfJob(essay, options.siteDir, config, css, templates.render('pdf/cover', coverData(essay)));
      const key = createHash('sha256').update(readFileSync(path.join(options.siteDir, printFile(job.printUrl)))).update(job.cover).update(css).update(paged).update(JSON.stringify(job.info)).digest('hex');
      const cached = options.cacheDir === undefined ? undefined : path.join(options.cacheDir, 'pdf', `${key}.pdf`);
      const target = path.join(options.siteDir, out);
      mkdirSync(path.dirname(target), { recursive: true });
      if (cached !== undefined && existsSync(cached)) {
        copyFileSync(cached, target);
        report.cached.push(out);
        continue;
      }
      browser ??= await launch();
      const t0 = performance.now();
      const pdf = await renderEssayPdf(browser, job);
      report.renderMs += performance.now() - t0;
      writeFileSync(target, pdf);
      if (cached !== undefined) {
        mkdirSync(path.dirname(cached), { recursive: true });
        writeFileSync(cached, pdf);
      }
      report.made.push(out);
    }
  } finally {
    await browser?.close();
  }
  return report;
}

async function launch() {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new NoChromiumError('no Chromium found to render PDFs with');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** Output path of a generated PDF (relative to the site folder), or undefined when the essay has none or names its own. */
function ownPdfPath(work: CitableWork, config: SiteConfig): string | undefined {
  if (work.pdfUrl === undefined || typeof work.meta.pdf === 'string') return undefined;
  const prefix = `${config.url}${config.baseurl}`;
  return work.pdfUrl.startsWith(prefix) ? decodeURI(work.pdfUrl.slice(prefix.length)).replace(/^\//, '') : undefined;
}

function matches(work: CitableWork, essayUrl: string | undefined, config: SiteConfig): boolean {
  if (essayUrl === undefined) return true;
  const wanted = essayUrl.endsWith('/') || essayUrl.endsWith('.html') ? essayUrl : `${essayUrl}/`;
  return work.url === `${config.url}${config.baseurl}${encodeURI(wanted)}` || work.url.endsWith(encodeURI(wanted));
}

function printFile(printUrl: string): string {
  return `${printUrl.replace(/^\//, '')}index.html`;
}

function pdfJob(essay: CitableWork, siteDir: string, config: SiteConfig, css: string, cover: string): EssayPdfJob {
  const prefix = `${config.url}${config.baseurl}`;
  const printUrl = decodeURI(essay.printUrl.slice(prefix.length));
  const authors = (essay.meta.authors ?? []).map((a) => a.name);
  return {
    siteDir,
    baseurl: config.baseurl,
    printUrl,
    siteOrigin: config.url === '' ? '' : `${config.url}`,
    cover,
    css,
    info: { title: essay.title, author: authors.join(', '), subject: essay.meta.abstract, keywords: essay.meta.keywords?.join(', ') },
  };
}

function coverData(essay: CitableWork) {
  const { date, license } = essay.meta;
  // Dates are YYYY, YYYY-MM or YYYY-MM-DD (scholar/metadata.ts): show as much as was given.
  const shown = date === undefined ? undefined : formatDate(`${date}-01-01`.slice(0, 10), ['%Y', '%B %Y', '%B %-d, %Y'][date.split('-').length - 1] ?? '%Y');
  return { work: essay, date: shown, licenseUrl: license === undefined ? undefined : licenseUrl(license) };
}
