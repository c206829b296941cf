/** Builds the demo site once with the real CLI and serves it for every browser test. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    siteDir: string;
    /** The reader fixture (tests/fixtures/sites/reader): constructs real essays use, built and served beside the demo. */
    readerOrigin: string;
    readerDir: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const source = path.resolve(ROOT, process.env['E2E_SITE'] ?? 'content');
  const out = path.join(ROOT, 'test-output', 'e2e-site');
  rmSync(out, { recursive: true, force: true });
  // `npm run test:e2e` compiles first, so this is the CLI a user runs.
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), 'build', '--source', source, '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const server = await serveStatic(out);
  project.provide('origin', server.origin);
  project.provide('siteDir', out);
  const readerOut = path.join(ROOT, 'test-output', 'e2e-reader-site');
  rmSync(readerOut, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), 'build', '--source', path.join(ROOT, 'tests/fixtures/sites/reader'), '--out', readerOut], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const readerServer = await serveStatic(readerOut);
  project.provide('readerOrigin', readerServer.origin);
  project.provide('readerDir', readerOut);
  return async () => {
    await server.close();
    await readerServer.close();
  };
}
