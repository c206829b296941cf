/** Where rendered Markdown is kept between builds: in memory for the dev server, on disk for the CLI. */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, opendirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { heldPage } from './held-page.js';
import type { RenderedPage } from '../markdown/page-data.js';

/** A store of rendered pages by key (see render-key.ts). Only Markdown output is cached; nav and layout always run. */
export interface RenderCache {
  get(key: string): RenderedPage | undefined;
  /** Stores a fresh rendering; returns the page to keep (a disk cache's reads its HTML back from the entry when asked). */
  set(key: string, page: RenderedPage): RenderedPage;
  /** Ends a build: persists new entries and forgets every entry this build did not ask for. */
  finish(): void;
}

/** Keeps entries in a Map; the dev server reuses one across rebuilds. */
export class MemoryRenderCache implements RenderCache {
  private entries = new Map<string, RenderedPage>();
  private used = new Map<string, RenderedPage>();

  /**
   * `seed` (a DiskRenderCache) is read on misses and written through during the first build only,
   * so a dev server starts warm from the last `dossier build`; later rebuilds stay in memory.
   */
  constructor(private seed?: RenderCache) {}

  get(key: string): RenderedPage | undefined {
    let page = this.entries.get(key) ?? this.used.get(key);
    if (page === undefined) {
      const seeded = this.seed?.get(key);
      // Read the entry's HTML now: a later `dossier build` may prune the file while the dev server runs.
      // (Spreading reads the HTML getter once.)
      if (seeded !== undefined) page = { ...seeded };
    }
    if (page !== undefined) this.used.set(key, page);
    return page;
  }

  set(key: string, page: RenderedPage): RenderedPage {
    this.used.set(key, page);
    this.seed?.set(key, page);
    return page;
  }

  finish(): void {
    // Pages edited away drop out, so a long dev session does not grow without bound.
    this.entries = this.used;
    this.used = new Map();
    this.seed?.finish();
    this.seed = undefined;
  }

  /** Number of entries kept after the last build. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * One file per key in a folder: reads only what a build asks for, writes only what is new. An entry is
 * the page's data as one line of JSON, then its HTML. Pages it hands out read their HTML from the entry
 * when asked (layout, then the print edition), so a 10,000-page build does not hold every page's HTML.
 */
export class DiskRenderCache implements RenderCache {
  private readonly used = new Set<string>();
  private made = false;
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  get(key: string): RenderedPage | undefined {
    this.used.add(key);
    const file = this.file(key);
    try {
      const head = readEntryHead(file);
      if (head === undefined) throw new SyntaxError('no HTML after the page data');
      const data = JSON.parse(head.data.toString('utf8')) as Omit<RenderedPage, 'html'>;
      this.hits++;
      return heldPage(data, () => readHtml(file, head.htmlAt));
    } catch {
      // A missing entry is a miss; so is a torn or foreign file, which the fresh rendering overwrites.
      this.misses++;
      return undefined;
    }
  }

  /** Writes the entry at once (while workers render the next pages), so the build never holds every page twice. */
  set(key: string, page: RenderedPage): RenderedPage {
    const { data, htmlAt } = writeCacheEntry(this.entryFile(key), page);
    return this.adopt(key, data, htmlAt);
  }

  /**
   * Where the entry for `key` goes, for a render worker to write with writeCacheEntry itself (then
   * `adopt` it): the rendered HTML then never crosses to the main thread.
   */
  entryFile(key: string): string {
    if (!this.made) {
      mkdirSync(this.dir, { recursive: true });
      this.made = true;
    }
    return this.file(key);
  }

  /** Takes an entry written to entryFile(key), whose HTML starts at byte `htmlAt`; returns the page to keep. */
  adopt(key: string, data: Omit<RenderedPage, 'html'>, htmlAt: number): RenderedPage {
    this.used.add(key);
    const file = this.file(key);
    return heldPage(data, () => readHtml(file, htmlAt));
  }

  finish(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      // Entries of older versions (`<key>.json`) go too; other files (the output manifests) are not this cache's.
      if (name.includes('.tmp-')) {
        if (name.includes(OWN_TMP)) unlinkSafely(path.join(this.dir, name));
      } else if ((name.endsWith(ENTRY) && !this.used.has(name.slice(0, -ENTRY.length))) || name.endsWith('.json')) {
        unlinkSafely(path.join(this.dir, name));
      }
    }
    this.used.clear();
  }

  /** Whether the cache holds no entry at all (never built here, or cleared): then every page will be rendered. */
  isEmpty(): boolean {
    if (!existsSync(this.dir)) return true;
    const dir = opendirSync(this.dir);
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) if (entry.name.endsWith(ENTRY)) return false;
      return true;
    } finally {
      dir.closeSync();
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}${ENTRY}`);
  }
}

const ENTRY = '.page';
const NEWLINE = 0x0a;
/** Marks this process's half-written entries (its worker threads' too). */
const OWN_TMP = `.tmp-${process.pid}-`;

/** Writes one cache entry: the page's data as a line of JSON, then its HTML. Returns the data and the byte offset of the HTML. */
export function writeCacheEntry(file: string, page: RenderedPage): { data: Omit<RenderedPage, 'html'>; htmlAt: number } {
  const { html, ...data } = page;
  const head = Buffer.from(`${JSON.stringify(data)}\n`);
  // Write then rename, so a concurrent build never reads half an entry.
  const tmp = `${file}${OWN_TMP}${threadId}`;
  writeFileSync(tmp, Buffer.concat([head, Buffer.from(html)]));
  renameSync(tmp, file);
  return { data, htmlAt: head.length };
}

/** An entry's first line (the page data) and where its HTML starts, read in chunks so the HTML is not read; undefined when there is no newline. */
function readEntryHead(file: string): { data: Buffer; htmlAt: number } | undefined {
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(HEAD_CHUNK);
      const read = readSync(fd, chunk, 0, HEAD_CHUNK, bytes.length);
      if (read === 0) return undefined;
      bytes = bytes.length === 0 ? chunk.subarray(0, read) : Buffer.concat([bytes, chunk.subarray(0, read)]);
      const newline = bytes.indexOf(NEWLINE);
      if (newline !== -1) return { data: bytes.subarray(0, newline), htmlAt: newline + 1 };
    }
  } finally {
    closeSync(fd);
  }
}

/** Page data is a few KB (headings, links, note texts); one read usually takes it all. */
const HEAD_CHUNK = 32 * 1024;

/** Reads an entry's HTML, which starts at byte `offset` of its file. */
function readHtml(file: string, offset: number): string {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(Math.max(0, fstatSync(fd).size - offset));
      readSync(fd, bytes, 0, bytes.length, offset);
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new Error(`the render cache entry ${file} vanished during the build (${(error as Error).message}); build again`);
  }
}

/** Where builds of `sourceDir`'s cache into `outDir` record what they made (see write/output-manifest.ts). */
export function outputManifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `outputs-${folderId(outDir)}.manifest`);
}

/** The default cache folder for a site: `node_modules/.cache/dossier/<site hash>` under `cwd`. */
export function defaultCacheDir(sourceDir: string, cwd = process.cwd()): string {
  return path.join(cwd, 'node_modules', '.cache', 'dossier', folderId(sourceDir));
}

/** A short stable name for a folder (a hash of its absolute path), for what the caches keep about it. */
export function folderId(dir: string): string {
  return createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
}

function unlinkSafely(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Another build may have pruned it first.
  }
}
