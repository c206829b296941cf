/**
 * The PDFs of a site being built: one per essay whose metadata asks for one, at `<essay>/<slug>.pdf`.
 * They are made from the staged site and written through the build's writer before it publishes, so
 * the published site has its PDFs from the moment it appears. A PDF is made again only when its print
 * edition's bytes (or the cover, the PDF stylesheet, Paged.js) change: otherwise the last build's file
 * is kept, or taken from the cache folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import { formatDate } from '../layout/format-date.js';
import { createTemplateEngine, DEFAULT_TEMPLATES_DIR } from '../layout/template-engine.js';
import type { CitableWork } from '../scholar/citable-works.js';
import { licenseUrl } from '../scholar/metadata.js';
import type { Writer } from '../write/writer.js';
import { CHROMIUM_HINT, findChromium } from './find-chromium.js';
import { PAGED_POLYFILL, renderEssayPdf, type EssayPdfJob } from './render-essay-pdf.js';

export interface PdfReport {
  /** Output paths (relative to the site folder) of PDFs rendered now. */
  made: string[];
  /** Output paths of PDFs kept from the last build or taken from the cache, unchanged. */
  cached: string[];
  /** Milliseconds spent in Chromium. */
  renderMs: number;
}

/** No Chromium to render with: `dossier pdf` exits 2, `build` warns and goes on. */
export class NoChromiumError extends Error {
  readonly hint = CHROMIUM_HINT;
  /** Output paths of the PDFs that could not be made. */
  missing: string[] = [];
}

export interface PdfOptions {
  config: SiteConfig;
  /** The build's writer, before it publishes: print editions are read from it and PDFs written through it. */
  writer: Writer;
  /** Every citable work of the site (scholar/); essays with a generated `pdfUrl` get a PDF. */
  works: Iterable<CitableWork>;
  /** Where PDFs are kept between builds; none renders every one that the last build cannot give. */
  cacheDir: string | undefined;
  /** Only the essay with this site URL (`/docs/G/essay/`); the others keep the last build's PDF when it still fits. */
  essayUrl?: string | undefined;
}

/** One essay's PDF to write: where, what it is made from, and the key of those inputs. */
interface PdfTask {
  out: string;
  job: EssayPdfJob;
  key: string;
}

/**
 * Writes the PDF of every essay that has one, reusing unchanged ones; throws NoChromiumError (after
 * writing every PDF it could reuse) when one must be rendered and there is no browser.
 */
export async function makeEssayPdfs(options: PdfOptions): Promise<PdfReport> {
  const { config, writer } = options;
  const report: PdfReport = { made: [], cached: [], renderMs: 0 };
  const essays = [...options.works].filter((work) => work.kind === 'essay' && ownPdfPath(work, config) !== undefined);
  if (essays.length === 0) return report;
  const templates = createTemplateEngine(config.templatesDir);
  const css = readFileSync(path.join(DEFAULT_TEMPLATES_DIR, 'pdf', 'pdf.css'), 'utf8');
  const paged = readFileSync(PAGED_POLYFILL);
  const toRender: PdfTask[] = [];
  for (const essay of essays) {
    const task = pdfTask(essay, writer, config, css, paged, templates.render('pdf/cover', coverData(essay)));
    const wanted = matches(essay, options.essayUrl, config);
    if (keepUnchanged(task, writer, options.cacheDir)) {
      if (wanted) report.cached.push(task.out);
    } else if (wanted) toRender.push(task);
  }
  if (toRender.length > 0) await renderAll(toRender, writer, options.cacheDir, report);
  return report;
}

/** Keeps the last build's PDF, or writes the cached one, when made from the same inputs; false when it must be rendered. */
function keepUnchanged(task: PdfTask, writer: Writer, cacheDir: string | undefined): boolean {
  if (writer.reuse?.(task.out, task.key) !== undefined) return true;
  const cached = cacheFile(cacheDir, task.key);
  if (cached === undefined || !existsSync(cached)) return false;
  writer.write(task.out, readFileSync(cached), { key: task.key });
  return true;
}

async function renderAll(tasks: readonly PdfTask[], writer: Writer, cacheDir: string | undefined, report: PdfReport): Promise<void> {
  const browser = await launch(tasks.map((task) => task.out));
  try {
    for (const task of tasks) {
      const t0 = performance.now();
      const pdf = await renderEssayPdf(browser, task.job);
      report.renderMs += performance.now() - t0;
      writer.write(task.out, pdf, { key: task.key });
      const cached = cacheFile(cacheDir, task.key);
      if (cached !== undefined) {
        mkdirSync(path.dirname(cached), { recursive: true });
        writeFileSync(cached, pdf);
      }
      report.made.push(task.out);
    }
  } finally {
    await browser.close();
  }
}

function cacheFile(cacheDir: string | undefined, key: string): string | undefined {
  return cacheDir === undefined ? undefined : path.join(cacheDir, 'pdf', `${key}.pdf`);
}

/** The essay's PDF task; its key digests the staged print edition with everything else the PDF is made from. */
function pdfTask(essay: CitableWork, writer: Writer, config: SiteConfig, css: string, paged: Buffer, cover: string): PdfTask {
  const out = ownPdfPath(essay, config) as string;
  const job = pdfJob(essay, writer, config, css, cover);
  const print = writer.read?.(printFile(job.printUrl));
  if (print === undefined) throw new Error(`the print edition of ${essay.url} was not written, so its PDF cannot be made`);
  const key = createHash('sha256').update(print).update(job.cover).update(css).update(paged).update(JSON.stringify(job.info)).digest('hex');
  return { out, job, key };
}

async function launch(outs: readonly string[]) {
  const executablePath = findChromium();
  if (executablePath === undefined) {
    const error = new NoChromiumError('no Chromium found to render PDFs with');
    error.missing = [...outs];
    throw error;
  }
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

function pdfJob(essay: CitableWork, writer: Writer, config: SiteConfig, css: string, cover: string): EssayPdfJob {
  const prefix = `${config.url}${config.baseurl}`;
  const printUrl = decodeURI(essay.printUrl.slice(prefix.length));
  const authors = (essay.meta.authors ?? []).map((a) => a.name);
  return {
    siteFile: (rel) => writer.read?.(rel),
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
