/**
 * Laid-out files kept in the cache folder, apart from any output folder, so a build with no previous
 * output (a CI job: fresh checkout, cache folder restored, no `_site/`) keeps a file whose key is
 * unchanged. Blobs are named by a digest of their bytes (`blobs/<sha256>`); the index maps each
 * output path to the key it was made from, its blob and what laying it out reported. Blobs are
 * hard links to the files of the published site (so keeping them costs no copy), and a user may edit
 * that site in place through such a link: every blob is checked against its name when it is taken,
 * and one that does not match is deleted and its file made again, never published.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** What the store keeps about one output file. */
export interface StoredFile {
  key: string;
  /** sha256 of the file's bytes, hex: the blob's name. */
  digest: string;
  diagnostics?: readonly Diagnostic[];
}

/** A file taken from the store: its checked bytes, and where they are kept. */
export interface TakenFile {
  bytes: Buffer;
  digest: string;
  blob: string;
  diagnostics: readonly Diagnostic[];
}

const INDEX_VERSION = 1;

/** The digest a blob is named by. */
export function contentDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The store in `dir` (a folder of the cache folder). Reads its index only when a file is first asked for. */
export class LaidOutStore {
  private index: Map<string, StoredFile> | undefined;

  constructor(readonly dir: string) {}

  /** The file last stored for `rel` when it was made from `key` and its blob still holds those bytes; otherwise undefined. */
  take(rel: string, key: string): TakenFile | undefined {
    const entry = this.entries().get(rel);
    return entry === undefined || entry.key !== key ? undefined : this.checked(entry);
  }

  /** Every file stored with `key` (a group such as the search index), each checked; undefined when there is none or any must be made again. */
  takeAll(key: string): Map<string, TakenFile> | undefined {
    const group = new Map<string, TakenFile>();
    for (const [rel, entry] of this.entries()) {
      if (entry.key !== key) continue;
      const taken = this.checked(entry);
      if (taken === undefined) return undefined;
      group.set(rel, taken);
    }
    return group.size === 0 ? undefined : group;
  }

  /** The entry's blob when its bytes match its digest; a blob that does not (edited through a link) is deleted. */
  private checked(entry: StoredFile): TakenFile | undefined {
    const blob = this.blobFile(entry.digest);
    let bytes: Buffer;
    try {
      // Never through a symbolic link: the blob is linked into the site as it is.
      const fd = openSync(blob, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        bytes = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
    if (contentDigest(bytes) !== entry.digest) {
      unlinkQuietly(blob);
      return undefined;
    }
    return { bytes, digest: entry.digest, blob, diagnostics: entry.diagnostics ?? [] };
  }

  /**
   * Makes the store hold exactly `files` (output path → entry), after a build is published: a blob
   * missing for an entry is linked (or copied) from the published file `publishedFile(rel)`, the
   * index is replaced in one rename, and blobs no entry names are deleted, so the store never grows
   * beyond one site. Failures cost the next build its reuse, nothing else.
   */
  record(files: ReadonlyMap<string, StoredFile>, publishedFile: (rel: string) => string): void {
    try {
      const blobs = path.join(this.dir, 'blobs');
      mkdirSync(blobs, { recursive: true });
      const present = new Set(readdirSync(blobs));
      const index = new Map<string, StoredFile>();
      for (const [rel, entry] of files) {
        if (!present.has(entry.digest) && !addBlob(publishedFile(rel), this.blobFile(entry.digest))) continue;
        present.add(entry.digest);
        index.set(rel, entry);
      }
      writeAtomically(this.indexFile(), JSON.stringify({ version: INDEX_VERSION, files: [...index] }));
      this.index = index;
      const named = new Set([...index.values()].map((entry) => entry.digest));
      for (const name of present) if (!named.has(name)) unlinkQuietly(path.join(blobs, name));
    } catch {
      // The site is published; only the next build's reuse is lost.
    }
  }

  private entries(): Map<string, StoredFile> {
    this.index ??= readIndex(this.indexFile());
    return this.index;
  }

  private blobFile(digest: string): string {
    return path.join(this.dir, 'blobs', digest);
  }

  private indexFile(): string {
    return path.join(this.dir, 'index.json');
  }
}

/** The index at `file`; empty when missing, unreadable or of another version. */
function readIndex(file: string): Map<string, StoredFile> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; files?: unknown };
    return stored.version === INDEX_VERSION && Array.isArray(stored.files) ? new Map(stored.files as Array<[string, StoredFile]>) : new Map();
  } catch {
    return new Map();
  }
}

/** Links `from` to `blob` (a copy where links cannot be made); false when neither works. */
function addBlob(from: string, blob: string): boolean {
  try {
    linkSync(from, blob);
    return true;
  } catch {
    try {
      const tmp = `${blob}.tmp-${process.pid}`;
      copyFileSync(from, tmp);
      renameSync(tmp, blob);
      return true;
    } catch {
      return false;
    }
  }
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone (another build pruned it).
  }
}
