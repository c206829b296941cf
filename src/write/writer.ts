/** Stage 8's output port: one writer commits to disk atomically, one keeps files in memory. */
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { OutputError } from '../errors.js';
import { acquireBuildLock, type BuildLock } from './build-lock.js';
import { generationsFolder, isSameOrInside, ownedOutput, OWNERSHIP_MARKER, OWNERSHIP_MARKER_TEXT } from './output-ownership.js';
import { publishStaged, recoverInterruptedPublish, removeLeftovers, stagingFolder } from './publish.js';
import { contentDigest, type LaidOutStore, type StoredFile, type TakenFile } from './laid-out-store.js';
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
  /** The bytes this build has written, copied or kept at `rel` so far (before commit), or undefined; steps that read the finished site (PDFs) use it. */
  read?(rel: string): Uint8Array | undefined;
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
  make: () => { data: string | Uint8Array; diagnostics: readonly Diagnostic[] },
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

  read(rel: string): Uint8Array | undefined {
    const data = this.staged.get(rel);
    if (data === undefined) return undefined;
    return typeof data === 'string' ? Buffer.from(data) : 'from' in data ? readFileSync(data.from) : data;
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
 * Writes a site to disk without ever showing a half-built one. The whole site is staged in a folder
 * of the output's generations folder (see publish.ts) and published by one rename of a link, so the
 * output path is always a complete site. A rebuild over an existing site hard-links each file whose
 * bytes are unchanged instead of writing it again, so an unchanged site costs a read of its files.
 * A file whose key is unchanged is kept from the published site when it is untouched there, else from
 * the store of laid-out files in the cache folder (laid-out-store.ts), so a build with no previous
 * output (CI) keeps it too.
 * The output must be Dossier's (output-ownership.ts) and only one build writes it at a time
 * (build-lock.ts). A failed build (`abort`) leaves the published site exactly as it was.
 */
export class DiskWriter implements Writer {
  private readonly staging: string;
  private readonly made = new Set<string>();
  /** Whether a previous site is there to compare with and link from. */
  private readonly updating: boolean;
  /** What the last build recorded about the files it made (see OutputManifest). */
  private readonly last: OutputManifest;
  /** What this build made or kept, for the next build. */
  private readonly kept = new Map<string, ManifestEntry>();
  /** Files made (or taken from the store) by this build with a key, with the digest of their bytes. */
  private readonly fresh = new Map<string, Made & { digest: string }>();
  /** Files this build kept from the last one without making them (see reuse). */
  readonly reused = new Set<string>();
  private readonly lock: BuildLock;
  /** Paths staged so far. */
  private readonly written = new Set<string>();

  /**
   * `manifest`: the file where builds record what each output in `outDir` was made from, so the next can
   * reuse it; `store`: laid-out files kept in the cache folder whatever the output folder.
   */
  constructor(
    private readonly outDir: string,
    private readonly manifest?: string,
    private readonly store?: LaidOutStore,
  ) {
    this.lock = acquireBuildLock(path.join(generationsFolder(outDir), 'lock'), outDir);
    try {
      recoverInterruptedPublish(outDir);
      ownedOutput(outDir);
      removeLeftovers(outDir);
      this.staging = stagingFolder(outDir);
      rmSync(this.staging, { recursive: true, force: true });
      mkdirSync(this.staging, { recursive: true });
    } catch (error) {
      this.lock.release();
      throw outputFailure(error, outDir, 'prepare');
    }
    this.made.add(this.staging);
    this.updating = isDirectory(outDir);
    this.last = this.updating && manifest !== undefined ? readManifest(manifest) : new Map();
  }

  reuse(rel: string, key: string): readonly Diagnostic[] | undefined {
    const entry = this.last.get(rel);
    if (entry !== undefined && entry.key === key && this.untouched(rel, entry)) {
      this.keep(rel, entry);
      return entry.diagnostics ?? [];
    }
    const taken = this.store?.take(rel, key);
    if (taken === undefined) return undefined;
    this.putTaken(rel, key, taken);
    return taken.diagnostics;
  }

  reuseAll(key: string): boolean {
    const group = [...this.last].filter(([, entry]) => entry.key === key);
    if (group.length > 0 && group.every(([rel, entry]) => this.untouched(rel, entry))) {
      for (const [rel, entry] of group) this.keep(rel, entry);
      return true;
    }
    const taken = this.store?.takeAll(key);
    if (taken === undefined) return false;
    for (const [rel, file] of taken) this.putTaken(rel, key, file);
    return true;
  }

  private keep(rel: string, entry: ManifestEntry): void {
    this.linkPrevious(rel);
    this.kept.set(rel, entry);
    this.reused.add(rel);
  }

  /**
   * Puts a file taken (and checked) from the store into the new site: linked from the published site
   * when that holds the same bytes, else linked from the store (a copy of the checked bytes where links
   * cannot be made). A link shares the blob with the site, which is why every take checks the blob.
   */
  private putTaken(rel: string, key: string, taken: TakenFile): void {
    this.fresh.set(rel, { key, digest: taken.digest, ...(taken.diagnostics.length > 0 ? { diagnostics: taken.diagnostics } : {}) });
    this.reused.add(rel);
    if (this.updating) return this.stage(rel, taken.bytes);
    const target = this.target(rel);
    this.attempt(rel, 'write', () => {
      try {
        linkSync(taken.blob, target);
      } catch {
        writeFileSync(target, taken.bytes);
      }
    });
  }

  /** The file is as the last build left it: same size and modification time (links keep the time). */
  private untouched(rel: string, entry: ManifestEntry): boolean {
    const stats = statOrUndefined(path.join(this.outDir, rel));
    return stats?.isFile() === true && stats.size === entry.size && sameMillisecond(stats.mtimeMs, entry.mtimeMs);
  }

  write(rel: string, data: string | Uint8Array, made?: Made): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    // The digest names the file's blob in the store: hashing bytes already in memory costs far less than writing them.
    if (made !== undefined) this.fresh.set(rel, { ...made, digest: contentDigest(bytes) });
    this.stage(rel, bytes);
  }

  /** Stages `bytes` at `rel`: a link to the published file when that holds the same bytes, else a new file. */
  private stage(rel: string, bytes: Uint8Array): void {
    const target = this.target(rel);
    if (this.updating) {
      const existing = readIfSize(path.join(this.outDir, rel), bytes.byteLength);
      if (existing !== undefined && existing.equals(bytes)) return this.linkPrevious(rel);
    }
    this.attempt(rel, 'write', () => writeFileSync(target, bytes));
  }

  copy(rel: string, fromAbs: string): void {
    const target = this.target(rel);
    // Copies keep their source's modification time, so an unchanged file is recognised by size and time.
    const source = this.attempt(rel, 'read', () => statSync(fromAbs));
    if (this.updating) {
      const existing = statOrUndefined(path.join(this.outDir, rel));
      if (existing?.isFile() === true && existing.size === source.size && sameMillisecond(existing.mtimeMs, source.mtimeMs)) return this.linkPrevious(rel);
    }
    this.attempt(rel, 'copy', () => {
      copyFileSync(fromAbs, target);
      utimesSync(target, source.atime, source.mtime);
    });
  }

  /** Puts the published file at `rel` into the new site as it is: a hard link (published files are never changed in place), or a copy. */
  private linkPrevious(rel: string): void {
    const from = path.join(this.outDir, rel);
    const target = this.target(rel);
    this.attempt(rel, 'write', () => {
      try {
        linkSync(from, target);
      } catch {
        copyFileSync(from, target);
        const stats = statSync(from);
        utimesSync(target, stats.atime, stats.mtime);
      }
    });
  }

  read(rel: string): Uint8Array | undefined {
    if (!this.written.has(rel)) return undefined;
    try {
      return readFileSync(path.join(this.staging, rel));
    } catch {
      return undefined;
    }
  }

  /** Runs one file operation, turning its failure into a one-line OutputError naming the file. */
  private attempt<T>(rel: string, verb: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw outputFailure(error, path.join(this.outDir, rel), verb);
    }
  }

  commit(): void {
    try {
      writeFileSync(path.join(this.staging, OWNERSHIP_MARKER), OWNERSHIP_MARKER_TEXT);
      publishStaged(this.staging, this.outDir);
    } catch (error) {
      this.abort();
      throw outputFailure(error, this.outDir, 'publish');
    }
    this.lock.release();
    if (this.manifest !== undefined) this.recordManifest(this.manifest);
    this.store?.record(this.storedFiles(), (rel) => path.join(this.outDir, rel));
  }

  /** What the store keeps of this build: every file made or kept with a key, by the digest of its bytes. */
  private storedFiles(): Map<string, StoredFile> {
    const files = new Map<string, StoredFile>();
    for (const [rel, entry] of this.kept) {
      // A manifest from before the store names no digest: the kept file is read once for it.
      const digest = entry.digest ?? digestOfFile(path.join(this.outDir, rel));
      if (digest !== undefined) files.set(rel, { key: entry.key, digest, ...(entry.diagnostics === undefined ? {} : { diagnostics: entry.diagnostics }) });
    }
    for (const [rel, made] of this.fresh) files.set(rel, made);
    return files;
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
    this.lock.release();
    // A first build that failed leaves nothing behind.
    tryRemoveEmptyFolder(generationsFolder(this.outDir));
  }

  /** The file's place in the staging folder, which must stay inside it (its folder is made on first use). */
  private target(rel: string): string {
    const abs = path.resolve(this.staging, rel);
    if (rel.includes('\0') || !isSameOrInside(abs, this.staging) || abs === this.staging) {
      throw new OutputError(`refusing to write ${JSON.stringify(rel)}: the path leaves the output folder ${this.outDir}`, { hint: 'check the permalink or file name that makes it' });
    }
    // A second write to one path must not go through a hard link into the published site.
    if (this.written.has(rel)) rmSync(abs, { force: true });
    this.written.add(rel);
    const dir = path.dirname(abs);
    if (!this.made.has(dir)) {
      this.attempt(rel, 'write', () => mkdirSync(dir, { recursive: true }));
      this.made.add(dir);
    }
    return abs;
  }
}

const FAILURE_WORDS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a file is in the way of a folder',
  ENAMETOOLONG: 'the name is too long for the file system',
  EEXIST: 'something is already there',
  ENOENT: 'no such file or folder',
};

/** A file-system failure as a one-line OutputError naming the path; DossierErrors pass through. */
export function outputFailure(error: unknown, abs: string, verb: string): Error {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error : new Error(String(error));
  const words = FAILURE_WORDS[code] ?? (error as Error).message;
  return new OutputError(`cannot ${verb} ${abs}: ${words} (${code}); the previously published site is unchanged`, {
    cause: error,
    hint: 'fix the problem and build again',
  });
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

function digestOfFile(abs: string): string | undefined {
  try {
    return contentDigest(readFileSync(abs));
  } catch {
    return undefined;
  }
}

function tryRemoveEmptyFolder(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a published site lives there) or already gone.
  }
}
