/**
 * What one build keeps for the next in a long-lived process (the dev server): each stage's result
 * per page, reused when that stage's inputs are the very same values as last time. Unchanged
 * inputs stay identical objects from stage to stage (a file read once, its parsed page, its
 * rendered body), so "unchanged" is an identity test and an edit recomputes only what it touches.
 */
import type { Reuse } from '../reuse.js';

export class BuildMemo implements Reuse {
  readonly keepsResults = true;
  private entries = new Map<string, Entry>();
  private used = new Map<string, Entry>();
  /** Entries reused and computed since the memo was made, for tests and progress lines. */
  readonly counts = { reused: 0, computed: 0 };

  /** The value computed for `key` last time if every input is identical (`===`) to last time; else `compute()`, remembered. */
  reuse<T>(key: string, inputs: readonly unknown[], compute: () => T): T {
    const known = this.used.get(key) ?? this.entries.get(key);
    if (known !== undefined && sameInputs(known.inputs, inputs)) {
      this.used.set(key, known);
      this.counts.reused++;
      return known.value as T;
    }
    this.counts.computed++;
    const value = compute();
    this.used.set(key, { inputs, value });
    return value;
  }

  /** Reuse.value: `reuse` with inputs listed only when the key is looked up. */
  value<T>(key: string, inputs: () => readonly unknown[], compute: () => T): T {
    return this.reuse(key, inputs(), compute);
  }

  /** Drops one entry whatever its inputs, e.g. a file the watcher saw change (its size and time may not show it). */
  forget(key: string): void {
    this.entries.delete(key);
    this.used.delete(key);
  }

  /** Ends a build: entries it did not use (deleted pages, old essays) are forgotten. */
  finish(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

interface Entry {
  inputs: readonly unknown[];
  value: unknown;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
