/** `dossier import INPUT …`: a scraped article into an essay with chapters (see docs/import.md). */
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../../diagnostics.js';
import { DossierError } from '../../errors.js';
import { importArticle, type ImportOptions, type ImportResult } from '../../import/import-article.js';
import { ImportError } from '../../import/import-error.js';
import type { ChapterMode } from '../../import/split-chapters.js';

const USAGE = 'dossier import INPUT [--site DIR] [--parent TITLE] [--grand-parent TITLE] [--title TITLE] [--chapters auto|none|N] [--dry-run]';

/** The command: parses flags, imports, prints the plan (dry run) or the files written and their findings. */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const options = parseImportFlags(argv);
  try {
    const result = await importArticle(options);
    process.stdout.write(options.dryRun ? formatPlan(result) : formatWritten(result));
    return result.findings.some((d) => d.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof DossierError)) throw error;
    process.stderr.write(`dossier import: ${error.message}\n${error.hint === undefined ? '' : `  hint: ${error.hint}\n`}`);
    return 2;
  }
}

function parseImportFlags(argv: readonly string[]): ImportOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        site: { type: 'string', default: 'content' },
        parent: { type: 'string' },
        'grand-parent': { type: 'string' },
        title: { type: 'string' },
        chapters: { type: 'string', default: 'auto' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new ImportError(`${(error as Error).message}\n  usage: ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ImportError(`give exactly one INPUT (a file, or - for stdin).\n  usage: ${USAGE}`);
  return {
    input: positionals[0]!,
    siteDir: values.site,
    parent: values.parent,
    grandParent: values['grand-parent'],
    title: values.title,
    chapters: chapterMode(values.chapters),
    dryRun: values['dry-run'],
  };
}

function chapterMode(value: string): ChapterMode {
  if (value === 'auto' || value === 'none') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new ImportError(`--chapters must be auto, none or a number of chapters (1-50), not "${value}".`);
  return n;
}

/** The dry run's report: title, pages with word counts, notes, then every dropped block and why. */
export function formatPlan({ article, files }: ImportResult): string {
  const lines = [`Title: ${files[0]?.title ?? article.title ?? ''}`];
  if (article.subtitle !== undefined) lines.push(`Subtitle: ${article.subtitle}`);
  if (article.byline !== undefined) lines.push(`Byline: ${article.byline}`);
  if (article.date !== undefined) lines.push(`Date: ${article.date}`);
  lines.push('', `Pages (${files.length}):`);
  for (const f of files) lines.push(`  ${f.path}  ${f.title}  (${f.words} words)`);
  lines.push('', `Notes found: ${article.notes.length}${article.notes.length === 0 ? '' : ` (${article.notes.map((n) => n.number).join(', ')})`}`);
  lines.push('', `Dropped blocks (${article.dropped.length}):`);
  for (const d of article.dropped) lines.push(`  [${d.reason}] ${d.text.length > 90 ? `${d.text.slice(0, 87)}…` : d.text}`);
  return `${lines.join('\n')}\n`;
}

function formatWritten({ files, findings }: ImportResult): string {
  const lines = files.map((f) => `wrote ${f.path}  (${f.words} words)`);
  for (const d of findings) lines.push(formatDiagnostic(d));
  const errors = findings.filter((d) => d.severity === 'error').length;
  lines.push(`Checked the imported pages: ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}
