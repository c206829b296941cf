/** Essay PDFs of a site built into a folder: for `dossier pdf` and the PDF step of `dossier build`. */
import type { BuildResult } from '../build.js';
import type { SiteConfig } from '../config/site-config.js';
import { discoverSource } from '../discover/discover-source.js';
import { parseFrontMatter } from '../front-matter/parse-front-matter.js';
import { buildNavTree } from '../nav/build-nav-tree.js';
import { citableWorks } from '../scholar/citable-works.js';
import { makeEssayPdfs, NoChromiumError, type PdfReport } from './make-essay-pdfs.js';

export { NoChromiumError } from './make-essay-pdfs.js';

/** The same site with `dossier.pdf: true`, so every essay page links its PDF. */
export function withPdfs(config: SiteConfig): SiteConfig {
  return { ...config, pdf: true };
}

/** Renders the PDFs of a site already built into `outDir`. */
export function pdfsOf(config: SiteConfig, outDir: string, cacheDir: string | undefined, essayUrl?: string): Promise<PdfReport> {
  const parsed = parseFrontMatter(discoverSource(config).pages, config);
  const { works } = citableWorks(parsed.pages, buildNavTree(parsed.pages, config), config);
  return makeEssayPdfs({ config, siteDir: outDir, works: works.values(), cacheDir, essayUrl });
}

/** One line on what the PDF step did. */
export function describePdfs(report: PdfReport): string {
  const total = report.made.length + report.cached.length;
  return `PDF: ${total} essay PDF${total === 1 ? '' : 's'} (${report.made.length} rendered in ${(report.renderMs / 1000).toFixed(2)} s, ${report.cached.length} unchanged)`;
}

/**
 * The PDF step of `dossier build`, for essays whose metadata asks for a PDF (`dossier.pdf: true`, or
 * `pdf: true` in an essay's front matter): without Chromium it warns and the build stands.
 */
export async function pdfsAfterBuild(config: SiteConfig, build: Pick<BuildResult, 'pages' | 'nav'>, outDir: string, cacheDir: string | undefined): Promise<void> {
  const { works } = citableWorks(build.pages, build.nav, config);
  try {
    const report = await makeEssayPdfs({ config, siteDir: outDir, works: works.values(), cacheDir });
    if (report.made.length + report.cached.length > 0) process.stderr.write(`  ${describePdfs(report)}\n`);
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error;
    process.stderr.write(`warning: PDFs not made: ${error.message}; ${error.hint} [pdf/no-chromium]\n`);
  }
}
