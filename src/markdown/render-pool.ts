/** Stage 5 at scale: renders pages on worker threads (piscina), skipping pages the render cache already holds. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { remember, type BuildMemo } from '../cache/build-memo.js';
import { heldPage } from '../cache/held-page.js';
import { compactBytes } from '../compact-text.js';
import { DiskRenderCache, type RenderCache } from '../cache/render-cache.js';
import { renderKey, renderSalt } from '../cache/render-key.js';
import type { RenderedPage } from './page-data.js';
import type { ProcessorOptions } from './processor.js';
import type { MarkdownInput } from './render-markdown.js';
import { renderFailedPage } from './render-failed.js';
import type { RenderTask, WrittenPage } from './render-worker.js';

/** Default time one page may take to render on a worker before it is given up (`dossier.render_timeout` seconds). */
export const DEFAULT_RENDER_TIMEOUT_MS = 10_000;

/** The render budget set in a site's `_config.yml` (`dossier: render_timeout: SECONDS`), or the default. */
export function renderTimeoutMs(raw: Readonly<Record<string, unknown>>): number {
  const dossier = raw['dossier'];
  const seconds = dossier !== null && typeof dossier === 'object' ? (dossier as Record<string, unknown>)['render_timeout'] : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : DEFAULT_RENDER_TIMEOUT_MS;
}

/** Pages given up for time: how long a page takes depends on the machine's load, so these are never cached. */
const timedOut = new WeakSet<RenderedPage | WrittenPage>();

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Below this many pages to render, starting workers costs more than it saves. */
export const MIN_PAGES_FOR_WORKERS = 50;
/** Markdown characters per task: big enough to amortise messaging, small enough to balance the tail. */
const BATCH_CHARS = 120_000;
/**
 * Young-generation size of each render worker, in MB: V8 makes its semi-spaces a third of it, so 96
 * gives 32 MB semi-spaces where V8's default (and 32 here until now) gives 16. Parsing allocates
 * short-lived objects at a furious rate, and a page's syntax tree lives through several collections
 * of a small young generation, each copying it again. Measured on the 1,000-page bench site:
 * our renderer in one thread used about 25 % less CPU with 32 MB semi-spaces (13.0-13.2 s against
 * 17.2-21.9 s, runs alternated), two copies side by side 10-20 % less; whole cold builds, five
 * alternated pairs, median 11.06 s against 11.84 s. It costs about 100 MB of peak RSS.
 */
const YOUNG_GENERATION_MB = 96;

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

  /** `file`: the worker module (workerFile()). */
  constructor(
    readonly file: string,
    readonly threads: number,
  ) {
    this.piscina = new Piscina<RenderTask, Array<RenderedPage | WrittenPage>>({
      filename: file,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }

  /** Renders one batch on a worker. */
  run(task: RenderTask): Promise<Array<RenderedPage | WrittenPage>> {
    return this.piscina.run(task);
  }

  /**
   * Renders one batch within `timeoutMs`. Past it, the worker is terminated (piscina starts another)
   * and each page is tried alone with the same budget; a page that still runs out of time is
   * published as its own text with `markdown/render-failed`, so one pathological page costs at most
   * two budgets and never stalls the build.
   */
  async runWithin(task: RenderTask, timeoutMs: number): Promise<Array<RenderedPage | WrittenPage>> {
    try {
      return await this.piscina.run(task, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if (!isAbort(error)) throw error;
    }
    if (task.inputs.length === 1) {
      const input = task.inputs[0] as MarkdownInput;
      const failed = renderFailedPage(input, undefined, `it took longer than ${timeoutMs / 1000} s`);
      timedOut.add(failed);
      return [failed];
    }
    const pages = await Promise.all(task.inputs.map((input, i) => {
      const entry = task.entries?.[i];
      return this.runWithin({ options: task.options, inputs: [input], ...(entry === undefined ? {} : { entries: [entry] }) }, timeoutMs);
    }));
    return pages.flat();
  }

  /** Stops every worker; later calls wait for the same stop. */
  close(): Promise<void> {
    this.closing ??= this.piscina.destroy();
    return this.closing;
  }
}

/**
 * A started pool when rendering `pageCount` pages will want one: every page is to be rendered (no
 * cache, or a disk cache with no entries yet) and there are enough of them. The caller closes it.
 */
export function startRenderPool(pageCount: number, cache: RenderCache | undefined, threads = availableParallelism()): RenderPool | undefined {
  if (pageCount < MIN_PAGES_FOR_WORKERS || threads <= 0) return undefined;
  const cold = cache === undefined || (cache instanceof DiskRenderCache && cache.isEmpty());
  const file = cold ? workerFile() : undefined;
  return file === undefined ? undefined : new RenderPool(file, threads);
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
  /** Keeps each page's cache key while its body is unchanged (hashing every body is most of a warm render). */
  memo?: BuildMemo | undefined;
  /** How long one page may take on a worker (default DEFAULT_RENDER_TIMEOUT_MS); pages rendered in this thread are not timed. */
  timeoutMs?: number | undefined;
}

/** What renderPages did, for the build's timings and the benchmark. */
export interface RenderStats {
  rendered: number;
  cached: number;
  threads: number;
  /**
   * With a cache, each page's render key (a digest of everything its rendering is made from), by path:
   * set before any page is handed to onRendered, and holding every page's key by the time it is.
   */
  keys?: ReadonlyMap<string, string>;
}

/** Renders every input (cache first, then workers or this thread), returning results by page path (none when `onRendered` takes them). */
export async function renderPages(
  inputs: readonly MarkdownInput[],
  options: RenderPagesOptions,
  stats?: RenderStats,
): Promise<Map<string, RenderedPage>> {
  const { cache, onProgress, onRendered } = options;
  // Pages handed to onRendered are the caller's to keep or let go: holding them here too would keep
  // every page of a 10,000-page build until the end.
  const out = new Map<string, RenderedPage>();
  const finished = (page: RenderedPage) => {
    if (onRendered === undefined) out.set(page.path, page);
    else onRendered(page);
  };
  // Cache hits are announced once workers have their first batches, so laying them out delays no rendering.
  const hits: RenderedPage[] = [];
  const announceHits = () => {
    for (const page of hits) finished(page);
  };
  const salt = cache === undefined ? '' : renderSalt(options.processor);
  const keys = new Map<string, string>();
  if (stats !== undefined && cache !== undefined) stats.keys = keys;
  // The pages still to render, kept as given: a Page holds its body compactly, and each batch reads
  // its bodies only when it is sent, so a 10,000-page site's sources are never all strings at once.
  const todo: MarkdownInput[] = [];
  const sizes = new Map<string, number>();
  for (const page of inputs) {
    // A body held as bytes is hashed as bytes (the same key as its text): no decoding for a cache hit.
    const { body } = toInput(page);
    if (cache !== undefined) {
      const key = remember(options.memo, `render key:${page.path}`, () => [salt, page.kind, page.bodyLine, body], () => renderKey(salt, page, body));
      keys.set(page.path, key);
      const hit = cache.get(key);
      if (hit !== undefined) {
        hits.push(hit);
        continue;
      }
    }
    todo.push(page);
    sizes.set(page.path, body.length);
  }
  // With a cache, every page to render has its key.
  const keyOf = (path: string): string => keys.get(path) ?? '';
  // A cache hands back pages as it holds them. Without one, a one-off build holds them compactly; the
  // dev server (a memo) keeps strings, which it reads on every rebuild.
  const keep = (page: RenderedPage) => (cache !== undefined ? cache.set(keyOf(page.path), page) : options.memo === undefined ? compact(page) : page);
  const store = (page: RenderedPage) => finished(keep(page));
  const direct = cache instanceof DiskRenderCache ? cache : undefined;

  const wantThreads = options.threads ?? availableParallelism();
  // The worker is looked for (a few hundred stats when bundled) only when workers would be used: not
  // for a dev-server edit or a build of cache hits. A pool started early has found it already.
  const enough = todo.length >= MIN_PAGES_FOR_WORKERS && wantThreads > 0;
  const file = !enough ? undefined : (options.pool?.file ?? workerFile());
  const useWorkers = file !== undefined;
  let threads = 0;
  if (!useWorkers) {
    // A pool started early for a site that turned out to be cached stops while this thread works.
    const unused = options.pool?.close();
    announceHits();
    if (todo.length > 0) {
      // Loaded only here: a build whose pages all render on workers (or come from the cache) never
      // loads the Markdown chain in this thread, which takes about 0.2 s.
      const { rendererFor } = await import('./render-markdown.js');
      const render = rendererFor(options.processor);
      const step = Math.max(250, Math.ceil(todo.length / 10));
      todo.forEach((page, i) => {
        store(render(toInput(page)));
        if (onProgress !== undefined && (i + 1) % step === 0) onProgress(`rendered ${i + 1}/${todo.length} pages`);
      });
    }
    await unused;
  } else {
    const pool = options.pool ?? new RenderPool(file, wantThreads);
    threads = pool.threads;
    try {
      const batches = toBatches(todo, sizes);
      let done = 0;
      let reported = 0;
      let next = 0;
      const step = Math.max(250, Math.ceil(todo.length / 10));
      // Two batches in flight per thread keep every worker busy without queuing the whole site.
      const feed = async (): Promise<void> => {
        for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
          // Workers write a disk cache's entries themselves; the main thread then never handles the HTML.
          const entries = direct === undefined ? undefined : batch.map((page) => direct.entryFile(keyOf(page.path)));
          const task = { options: options.processor, inputs: batch.map(toInput), ...(entries === undefined ? {} : { entries }) };
          const pages = await pool.runWithin(task, options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS);
          for (const page of pages) {
            if (timedOut.has(page) && !('htmlAt' in page)) finished(page);
            else if (!('htmlAt' in page)) store(page);
            else if (direct !== undefined) {
              const { htmlAt, ...data } = page;
              finished(direct.adopt(keyOf(page.path), data, htmlAt));
            }
          }
          done += pages.length;
          if (onProgress !== undefined && done - reported >= step) {
            reported = done;
            onProgress(`rendered ${done}/${todo.length} pages on ${pool.threads} threads`);
          }
        }
      };
      const feeding = Promise.all(Array.from({ length: pool.threads * 2 }, feed));
      try {
        announceHits();
      } finally {
        await feeding;
      }
    } finally {
      await pool.close();
    }
  }
  cache?.finish();
  if (stats !== undefined) {
    stats.rendered = todo.length;
    stats.cached = inputs.length - todo.length;
    stats.threads = threads;
  }
  // Callers look pages up by path, but keep source order for anyone iterating.
  const ordered = new Map<string, RenderedPage>();
  for (const page of inputs) {
    const rendered = out.get(page.path);
    if (rendered !== undefined) ordered.set(page.path, rendered);
  }
  return ordered;
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
  return { path: page.path, kind: page.kind, body: compactBytes(page, 'body') ?? page.body, bodyLine: page.bodyLine };
}

function toBatches(inputs: readonly MarkdownInput[], sizes: ReadonlyMap<string, number>): MarkdownInput[][] {
  const batches: MarkdownInput[][] = [];
  let current: MarkdownInput[] = [];
  let size = 0;
  for (const input of inputs) {
    current.push(input);
    size += sizes.get(input.path) ?? 0;
    if (size >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
