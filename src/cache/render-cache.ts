/** Where rendered Markdown is kept between builds: in memory for the dev server, on disk for the CLI. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedPage } from '../markdown/page-data.js';

/** A store of rendered pages by key (see render-key.ts). Only Markdown output is cached; nav and layout always run. */
export interface RenderCache {
  get(key: string): RenderedPage | undefined;
  set(key: string, page: RenderedPage): void;
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
    const page = this.entries.get(key) ?? this.used.get(key) ?? this.seed?.get(key);
    if (page !== undefined) this.used.set(key, page);
    return page;
  }

  set(key: string, page: RenderedPage): void {
    this.used.set(key, page);
    this.seed?.set(key, page);
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

/** One JSON file per key in a folder: reads only what a build asks for, writes only what is new. */
export class DiskRenderCache implements RenderCache {
  private readonly used = new Set<string>();
  private made = false;
  hits = 0;
  misses = 0;

  constructor(readonly dir: string) {}

  get(key: string): RenderedPage | undefined {
    this.used.add(key);
    let text: string;
    try {
      text = readFileSync(this.file(key), 'utf8');
    } catch {
      this.misses++;
      return undefined;
    }
    try {
      const page = JSON.parse(text) as RenderedPage;
      this.hits++;
      return page;
    } catch {
      // A torn or foreign file is a miss; the fresh rendering overwrites it.
      this.misses++;
      return undefined;
    }
  }

  /** Writes the entry at once (while workers render the next pages), so the build never holds every page twice. */
  set(key: string, page: RenderedPage): void {
    this.used.add(key);
    if (!this.made) {
      mkdirSync(this.dir, { recursive: true });
      this.made = true;
    }
    // Write then rename, so a concurrent build never reads half an entry.
    const target = this.file(key);
    writeFileSync(target + TMP_SUFFIX, JSON.stringify(page));
    renameSync(target + TMP_SUFFIX, target);
  }

  finish(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const key = name.endsWith('.json') ? name.slice(0, -5) : undefined;
      if (key === undefined || !this.used.has(key)) {
        if (!name.includes('.tmp-') || name.endsWith(TMP_SUFFIX)) unlinkSafely(path.join(this.dir, name));
      }
    }
    this.used.clear();
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

const TMP_SUFFIX = `.tmp-${process.pid}`;

/** The default cache folder for a site: `node_modules/.cache/dossier/<site hash>` under `cwd`. */
export function defaultCacheDir(sourceDir: string, cwd = process.cwd()): string {
  const site = createHash('sha1').update(path.resolve(sourceDir)).digest('hex').slice(0, 16);
  return path.join(cwd, 'node_modules', '.cache', 'dossier', site);
}

function unlinkSafely(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Another build may have pruned it first.
  }
}
