/** Stage 5 at scale: renders pages on worker threads (piscina), skipping pages the render cache already holds. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { DEFAULT_RENDER_TIMEOUT_MS } from '../config/site-config.js';
import { heldPage } from './held-page.js';
import type { RenderedPage } from './page-data.js';
import type { RenderCache } from './render-cache.js';
import type { ProcessorOptions } from './processor.js';
import type { MarkdownInput } from './render-markdown.js';
import { newPageClock, runningPage, watchPageClock } from './page-clock.js';
import { renderFailedPage } from './render-failed.js';
import type { RenderTask, WrittenPage } from './render-worker.js';

/** Pages given up for time or memory: what a page gets depends on the machine's load, so these are never cached. */
const givenUp = new WeakSet<RenderedPage | WrittenPage>();

/** A worker stopped by V8 for want of memory (its resourceLimits). */
function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Markdown characters one render budget (the configured timeout) covers; longer pages get budgets in proportion. */
const CHARS_PER_BUDGET = 250_000;

/**
 * The time a page may take: the configured budget, stretched for pages over CHARS_PER_BUDGET, since a
 * sound 1 MB page takes four times as long as a 250 KB one. The budget is there to stop pages whose
 * cost grows faster than their size, and those still run out of it.
 */
function budgetFor(input: MarkdownInput, timeoutMs: number): number {
  return Math.round(timeoutMs * Math.max(1, input.body.length / CHARS_PER_BUDGET));
}

/** Below this many pages to render, one worker thread renders them: more would cost more than they save. */
export const MIN_PAGES_FOR_WORKERS = 50;
/** Or this many characters of Markdown to render: a few very long pages keep two workers busy too. */
const MIN_CHARS_FOR_WORKERS = 2_000_000;
/** Markdown characters per task: big enough to amortise messaging, small enough to balance the tail. */
const BATCH_CHARS = 120_000;
/**
 * Young-generation size of each render worker, in MB, for pages of ordinary length: V8 makes its
 * semi-spaces a third of it, so 96 gives 32 MB semi-spaces where V8's default gives 16. Parsing
 * allocates short-lived objects at a furious rate, and a page's syntax tree lives through several
 * collections of a small young generation, each copying it again. It costs about 100 MB of peak RSS;
 * the measurements that chose it are in docs/benchmarks.md.
 */
const YOUNG_GENERATION_MB = 96;
/**
 * Average page size (bytes of Markdown) from which workers keep V8's default young generation: a
 * page this long builds a syntax tree bigger than any young generation, which is promoted whatever
 * its size, so the bigger one only adds about 30 MB of RSS per worker (docs/benchmarks.md).
 */
const HUGE_PAGE_BYTES = 250_000;

/** The young generation for workers rendering pages of `averageBytes` each: undefined for V8's default. */
function youngGenerationFor(averageBytes: number): number | undefined {
  return averageBytes >= HUGE_PAGE_BYTES ? undefined : YOUNG_GENERATION_MB;
}
/**
 * Old-generation limit of each render worker, in MB: the heap limit V8 gives this thread, so workers
 * collect as they would without one, but a page that runs its worker out of memory ends that worker
 * alone (a limit is what makes V8 stop a worker instead of the process) and is published as its text
 * with `markdown/render-failed`, as one past its time budget is. A 1 MB page needs about 100 MB. (A
 * lower limit for sites of huge pages was tried: 1 GB saved 70–140 MB of peak RSS on the long bench
 * shape but cost 18–20 % more CPU in collections; see docs/benchmarks.md.)
 */
export const WORKER_OLD_GENERATION_MB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);

/**
 * The compiled worker next to this module, or undefined when running from TypeScript sources
 * (vitest): Node's workers cannot load `.ts`, so those runs render in-thread, which gives the same output.
 * The one-file bundle `npm run compile` makes of it (scripts/bundle-worker.mjs) is preferred while it is
 * current: a worker loads it in about 60 ms instead of about 220 ms for the ~290 modules one by one.
 */
export function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return undefined;
  const file = here.replace(/render-pool\.js$/, 'render-worker.js');
  if (!existsSync(file)) return undefined;
  return currentBundle(file) ?? file;
}

/**
 * `<worker>.bundle.js` beside `workerModule` when every file it was bundled from (its manifest,
 * `<bundle>.json`: paths relative to the bundle's folder, sizes, modification times) is unchanged;
 * otherwise undefined, so a bundle older than the code (tsc run alone, packages updated) is never run.
 */
export function currentBundle(workerModule: string): string | undefined {
  const bundle = workerModule.replace(/\.js$/, '.bundle.js');
  try {
    const manifest = JSON.parse(readFileSync(`${bundle}.json`, 'utf8')) as { inputs: Array<{ file: string; size: number; mtimeMs: number }> };
    const folder = path.dirname(bundle);
    const fresh = manifest.inputs.length > 0 && manifest.inputs.every((input) => {
      const stats = statSync(path.resolve(folder, input.file), { throwIfNoEntry: false });
      return stats !== undefined && stats.size === input.size && stats.mtimeMs === input.mtimeMs;
    });
    return fresh && existsSync(bundle) ? bundle : undefined;
  } catch {
    // No manifest, or not one this code can read: the modules themselves are always right.
    return undefined;
  }
}

/**
 * A pool of render workers for one build. Loading the Markdown chain takes each worker about 0.3 s,
 * so a build that will render many pages starts its pool (startRenderPool) while it still reads
 * front matter and resolves the nav; renderPages otherwise starts one itself.
 */
export class RenderPool {
  private readonly piscina: Piscina<RenderTask, Array<RenderedPage | WrittenPage>>;
  private closing: Promise<void> | undefined;

  /**
   * `file`: the worker module (workerFile()); `averageBytes`: the size of the pages it will render,
   * which sets its young generation (youngGenerationFor); `oldGenerationMb`: each worker's
   * old-generation limit (tests lower it).
   */
  constructor(
    readonly file: string,
    readonly threads: number,
    averageBytes = 0,
    readonly oldGenerationMb = WORKER_OLD_GENERATION_MB,
  ) {
    const young = youngGenerationFor(averageBytes);
    this.piscina = new Piscina<RenderTask, Array<RenderedPage | WrittenPage>>({
      filename: file,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { ...(young === undefined ? {} : { maxYoungGenerationSizeMb: young }), maxOldGenerationSizeMb: oldGenerationMb },
    });
  }

  /** Renders one batch on a worker. */
  run(task: RenderTask): Promise<Array<RenderedPage | WrittenPage>> {
    return this.piscina.run(task);
  }

  /**
   * Renders one batch, giving each page `timeoutMs` from the moment its worker starts it (a page clock,
   * page-clock.ts). A page past it has its worker terminated (piscina starts another) and is published
   * as its own text with `markdown/render-failed`; the batch's other pages are rendered again without
   * it, so one pathological page costs one budget and never stalls the build. A page that runs its
   * worker out of memory goes the same way.
   */
  async runWithin(task: RenderTask, timeoutMs: number): Promise<Array<RenderedPage | WrittenPage>> {
    const clock = newPageClock();
    const controller = new AbortController();
    let slow: number | undefined;
    let reason = '';
    const budgetOf = (index: number) => budgetFor(task.inputs[index] as MarkdownInput, timeoutMs);
    const stop = watchPageClock(clock, budgetOf, (index) => {
      slow = index;
      controller.abort();
    });
    try {
      return await this.piscina.run({ ...task, clock }, { signal: controller.signal });
    } catch (error) {
      const starved = isOutOfMemory(error) ? runningPage(clock) : undefined;
      if (starved !== undefined) slow = starved;
      else if (slow === undefined || !isAbort(error)) throw error;
      reason = starved !== undefined ? `it needed more than the ${this.oldGenerationMb} MB a render worker has` : `it took longer than ${budgetOf(slow) / 1000} s`;
    } finally {
      stop();
    }
    const failed = renderFailedPage(task.inputs[slow] as MarkdownInput, undefined, reason);
    givenUp.add(failed);
    const rest = task.inputs.flatMap((_, i) => (i === slow ? [] : [i]));
    const others = rest.length === 0 ? [] : await this.runWithin(subTask(task, rest), timeoutMs);
    return [...others.slice(0, slow), failed, ...others.slice(slow)];
  }

  /** Stops every worker; later calls wait for the same stop. */
  close(): Promise<void> {
    this.closing ??= this.piscina.destroy();
    return this.closing;
  }
}

/** The pages of `task` at `indices`, with their page files. */
function subTask(task: RenderTask, indices: readonly number[]): RenderTask {
  const { entries } = task;
  return {
    options: task.options,
    inputs: indices.map((i) => task.inputs[i] as MarkdownInput),
    ...(entries === undefined ? {} : { entries: indices.map((i) => entries[i]) }),
  };
}

/**
 * A started pool when rendering `pageCount` pages of `pageBytes` together will want one: every page
 * is to be rendered (no cache, or a cold one) and there are enough of them. The caller closes it.
 */
export function startRenderPool(pageCount: number, pageBytes: number, cache: RenderCache | undefined, threads = availableParallelism()): RenderPool | undefined {
  if (pageCount < MIN_PAGES_FOR_WORKERS || threads <= 0) return undefined;
  const cold = cache === undefined || cache.isCold();
  const file = cold ? workerFile() : undefined;
  return file === undefined ? undefined : new RenderPool(file, threads, pageBytes / pageCount);
}

/** One worker thread to keep between builds (the dev server's), or undefined when running from sources. The caller closes it. */
export function lastingRenderPool(): RenderPool | undefined {
  const file = workerFile();
  return file === undefined ? undefined : new RenderPool(file, 1);
}

export interface RenderPagesOptions {
  processor: ProcessorOptions;
  cache?: RenderCache | undefined;
  /** Worker threads to start when there are enough pages to render; 0 renders in this thread. Default: the available cores. */
  threads?: number | undefined;
  onProgress?: ((message: string) => void) | undefined;
  /**
   * Called with each page as soon as it is rendered or found in the cache, in no particular order,
   * so the build can lay out finished essays while workers render the rest. Pages it takes are not also returned.
   */
  onRendered?: ((page: RenderedPage) => void) | undefined;
  /** A pool started early by startRenderPool; renderPages uses it when it has pages to render, and closes it either way. */
  pool?: RenderPool | undefined;
  /**
   * Without a cache, hold each rendering's HTML as compact bytes (default true): a one-off build reads
   * it once or twice. A dev server reads every page on every rebuild, so it keeps strings.
   */
  compactHtml?: boolean | undefined;
  /**
   * A pool the caller keeps between builds (the dev server's one thread), used for pages too few for
   * a pool of their own and never closed here, so an edit does not wait for a worker to start.
   */
  lastingPool?: RenderPool | undefined;
  /** How long one page may take on a worker (default DEFAULT_RENDER_TIMEOUT_MS); pages rendered in this thread (from sources) are not timed. */
  timeoutMs?: number | undefined;
}

/** What renderPages did, for the build's timings and the benchmark. */
export interface RenderStats {
  rendered: number;
  cached: number;
  threads: number;
}

/** Renders every input (cache first, then workers), returning results by page path (none when `onRendered` takes them). */
export async function renderPages(
  inputs: readonly MarkdownInput[],
  options: RenderPagesOptions,
  stats?: RenderStats,
): Promise<Map<string, RenderedPage>> {
  const { cache, onRendered } = options;
  // Pages handed to onRendered are the caller's to keep or let go: holding them here too would keep
  // every page of a 10,000-page build until the end.
  const out = new Map<string, RenderedPage>();
  const finished = (page: RenderedPage) => {
    if (onRendered === undefined) out.set(page.path, page);
    else onRendered(page);
  };
  const { hits, todo } = lookUp(inputs, cache);
  // Cache hits are announced once workers have their first batches, so laying them out delays no rendering.
  const announceHits = () => {
    for (const page of hits) finished(page);
  };
  const compactHtml = options.compactHtml ?? true;
  const store = (page: RenderedPage) => finished(cache !== undefined ? cache.keep(page.path, page) : compactHtml ? compact(page) : page);

  const wantThreads = options.threads ?? availableParallelism();
  const workers = todo.length === 0 || wantThreads <= 0 ? undefined : workersFor(todo, wantThreads, options);
  let threads = 0;
  if (workers === undefined) {
    // A pool started early for a site that turned out to be cached stops while this thread works.
    const unused = options.pool?.close();
    announceHits();
    await renderInThread(todo, options, store);
    await unused;
  } else {
    const { pool, lasting } = workers;
    threads = pool.threads;
    try {
      const feeding = renderOnWorkers(pool, todo, options, { store, finished }, !lasting);
      try {
        announceHits();
      } finally {
        await feeding;
      }
    } finally {
      if (!lasting) await pool.close();
    }
  }
  cache?.finish();
  if (stats !== undefined) Object.assign(stats, { rendered: todo.length, cached: inputs.length - todo.length, threads });
  // Callers look pages up by path, but keep source order for anyone iterating.
  const ordered = new Map<string, RenderedPage>();
  for (const page of inputs) {
    const rendered = out.get(page.path);
    if (rendered !== undefined) ordered.set(page.path, rendered);
  }
  return ordered;
}

/**
 * The workers to render `count` pages on, or undefined to render in this thread (running from
 * sources, with no compiled worker). Even a few pages go to a worker, since only a worker can be
 * stopped when a page runs past its budget: many get one thread per core (or the pool started early);
 * a few get the caller's lasting pool, or one new thread, which costs about what loading the Markdown
 * chain in this thread would. The worker file is looked for (a few hundred stats when bundled) only
 * when no pool is at hand.
 */
function workersFor(todo: readonly MarkdownInput[], wantThreads: number, options: RenderPagesOptions): { pool: RenderPool; lasting: boolean } | undefined {
  if (options.pool !== undefined) return { pool: options.pool, lasting: false };
  const chars = totalChars(todo);
  const many = (todo.length >= MIN_PAGES_FOR_WORKERS || chars >= MIN_CHARS_FOR_WORKERS) && wantThreads > 1;
  if (options.lastingPool !== undefined && !many) return { pool: options.lastingPool, lasting: true };
  const file = workerFile();
  return file === undefined ? undefined : { pool: new RenderPool(file, many ? wantThreads : 1, chars / todo.length), lasting: false };
}

/**
 * Splits the inputs into cache hits and pages to render. The pages to render are kept as given: a Page
 * holds its body compactly, and each batch reads its bodies only when it is sent, so a 10,000-page
 * site's sources are never all strings at once.
 */
function lookUp(inputs: readonly MarkdownInput[], cache: RenderCache | undefined): { hits: RenderedPage[]; todo: MarkdownInput[] } {
  const hits: RenderedPage[] = [];
  const todo: MarkdownInput[] = [];
  for (const page of inputs) {
    const hit = cache?.find(page);
    if (hit === undefined) todo.push(page);
    else hits.push(hit);
  }
  return { hits, todo };
}

/** Progress every tenth of the pages, at most every 250. */
function progressStep(count: number): number {
  return Math.max(250, Math.ceil(count / 10));
}

/** Renders `todo` in this thread, when running from sources (tests): no time budget, only the nesting guard. */
async function renderInThread(todo: readonly MarkdownInput[], options: RenderPagesOptions, store: (page: RenderedPage) => void): Promise<void> {
  if (todo.length === 0) return;
  // Loaded only here: a build whose pages all render on workers (or come from the cache) never
  // loads the Markdown chain in this thread, which takes about 0.2 s.
  const { rendererFor } = await import('./render-markdown.js');
  const render = rendererFor(options.processor);
  const step = progressStep(todo.length);
  todo.forEach((page, i) => {
    store(render(toInput(page)));
    if (options.onProgress !== undefined && (i + 1) % step === 0) options.onProgress(`rendered ${i + 1}/${todo.length} pages`);
  });
}

/** Renders `todo` in batches on the pool's workers, two batches in flight per thread: every worker busy without queuing the whole site. */
async function renderOnWorkers(
  pool: RenderPool,
  todo: readonly MarkdownInput[],
  options: RenderPagesOptions,
  take: { store: (page: RenderedPage) => void; finished: (page: RenderedPage) => void },
  closeWhenDone: boolean,
): Promise<void> {
  const { onProgress } = options;
  // Workers write page files themselves when the cache keeps them so; the main thread then never handles the HTML.
  const pageFiles = options.cache?.pageFiles;
  const batches = toBatches(todo);
  let done = 0;
  let reported = 0;
  let next = 0;
  let running = 0;
  const step = progressStep(todo.length);
  // Once one batch fails (a layout error while taking its pages, say), no feeder starts another.
  let failed = false;
  const feed = async (): Promise<void> => {
    for (let batch = batches[next++]; batch !== undefined && !failed; batch = batches[next++]) {
      const entries = pageFiles === undefined ? undefined : batch.map((page) => pageFiles.fileFor(page.path));
      const task = { options: options.processor, inputs: batch.map(toInput), ...(entries === undefined ? {} : { entries }) };
      running++;
      const pages = await pool.runWithin(task, options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS);
      running--;
      // The last pages often complete an essay whose layout and print edition take the most memory of
      // the build: workers that have nothing left to render are stopped first, which frees their heaps.
      if (running === 0 && next >= batches.length && closeWhenDone) await pool.close();
      for (const page of pages) {
        // A page given up for time is never cached: how long it takes depends on the machine's load.
        if (givenUp.has(page) && !('htmlAt' in page)) take.finished(page);
        else if (!('htmlAt' in page)) take.store(page);
        else if (pageFiles !== undefined) {
          const { htmlAt, ...data } = page;
          take.finished(pageFiles.adopt(page.path, data, htmlAt));
        }
      }
      done += pages.length;
      if (onProgress !== undefined && done - reported >= step) {
        reported = done;
        onProgress(`rendered ${done}/${todo.length} pages on ${pool.threads} threads`);
      }
    }
  };
  const feeders = Array.from({ length: pool.threads * 2 }, () =>
    feed().catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  // Every batch still on a worker is waited for before the failure goes up: a pool closed under a
  // running task gets its answer after it is gone, which piscina reports as an uncaught error.
  const settled = await Promise.allSettled(feeders);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

/** The page with its HTML and note texts held compactly; layout and the print edition read it once each. */
function compact(page: RenderedPage): RenderedPage {
  const { html, ...data } = page;
  return heldPage(data, html);
}

/**
 * Only the four MarkdownInput fields cross to workers, never the whole Page. A body held as bytes
 * goes as bytes: decoding every body on the main thread just to send it made ~30 KB of garbage a page.
 */
function toInput(page: MarkdownInput): MarkdownInput {
  return { path: page.path, kind: page.kind, body: page.body, bodyLine: page.bodyLine };
}

function totalChars(inputs: readonly MarkdownInput[]): number {
  let chars = 0;
  for (const input of inputs) chars += input.body.length;
  return chars;
}

/**
 * Batches of about BATCH_CHARS of Markdown each. Pages longer than a batch go first, longest first, each
 * in a batch of its own: a 1 MB page started last would leave one worker busy long after the other is
 * done. The rest keep source order, so an essay's chapters come back together and it is laid out early.
 */
function toBatches(inputs: readonly MarkdownInput[]): MarkdownInput[][] {
  const long = inputs.filter((input) => input.body.length >= BATCH_CHARS).sort((a, b) => b.body.length - a.body.length);
  const batches: MarkdownInput[][] = long.map((input) => [input]);
  let current: MarkdownInput[] = [];
  let size = 0;
  for (const input of inputs) {
    if (input.body.length >= BATCH_CHARS) continue;
    current.push(input);
    size += input.body.length;
    if (size >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
