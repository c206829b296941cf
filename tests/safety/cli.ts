/** Runs the compiled `dossier` command (run `npm run compile` first) in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The command under test: this checkout's, or (to see a test fail on older code) another compiled checkout's. */
const UNDER_TEST = process.env['DOSSIER_TEST_CHECKOUT'] ?? REPO;
export const BIN = path.join(UNDER_TEST, 'bin/dossier.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node [nodeArgs] bin/dossier.js args…` in `cwd`; HOME is a folder of the test's unless given. */
export function dossier(args: readonly string[], options: { cwd: string; env?: Record<string, string>; nodeArgs?: readonly string[] }): CliRun {
  if (!existsSync(path.join(UNDER_TEST, 'dist/cli/main.js'))) throw new Error('run `npm run compile` before the safety tests');
  const run = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir` (following the output link) with its text, for before/after comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, abs)] = readFileSync(abs, 'utf8');
  }
  return out;
}

/** True when stderr holds no JavaScript stack trace. */
export function noStackTrace(stderr: string): boolean {
  return !/^\s+at .+:\d+:\d+\)?$/m.test(stderr);
}
