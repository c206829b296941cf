/** `dossier dev` as a library: build into memory, serve it, rebuild on edits, reload open pages. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSite, type BuildResult } from '../build.js';
import { sourceMemoKey } from '../discover/discover-source.js';
import { loadConfig } from '../config/load-config.js';
import { BuildMemo } from '../incremental/build-memo.js';
import { KeepingMemoryWriter } from '../incremental/keeping-memory-writer.js';
import { DiskRenderStore, MemoryRenderStore } from '../incremental/render-store.js';
import { processorOptions } from '../markdown/processor.js';
import { lastingRenderPool, type RenderPool } from '../markdown/render-pool.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { DossierError } from '../errors.js';
import { buildSettled } from './half-written.js';
import { LiveReload } from './live-reload.js';
import { createSiteHandler, type ServedSite } from './serve-site.js';
import { watchSource, type SourceWatcher } from './watch-source.js';

export interface DevServerOptions {
  sourceDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Seed the in-memory cache from the on-disk build cache in this folder (undefined: start cold). */
  cacheDir?: string | undefined;
  /** Terminal lines (progress, errors); default stderr. */
  log?: (line: string) => void;
}

/** What one rebuild did, as reported to listeners (tests, the benchmark). */
export interface RebuildOutcome {
  /** True when the new site is now served; false when the old one stays (fatal error or new errors). */
  served: boolean;
  ms: number;
  /** Formatted problems that kept the new build from being served. */
  problems: string[];
  /** The build's stage timings, slowest first, when it got that far. */
  timings: Array<[stage: string, ms: number]>;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  /** The site currently served. */
  site(): ServedSite;
  /** Waits for the current and any queued rebuild. */
  idle(): Promise<void>;
  /** Subscribes to rebuild outcomes; returns the unsubscribe function. */
  onRebuild(listener: (outcome: RebuildOutcome) => void): () => void;
  close(): Promise<void>;
}

/** Builds the site, starts the HTTP server and watcher; resolves once the first build is served. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state = initialState(options);
  const live = new LiveReload();
  const listeners = new Set<(outcome: RebuildOutcome) => void>();
  const queue = new RebuildQueue(async () => {
    const { outcome } = await buildOnce(state, log);
    announceRebuild(outcome, live, log);
    for (const listener of listeners) listener(outcome);
  });
  // Watch before the first build, so an edit made while it runs queues a rebuild instead of being missed.
  const watcher = watchEdits(state, queue, log);
  await watcher.ready;
  const firstResult = await queue.first(() => firstBuild(state, live, log));
  // Edits that come in meanwhile stop the warm-up: a rebuild is running then.
  // A failed warm-up costs only speed: the next edit loads the chain itself.
  const warming = firstResult === undefined ? undefined : warmUpRenderer(firstResult, () => queue.running !== undefined, state.renderPool).catch(() => undefined);

  const server: Server = createServer(createSiteHandler(() => state.served, live));
  try {
    await listen(server, options.port, options.host ?? '127.0.0.1');
  } catch (error) {
    await watcher.close();
    await warming;
    await state.renderPool?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}${state.served.baseurl}/`,
    site: () => state.served,
    idle: () => queue.idle(),
    onRebuild(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await watcher.close();
      await warming;
      if (queue.running !== undefined) await queue.running.catch(() => undefined);
      await state.renderPool?.close();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the dev server keeps between builds: caches, and what it serves now. */
interface DevState {
  sourceDir: string;
  cache: MemoryRenderStore;
  /** Each build's intermediate results, kept while only pages are edited (see BuildOptions.memo). */
  memo: BuildMemo;
  served: ServedSite;
  /** Error diagnostics of the served build: a rebuild is refused only for errors it adds. */
  servedErrors: Set<string>;
  /** Source paths of the served pages. */
  servedPages: Set<string>;
  /** The served build's writer, whose files the next build keeps where their keys are unchanged; reset with the memo. */
  servedWriter: KeepingMemoryWriter | undefined;
  /**
   * Edits render on one worker kept for the server's life: a page past the render budget is stopped
   * there, and this thread keeps answering requests meanwhile (undefined when running from sources).
   */
  renderPool: RenderPool | undefined;
}

/** Nothing served yet; the render cache starts from the on-disk one when there is one. */
function initialState(options: DevServerOptions): DevState {
  return {
    sourceDir: path.resolve(options.sourceDir),
    cache: new MemoryRenderStore(options.cacheDir === undefined ? undefined : new DiskRenderStore(options.cacheDir)),
    memo: new BuildMemo(),
    served: { files: new Map(), baseurl: '' },
    servedErrors: new Set(),
    servedPages: new Set(),
    servedWriter: undefined,
    renderPool: lastingRenderPool(),
  };
}

/** One build: what listeners hear, and the build itself when it is now served. */
async function buildOnce(state: DevState, log: (line: string) => void): Promise<{ outcome: RebuildOutcome; result?: BuildResult }> {
  const t0 = performance.now();
  const { sourceDir, cache, memo } = state;
  // Files made from unchanged inputs (every page but the edited ones, most print pages) are kept, not made again.
  const writer = new KeepingMemoryWriter(state.servedWriter);
  // A page file read while an editor was still writing it is read again, never served as a 404.
  const attempt = await buildOrProblems(() =>
    buildSettled(
      () => buildSite({ sourceDir, writer, cache, memo, renderPool: state.renderPool }),
      (built) => new Set(built.pages.map((p) => p.path)),
      () => state.servedPages,
      sourceDir,
      (rel) => memo.forget(sourceMemoKey(rel)),
    ),
  );
  if (!('result' in attempt)) return { outcome: { served: false, ms: performance.now() - t0, problems: attempt.problems, timings: [] } };
  const { result } = attempt;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const added = errors.filter((d) => !state.servedErrors.has(errorKey(d)));
  if (added.length > 0 && state.served.files.size > 0) {
    return { outcome: { served: false, ms: performance.now() - t0, problems: added.map(formatDiagnostic), timings: slowest(result) } };
  }
  for (const d of result.diagnostics) if (!state.servedErrors.has(errorKey(d))) log(formatDiagnostic(d));
  state.served = { files: writer.files, baseurl: result.config.baseurl };
  state.servedPages = new Set(result.pages.map((p) => p.path));
  state.servedErrors = new Set(errors.map(errorKey));
  // A non-page file changed while this build ran: the next one keeps none of its files, as it keeps no memo entry.
  state.servedWriter = state.memo === memo ? writer : undefined;
  return { outcome: { served: true, ms: performance.now() - t0, problems: [], timings: slowest(result) }, result };
}

/** The first build: its timings in the terminal, or its problems shown until they are fixed. */
async function firstBuild(state: DevState, live: LiveReload, log: (line: string) => void): Promise<BuildResult | undefined> {
  const { outcome: first, result } = await buildOnce(state, log);
  if (first.served) log(`built ${state.served.files.size} files in ${(first.ms / 1000).toFixed(2)} s (${formatTimings(first.timings)})`);
  // Nothing to fall back on yet: an empty site is served, with the problem shown until it is fixed.
  else showProblems(first.problems, live, log);
  return result;
}

/** Watches the source; each batch of edits drops what it invalidates from the memo and queues a rebuild. */
function watchEdits(state: DevState, queue: RebuildQueue, log: (line: string) => void): SourceWatcher {
  const { sourceDir } = state;
  return watchSource(watchRoots(sourceDir), (paths) => {
    // Config, templates, includes, data and assets can change anything: start over from the render cache.
    if (!paths.every((file) => isPageSource(file, sourceDir))) {
      state.memo = new BuildMemo();
      state.servedWriter = undefined;
    }
    for (const file of paths) state.memo.forget(sourceMemoKey(path.relative(sourceDir, file).split(path.sep).join('/')));
    void queue.rebuild().catch((error: unknown) => log(`dossier dev: rebuild crashed: ${(error as Error).stack ?? String(error)}`));
  });
}

/** Runs one rebuild at a time; asks made while one runs fold into a single rebuild after it. */
class RebuildQueue {
  /** The build running now, if any. */
  running: Promise<void> | undefined;
  private queued = false;

  constructor(private readonly once: () => Promise<void>) {}

  /** Starts a rebuild, or queues one after the running build. */
  rebuild(): Promise<void> {
    if (this.running !== undefined) {
      this.queued = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.queued = false;
        await this.once();
      } while (this.queued);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Runs the first build as the running one, so edits made meanwhile queue a rebuild after it. */
  async first<T>(job: () => Promise<T>): Promise<T> {
    const done = job();
    this.running = done.then(() => undefined).finally(() => {
      this.running = undefined;
      if (this.queued) void this.rebuild().catch(() => undefined);
    });
    await this.running;
    return done;
  }

  /** Waits for the current and any queued rebuild. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }
}

/** Tells the terminal and the open pages how a rebuild went: reload them, or show what keeps the new site from being served. */
function announceRebuild(outcome: RebuildOutcome, live: LiveReload, log: (line: string) => void): void {
  if (outcome.served) {
    live.reload();
    log(`rebuilt in ${outcome.ms.toFixed(0)} ms (${formatTimings(outcome.timings)})`);
  } else {
    showProblems([...outcome.problems, 'the build has new errors: still serving the previous version'], live, log, outcome.problems);
  }
}

/** Prints `lines` and shows `overlay` (default: the same lines) over the open pages. */
function showProblems(lines: string[], live: LiveReload, log: (line: string) => void, overlay: string[] = lines): void {
  for (const line of lines) log(line);
  live.showProblem(overlay);
}

/** Runs one build; a failure of any kind (even a bug of ours) comes back as the lines to show in the terminal and the page. */
async function buildOrProblems(build: () => Promise<BuildResult>): Promise<{ result: BuildResult } | { problems: string[] }> {
  try {
    return { result: await build() };
  } catch (error) {
    const problems =
      error instanceof DossierError
        ? [error.message, ...(error.hint === undefined ? [] : [`hint: ${error.hint}`])]
        : [`the build crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
    return { problems };
  }
}

/** Starts `server` on `port` (0: any free one), turning a refusal into a DossierError with what to do. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DossierError(`cannot listen on port ${port}: ${code ?? (error as Error).message}`, {
      cause: error,
      hint: code === 'EADDRINUSE' ? 'another server uses that port; pass --port with a free one (0 picks any)' : 'pass --port with another port',
    });
  }
}

/** Pages rendered in the background after the first build: enough for V8 to optimise the chain's hot paths. */
const WARM_UP_PAGES = 12;

/**
 * A first build from the cache never loads the Markdown chain where edits render (the lasting worker,
 * or this thread when running from sources), so the first edit would pay for loading it (about 0.2 s)
 * and for running it unoptimised. This renders a few of the site's Markdown pages in idle moments, one
 * at a time, and stops as soon as a rebuild starts (`busy`). Pages that failed to render (too deep, or
 * past the budget) are never among them. Renderings are thrown away: caches and the served site are untouched.
 */
async function warmUpRenderer(result: BuildResult, busy: () => boolean, pool: RenderPool | undefined): Promise<void> {
  const failed = new Set(result.diagnostics.filter((d) => d.rule === 'markdown/render-failed').map((d) => d.file));
  const pages = result.pages.filter((page) => page.kind === 'markdown' && !failed.has(page.path));
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / WARM_UP_PAGES)) === 0).slice(0, WARM_UP_PAGES);
  if (sample.length === 0) return;
  const options = processorOptions(result.config);
  const inputOf = (page: (typeof sample)[number]) => ({ path: page.path, kind: page.kind, body: page.body, bodyLine: page.bodyLine });
  if (pool !== undefined) {
    for (const page of sample) {
      if (busy()) return;
      await pool.runWithin({ options, inputs: [inputOf(page)] }, result.config.renderTimeoutMs);
    }
    return;
  }
  const { rendererFor } = await import('../markdown/render-markdown.js');
  const render = rendererFor(options);
  for (const page of sample) {
    await new Promise((resolve) => setImmediate(resolve));
    if (busy()) return;
    render(inputOf(page));
  }
}

function slowest(result: BuildResult): Array<[string, number]> {
  return [...result.timings].sort((a, b) => b[1] - a[1]);
}

function formatTimings(timings: Array<[string, number]>): string {
  return timings.slice(0, 3).map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`).join(', ');
}

function errorKey(d: Diagnostic): string {
  // Lines shift as authors type; the same problem in the same file is not new.
  return `${d.file}\0${d.rule}\0${d.message}`;
}

/** The source folder plus template and public folders that live outside it. */
function watchRoots(sourceDir: string): string[] {
  let extra: Array<string | undefined> = [];
  try {
    const config = loadConfig(sourceDir);
    extra = [config.templatesDir, config.publicDir];
  } catch {
    // A broken _config.yml is reported by the build; the source folder is still watched.
  }
  return [sourceDir, ...extra.filter((dir): dir is string => dir !== undefined && isOutside(dir, sourceDir))];
}

/** A Markdown page of the site (not an include or layout), whose edits the memo tracks by itself. */
function isPageSource(file: string, sourceDir: string): boolean {
  const rel = path.relative(sourceDir, file);
  return /\.(?:md|markdown)$/i.test(rel) && !isOutside(file, sourceDir) && !/^_(?:includes|layouts|data)\b/.test(rel);
}

function isOutside(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return rel.startsWith('..') || path.isAbsolute(rel);
}
