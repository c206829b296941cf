/** One build, check or bare-chain run in its own process, so the benchmark can read its peak memory: prints its JSON result (a BuildSample for builds). */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildToFolder } from '../build-to-folder.js';
import { loadConfig } from '../config/load-config.js';
import { checkSite } from '../check/check-site.js';
import { runBareChain } from './bare-chain.js';
import { runCitations, runOwnChain } from './cpu-budget.js';

/** What the parent benchmark reads back from one child build. */
export interface BuildSample {
  ms: number;
  /** CPU time of the build (user + system, main thread and workers). */
  cpuMs: number;
  pages: number;
  timings: Array<[string, number]>;
  /** Peak resident memory of the whole process, bytes. */
  maxRss: number;
  /** Bytes of every page's HTML, for HTML per page (0 when the build kept an unchanged site). */
  pageHtmlBytes: number;
  errors: number;
}

async function main(): Promise<void> {
  const [mode, sourceDir, outDir, cacheDir] = process.argv.slice(2);
  if (mode === 'bare') {
    // A fresh process, as the builds get: both sides of the benchmark's ratio start alike.
    const fileList = sourceDir;
    if (fileList === undefined) throw new Error('usage: build-child bare FILE_LIST');
    const files = readFileSync(fileList, 'utf8').split('\n').filter(Boolean);
    process.stdout.write(`${JSON.stringify(runBareChain(files))}\n`);
    return;
  }
  if (mode === 'chain' || mode === 'citations') {
    // The parts of a cold build's CPU measured alone (cpu-budget.ts): `chain FILE_LIST SITE`, `citations SITE`.
    const files = mode === 'chain' ? readFileSync(sourceDir ?? '', 'utf8').split('\n').filter(Boolean) : [];
    const run = mode === 'chain' ? runOwnChain(files, outDir ?? '') : await runCitations(sourceDir ?? '');
    process.stdout.write(`${JSON.stringify(run)}\n`);
    return;
  }
  if (sourceDir === undefined || outDir === undefined) throw new Error('usage: build-child build|check SOURCE OUT [CACHE_DIR] | bare FILE_LIST | chain FILE_LIST SITE | citations SITE');
  if (mode === 'check') {
    process.stdout.write(`${JSON.stringify(await runCheck(sourceDir))}\n`);
    return;
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // As `dossier build` does it, config included: a site with nothing changed is kept as it is.
  const build = await buildToFolder({ config: loadConfig(sourceDir), outDir, cacheDir: cacheDir === undefined || cacheDir === '' ? undefined : cacheDir });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  let pageHtmlBytes = 0;
  for (const page of build.result?.pages ?? []) pageHtmlBytes += statSync(path.join(outDir, page.outputPath)).size;
  const sample: BuildSample = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    pages: build.report.pages,
    timings: build.result?.timings ?? [['unchanged: nothing to build', ms]],
    // resourceUsage reports kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    pageHtmlBytes,
    errors: build.report.diagnostics.filter((d) => d.severity === 'error').length,
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
