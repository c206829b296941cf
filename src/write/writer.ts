/** Stage 8's output port: one writer commits to disk atomically, one keeps files in memory. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { OutputError } from '../errors.js';
import { listFiles } from '../list-files.js';
import { readManifest, writeManifest, type ManifestEntry, type OutputManifest } from './output-manifest.js';

/** What a laid-out file was made from (a digest of all its inputs) and what laying it out reported. */
export interface Made {
  key: string;
  diagnostics?: readonly Diagnostic[];
}

/** Where a build's files go. Nothing is visible at the destination until `commit`. */
export interface Writer {
  /** Writes a file at a path relative to the output root; `made` lets a later build reuse it. */
  write(rel: string, data: string | Uint8Array, made?: Made): void;
  /**
   * Keeps the file at `rel` as the last build left it when that build made it from `key` and it is
   * untouched since; returns what laying it out reported then, or undefined when it must be made again.
   */
  reuse?(rel: string, key: string): readonly Diagnostic[] | undefined;
  /** reuse() for every file the last build made from `key` (a group such as the search index); false when any must be made again. */
  reuseAll?(key: string): boolean;
  /** Copies a source file to a path relative to the output root. */
  copy(rel: string, fromAbs: string): void;
  /** Makes everything written visible at once. */
  commit(): void;
  /** Throws away everything written; the previous output stays as it was. */
  abort(): void;
}

/**
 * Writes the file at `rel` that `make` makes, unless the last build made it from the same `key` and
 * the writer keeps that one (no key: always made). Returns what making it reported, then or now.
 */
export function writeUnlessKept(
  writer: Writer,
  rel: string,
  key: string | undefined,
  make: () => { data: string; diagnostics: readonly Diagnostic[] },
): readonly Diagnostic[] {
  const kept = key === undefined ? undefined : writer.reuse?.(rel, key);
  if (kept !== undefined) return kept;
  const made = make();
  writer.write(rel, made.data, key === undefined ? undefined : { key, ...(made.diagnostics.length > 0 ? { diagnostics: made.diagnostics } : {}) });
  return made.diagnostics;
}

/** Keeps the site in memory: for tests, `dossier check` and the dev server (which keeps its own per-page results, so reuses no files). */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  private staged = new Map<string, string | Uint8Array | { from: string }>();

  write(rel: string, data: string | Uint8Array): void {
    this.staged.set(rel, data);
  }

  copy(rel: string, fromAbs: string): void {
    this.staged.set(rel, { from: fromAbs });
  }

  commit(): void {
    this.files.clear();
    for (const [rel, data] of this.staged) {
      this.files.set(rel, typeof data === 'object' && 'from' in data ? readFileSync(data.from) : data);
    }
    this.staged = new Map();
  }

  abort(): void {
    this.staged = new Map();
  }

  /** The text of a committed file, or undefined. */
  text(rel: string): string | undefined {
    const data = this.files.get(rel);
    return data === undefined ? undefined : typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  }
}

/**
 * Writes a site to disk without ever showing a half-built one. A build's files go to a sibling
 * staging folder; nothing at the destination changes until `commit`. A first build then swaps
 * the folder in with one rename. A rebuild over an existing site stages only files whose bytes
 * differ from what is already there, and `commit` moves just those into place and deletes files
 * the build no longer makes, so an unchanged site costs a read of its files, not a rewrite.
 * A failed build (`abort`) leaves the destination exactly as it was either way.
 */
export class DiskWriter implements Writer {
  private readonly staging: string;
  private readonly made = new Set<string>();
  /** Every path this build produced, staged or found unchanged at the destination. */
  private readonly produced = new Set<string>();
  /** Paths staged because they are new or differ from the destination. */
  private readonly changed: string[] = [];
  /** Whether a previous site is there to update; otherwise the staging folder becomes the site. */
  private readonly updating: boolean;
  /** What the last build recorded about the files it made (see OutputManifest). */
  private readonly last: OutputManifest;
  /** What this build made or kept, for the next build. */
  private readonly kept = new Map<string, ManifestEntry>();
  private readonly fresh = new Map<string, Made>();
  /** Files this build kept from the last one without making them (see reuse). */
  readonly reused = new Set<string>();

  /** `manifest`: the file where builds record what each output was made from, so the next can reuse it. */
  constructor(
    private readonly outDir: string,
    private readonly manifest?: string,
  ) {
    this.staging = `${outDir}.tmp-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
    this.made.add(this.staging);
    this.updating = isDirectory(outDir);
    this.last = this.updating && manifest !== undefined ? readManifest(manifest) : new Map();
  }

  reuse(rel: string, key: string): readonly Diagnostic[] | undefined {
    const entry = this.last.get(rel);
    if (entry === undefined || entry.key !== key || !this.untouched(rel, entry)) return undefined;
    this.keep(rel, entry);
    return entry.diagnostics ?? [];
  }

  reuseAll(key: string): boolean {
    const group = [...this.last].filter(([, entry]) => entry.key === key);
    if (group.length === 0 || !group.every(([rel, entry]) => this.untouched(rel, entry))) return false;
    for (const [rel, entry] of group) this.keep(rel, entry);
    return true;
  }

  private keep(rel: string, entry: ManifestEntry): void {
    this.produced.add(rel);
    this.kept.set(rel, entry);
    this.reused.add(rel);
  }

  /** The file is as the last build left it: same size and modification time (renames keep the time). */
  private untouched(rel: string, entry: ManifestEntry): boolean {
    const stats = statOrUndefined(path.join(this.outDir, rel));
    return stats?.isFile() === true && stats.size === entry.size && sameMillisecond(stats.mtimeMs, entry.mtimeMs);
  }

  write(rel: string, data: string | Uint8Array, made?: Made): void {
    this.produced.add(rel);
    if (made !== undefined) this.fresh.set(rel, made);
    if (this.updating) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      const existing = readIfSize(path.join(this.outDir, rel), bytes.byteLength);
      if (existing !== undefined && existing.equals(bytes)) return;
      this.changed.push(rel);
      writeFileSync(this.target(rel), bytes);
      return;
    }
    writeFileSync(this.target(rel), data);
  }

  copy(rel: string, fromAbs: string): void {
    this.produced.add(rel);
    // Copies keep their source's modification time, so an unchanged file is recognised by size and time.
    const source = statSync(fromAbs);
    if (this.updating) {
      const existing = statOrUndefined(path.join(this.outDir, rel));
      if (existing?.isFile() === true && existing.size === source.size && sameMillisecond(existing.mtimeMs, source.mtimeMs)) return;
      this.changed.push(rel);
    }
    const target = this.target(rel);
    copyFileSync(fromAbs, target);
    utimesSync(target, source.atime, source.mtime);
  }

  commit(): void {
    try {
      if (this.updating) this.update();
      else renameSync(this.staging, this.outDir);
    } catch (error) {
      throw new OutputError(`cannot move the new site into ${this.outDir}`, { cause: error, hint: 'check permissions on the output folder' });
    } finally {
      rmSync(this.staging, { recursive: true, force: true });
    }
    if (this.manifest !== undefined) this.recordManifest(this.manifest);
  }

  /** Records, after the commit, each made file's key with the size and time it now has at the destination. */
  private recordManifest(file: string): void {
    const entries = new Map(this.kept);
    for (const [rel, made] of this.fresh) {
      const stats = statOrUndefined(path.join(this.outDir, rel));
      if (stats?.isFile() === true) entries.set(rel, { ...made, size: stats.size, mtimeMs: stats.mtimeMs });
    }
    writeManifest(file, entries);
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Deletes what this build no longer makes (so files and folders may trade places), then moves the changed files in. */
  private update(): void {
    for (const rel of listFiles(this.outDir)) if (!this.produced.has(rel)) rmSync(path.join(this.outDir, rel), { force: true });
    removeEmptyFolders(this.outDir);
    const madeHere = new Set<string>();
    for (const rel of this.changed) {
      const to = path.join(this.outDir, rel);
      const dir = path.dirname(to);
      if (!madeHere.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeHere.add(dir);
      }
      // A folder where a file now goes (or the reverse) was emptied above unless it still holds new files.
      if (isDirectory(to)) rmSync(to, { recursive: true, force: true });
      renameSync(path.join(this.staging, rel), to);
    }
  }

  private target(rel: string): string {
    const abs = path.join(this.staging, rel);
    const dir = path.dirname(abs);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    return abs;
  }
}

function statOrUndefined(abs: string): Stats | undefined {
  try {
    return statSync(abs, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR: a file stands where this path needs a folder, so nothing is there.
    return undefined;
  }
}

/** File times are copied through a millisecond Date (and back through floating point), so they match to within a millisecond. */
function sameMillisecond(a: number, b: number): boolean {
  return Math.abs(a - b) < 1;
}

function isDirectory(abs: string): boolean {
  return statOrUndefined(abs)?.isDirectory() === true;
}

/** The file's bytes when it is a file of exactly `size` bytes (the cheap test first). */
function readIfSize(abs: string, size: number): Buffer | undefined {
  const stats = statOrUndefined(abs);
  return stats?.isFile() === true && stats.size === size ? readFileSync(abs) : undefined;
}


/** Removes folders left empty under `dir` (deepest first), keeping `dir` itself. */
function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory() && removeEmptyFolders(abs)) rmSync(abs, { recursive: true, force: true });
    else empty = false;
  }
  return empty;
}
