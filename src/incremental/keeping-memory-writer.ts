/**
 * The dev server's writer: the site in memory, as MemoryWriter keeps it, plus what each laid-out file
 * was made from, so the next build keeps a file whose key is unchanged instead of making it again (a
 * page, an essay's print edition, the search index). With it, an edit lays out only the files its
 * page is part of, as a `dossier build` with a cache does on disk (write/output-manifest.ts).
 */
import type { Diagnostic } from '../diagnostics.js';
import { MemoryWriter, type Made } from '../write/writer.js';

/** A MemoryWriter that reuses the files `last` (the writer of the build served now) made from the same keys. */
export class KeepingMemoryWriter extends MemoryWriter {
  /** Keys of the files committed by this writer's last commit. */
  private committed = new Map<string, Made>();
  private stagedKeys = new Map<string, Made>();
  /** Files taken from `last` without being made, in this writer's last build (for tests and progress lines). */
  kept: ReadonlySet<string> = new Set();
  private keeping = new Set<string>();

  /** `last`: the writer whose committed files may be kept; none makes every file. */
  constructor(private last?: KeepingMemoryWriter) {
    super();
  }

  override write(rel: string, data: string | Uint8Array, made?: Made): void {
    super.write(rel, data);
    if (made === undefined) this.stagedKeys.delete(rel);
    else this.stagedKeys.set(rel, made);
  }

  reuse(rel: string, key: string): readonly Diagnostic[] | undefined {
    const made = this.last?.committed.get(rel);
    const data = this.last?.files.get(rel);
    if (made === undefined || made.key !== key || data === undefined) return undefined;
    this.write(rel, data, made);
    this.keeping.add(rel);
    return made.diagnostics ?? [];
  }

  reuseAll(key: string): boolean {
    const last = this.last;
    if (last === undefined) return false;
    const group = [...last.committed].filter(([rel, made]) => made.key === key && last.files.has(rel));
    for (const [rel] of group) this.reuse(rel, key);
    return group.length > 0;
  }

  override commit(): void {
    super.commit();
    // A build run again through this writer (a half-written page) keeps from this commit, and the
    // writers before it can go: a long session never holds a chain of old sites.
    this.last = this;
    this.committed = this.stagedKeys;
    this.stagedKeys = new Map();
    this.kept = this.keeping;
    this.keeping = new Set();
  }

  override abort(): void {
    super.abort();
    this.stagedKeys = new Map();
    this.keeping = new Set();
  }
}
