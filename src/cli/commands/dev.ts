/** `dossier dev [--source DIR] [--port N]`: serve the site from memory and rebuild on every edit. */
import path from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { UsageError } from '../../errors.js';
import { defaultCacheDir } from '../../incremental/disk-build-caches.js';
import { startDevServer } from '../../serve/dev-server.js';
import { parseFlags } from '../flags.js';

/** Runs the dev server until Ctrl-C; returns the exit code. */
export async function devCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    source: { type: 'string', default: 'content' },
    port: { type: 'string', default: '4000' },
    cache: { type: 'boolean', default: true },
  });
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not ${flags.port}`);
  const sourceDir = path.resolve(flags.source);
  // Fail fast with the usual config message before anything listens.
  loadConfig(sourceDir);
  // Seeded from the cache `dossier build` writes, so the first build is warm.
  const server = await startDevServer({ sourceDir, port, cacheDir: flags.cache ? defaultCacheDir(sourceDir) : undefined });
  process.stdout.write(`Serving ${path.relative(process.cwd(), sourceDir) || '.'} at ${server.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('\nStopping…\n');
  await server.close();
  return 0;
}
