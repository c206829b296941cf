/**
 * `npm run bench`: synthetic 1,000- and 10,000-page essay sites, every figure issue #6 asks for,
 * PASS/FAIL per target. `--source DIR` measures a copy of an existing site instead, and `--jekyll`
 * times Jekyll building the same copy.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { clearBuildCaches } from '../incremental/disk-build-caches.js';
import { loadConfig } from '../config/load-config.js';
import { discoverSource } from '../discover/discover-source.js';
import { parseFrontMatter } from '../front-matter/parse-front-matter.js';
import { siteHref } from '../url-path.js';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDevServer } from '../serve/dev-server.js';
import type { BareChainRun } from './bare-chain.js';
import type { BuildSample } from './build-child.js';
import type { PartRun } from './cpu-budget.js';
import { generateSite, type GeneratedSite } from './generate-site.js';
import { generateLongSite } from './generate-long-site.js';
import { measureNpmBuildNoChange, measureProcessRebuilds } from './process-timings.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'build-child.js');

/** A site to measure: generated, or a copy of one given with --source. */
interface BenchSite {
  dir: string;
  /** Heading of its section in the report. */
  label: string;
  pages: number;
  /** Which targets apply: the essay shape's, the very-long-pages shape's, or none (a copied site). */
  shape: 'essays' | 'long' | 'source';
  /** Source paths (relative) of its Markdown pages, which the bare chain runs over. */
  files: string[];
  /** Markdown pages the dev-server measurement edits, with the URL that shows each. */
  edits: Array<{ file: string; url: string }>;
}

interface SizeResult {
  label: string;
  pages: number;
  shape: BenchSite['shape'];
  bareMs: number;
  /** CPU time of the bare chain (all of the process's threads), scaled like bareMs. */
  bareCpuMs: number;
  bareNote: string;
  /** Dossier's whole Markdown chain on one thread over the bare chain's sample (scaled like it), and every citation formatted on one thread. */
  parts: { chain: PartRun; citations: PartRun };
  cold: BuildSample[];
  warm: BuildSample[];
  /** Warm rebuilds after every source file was touched (new times, same bytes): the full pipeline, every cache hit. */
  touched: BuildSample[];
  /** Warm builds of a fresh copy of the site in another folder, with the cache folder restored (CI). */
  ci: BuildSample[];
  /** Whole `node bin/dossier.js build` processes with nothing changed, wall ms. */
  processRebuild: number[];
  edit: Array<{ reloadMs: number; servedMs: number }>;
  checkMs: number;
  checkNote: string;
  /** Wall times of `jekyll build` on the same site (--jekyll). */
  jekyll: number[];
}

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    shape: { type: 'string', default: 'essays' },
    runs: { type: 'string', default: '5,2' },
    'bare-sample': { type: 'string', default: '2000' },
    source: { type: 'string' },
    jekyll: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const say = (line = '') => process.stdout.write(`${line}\n`);

function child(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
    });
  });
}

/** A synthetic essay site of `pages` pages (see generate-site.ts). */
function generatedSite(root: string, pages: number, shape: 'essays' | 'long'): BenchSite {
  const dir = path.join(root, `site-${shape}-${pages}`);
  const site: GeneratedSite = shape === 'long' ? generateLongSite(dir, pages) : generateSite(dir, pages);
  const kind = shape === 'long' ? 'very long pages' : 'chapters';
  const label = `${pages.toLocaleString('en')} pages (${(site.bytes / 1e6).toFixed(1)} MB of Markdown in ${site.chapters.length} ${kind})`;
  const edits = site.chapters.map((file) => ({ file, url: `/${file.replace(/\.md$/, '')}/` }));
  return { dir: site.dir, label, pages: site.pages, shape, files: site.files, edits };
}

/**
 * A copy of the site at `sourceDir` (its own output and caches left behind), so timing builds and
 * editing chapters never touches the original.
 */
function copiedSite(root: string, sourceDir: string): BenchSite {
  const dir = path.join(root, 'site-source');
  const skip = new Set(['_site', '.git', 'node_modules', '.jekyll-cache', '.sass-cache']);
  cpSync(sourceDir, dir, { recursive: true, filter: (from) => !skip.has(path.basename(from)) });
  const config = loadConfig(dir);
  const { pages } = parseFrontMatter(discoverSource(config).pages, config);
  const markdown = pages.filter((page) => page.kind === 'markdown');
  if (markdown.length === 0) throw new Error(`no Markdown pages with front matter under ${path.resolve(sourceDir)}: nothing to measure`);
  const label = `${path.resolve(sourceDir)}: ${pages.length.toLocaleString('en')} pages, ${markdown.length.toLocaleString('en')} of them Markdown`;
  // Chapters (pages with a parent) are what authors edit; a flat site's pages otherwise.
  const chapters = markdown.filter((page) => page.data.parent !== undefined);
  const edits = (chapters.length > 0 ? chapters : markdown).map((page) => ({ file: page.path, url: siteHref(config.baseurl, page.url) }));
  return { dir, label, pages: pages.length, shape: 'source', files: markdown.map((page) => page.path), edits };
}

async function measureSite(root: string, site: BenchSite, runs: number): Promise<SizeResult> {
  const { dir } = site;
  const out = path.join(root, `out-${site.pages}`, '_site');
  const cacheDir = path.join(root, `cache-${site.pages}`);
  mkdirSync(path.dirname(out), { recursive: true });
  say(`\n## ${site.label}`);

  // The bare chain over the same files; above the sample size, a regular sample of them, scaled up.
  const sampleMax = Number(flags['bare-sample']);
  const stride = Math.max(1, Math.ceil(site.files.length / sampleMax));
  const sample = site.files.filter((_, i) => i % stride === 0).map((rel) => path.join(dir, rel));
  const sampleList = path.join(root, `bare-sample-${site.pages}.txt`);
  writeFileSync(sampleList, `${sample.join('\n')}\n`);
  const bareRuns = stride === 1 ? Math.min(runs, 3) : 1;
  const bareNote = stride === 1 ? `all ${site.files.length} pages, median of ${bareRuns}` : `every ${stride}th page (${sample.length}), scaled ×${(site.files.length / sample.length).toFixed(2)}`;

  // Each run times the bare chain right before the cold build, so a machine whose speed drifts
  // (this one is shared) slows both sides of the ratio alike.
  const bare: number[] = [];
  const bareCpu: number[] = [];
  const cold: BuildSample[] = [];
  const warm: BuildSample[] = [];
  const touched: BuildSample[] = [];
  for (let i = 0; i < runs; i++) {
    const scale = site.files.length / sample.length;
    const run = i < bareRuns ? ((await child(['bare', sampleList])) as BareChainRun) : undefined;
    if (run !== undefined) {
      bare.push(run.ms * scale);
      bareCpu.push(run.cpuMs * scale);
    }
    clearBuildCaches(cacheDir);
    const c = (await child(['build', dir, out, cacheDir])) as BuildSample;
    const w = (await child(['build', dir, out, cacheDir])) as BuildSample;
    // As after a fresh checkout: every file looks new, so no-change detection cannot help; the caches still do.
    const now = new Date();
    for (const rel of site.files) utimesSync(path.join(dir, rel), now, now);
    const t = (await child(['build', dir, out, cacheDir])) as BuildSample;
    cold.push(c);
    warm.push(w);
    touched.push(t);
    const bareText = run === undefined ? '' : `bare chain ${sec(run.ms * scale)} (${cores(run)}), `;
    say(`  run ${i + 1}/${runs}: ${bareText}cold ${sec(c.ms)} (${cores(c)}, peak ${mb(c.maxRss)}), warm ${sec(w.ms)}, touched ${sec(t.ms)} (peak ${mb(t.maxRss)})`);
  }
  const bareMs = median(bare);
  say(`  bare unified chain, 1 thread: ${sec(bareMs)} (${bareNote})`);
  const parts = await measureParts(dir, sampleList, site.files.length / sample.length);
  say(`  Dossier's chain, 1 thread: ${sec(parts.chain.ms)} (CPU ${sec(parts.chain.cpuMs)}); citations, 1 thread: ${sec(parts.citations.ms)} (CPU ${sec(parts.citations.cpuMs)}, ${parts.citations.count} works)`);

  const ci: BuildSample[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const sample = await measureCiWarm(root, dir, cacheDir, i);
    ci.push(sample);
    say(`  CI-style warm build ${i + 1}: ${sec(sample.ms)} (fresh copy in another folder, cache restored)`);
  }
  const processRebuild = await measureProcessRebuilds(dir, path.join(root, `proc-${site.pages}`), Math.max(3, runs));
  say(`  no-change rebuild, whole process: ${processRebuild.map((ms) => sec(ms)).join(', ')}`);

  const check = (await child(['check', dir, out])) as { ms: number; findings: number };
  const checkMs = check.ms;
  const checkNote = `${check.findings} findings`;
  say(`  check: ${sec(checkMs)} (${checkNote})`);

  const edit = site.pages <= 1000 && site.edits.length > 0 ? await measureEdits(dir, site, cacheDir, Math.max(7, runs)) : [];
  const jekyll = flags.jekyll ? await measureJekyll(dir, path.join(root, `jekyll-${site.pages}`), runs) : [];
  if (!flags.keep) rmSync(path.dirname(out), { recursive: true, force: true });
  return { label: site.label, pages: site.pages, shape: site.shape, ci, processRebuild, bareMs, bareCpuMs: median(bareCpu), bareNote, parts, cold, warm, touched, edit, checkMs, checkNote, jekyll };
}

/** The two biggest parts of a cold build's CPU, each alone on one thread: Dossier's chain over the bare chain's sample (scaled), and the citations. */
async function measureParts(dir: string, sampleList: string, scale: number): Promise<SizeResult['parts']> {
  const chain = (await child(['chain', sampleList, dir])) as PartRun;
  const citations = (await child(['citations', dir])) as PartRun;
  return { chain: { ms: chain.ms * scale, cpuMs: chain.cpuMs * scale, count: Math.round(chain.count * scale) }, citations };
}

/**
 * A CI job: a fresh checkout (new folder, new inodes and times, no output) with the cache folder restored
 * from the last cold build (also into a new folder). Every key must come from content for this to be warm.
 */
async function measureCiWarm(root: string, dir: string, cacheDir: string, run: number): Promise<BuildSample> {
  const checkout = path.join(root, `ci-${run}`, 'checkout-elsewhere');
  const restored = path.join(root, `ci-${run}`, 'restored-cache');
  cpSync(dir, checkout, { recursive: true });
  cpSync(cacheDir, restored, { recursive: true });
  try {
    return (await child(['build', checkout, path.join(root, `ci-${run}`, '_site'), restored])) as BuildSample;
  } finally {
    rmSync(path.join(root, `ci-${run}`), { recursive: true, force: true });
  }
}

/** Times `jekyll build` of the same site from nothing (no output, no Jekyll cache), `runs` times. Needs `jekyll` on PATH with the site's theme. */
async function measureJekyll(dir: string, out: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(dir, '.jekyll-cache'), { recursive: true, force: true });
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      execFile('jekyll', ['build', '--quiet', '--source', dir, '--destination', out], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error !== null) reject(new Error(`jekyll build failed (is Jekyll installed, with the site's theme?): ${error.message}\n${stderr}`));
        else resolve();
      });
    });
    times.push(performance.now() - t0);
    say(`  jekyll build ${i + 1}/${runs}: ${sec(times.at(-1) ?? 0)}`);
  }
  rmSync(path.join(dir, '.jekyll-cache'), { recursive: true, force: true });
  return times;
}

/** CPU time over wall time of a run, as "N.NN cores". */
function cores(run: { ms: number; cpuMs: number }): string {
  return `${(run.cpuMs / run.ms).toFixed(2)} cores`;
}

/** Starts the dev server (warm from the build cache), edits one chapter at a time, times write → reload → new HTML. */
async function measureEdits(dir: string, site: BenchSite, cacheDir: string, count: number) {
  const server = await startDevServer({ sourceDir: dir, port: 0, cacheDir, log: () => undefined });
  const results: Array<{ reloadMs: number; servedMs: number }> = [];
  const reloads: number[] = [];
  let onReload: (() => void) | undefined;
  const req = request(new URL('/__dossier/events', server.url), (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (chunk.includes('event: reload')) {
        reloads.push(performance.now());
        onReload?.();
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  await new Promise((r) => setTimeout(r, 200));
  // Node's fetch sets itself up on first use (about 100 ms here); a browser reloading the page has
  // its HTTP stack ready, so that is not the dev server's time.
  await (await fetch(new URL('/', server.url))).text();
  try {
    for (let i = 0; i < count; i++) {
      const target = site.edits[Math.floor(((i + 0.5) * site.edits.length) / count)] ?? site.edits[0];
      if (target === undefined) break;
      const file = path.join(dir, target.file);
      const marker = `Bench edit number ${i} reached the reader.`;
      const reloaded = new Promise<void>((resolve) => (onReload = resolve));
      const t0 = performance.now();
      appendFileSync(file, `\n${marker}\n`);
      await reloaded;
      const reloadMs = (reloads.at(-1) ?? t0) - t0;
      // Site URLs include the baseurl, so they resolve against the server's origin.
      const url = new URL(target.url, server.url);
      let html = '';
      while (!html.includes(marker)) html = await (await fetch(url)).text();
      results.push({ reloadMs, servedMs: performance.now() - t0 });
      say(`  dev edit ${i + 1}/${count}: reload event ${reloadMs.toFixed(0)} ms, new HTML served ${(performance.now() - t0).toFixed(0)} ms`);
      await server.idle();
    }
  } finally {
    req.destroy();
    await server.close();
  }
  return results;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL';
}

async function main(): Promise<void> {
  const shape = flags.shape === 'long' ? 'long' : 'essays';
  const sizes = (flags.sizes ?? (shape === 'long' ? '60' : '1000,10000')).split(',').map(Number).filter((n) => n > 0);
  const runList = (flags.runs ?? '').split(',').map(Number);
  const root = path.join(os.tmpdir(), `dossier-bench-${process.pid}`);
  const cpus = os.cpus();
  say('# Dossier benchmark');
  say(`machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`);
  say(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const results: SizeResult[] = [];
  let npmBuild: number[] = [];
  try {
    if (flags.source !== undefined) results.push(await measureSite(root, copiedSite(root, flags.source), runList[0] ?? 3));
    else for (const [i, size] of sizes.entries()) results.push(await measureSite(root, generatedSite(root, size, shape), runList[i] ?? runList.at(-1) ?? 3));
    npmBuild = await measureNpmBuildNoChange(root, 3);
    say(`\n## npm run build with nothing changed (the demo): ${npmBuild.map((ms) => sec(ms)).join(', ')}`);
  } finally {
    if (!flags.keep) rmSync(root, { recursive: true, force: true });
  }

  say('\n## Summary (medians)');
  for (const r of results) {
    const cold = median(r.cold.map((s) => s.ms));
    const warm = median(r.warm.map((s) => s.ms));
    say(`\n${r.label}:`);
    const coldCpu = median(r.cold.map((s) => s.cpuMs));
    say(`  bare unified chain (1 thread)  ${sec(r.bareMs)}  ${(r.bareMs / r.pages).toFixed(2)} ms/page  [${r.bareNote}]`);
    say(`    CPU ${sec(r.bareCpuMs)} (${(r.bareCpuMs / r.bareMs).toFixed(2)} cores busy: V8 collects garbage on helper threads)`);
    say(`  cold build                     ${sec(cold)}  ${(cold / r.pages).toFixed(2)} ms/page  (${r.cold.length} runs)`);
    say(`    CPU ${sec(coldCpu)} (${(coldCpu / cold).toFixed(2)} cores busy), ${(coldCpu / r.bareCpuMs).toFixed(2)} × the bare chain's CPU`);
    say(`    stages: ${stageMedians(r.cold)}`);
    const { chain, citations } = r.parts;
    say(`    its CPU, part by part: Dossier's chain ${sec(chain.cpuMs)} (${(chain.cpuMs / r.bareCpuMs).toFixed(2)} × the bare chain's), citations ${sec(citations.cpuMs)} (${citations.count} works), the rest ${sec(coldCpu - chain.cpuMs - citations.cpuMs)} (layout, notes, print editions, search, writing, threads)`);
    const coreCount = os.availableParallelism();
    const needed = (chain.cpuMs + citations.cpuMs) / coreCount;
    say(`    on ${coreCount} cores, the chain and citations alone take at least ${sec(needed)} = ${(needed / r.bareMs).toFixed(2)} × the bare chain's time; the whole build's CPU, spread perfectly, ${sec(coldCpu / coreCount)} = ${(coldCpu / coreCount / r.bareMs).toFixed(2)} ×`);
    say(`  warm no-change rebuild         ${sec(warm)}`);
    say(`    stages: ${stageMedians(r.warm)}`);
    say(`  no-change rebuild, process     ${sec(median(r.processRebuild))}  (whole \`node bin/dossier.js build\`, ${r.processRebuild.length} runs)`);
    say(`  CI-style warm build            ${sec(median(r.ci.map((s) => s.ms)))}  = ${(median(r.ci.map((s) => s.ms)) / cold).toFixed(2)} × cold (fresh copy elsewhere, cache restored)`);
    say(`    stages: ${stageMedians(r.ci)}`);
    say(`  warm rebuild, sources touched  ${sec(median(r.touched.map((s) => s.ms)))}  (same bytes, new file times: every page through the pipeline, every cache hit)`);
    say(`    stages: ${stageMedians(r.touched)}`);
    if (r.edit.length > 0) {
      say(`  dev edit → reload event        ${median(r.edit.map((e) => e.reloadMs)).toFixed(0)} ms`);
      say(`  dev edit → new HTML served     ${median(r.edit.map((e) => e.servedMs)).toFixed(0)} ms  (${r.edit.length} edits)`);
    }
    say(`  dossier check                  ${sec(r.checkMs)}  (${r.checkNote})`);
    say(`  peak RSS (cold build)          ${mb(Math.max(...r.cold.map((s) => s.maxRss)))}  (touched rebuild ${mb(Math.max(...r.touched.map((s) => s.maxRss)))})`);
    say(`  HTML per page                  ${(median(r.cold.map((s) => s.pageHtmlBytes / s.pages)) / 1024).toFixed(1)} KB`);
    if (r.jekyll.length > 0) {
      const jekyll = median(r.jekyll);
      say(`  jekyll build (same site)       ${sec(jekyll)}  (${r.jekyll.length} runs): ${(jekyll / cold).toFixed(1)} × Dossier's cold build`);
    }
  }

  printTargets(results, npmBuild);
  say('\n(peak RSS is the build process with its worker threads.)');
}

/** Issue #20's targets, each with the figure measured in this run, the bare chain beside the ratios. */
function printTargets(results: readonly SizeResult[], npmBuild: readonly number[]): void {
  say('\n## Targets');
  const coldOf = (r: SizeResult) => median(r.cold.map((s) => s.ms));
  for (const r of results) {
    const limit = r.shape === 'long' ? 0.75 : 0.6;
    const ratio = coldOf(r) / r.bareMs;
    say(`  cold build ≤ ${limit} × bare chain (${r.shape}, ${r.pages} pages): ${sec(coldOf(r))} / ${sec(r.bareMs)} = ${ratio.toFixed(2)} × ${verdict(ratio <= limit)}`);
    if (r.shape === 'long') {
      const peak = Math.max(...r.cold.map((s) => s.maxRss));
      say(`  peak RSS on very long pages ≤ 500 MB: ${mb(peak)} ${verdict(peak <= 500 * 2 ** 20)}`);
    }
    const ci = median(r.ci.map((s) => s.ms)) / coldOf(r);
    say(`  CI-style warm build ≤ 0.25 × cold (${r.pages} pages): ${ci.toFixed(2)} × ${verdict(ci <= 0.25)}`);
    const proc = median(r.processRebuild);
    say(`  no-change rebuild as a whole process ≤ 0.5 s (${r.pages} pages): ${sec(proc)} ${verdict(proc <= 500)}`);
  }
  if (npmBuild.length > 0) say(`  npm run build with nothing changed ≤ 1.5 s (demo): ${sec(median(npmBuild))} ${verdict(median(npmBuild) <= 1500)}`);
  const k1 = results.find((r) => r.shape === 'essays' && r.pages === 1000);
  const k10 = results.find((r) => r.shape === 'essays' && r.pages === 10000);
  if (k1 !== undefined && k1.edit.length > 0) {
    const served = median(k1.edit.map((e) => e.servedMs));
    say(`  dev server: edit → reloaded page ≤ 300 ms at 1,000 pages: ${served.toFixed(0)} ms ${verdict(served <= 300)}`);
  }
  if (k1 !== undefined && k10 !== undefined) {
    const perPage = coldOf(k10) / k10.pages / (coldOf(k1) / k1.pages);
    say(`  cost per page at 10,000 within 10 % of 1,000: ${perPage.toFixed(2)} × ${verdict(perPage <= 1.1)}`);
  }
  if (k10 !== undefined) {
    const peak = Math.max(...[...k10.cold, ...k10.warm, ...k10.touched].map((s) => s.maxRss));
    say(`  peak RSS at 10,000 pages ≤ 1 GB: ${mb(peak)} ${verdict(peak <= 2 ** 30)}`);
  }
}

/** Each stage's median time over the samples, as one line. */
function stageMedians(samples: readonly BuildSample[]): string {
  const stages = new Map<string, number[]>();
  for (const sample of samples) for (const [stage, ms] of sample.timings) stages.set(stage, [...(stages.get(stage) ?? []), ms]);
  return [...stages].map(([stage, ms]) => `${stage} ${sec(median(ms))}`).join(', ');
}

await main();
