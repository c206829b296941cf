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

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `wanted`, if it is close enough to be a plausible typo. */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const w = wanted.trim().toLowerCase();
  for (const c of candidates) {
    const score = editDistance(w, c.trim().toLowerCase());
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}
