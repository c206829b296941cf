/** Whole-process timings for the benchmark: `node bin/dossier.js build` with nothing changed, and `npm run build`'s path on the demo. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(REPO, 'bin', 'dossier.js');

/** Wall ms of running `node args…` in `cwd` to the end; exit code 1 (content errors reported) is a finished build too. */
function timeNode(args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr.toString()}`);
  return performance.now() - t0;
}

/**
 * Builds `sourceDir` once with the default cache (kept under `work`, never under the repository), then
 * times `runs` whole `dossier build` processes that find nothing changed: Node's start and module loading included.
 */
export function measureProcessRebuilds(sourceDir: string, work: string, runs: number): number[] {
  mkdirSync(work, { recursive: true });
  const args = [BIN, 'build', '--source', sourceDir, '--out', path.join(work, '_site')];
  timeNode(args, work);
  return Array.from({ length: runs }, () => timeNode(args, work));
}

/** Times what `npm run build` runs (compile-if-changed, then build) on a copy of the demo, after one build to warm it. */
export function measureNpmBuildNoChange(root: string, runs: number): number[] {
  const demo = path.join(root, 'demo');
  cpSync(path.join(REPO, 'content'), path.join(demo, 'content'), { recursive: true });
  const once = () => timeNode([path.join(REPO, 'scripts', 'compile.mjs')], REPO) + timeNode([BIN, 'build'], demo);
  once();
  return Array.from({ length: runs }, once);
}
