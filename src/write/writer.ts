/** Stage 8's output port: one writer commits to disk atomically, one keeps files in memory. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** Where a build's files go. Nothing is visible at the destination until `commit`. */
export interface Writer {
  /** Writes a file at a path relative to the output root. */
  write(rel: string, data: string | Uint8Array): void;
  /** Copies a source file to a path relative to the output root. */
  copy(rel: string, fromAbs: string): void;
  /** Reads back a file written in this build (before commit), as text. */
  read(rel: string): string | undefined;
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

  read(rel: string): string | undefined {
    const data = this.staged.get(rel);
    if (data === undefined) return undefined;
    if (typeof data === 'string') return data;
    return Buffer.from('from' in data ? readFileSync(data.from) : data).toString('utf8');
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

/** Writes into a sibling staging folder and swaps it in with renames, so readers never see half a site. */
export class DiskWriter implements Writer {
  private readonly staging: string;
  private readonly made = new Set<string>();

  constructor(private readonly outDir: string) {
    this.staging = `${outDir}.tmp-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
    this.made.add(this.staging);
  }

  write(rel: string, data: string | Uint8Array): void {
    writeFileSync(this.target(rel), data);
  }

  copy(rel: string, fromAbs: string): void {
    copyFileSync(fromAbs, this.target(rel));
  }

  read(rel: string): string | undefined {
    const abs = path.join(this.staging, rel);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  }

  commit(): void {
    const old = `${this.outDir}.old-${process.pid}`;
    try {
      if (existsSync(this.outDir)) renameSync(this.outDir, old);
      renameSync(this.staging, this.outDir);
    } catch (error) {
      if (!existsSync(this.outDir) && existsSync(old)) renameSync(old, this.outDir);
      throw new OutputError(`cannot move the new site into ${this.outDir}`, { cause: error, hint: 'check permissions on the output folder' });
    }
    rmSync(old, { recursive: true, force: true });
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
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
