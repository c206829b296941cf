/** One build in its own process, so the benchmark can read its peak memory: prints a JSON BuildSample. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../build.js';
import { diskBuildOutput } from '../cache/disk-build-caches.js';
import { checkSite } from '../check/check-site.js';

/** What the parent benchmark reads back from one child build. */
export interface BuildSample {
  ms: number;
  /** CPU time of the build (user + system, main thread and workers). */
  cpuMs: number;
  pages: number;
  timings: Array<[string, number]>;
  /** Peak resident memory of the whole process, bytes. */
  maxRss: number;
  /** Bytes of every page's HTML, for HTML per page. */
  pageHtmlBytes: number;
  errors: number;
}

async function main(): Promise<void> {
  const [mode, sourceDir, outDir, cacheDir] = process.argv.slice(2);
  if (sourceDir === undefined || outDir === undefined) throw new Error('usage: build-child build|check SOURCE OUT [CACHE_DIR]');
  if (mode === 'check') {
    process.stdout.write(`${JSON.stringify(await runCheck(sourceDir))}\n`);
    return;
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await buildSite({
    sourceDir,
    ...diskBuildOutput(outDir, cacheDir === undefined || cacheDir === '' ? undefined : cacheDir),
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  let pageHtmlBytes = 0;
  for (const page of result.pages) pageHtmlBytes += statSync(path.join(outDir, page.outputPath)).size;
  const sample: BuildSample = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    pages: result.pages.length,
    timings: result.timings,
    // resourceUsage reports kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    pageHtmlBytes,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

/** Times `dossier check` through its programmatic entry (src/check/check-site.ts). */
async function runCheck(sourceDir: string): Promise<{ ms: number; findings: number; maxRss: number }> {
  const t0 = performance.now();
  const result = await checkSite({ sourceDir });
  return { ms: performance.now() - t0, findings: result.findings.length, maxRss: process.resourceUsage().maxRSS * 1024 };
}

await main();
