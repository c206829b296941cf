/** Stage 8's output port: one writer commits to disk atomically, one keeps files in memory. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** Where a build's files go. Nothing is visible at the destination until `commit`. */
export interface Writer {
  /** Writes a file at a path relative to the output root. */
  write(rel: string, data: string | Uint8Array): void;
  /** Copies a source file to a path relative to the output root. */
  copy(rel: string, fromAbs: string): void;
  /** Makes everything written visible at once. */
  commit(): void;
  /** Throws away everything written; the previous output stays as it was. */
  abort(): void;
}

/** Keeps the site in memory: for tests, `dossier check` and the dev server. */
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

  constructor(private readonly outDir: string) {
    this.staging = `${outDir}.tmp-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
    this.made.add(this.staging);
    this.updating = isDirectory(outDir);
  }

  write(rel: string, data: string | Uint8Array): void {
    this.produced.add(rel);
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

/** Files under `dir`, as `/`-separated relative paths. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
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
