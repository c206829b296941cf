/**
 * The scholar stage's CitationCache: formatted citations kept by content key (scholar/csl-item.ts), in
 * memory for the dev server and in one file beside the render store's entries for the CLI, so a
 * rebuild or a CI-style warm build formats no citation it formatted before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Citations } from '../scholar/format-citations.js';
import type { CitationCache } from '../scholar/scholar-pages.js';
import { dossierCodeHash } from './render-key.js';
import { DiskRenderStore, MemoryRenderStore, type RenderStore } from './render-store.js';

/** The file beside a disk store's page entries (DiskRenderStore prunes only its own entries). */
const CITATIONS_FILE = 'citations.cache';

const stores = new WeakMap<RenderStore, CitationStore>();

/**
 * The citation store that goes with a store of renderings, for as long as that lives: beside a disk
 * store's entries; in memory for the dev server's store, read from its disk seed in its first build.
 */
export function citationStoreFor(store: RenderStore): CitationStore {
  let citations = stores.get(store);
  if (citations === undefined) {
    const seed = store instanceof MemoryRenderStore ? store.seedStore : undefined;
    citations = store instanceof DiskRenderStore ? new DiskCitationStore(path.join(store.dir, CITATIONS_FILE)) : new MemoryCitationStore(seed === undefined ? undefined : citationStoreFor(seed));
    stores.set(store, citations);
  }
  return citations;
}

/** A CitationCache that keeps, at the end of each build, exactly the entries that build used. */
export interface CitationStore extends CitationCache {
  startsCold(): boolean;
  /** Ends a build: forgets entries it did not use (and persists the rest, for a store on disk). */
  finish(): void;
}

/** Keeps citations in a Map; a dev server reuses one across rebuilds, its first build read from `seed` on misses. */
export class MemoryCitationStore implements CitationStore {
  private entries = new Map<string, Citations>();
  private used = new Map<string, Citations>();

  constructor(private seed?: CitationStore) {}

  get(key: string): Citations | undefined {
    const citations = this.used.get(key) ?? this.entries.get(key) ?? this.seed?.get(key);
    if (citations !== undefined) this.used.set(key, citations);
    return citations;
  }

  set(key: string, citations: Citations): void {
    this.used.set(key, citations);
    this.seed?.set(key, citations);
  }

  startsCold(): boolean {
    return this.entries.size === 0 && this.used.size === 0 && (this.seed?.startsCold() ?? true);
  }

  finish(): void {
    this.entries = this.used;
    this.used = new Map();
    this.seed?.finish();
    this.seed = undefined;
  }
}

/**
 * One JSON file of citations by key, read on the first look-up and written back at the end of a build
 * when its entries changed. It is salted with Dossier's code and lockfile (a new citation-js formats
 * afresh), never with paths or times, so a cache restored into another checkout is still found.
 */
export class DiskCitationStore implements CitationStore {
  private kept: Map<string, Citations> | undefined;
  private readonly used = new Map<string, Citations>();
  private changed = false;

  constructor(readonly file: string) {}

  get(key: string): Citations | undefined {
    const citations = this.used.get(key) ?? this.load().get(key);
    if (citations !== undefined) this.used.set(key, citations);
    return citations;
  }

  set(key: string, citations: Citations): void {
    this.used.set(key, citations);
    this.changed = true;
  }

  startsCold(): boolean {
    return !existsSync(this.file);
  }

  finish(): void {
    if (this.kept === undefined && !this.changed) return;
    if (this.changed || this.used.size !== this.load().size) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp-${process.pid}`;
      writeFileSync(temp, JSON.stringify({ salt: dossierCodeHash(), entries: Object.fromEntries(this.used) }));
      renameSync(temp, this.file);
    }
    this.kept = new Map(this.used);
    this.used.clear();
    this.changed = false;
  }

  private load(): Map<string, Citations> {
    if (this.kept !== undefined) return this.kept;
    this.kept = new Map();
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { salt?: unknown; entries?: Record<string, Citations> };
      if (stored.salt === dossierCodeHash() && stored.entries !== undefined) this.kept = new Map(Object.entries(stored.entries));
    } catch {
      // No file yet, or a torn one: every citation is formatted afresh and the file rewritten.
    }
    return this.kept;
  }
}
