/** `dossier nav [--source DIR] [--format text|json]`: print the navigation tree the build would make. */
import path from 'node:path';
import { formatDiagnostic } from '../../diagnostics.js';
import { UsageError } from '../../errors.js';
import { loadSite } from '../../load-site.js';
import { formatNavText, navToJson } from '../../nav/format-nav.js';
import { parseFlags } from '../flags.js';

/** Runs the nav command; returns 1 when front matter or nav errors were found. */
export async function navCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'text' },
  });
  if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not ${flags.format}`);
  const site = await loadSite(path.resolve(flags.source));
  const out = flags.format === 'json' ? `${JSON.stringify(navToJson(site.nav), null, 2)}\n` : formatNavText(site.nav);
  process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  for (const d of site.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return site.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
