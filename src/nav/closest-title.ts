/** "Did you mean" for page titles, fast enough for sites with thousands of titles and many typos. */

/**
 * The title closest to `wanted` (case-insensitive edit distance within max(2, length/3)),
 * with the same threshold and tie-break as `closestMatch` in diagnostics.ts. It skips titles
 * whose length alone rules them out and stops each comparison once the bound is exceeded.
 */
export function closestTitle(wanted: string, titles: Iterable<string>): string | undefined {
  const w = wanted.trim().toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestScore = limit + 1;
  const wantedCounts = charCounts(w);
  for (const title of titles) {
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
