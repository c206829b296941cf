/**
 * Essay PDFs as the last step of a build into a folder, on the staged site before it is published:
 * for `dossier pdf` and `dossier build`. The published site therefore never lacks a PDF it links to
 * for a moment, and a failed PDF step leaves the previously published site as it was.
 */
import type { StagedSite } from '../build.js';
import type { SiteConfig } from '../config/site-config.js';
import { citableWorks } from '../scholar/citable-works.js';
import { makeEssayPdfs, NoChromiumError, type PdfReport } from './make-essay-pdfs.js';

export { NoChromiumError } from './make-essay-pdfs.js';

/** The same site with `dossier.pdf: true`, so every essay page links its PDF. */
export function withPdfs(config: SiteConfig): SiteConfig {
  return { ...config, pdf: true };
}

export interface PdfStepOptions {
  /** Where PDFs are kept between builds; none renders every one the last build cannot give. */
  cacheDir: string | undefined;
  /** Only the essay with this site URL; the others keep the last build's PDF while it fits. */
  essayUrl?: string | undefined;
  /** Without Chromium: true fails the build (`dossier pdf`); false warns and publishes without the PDFs that needed it (`build`). */
  required: boolean;
  /** Receives what the step did. */
  onReport?: ((report: PdfReport) => void) | undefined;
}

/** The PDF step for BuildOptions.beforePublish; resolves false when PDFs were left out for want of Chromium. */
export function pdfStep(options: PdfStepOptions): (site: StagedSite) => Promise<boolean> {
  return async (site) => {
    const { works } = citableWorks(site.pages, site.nav, site.config);
    try {
      const report = await makeEssayPdfs({ config: site.config, writer: site.writer, works: works.values(), cacheDir: options.cacheDir, essayUrl: options.essayUrl });
      options.onReport?.(report);
      return true;
    } catch (error) {
      if (options.required || !(error instanceof NoChromiumError)) throw error;
      process.stderr.write(`warning: PDFs not made (${error.missing.join(', ')}): ${error.message}; ${error.hint} [pdf/no-chromium]\n`);
      return false;
    }
  };
}

/**
 * The PDF step of `dossier build`, for essays whose metadata asks for a PDF (`dossier.pdf: true`, or
 * `pdf: true` in an essay's front matter): without Chromium it warns and the build stands.
 */
export function buildPdfStep(cacheDir: string | undefined): (site: StagedSite) => Promise<boolean> {
  return pdfStep({
    cacheDir,
    required: false,
    onReport: (report) => {
      if (report.made.length + report.cached.length > 0) process.stderr.write(`  ${describePdfs(report)}\n`);
    },
  });
}

/** One line on what the PDF step did. */
export function describePdfs(report: PdfReport): string {
  const total = report.made.length + report.cached.length;
  return `PDF: ${total} essay PDF${total === 1 ? '' : 's'} (${report.made.length} rendered in ${(report.renderMs / 1000).toFixed(2)} s, ${report.cached.length} unchanged)`;
}
