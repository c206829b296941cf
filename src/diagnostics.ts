/** Content problems found while building or checking: positioned, ruled, never thrown. */
import { byCodeUnits } from './code-unit-order.js';

export type Severity = 'error' | 'warning';

/** One problem in a source file, positioned at 1-based line and column. */
export interface Diagnostic {
  /** Path relative to the source folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. `nav/unknown-parent`; users configure severities by it. */
  rule: string;
  message: string;
}

/** Formats a diagnostic the way editors and CI logs understand: `path:line:col: reason [rule]`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

/** Orders diagnostics by file, then position, then rule, so output is stable between runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      byCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnits(a.rule, b.rule) || byCodeUnits(a.message, b.message),
  );
}

/**
 * "Did you mean": the candidate closest to `wanted` if it is a plausible typo (case-insensitive edit
 * distance within max(2, length/3); ties go to the first in code-unit order). Fast enough for sites
 * with thousands of titles and many typos: it skips candidates whose length or letters alone rule
 * them out and stops each comparison once the bound is exceeded.
 */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  const w = wanted.trim().toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestScore = limit + 1;
  const wantedCounts = charCounts(w);
  for (const title of candidates) {
    const t = title.trim().toLowerCase();
    const bound = Math.min(limit, bestScore);
    if (Math.abs(t.length - w.length) > bound || countsDistance(wantedCounts, t) > 2 * bound) continue;
    const score = boundedDistance(w, t, Math.min(limit, bestScore));
    if (score < bestScore || (score === bestScore && best !== undefined && title < best)) {
      best = title;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

/** Levenshtein distance, or `bound + 1` as soon as it must exceed `bound`. */
function boundedDistance(a: string, b: string, bound: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let next = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + cost);
      next[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    [prev, next] = [next, prev];
  }
  return prev[b.length]!;
}

const BUCKETS = 64;

/** Character counts folded into a few buckets; folding only lowers the bound, so it stays safe. */
function charCounts(text: string): Int32Array {
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) % BUCKETS]!++;
  return counts;
}

/** Twice a lower bound of the edit distance: a substitution changes the counts by 2, an insertion by 1. */
function countsDistance(wanted: Int32Array, text: string): number {
  const counts = charCounts(text);
  let sum = 0;
  for (let i = 0; i < BUCKETS; i++) sum += Math.abs(counts[i]! - wanted[i]!);
  return sum;
}
