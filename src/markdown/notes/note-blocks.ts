/** Finding the notes among a page's blocks: note paragraphs, numbered lists under a Notes heading, a note's further paragraphs, a table's own notes. */
import type { Heading, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, walk } from '../walk.js';
import { isReference, openerOf, supText, type Opener } from './markers.js';
import { splitStackedNotes } from './note-placement.js';
import { rawSupTexts } from './raw-html-notes.js';

/** A note found among the blocks. */
export interface NoteBlock {
  node: Paragraph | ListItem;
  /** Its label: the number, prefixed (`t1:2`) for a table's own notes. */
  label: string;
  /** How a note paragraph opens; absent for list items. */
  opener?: Opener;
  /** Further paragraphs of the same note. */
  continuation: Paragraph[];
  /** An entry of a numbered reference list (under a References heading, or `[N] …`): `[N]` citations may land on it. */
  list: boolean;
}

/** The labels of a table's own notes, and the prefix that keeps them apart. */
export interface TableScope {
  prefix: string;
  labels: ReadonlySet<string>;
}

/** The page's notes in document order, and the tables whose markers cite their own notes. */
export interface NoteLayout {
  notes: NoteBlock[];
  scopes: Map<Nodes, TableScope>;
}

/** Headings over a list of notes. */
const NOTES_HEADING = /^\s*(?:end\s*|foot\s*)?notes?\b/i;
/** Headings over a numbered reference list, which `[N]` citations may cite. */
const REFERENCES_HEADING = /^\s*(?:references?|reference list|bibliography|works cited|sources|citations)\b/i;

/** The Notes or References heading in force: its depth, and whether it heads a reference list. */
interface NotesHeading {
  depth: number;
  references: boolean;
}

/**
 * Splits stacked notes apart (splitStackedNotes) and finds every note of a page (see NoteBlock) in
 * document order, in one walk: a container's notes are read from its own children, split just before.
 */
export function findNoteBlocks(tree: Root): NoteLayout {
  const layout: NoteLayout = { notes: [], scopes: new Map() };
  const scoped = new Map<Paragraph, string>();
  let tables = 0;
  walk<Nodes>(tree, (node) => {
    // Notes are paragraphs in block containers; nothing inside a paragraph, heading or table can hold one.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table' || node.type === 'html' || node.type === 'code') return SKIP;
    if (!('children' in node)) return undefined;
    splitStackedNotes(node as Parent);
    scanBlocks(node as Parent, layout, scoped, () => `t${++tables}:`);
    return undefined;
  });
  return layout;
}

/** Open note whose further paragraphs are being gathered. */
interface Run {
  note: NoteBlock;
  pending: Paragraph[];
  /** The notes sit between `***` rules, so plain paragraphs up to the closing rule are theirs. */
  fenced: boolean;
}

function scanBlocks(parent: Parent, layout: NoteLayout, scoped: Map<Paragraph, string>, nextPrefix: () => string): void {
  const children = parent.children as RootContent[];
  let heading: NotesHeading | undefined;
  let run: Run | undefined;
  const close = (keep: boolean) => {
    if (run !== undefined && keep) run.note.continuation.push(...run.pending);
    run = undefined;
  };
  children.forEach((child, i) => {
    if (child.type === 'heading') {
      close(heading !== undefined);
      heading = headingScope(child, heading);
    } else if (child.type === 'paragraph') {
      const opener = openerOf(child.children, heading !== undefined || bracketNeighbour(children, i));
      if (opener === undefined) {
        run?.pending.push(child);
        return;
      }
      const fenced = run !== undefined && run.pending.length === 0 ? run.fenced : children[i - 1]?.type === 'thematicBreak';
      close(run !== undefined && (run.fenced || heading !== undefined));
      const note: NoteBlock = { node: child, label: scoped.get(child) ?? opener.label, opener, continuation: [], list: heading?.references === true || opener.style === 'bracket' };
      layout.notes.push(note);
      run = { note, pending: [], fenced };
    } else if (child.type === 'thematicBreak') {
      close(run?.fenced === true);
    } else {
      close(false);
      if (child.type === 'list' && child.ordered === true && heading !== undefined) listNotes(child, heading.references, layout);
      if (child.type === 'table' || (child.type === 'html' && /<table\b/i.test(child.value))) tableScope(child, children, i, layout, scoped, nextPrefix);
    }
  });
  close(heading !== undefined);
}

/** The Notes or References heading in force after `heading`, if any. */
function headingScope(heading: Heading, current: NotesHeading | undefined): NotesHeading | undefined {
  const text = toString(heading);
  if (REFERENCES_HEADING.test(text)) return { depth: heading.depth, references: true };
  if (NOTES_HEADING.test(text)) return { depth: heading.depth, references: false };
  return current !== undefined && heading.depth > current.depth ? current : undefined;
}

/** A `[N] …` paragraph counts as a reference-list entry when another one stands next to it. */
function bracketNeighbour(children: readonly RootContent[], i: number): boolean {
  return [children[i - 1], children[i + 1]].some((n) => n?.type === 'paragraph' && openerOf(n.children, true)?.style === 'bracket');
}

function listNotes(list: List, references: boolean, layout: NoteLayout): void {
  const start = list.start ?? 1;
  list.children.forEach((item, k) => {
    layout.notes.push({ node: item, label: String(start + k), continuation: [], list: references });
  });
}

/** Notes right below a table that restart at 1 and answer every marker in the table are the table's own. */
function tableScope(table: RootContent, siblings: readonly RootContent[], at: number, layout: NoteLayout, scoped: Map<Paragraph, string>, nextPrefix: () => string): void {
  const below: Array<{ node: Paragraph; label: string }> = [];
  for (let j = at + 1; j < siblings.length; j++) {
    const next = siblings[j];
    const opener = next?.type === 'paragraph' ? openerOf(next.children, false) : undefined;
    // The table's notes count up from 1; a number out of that run is the essay's again.
    if (next?.type !== 'paragraph' || opener === undefined || Number(opener.label) !== below.length + 1) break;
    below.push({ node: next, label: opener.label });
  }
  if (below[0]?.label !== '1') return;
  const labels = new Set(below.map((b) => b.label));
  const cited = tableMarkerLabels(table);
  if (cited.length === 0 || !cited.every((l) => labels.has(l))) return;
  const prefix = nextPrefix();
  for (const b of below) scoped.set(b.node, `${prefix}${b.label}`);
  layout.scopes.set(table, { prefix, labels });
}

/** Every note number a table's `<sup>` markers cite. */
function tableMarkerLabels(table: RootContent): string[] {
  const contents: string[] = [];
  if (table.type === 'html') contents.push(...rawSupTexts(table.value));
  else {
    walk<Nodes>(table, (node) => {
      if (node.type !== 'tableCell' && node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'delete') return;
      const kids: readonly PhrasingContent[] = node.children;
      kids.forEach((_, i) => {
        const text = supText(kids, i);
        if (text !== undefined) contents.push(text);
      });
    });
  }
  return contents.filter(isReference).flatMap((c) => (c.match(/\d+/g) ?? []).map((n) => String(Number(n))));
}
