/** The `dossier` command: parses arguments and hands off to build, nav, check or dev. */
import { DossierError, UsageError } from '../errors.js';
import { buildCommand } from './commands/build.js';

const USAGE = `Usage: dossier <command> [options]

Commands:
  build   Build the site            [--source DIR] [--out DIR] [--no-cache] [--force-clean]
  nav     Print the navigation tree [--source DIR] [--format text|json]
  check   Check links, notes, nav   [--source DIR] [--format human|json|github] [--external [--external-allow-private]]
  dev     Build, serve and rebuild  [--source DIR] [--port N]
  import  Scraped article -> essay  INPUT [--site DIR] [--parent TITLE] [--chapters auto|none|N] [--dry-run]
  pdf     Build, then a PDF of each essay [--source DIR] [--out DIR] [--essay URL] [--no-cache]

Defaults: --source content, --out _site (inside the current folder).
Exit codes: 0 clean, 1 content errors reported, 2 bad usage, configuration, or an output
folder that is refused or cannot be written (the previous site is then unchanged).`;

/** Exit code for "bad usage or config". */
const EXIT_USAGE = 2;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build':
        return await buildCommand(rest);
      // Loaded only when run: `nav` reads front matter (a build with nothing changed reads none),
      // `check` and `dev` pull in the link checker and the HTTP server.
      case 'nav': {
        const { navCommand } = await import('./commands/nav.js');
        return await navCommand(rest);
      }
      case 'check': {
        const { checkCommand } = await import('./commands/check.js');
        return await checkCommand(rest);
      }
      case 'pdf': {
        const { pdfCommand } = await import('./commands/pdf.js');
        return await pdfCommand(rest);
      }
      case 'dev': {
        const { devCommand } = await import('./commands/dev.js');
        return await devCommand(rest);
      }
      case 'import': {
        const { importCommand } = await import('./commands/import.js');
        return await importCommand(rest);
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
