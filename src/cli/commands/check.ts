/** `dossier check [--source DIR] [--format human|json|github] [--external [--external-allow-private]]`: what CI runs before publishing. */
import path from 'node:path';
import { checkSite } from '../../check/check-site.js';
import { CHECK_FORMATS, formatFindings, type CheckFormat } from '../../check/format-findings.js';
import { UsageError } from '../../errors.js';
import { parseFlags } from '../flags.js';

/** Runs the check command; returns 0 when no errors were found, 1 when some were (bad usage or config throws). */
export async function checkCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'human' },
    external: { type: 'boolean', default: false },
    'external-allow-private': { type: 'boolean', default: false },
  });
  const format = flags.format;
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')}, not ${format}`);
  const sourceDir = path.resolve(flags.source);
  const allowPrivate = flags['external-allow-private'];
  const result = await checkSite({ sourceDir, external: flags.external, ...(allowPrivate ? { externalOptions: { allowPrivate } } : {}) });
  process.stdout.write(formatFindings(result.findings, format, { sourceDir, cwd: process.cwd(), pages: result.pages, links: result.links }));
  return result.findings.some((d) => d.severity === 'error') ? 1 : 0;
}

function isFormat(value: string | undefined): value is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(value ?? '');
}
