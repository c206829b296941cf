/** One build in its own process, so the benchmark can read its peak memory: prints a JSON BuildSample. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../build.js';
import { DiskRenderCache } from '../cache/render-cache.js';
import { DiskWriter } from '../write/writer.js';

/** What the parent benchmark reads back from one child build. */
export interface BuildSample {
  ms: number;
  pages: number;
  timings: Array<[string, number]>;
  /** Peak resident memory of the whole process, bytes. */
  maxRss: number;
  /** Bytes of every page's HTML, for HTML per page. */
  pageHtmlBytes: number;
  errors: number;
}

async function main(): Promise<void> {
  const [sourceDir, outDir, cacheDir] = process.argv.slice(2);
  if (sourceDir === undefined || outDir === undefined) throw new Error('usage: build-child SOURCE OUT [CACHE_DIR]');
  const t0 = performance.now();
  const result = await buildSite({
    sourceDir,
    writer: new DiskWriter(outDir),
    ...(cacheDir === undefined || cacheDir === '' ? {} : { cache: new DiskRenderCache(cacheDir) }),
  });
  const ms = performance.now() - t0;
  let pageHtmlBytes = 0;
  for (const page of result.pages) pageHtmlBytes += statSync(path.join(outDir, page.outputPath)).size;
  const sample: BuildSample = {
    ms,
    pages: result.pages.length,
    timings: result.timings,
    // resourceUsage reports kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    pageHtmlBytes,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

/** Lists files under a folder (for sizes); exported for the benchmark's sanity checks. */
export function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  }
  return n;
}

await main();
