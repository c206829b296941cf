/** Where rendered Markdown is kept between builds: in memory for the dev server, on disk for the CLI. */
import { existsSync, mkdirSync, opendirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { heldPage, readPageHtml } from '../markdown/held-page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import { OWN_TMP, readEntryHead, readHtml, writePageFile } from '../markdown/page-file.js';

/** A store of rendered pages by key (see render-key.ts). Only Markdown output is kept; nav and layout always run. */
export interface RenderStore {
  get(key: string): RenderedPage | undefined;
  /** Stores a fresh rendering; returns the page to keep (a disk store's reads its HTML back from the entry when asked). */
  set(key: string, page: RenderedPage): RenderedPage;
  /** Where the entry for `key` goes, for a render worker to write itself (only stores of page files have it). */
  entryFile?(key: string): string;
  /** Takes an entry a worker wrote to entryFile(key); returns the page to keep. */
  adopt?(key: string, data: Omit<RenderedPage, 'html'>, htmlAt: number): RenderedPage;
  /** True when every page of the next build will be rendered (no entry yet), so workers are worth starting early. */
  startsCold(): boolean;
  /** Ends a build: persists new entries and forgets every entry this build did not ask for. */
  finish(): void;
}

/** Keeps entries in a Map; the dev server reuses one across rebuilds. */
export class MemoryRenderStore implements RenderStore {
  private entries = new Map<string, RenderedPage>();
  private used = new Map<string, RenderedPage>();

  /**
   * `seed` (a DiskRenderStore) is read on misses and written through during the first build only,
   * so a dev server starts warm from the last `dossier build`; later rebuilds stay in memory.
   */
  constructor(private seed?: RenderStore) {}

  /** The store read on misses, until the first build ends. */
  get seedStore(): RenderStore | undefined {
    return this.seed;
  }

  get(key: string): RenderedPage | undefined {
    let page = this.entries.get(key) ?? this.used.get(key);
    if (page === undefined) {
      const seeded = this.seed?.get(key);
      // Read the entry's HTML now: a later `dossier build` may prune the file while the dev server runs,
      // and every rebuild that lays the page out or prints its essay would read the file again.
      if (seeded !== undefined) page = { ...seeded, html: readPageHtml(seeded) };
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

  /** Never: a dev server's rebuilds render only edited pages, and its first build is seeded from disk. */
  startsCold(): boolean {
    return false;
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
export class DiskRenderStore implements RenderStore {
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
    // Pages come here straight from the renderer, so reading the HTML costs nothing.
    const { data, htmlAt } = writePageFile(this.entryFile(key), { ...page, html: readPageHtml(page) });
    return this.adopt(key, data, htmlAt);
  }

  /**
   * Where the entry for `key` goes, for a render worker to write with writePageFile itself (then
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

  startsCold(): boolean {
    return this.isEmpty();
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

function unlinkSafely(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Another build may have pruned it first.
  }
}
