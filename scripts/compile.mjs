#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ and bundles the render worker, but only when something
// that goes into them changed since the last compile: `npm run build`, `dev`, `check` and `nav` call this
// first, and running tsc and the bundler every time cost several seconds on a site that takes a fraction
// of a second to rebuild. "Changed" is decided by content (a hash of every source file, the tsconfig,
// the lockfile and the bundler script), never by times, so a fresh checkout or a restored cache is judged
// the same way. `--force` compiles regardless.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = path.join(root, 'dist', '.compile-stamp');
// Sizes and times of the inputs when the stamp last matched: while they are the same, the inputs are not
// read again (a shortcut only; any difference falls back to the content hash, which decides).
const statsFile = path.join(root, 'dist', '.compile-stats');
const outputs = ['dist/cli/main.js', 'dist/markdown/render-worker.js'];

/** Every file tsc and the bundler read from this repository, relative, sorted. */
function inputFiles() {
  return readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .concat(['tsconfig.json', 'package-lock.json', 'scripts/bundle-worker.mjs'])
    .sort();
}

/** One line per input: its path, size and modification time. */
function inputStats(files) {
  return files
    .map((file) => {
      const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
      return `${file}\t${stats?.size ?? '-'}\t${stats?.mtimeMs ?? '-'}`;
    })
    .join('\n');
}

/** A hash of everything tsc and the bundler read from this repository. */
function inputsFingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(existsSync(path.join(root, file)) ? readFileSync(path.join(root, file)) : '').update('\0');
  }
  return hash.digest('hex');
}

const readOr = (file, fallback) => (existsSync(file) ? readFileSync(file, 'utf8') : fallback);
const files = inputFiles();
const stats = inputStats(files);
const outputsThere = outputs.every((file) => existsSync(path.join(root, file))) && existsSync(stampFile);
const force = process.argv.includes('--force');
const sameStats = !force && outputsThere && readOr(statsFile, undefined) === stats;
const fingerprint = sameStats ? undefined : inputsFingerprint(files);
const upToDate = sameStats || (!force && outputsThere && readOr(stampFile, undefined) === fingerprint);

if (!upToDate) {
  const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  try {
    run(path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', 'tsconfig.json']);
    run(path.join(root, 'scripts', 'bundle-worker.mjs'), []);
  } catch {
    // tsc has printed its errors; no stamp, so the next run compiles again.
    process.exit(1);
  }
  writeFileSync(stampFile, fingerprint);
}
if (!sameStats) writeFileSync(statsFile, stats);
