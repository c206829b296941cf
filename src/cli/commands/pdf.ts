/** `dossier pdf [--source DIR] [--out DIR] [--essay URL] [--no-cache]`: builds the site with PDFs on and renders each essay's PDF. */
import path from 'node:path';
import { buildToFolder, type FolderBuild } from '../../build-to-folder.js';
import { loadConfig } from '../../config/load-config.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { defaultCacheDir } from '../../incremental/disk-build-caches.js';
import type { PdfReport } from '../../pdf/make-essay-pdfs.js';
import { describePdfs, NoChromiumError, pdfStep, withPdfs } from '../../pdf/pdf-step.js';
import { assertOutputPlace } from '../../write/output-ownership.js';
import { parseFlags } from '../flags.js';

/** Exit code for "bad usage or missing tool". */
const EXIT_USAGE = 2;

/** Runs the pdf command; returns 0, 1 when the build reported errors, 2 without Chromium or an essay. */
export async function pdfCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    out: { type: 'string', default: '_site' },
    essay: { type: 'string' },
    cache: { type: 'boolean', default: true },
  });
  const sourceDir = path.resolve(flags.source);
  const outDir = path.resolve(flags.out);
  // The same places are refused as for `dossier build` (see docs/safety.md).
  assertOutputPlace(outDir, sourceDir);
  const cacheDir = flags.cache ? defaultCacheDir(sourceDir) : undefined;
  const config = withPdfs(loadConfig(sourceDir));
  let report: PdfReport = { made: [], cached: [], renderMs: 0 };
  const step = pdfStep({ cacheDir, essayUrl: flags.essay, required: true, onReport: (made) => (report = made) });
  let build: FolderBuild;
  try {
    // Always a build (the site's own no-change record is for its config, not this one with PDFs on); the
    // PDFs are made from the staged site and published with it.
    build = await buildToFolder({ config, outDir, cacheDir, keepUnchanged: false, beforePublish: step, onProgress: (message) => process.stderr.write(`  ${message}\n`) });
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error;
    process.stderr.write(`dossier: ${error.message}; the site was not published\n  hint: ${error.hint}\n`);
    return EXIT_USAGE;
  }
  for (const d of build.report.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (report.made.length + report.cached.length === 0) {
    process.stderr.write(`dossier: no essay${flags.essay === undefined ? '' : ` at ${flags.essay}`} to make a PDF of (an essay is a page with chapters)\n`);
    return EXIT_USAGE;
  }
  for (const file of [...report.made, ...report.cached]) process.stdout.write(`${path.relative(process.cwd(), path.join(outDir, file))}\n`);
  process.stdout.write(`${describePdfs(report)}\n`);
  return build.report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
