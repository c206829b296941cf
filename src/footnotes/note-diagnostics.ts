/** Note problems across each essay (missing, uncited, duplicated, out of order): one source for build warnings and `dossier check` errors. */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import type { NavTree } from '../nav/nav-tree.js';
import { essayGroups, isKramdownLabel, isPageLocalLabel, resolveEssayNotes, type EssayNotes, type PlacedDef, type PlacedRef } from './resolve-notes.js';

/** Every note problem of the site, positioned at the reference or note in the Markdown source. */
export function noteDiagnostics(
  pages: readonly Page[],
  rendered: ReadonlyMap<string, RenderedPage>,
  nav: NavTree,
  severity: Severity = 'warning',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const group of essayGroups(pages, nav)) out.push(...essayNoteDiagnostics(resolveEssayNotes(group, rendered), severity));
  return out;
}

/** The problems of one resolved essay. */
export function essayNoteDiagnostics(essay: EssayNotes, severity: Severity = 'warning'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (p: PlacedRef | PlacedDef, node: { line: number; column: number }, rule: string, message: string) =>
    out.push({ file: p.page, line: node.line, column: node.column, severity, rule: `notes/${rule}`, message });
  const explained = new Set<string>();
  for (const run of new Set(essay.refs.map((r) => r.run))) {
    // IEEE-style `[N]` citations repeat and jump by design; a table's own notes are numbered apart.
    const refs = essay.refs.filter((r) => r.run === run && !isPageLocalLabel(r.ref.label) && r.ref.cite !== true);
    for (const { ref, skipped, other } of duplicateCitations(refs)) {
      explained.add(`${run}:${skipped}`);
      at(ref, ref.ref, 'duplicate-citation',
        `note ${ref.ref.label} is cited twice (again at ${other.page}:${other.ref.line}:${other.ref.column}) and note ${skipped} is never cited: this ${ref.ref.label} is probably ${skipped}`);
    }
    let previous: PlacedRef | undefined;
    const cited = new Set<string>();
    for (const r of refs) {
      if (cited.has(r.ref.label)) continue;
      cited.add(r.ref.label);
      if (previous !== undefined && Number(r.ref.label) < Number(previous.ref.label)) {
        at(r, r.ref, 'out-of-order', `note ${r.ref.label} is first cited after note ${previous.ref.label}`);
      }
      previous = r;
    }
  }
  for (const r of essay.refs) {
    // A `[N]` with no reference list to land on is ordinary text, not a broken citation.
    if (essay.target.has(r.ref) || r.ref.cite === true) continue;
    const name = isKramdownLabel(r.ref.label) ? `[${r.ref.label}]` : r.ref.label;
    const where = isKramdownLabel(r.ref.label) ? 'on this page' : 'in this essay';
    at(r, r.ref, 'missing-note', `note ${name} is cited but no note ${name} exists ${where}`);
  }
  let previousDef: PlacedDef | undefined;
  for (const d of essay.defs) {
    const kramdown = isKramdownLabel(d.def.label);
    // A reference list may name works the text never cites; only notes are expected to be cited.
    if (!essay.citedBy.has(d.def) && d.def.list !== true && !explained.has(`${d.run}:${d.def.label}`)) {
      at(d, d.def, 'unreferenced-note', kramdown ? `note [${d.def.label}] is never cited (kramdown leaves it out of the page)` : `note ${d.def.label} is never cited`);
    }
    if (kramdown || isPageLocalLabel(d.def.label)) continue;
    if (previousDef !== undefined && previousDef.run === d.run && Number(d.def.label) < Number(previousDef.def.label)) {
      at(d, d.def, 'out-of-order', `note ${d.def.label} comes after note ${previousDef.def.label}`);
    }
    previousDef = d;
  }
  return out;
}

interface DuplicateCitation {
  /** The citation that is probably a typo. */
  ref: PlacedRef;
  /** The number it probably meant. */
  skipped: number;
  /** Another citation of the same number. */
  other: PlacedRef;
}

/** A number cited twice while a neighbouring number is never cited: `27, 29, 29, 30` means the first 29 was meant as 28. */
function duplicateCitations(refs: readonly PlacedRef[]): DuplicateCitation[] {
  const labels = refs.map((r) => Number(r.ref.label));
  // Where each number is cited, in one pass: essays cite hundreds of notes.
  const positions = new Map<number, number[]>();
  labels.forEach((l, i) => {
    const at = positions.get(l);
    if (at === undefined) positions.set(l, [i]);
    else at.push(i);
  });
  const cited = positions;
  const max = labels.reduce((a, b) => Math.max(a, b), 0);
  const found: DuplicateCitation[] = [];
  for (const n of [...cited.keys()].sort((a, b) => a - b)) {
    const at = positions.get(n) ?? [];
    if (at.length < 2) continue;
    if (n > 1 && !cited.has(n - 1) && labels.some((l) => l < n - 1)) {
      // The typo is the occurrence that would fit the sequence as n - 1: the one following a smaller number.
      const i = at.find((k) => k === 0 || (labels[k - 1] ?? 0) < n - 1) ?? at[0]!;
      found.push({ ref: refs[i]!, skipped: n - 1, other: refs[at.find((k) => k !== i)!]! });
    } else if (n < max && !cited.has(n + 1)) {
      const i = [...at].reverse().find((k) => k === labels.length - 1 || (labels[k + 1] ?? 0) > n + 1) ?? at[at.length - 1]!;
      found.push({ ref: refs[i]!, skipped: n + 1, other: refs[at.find((k) => k !== i)!]! });
    }
  }
  return found;
}
