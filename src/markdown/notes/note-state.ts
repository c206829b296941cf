/** What the note plugins record about one page while they walk it: references, notes and the ids they took. */
import type { NoteDef, NoteRef } from '../page-data.js';
import { refId } from './note-markup.js';

/** A page's notes as found so far. */
export interface NoteState {
  refs: NoteRef[];
  defs: NoteDef[];
  /** Reference ids per label, in document order. */
  refIds: Map<string, string[]>;
  used: Set<string>;
}

/** An empty state for a new page. */
export function newNoteState(): NoteState {
  return { refs: [], defs: [], refIds: new Map(), used: new Set() };
}

/** Gives an id not yet used on this page: `fn-7`, then `fn-7-2`, … */
export function uniqueId(state: NoteState, base: string): string {
  let id = base;
  for (let n = 2; state.used.has(id); n++) id = `${base}-${n}`;
  state.used.add(id);
  return id;
}

/** Records a reference to `label` at a source position and returns its element id. */
export function recordRef(state: NoteState, label: string, line: number, column: number, cite: boolean): string {
  const id = uniqueId(state, refId(label));
  state.refs.push(cite ? { label, id, line, column, cite } : { label, id, line, column });
  const ids = state.refIds.get(label) ?? [];
  ids.push(id);
  state.refIds.set(label, ids);
  return id;
}

/** One piece of a reference as written: text between numbers, a linked number, or the anchor of a number inside a range. */
export type RefPart = { kind: 'text'; value: string } | { kind: 'ref'; id: string; label: string; text: string } | { kind: 'anchor'; id: string };

/** Where a reference sits in the source, and how its labels are scoped (a table's own notes). */
export interface RefPlace {
  line: number;
  column: number;
  cite: boolean;
  /** Labels of a table's own notes, and the prefix that keeps them apart from the essay's. */
  scope?: { prefix: string; labels: ReadonlySet<string> };
}

/** Splits tokens (odd indices are numbers, as `'7–9'.split(/(\d+)/)` gives) into recorded reference parts. */
export function referenceParts(tokens: readonly string[], place: RefPlace, state: NoteState): RefPart[] {
  const parts: RefPart[] = [];
  const labelOf = (n: number) => (place.scope?.labels.has(String(n)) === true ? `${place.scope.prefix}${n}` : String(n));
  let previous: number | undefined;
  tokens.forEach((token, i) => {
    if (i % 2 === 0) {
      if (token !== '') parts.push({ kind: 'text', value: token });
      return;
    }
    const n = Number(token);
    // A range such as `7–9` cites 8 too: it gets an empty anchor so note 8 can link back to it.
    if (previous !== undefined && /^\s*\]?\s*[–—-]\s*\[?\s*$/.test(tokens[i - 1] ?? '') && n > previous && n - previous <= 20) {
      for (let k = previous + 1; k < n; k++) parts.push({ kind: 'anchor', id: recordRef(state, labelOf(k), place.line, place.column, place.cite) });
    }
    const label = labelOf(n);
    parts.push({ kind: 'ref', id: recordRef(state, label, place.line, place.column, place.cite), label, text: token });
    previous = n;
  });
  return parts;
}
