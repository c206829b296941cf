/** Matches every note reference of an essay with its note, across chapter pages, in reading order. */
import type { Page } from '../front-matter/page.js';
import { KRAMDOWN_LABEL_PREFIX } from '../markdown/notes/kramdown-notes.js';
import type { NoteDef, NoteRef, RenderedPage } from '../markdown/page-data.js';
import type { NavNode, NavTree } from '../nav/nav-tree.js';

/** A reference and the page it sits on. */
export interface PlacedRef {
  page: string;
  ref: NoteRef;
  /** Numbering run within the essay: chapters that restart at note 1 start a new run. */
  run: number;
}

/** A note and the page it sits on. */
export interface PlacedDef {
  page: string;
  def: NoteDef;
  run: number;
}

/** One essay's notes, resolved: each reference's note, and each note's references. */
export interface EssayNotes {
  /** Every reference in reading order. */
  refs: PlacedRef[];
  defs: PlacedDef[];
  /** The note each reference lands on; absent when the essay has none with its number. */
  target: Map<NoteRef, PlacedDef>;
  /** The references that land on each note, in reading order. */
  citedBy: Map<NoteDef, PlacedRef[]>;
}

/** Whether a label belongs to a kramdown `[^name]` note, which only ever resolves on its own page. */
export function isKramdownLabel(label: string): boolean {
  return label.startsWith(KRAMDOWN_LABEL_PREFIX);
}

/** Whether a label only ever resolves on its own page: kramdown notes and a table's own notes (`t1:2`). */
export function isPageLocalLabel(label: string): boolean {
  return isKramdownLabel(label) || /^t\d+:/.test(label);
}

/**
 * The essays of a site: pages sharing a nav parent, in nav order, with that parent first when its
 * children are all chapters (an essay's opening page cites notes kept in chapter 1); every other
 * page is an essay of its own.
 */
export function essayGroups(pages: readonly Page[], nav: NavTree): string[][] {
  const known = new Set(pages.map((p) => p.path));
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const seen = new Set<string>();
  const groups: string[][] = [];
  const opensChapters = (node: NavNode | undefined): boolean => node !== undefined && node.children.length > 0 && node.children.every((c) => c.children.length === 0);
  for (const page of pages) {
    if (seen.has(page.path)) continue;
    const node = nav.byPath.get(page.path);
    const parent = node !== undefined && opensChapters(node) ? node : node?.parent;
    // `child_nav_order: desc` only flips the sidebar: notes run through the chapters in nav_order.
    const children = parent === undefined ? [] : byPath.get(parent.path)?.data.childNavOrder === 'desc' ? [...parent.children].reverse() : parent.children;
    // An essay page that opens chapters goes with its chapters, never with its own siblings.
    const members = parent === undefined ? [] : opensChapters(parent) ? [parent, ...children] : children.filter((c) => !opensChapters(c));
    const group = members.map((n) => n.path).filter((p) => known.has(p) && !seen.has(p));
    if (!group.includes(page.path)) group.push(page.path);
    for (const p of group) seen.add(p);
    groups.push(group);
  }
  return groups;
}

/** Resolves one essay: a reference lands on the note with its number on the same page, else the nearest following chapter, else the nearest preceding one. */
export function resolveEssayNotes(paths: readonly string[], rendered: ReadonlyMap<string, RenderedPage>): EssayNotes {
  const refs: PlacedRef[] = [];
  const defs: PlacedDef[] = [];
  let run = 0;
  let seenNotes = false;
  for (const page of paths) {
    const notes = rendered.get(page)?.notes;
    if (notes === undefined) continue;
    const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
    const pageRefs = [...notes.refs].sort(byPosition);
    const pageDefs = [...notes.defs].sort(byPosition);
    const firstHand = [...pageRefs, ...pageDefs].filter((n) => !isPageLocalLabel(n.label) && !('cite' in n)).sort(byPosition)[0];
    // Some essays restart their numbering in every chapter: a chapter whose first note item cites 1 starts a new run.
    // (A chapter opening on the *note* 1 is the printed page breaking after the reference, not a restart.)
    if (firstHand?.label === '1' && !('html' in firstHand) && seenNotes) run++;
    if (firstHand !== undefined) seenNotes = true;
    for (const ref of pageRefs) refs.push({ page, ref, run });
    for (const def of pageDefs) defs.push({ page, def, run });
  }
  const pageIndex = new Map(paths.map((p, i) => [p, i]));
  const defsByLabel = new Map<string, PlacedDef[]>();
  for (const d of defs) {
    if (d.def.id === '') continue;
    const list = defsByLabel.get(d.def.label) ?? [];
    list.push(d);
    defsByLabel.set(d.def.label, list);
  }
  const target = new Map<NoteRef, PlacedDef>();
  const citedBy = new Map<NoteDef, PlacedRef[]>();
  for (const placed of refs) {
    if (placed.ref.id === '') continue;
    // A bracketed `[N]` citation lands only on an entry of a numbered reference list.
    const all = defsByLabel.get(placed.ref.label) ?? [];
    const candidates = placed.ref.cite === true ? all.filter((d) => d.def.list === true) : all;
    const found = pickNote(placed, candidates, pageIndex);
    if (found === undefined) continue;
    target.set(placed.ref, found);
    const list = citedBy.get(found.def) ?? [];
    list.push(placed);
    citedBy.set(found.def, list);
  }
  return { refs, defs, target, citedBy };
}

function pickNote(placed: PlacedRef, candidates: readonly PlacedDef[], pageIndex: ReadonlyMap<string, number>): PlacedDef | undefined {
  const samePage = candidates.find((d) => d.page === placed.page);
  if (samePage !== undefined || isPageLocalLabel(placed.ref.label)) return samePage;
  // Notes of the reference's own numbering run first; any other run's when that has none.
  return nearest(placed, candidates.filter((d) => d.run === placed.run), pageIndex) ?? nearest(placed, candidates, pageIndex);
}

function nearest(placed: PlacedRef, candidates: readonly PlacedDef[], pageIndex: ReadonlyMap<string, number>): PlacedDef | undefined {
  const here = pageIndex.get(placed.page) ?? 0;
  let best: PlacedDef | undefined;
  let bestScore = Infinity;
  for (const d of candidates) {
    const distance = (pageIndex.get(d.page) ?? 0) - here;
    // A printed page breaks forward: notes usually follow their references, so later chapters win ties.
    const score = distance > 0 ? distance * 2 - 1 : -distance * 2;
    if (score < bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
