#!/usr/bin/env node
// Bundles the compiled render worker (dist/markdown/render-worker.js and the ~290 modules it imports)
// into one file, which a worker thread loads in about a quarter of the time. Run by `npm run compile`
// after tsc. Beside the bundle goes a manifest of every file bundled with its size and modification
// time: render-pool.ts uses the bundle only while all of them are unchanged, so a stale bundle (tsc run
// alone, packages updated) is never used. Without rolldown (a production install), or if it fails, this
// removes any old bundle and workers load the modules one by one.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/markdown/', import.meta.url));
const input = path.join(dist, 'render-worker.js');
const bundle = path.join(dist, 'render-worker.bundle.js');

let inputs;
try {
  const rolldown = await import('rolldown');
  const { output } = await rolldown.build({
    input,
    platform: 'node',
    logLevel: 'warn',
    output: { file: bundle, format: 'esm' },
  });
  const chunk = output.find((item) => item.type === 'chunk');
  if (chunk === undefined) throw new Error('rolldown produced no chunk');
  inputs = chunk.moduleIds
    .filter((id) => path.isAbsolute(id))
    .map((id) => {
      const stats = statSync(id);
      return { file: path.relative(dist, id), size: stats.size, mtimeMs: stats.mtimeMs };
    });
} catch (error) {
  // Never fail an install over it: without a current bundle, workers load the compiled modules.
  rmSync(`${bundle}.json`, { force: true });
  rmSync(bundle, { force: true });
  console.warn(`bundle-worker: no bundle (${error instanceof Error ? error.message : String(error)}); workers will load the compiled modules`);
  process.exit(0);
}
writeFileSync(`${bundle}.json`, JSON.stringify({ inputs }));
// Quiet on success, like tsc before it.
if (process.argv.includes('--verbose')) console.log(`bundle-worker: ${inputs.length} modules into ${path.relative(process.cwd(), bundle)}`);
