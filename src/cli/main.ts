/** The `dossier` command: parses arguments and hands off to build, nav, check or dev. */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildToFolder } from '../cache/disk-build-caches.js';
import { defaultCacheDir } from '../cache/render-cache.js';
import { loadConfig } from '../config/load-config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { discoverSource } from '../discover/discover-source.js';
import { DossierError } from '../errors.js';
import { parseFrontMatter } from '../front-matter/parse-front-matter.js';
import { buildNavTree } from '../nav/build-nav-tree.js';
import { formatNavText, navToJson } from '../nav/format-nav.js';

const USAGE = `Usage: dossier <command> [options]

Commands:
  build   Build the site            [--source DIR] [--out DIR] [--no-cache]
  nav     Print the navigation tree [--source DIR] [--format text|json]
  check   Check links, notes, nav   [--source DIR] [--format human|json|github] [--external]
  dev     Build, serve and rebuild  [--source DIR] [--port N]
  pdf     Build, then a PDF of each essay [--source DIR] [--out DIR] [--essay URL] [--no-cache]

Defaults: --source content, --out _site (inside the current folder).
Exit codes: 0 clean, 1 content errors reported, 2 bad usage or configuration.`;

/** Exit code for "bad usage or config". */
const EXIT_USAGE = 2;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build':
        return await buildCommand(rest);
      case 'nav':
        return navCommand(rest);
      case 'check': {
        const { checkCommand } = await import('../check/check-command.js');
        return await checkCommand(rest);
      }
      case 'pdf': {
        const { pdfCommand } = await import('../pdf/pdf-command.js');
        return await pdfCommand(rest);
      }
      case 'dev': {
        const { devCommand } = await import('../serve/dev-command.js');
        return await devCommand(rest);
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        process.stderr.write(`dossier: unknown command "${command}"\n\n${USAGE}\n`);
        return EXIT_USAGE;
    }
  } catch (error) {
    return reportFatal(error);
  }
}

/** Prints a fatal error with its hint; returns the exit code for it. */
export function reportFatal(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`dossier: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof DossierError) {
    process.stderr.write(`dossier: ${error.message}\n`);
    if (error.hint !== undefined) process.stderr.write(`  hint: ${error.hint}\n`);
    return EXIT_USAGE;
  }
  throw error;
}

/** Wrong flags or arguments. */
export class UsageError extends Error {}

/** Parses flags with node:util, turning its errors into UsageErrors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: false, strict: true, allowNegative: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function buildCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    out: { type: 'string', default: '_site' },
    cache: { type: 'boolean', default: true },
  });
  const sourceDir = path.resolve(flags.source);
  const outDir = path.resolve(flags.out);
  const config = loadConfig(sourceDir);
  if (isInside(outDir, sourceDir) && !path.relative(sourceDir, outDir).startsWith('_')) {
    throw new UsageError(`--out ${flags.out} is inside the source folder; Jekyll would publish it as content. Use a folder starting with "_" or outside.`);
  }
  const progress = (message: string) => process.stderr.write(`  ${message}\n`);
  const build = await buildToFolder({ config, outDir, cacheDir: flags.cache ? defaultCacheDir(sourceDir) : undefined, onProgress: progress });
  if (build.result !== undefined) {
    const { pdfsAfterBuild } = await import('../pdf/pdf-command.js');
    await pdfsAfterBuild(config, build.result, outDir, flags.cache ? defaultCacheDir(sourceDir) : undefined);
  }
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

function navCommand(argv: readonly string[]): number {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'text' },
  });
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not ${flags.format}`);
  const config = loadConfig(path.resolve(flags.source));
  const parsed = parseFrontMatter(discoverSource(config).pages, config);
  const tree = buildNavTree(parsed.pages, config);
  const out = flags.format === 'json' ? `${JSON.stringify(navToJson(tree), null, 2)}\n` : formatNavText(tree);
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  const diagnostics = [...parsed.diagnostics, ...tree.diagnostics];
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
