#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ and bundles the render worker, but only when something
// that goes into them changed since the last compile: `npm run build`, `dev`, `check` and `nav` call this
// first, and running tsc and the bundler every time cost several seconds on a site that takes a fraction
// of a second to rebuild. "Changed" is decided by content (a hash of every source file, the tsconfig,
// the lockfile and the bundler script), never by times, so a fresh checkout or a restored cache is judged
// the same way. `--force` compiles regardless.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = path.join(root, 'dist', '.compile-stamp');
const outputs = ['dist/cli/main.js', 'dist/markdown/render-worker.js'];

/** A hash of everything tsc and the bundler read from this repository. */
function inputsFingerprint() {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .concat(['tsconfig.json', 'package-lock.json', 'scripts/bundle-worker.mjs'])
    .sort();
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(existsSync(path.join(root, file)) ? readFileSync(path.join(root, file)) : '').update('\0');
  }
  return hash.digest('hex');
}

const fingerprint = inputsFingerprint();
const upToDate =
  !process.argv.includes('--force') &&
  outputs.every((file) => existsSync(path.join(root, file))) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === fingerprint;

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
