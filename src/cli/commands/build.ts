/** `dossier build [--source DIR] [--out DIR] [--no-cache] [--force-clean]`: build the site into a folder. */
import path from 'node:path';
import type { StagedSite } from '../../build.js';
import { buildToFolder } from '../../build-to-folder.js';
import { loadConfig } from '../../config/load-config.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { defaultCacheDir } from '../../incremental/disk-build-caches.js';
import { adoptOutput, assertOutputPlace } from '../../write/output-ownership.js';
import { parseFlags } from '../flags.js';

/** Runs the build command; returns 0, or 1 when the build reported errors. */
export async function buildCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    out: { type: 'string', default: '_site' },
    cache: { type: 'boolean', default: true },
    'force-clean': { type: 'boolean', default: false },
  });
  const sourceDir = path.resolve(flags.source);
  const outDir = path.resolve(flags.out);
  // Places no build may replace, whatever the flags (see docs/safety.md).
  assertOutputPlace(outDir, sourceDir);
  // Only the config: with nothing changed since the last build, no page is read at all.
  const config = loadConfig(sourceDir);
  if (flags['force-clean']) adoptOutput(outDir);
  if (isInside(outDir, sourceDir) && !path.relative(sourceDir, outDir).startsWith('_')) {
    throw new UsageError(`--out ${flags.out} is inside the source folder; Jekyll would publish it as content. Use a folder starting with "_" or outside.`);
  }
  const progress = (message: string) => process.stderr.write(`  ${message}\n`);
  const cacheDir = flags.cache ? defaultCacheDir(sourceDir) : undefined;
  // Essays that ask for a PDF (`dossier.pdf: true` or `pdf: true`) get one, made before the site is published.
  const beforePublish = async (site: StagedSite) => (await import('../../pdf/pdf-step.js')).buildPdfStep(cacheDir)(site);
  const build = await buildToFolder({ config, outDir, cacheDir, onProgress: progress, beforePublish });
  const { pages, files, diagnostics } = build.report;
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const where = path.relative(process.cwd(), outDir) || '.';
  const findings = `${warnings} warning${warnings === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${(build.elapsedMs / 1000).toFixed(2)} s`;
  process.stdout.write(
    build.result === undefined
      ? `Nothing changed since the last build: ${pages} pages and ${files} files in ${where} are up to date (${findings})\n`
      : `Built ${pages} pages and ${files} files into ${where}: ${findings}\n`,
  );
  return errors > 0 ? 1 : 0;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
