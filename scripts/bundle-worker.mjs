#!/usr/bin/env node
// Bundles the compiled render worker (dist/markdown/render-worker.js and the ~290 modules it imports)
// into one file, which a worker thread loads in about a quarter of the time. Run by `npm run compile`
// after tsc. Beside the bundle goes a manifest of every file bundled with its size and modification
// time: render-pool.ts uses the bundle only while all of them are unchanged, so a stale bundle (tsc run
// alone, packages updated) is never used. Without rolldown (a production install) this does nothing and
// workers load the modules one by one, as before.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/markdown/', import.meta.url));
const input = path.join(dist, 'render-worker.js');
const bundle = path.join(dist, 'render-worker.bundle.js');

let rolldown;
try {
  rolldown = await import('rolldown');
} catch {
  console.log('bundle-worker: rolldown is not installed; workers will load the compiled modules');
  process.exit(0);
}
const { output } = await rolldown.build({
  input,
  platform: 'node',
  logLevel: 'warn',
  output: { file: bundle, format: 'esm' },
});
const chunk = output.find((item) => item.type === 'chunk');
if (chunk === undefined) throw new Error('bundle-worker: rolldown produced no chunk');
const inputs = chunk.moduleIds
  .filter((id) => path.isAbsolute(id))
  .map((id) => {
    const stats = statSync(id);
    return { file: path.relative(dist, id), size: stats.size, mtimeMs: stats.mtimeMs };
  });
writeFileSync(`${bundle}.json`, JSON.stringify({ inputs }));
// Quiet on success, like tsc before it.
if (process.argv.includes('--verbose')) console.log(`bundle-worker: ${inputs.length} modules into ${path.relative(process.cwd(), bundle)}`);
