/** Turns hand-numbered notes (`<sup>N</sup>`, `[N]`, numbered Notes lists) and kramdown `[^n]` footnotes into linked references and notes. */
import type { ListItem, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { NotePlacement } from '../../config/site-config.js';
import { nodeClasses } from '../attribute-list.js';
import { convertKramdownNotes } from '../notes/kramdown-notes.js';
import { bracketCitations, isOddMarker, isReference, supText } from '../notes/markers.js';
import { findNoteBlocks, type NoteBlock, type TableScope } from '../notes/note-blocks.js';
import { CONTINUATION_CLASS, DEF_CLASS, noteId } from '../notes/note-markup.js';
import { backrefsNode, element, isNoteRefNode, numberNode, partNodes, supReferenceNode } from '../notes/note-nodes.js';
import { gatherAtEnd } from '../notes/note-placement.js';
import { newNoteState, referenceParts, uniqueId, type NoteState } from '../notes/note-state.js';
import { linkRawHtml, type OddMarker } from '../notes/raw-html-notes.js';
import { SKIP, walk } from '../walk.js';

export { KRAMDOWN_LABEL_PREFIX } from '../notes/kramdown-notes.js';

export interface HandNumberedNotesOptions {
  /** `inline` keeps notes where the author put them; `end` gathers them at the end of the page. */
  placement?: NotePlacement;
}

/** Nodes whose children are phrasing: where references are read. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Plugin: recognises notes and references, renders them linked, and records them in `file.data.notes`. */
export default function remarkHandNumberedNotes(options: HandNumberedNotesOptions = {}) {
  const placement = options.placement ?? 'inline';
  return (tree: Root, file: VFile) => {
    const state = newNoteState();
    const kramdownFooter = convertKramdownNotes(tree, state);
    const layout = findNoteBlocks(tree);
    for (const note of layout.notes) separateBracketMarker(note);
    const inLinks = linkReferences(tree, new Map(layout.notes.map((n) => [n.node as Nodes, n])), layout.scopes, state, file);
    if (inLinks) hoistOutOfLinks(tree);
    const firstDefIds = new Map<string, string>();
    for (const def of state.defs) if (!firstDefIds.has(def.label)) firstDefIds.set(def.label, def.id);
    for (const note of layout.notes) finishNote(note, state, firstDefIds);
    const moved = layout.notes.flatMap((n) => (n.node.type === 'paragraph' ? [n.node, ...n.continuation] : []));
    if (placement === 'end' && moved.length > 0) gatherAtEnd(tree, new Set(moved));
    if (kramdownFooter !== undefined) tree.children.push(kramdownFooter);
    file.data.notes = { refs: state.refs, defs: state.defs };
  };
}

/** A `[1] Text` entry keeps `[1]` as its own text node, so it becomes the number and is never read as a citation. */
function separateBracketMarker(note: NoteBlock): void {
  if (note.opener?.style !== 'bracket' || note.node.type !== 'paragraph') return;
  const first = note.node.children[0];
  if (first?.type !== 'text') return;
  const marker = /^\[\d+\]/.exec(first.value)?.[0] ?? '';
  note.node.children.splice(0, 1, { type: 'text', value: marker }, { type: 'text', value: first.value.slice(marker.length) });
  note.opener = { ...note.opener, span: 1 };
}

/**
 * Links every reference in document order: `<sup>` markers in any phrasing, `[N]` citations in text,
 * markers in raw HTML blocks. Says whether a reference landed in a link's own text (see hoistOutOfLinks).
 */
function linkReferences(tree: Root, notes: ReadonlyMap<Nodes, NoteBlock>, scopes: ReadonlyMap<Nodes, TableScope>, state: NoteState, file: VFile): boolean {
  let inLinks = false;
  const report = (odd: readonly OddMarker[]) => {
    for (const o of odd) {
      const place = { line: o.line, column: o.column };
      file.message(`${o.text} looks like a note marker but holds no note number Dossier can link; write it as <sup>N</sup>`, { place, ruleId: 'unresolved-marker', source: 'notes' });
    }
  };
  const visit = (root: Nodes, scope: TableScope | undefined): void =>
    walk<Nodes>(root, (node, _index, parent) => {
      const own = node === root ? undefined : scopes.get(node);
      if (own !== undefined && node.type !== 'html') {
        visit(node, own);
        return SKIP;
      }
      if (node.type === 'html') {
        if (parent !== undefined && !PHRASING_PARENTS.has(parent.type)) report(linkRawHtml(node, state, own ?? scope));
        return undefined;
      }
      if (isTocEntry(node)) return SKIP;
      if (isNoteRefNode(node) || !('children' in node) || !PHRASING_PARENTS.has(node.type)) return undefined;
      const start = notes.get(node)?.opener?.span ?? 0;
      const cites = node.type !== 'link' && node.type !== 'linkReference';
      report(linkPhrasing(node.children as PhrasingContent[], start, scope, cites, state));
      if (!cites && !inLinks) inLinks = (node.children as PhrasingContent[]).some(isNoteRefNode);
      return undefined;
    });
  visit(tree, undefined);
  return inLinks;
}

/** A `{:toc}` entry copies its heading's text, marker included; kramdown prints it there as a plain superscript. */
function isTocEntry(node: Nodes): boolean {
  const properties = node.type === 'link' ? node.data?.hProperties : undefined;
  return typeof properties?.['id'] === 'string' && typeof properties['href'] === 'string' && properties['href'].startsWith('#');
}

/** Replaces numbered `<sup>` runs and `[N]` citations among `children` (from `start` on) with linked references. */
function linkPhrasing(children: PhrasingContent[], start: number, scope: TableScope | undefined, cites: boolean, state: NoteState): OddMarker[] {
  const odd: OddMarker[] = [];
  for (let i = start; i < children.length; i++) {
    const content = supText(children, i);
    const child = children[i];
    const at = child?.position?.start;
    if (content !== undefined) {
      const place = { line: at?.line ?? 1, column: at?.column ?? 1, cite: false, ...(scope === undefined ? {} : { scope }) };
      if (isReference(content)) children.splice(i, 3, supReferenceNode(referenceParts(content.split(/(\d+)/), place, state)));
      else if (isOddMarker(content)) odd.push({ text: `<sup>${content}</sup>`, line: place.line, column: place.column });
    } else if (cites && child?.type === 'text') {
      const nodes = citationNodes(child.value, at, state);
      if (nodes !== undefined) {
        children.splice(i, 1, ...nodes);
        i += nodes.length - 1;
      }
    }
  }
  return odd;
}

/** The text split around its bracketed citations, or undefined when it has none. */
function citationNodes(value: string, at: { line: number; column: number } | undefined, state: NoteState): PhrasingContent[] | undefined {
  const found = bracketCitations(value);
  if (found.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let from = 0;
  for (const c of found) {
    if (c.start > from) out.push({ type: 'text', value: value.slice(from, c.start) });
    const lines = value.slice(0, c.start).split('\n');
    const line = (at?.line ?? 1) + lines.length - 1;
    const column = lines.length > 1 ? (lines[lines.length - 1]?.length ?? 0) + 1 : (at?.column ?? 1) + c.start;
    out.push(...partNodes(referenceParts(c.tokens, { line, column, cite: true }, state), true));
    from = c.end;
  }
  if (from < value.length) out.push({ type: 'text', value: value.slice(from) });
  return out;
}

/** A reference inside link text would nest a link in a link: it moves to just after the link. Only linkReferences makes such references. */
function hoistOutOfLinks(tree: Root): void {
  walk<Nodes>(tree, (node, index, parent) => {
    if ((node.type !== 'link' && node.type !== 'linkReference') || parent === undefined || index === undefined) return undefined;
    const refs = node.children.filter(isNoteRefNode);
    if (refs.length === 0) return SKIP;
    node.children = node.children.filter((c) => !isNoteRefNode(c));
    (parent.children as PhrasingContent[]).splice(index + 1, 0, ...refs);
    return index + 1 + refs.length;
  });
}

/** Gives a note its id, its number link and its back links, and records it; `firstDefIds` holds the id of each label's first note so far. */
function finishNote(note: NoteBlock, state: NoteState, firstDefIds: Map<string, string>): void {
  const id = uniqueId(state, noteId(note.label));
  const place = note.node.position?.start;
  // The note's text is read from the finished tree (rehype-note-texts), so a preview reads exactly as the note does.
  state.defs.push({ label: note.label, id, line: place?.line ?? 1, column: place?.column ?? 1, html: '', ...(note.list ? { list: true } : {}) });
  // Within one page a note answers the references to its number; the notes stage widens this to the whole essay.
  if (!firstDefIds.has(note.label)) firstDefIds.set(note.label, id);
  const isFirstDef = firstDefIds.get(note.label) === id;
  const refs = isFirstDef ? (state.refIds.get(note.label) ?? []).map((r) => `#${r}`) : [];
  if (note.node.type === 'listItem') return finishListNote(note.node, id, refs);
  const node = note.node;
  const opener = note.opener;
  if (opener === undefined) return;
  const number = numberChildren(node.children, opener.style, opener.span);
  node.children.splice(0, opener.span, numberNode(id, number, refs[0]));
  const last = note.continuation[note.continuation.length - 1] ?? node;
  last.children.push(backrefsNode(id, refs, false));
  setProperties(node, { id, className: [...nodeClasses(node), DEF_CLASS] });
  for (const more of note.continuation) setProperties(more, { className: [...nodeClasses(more), CONTINUATION_CLASS], dataFor: id });
}

/** What the number element shows: the marker as written (`<sup>7.</sup>`, `[<sup>7</sup>]`, `[7]`). */
function numberChildren(children: PhrasingContent[], style: string, span: number): PhrasingContent[] {
  if (style === 'bracket') return children.slice(0, span);
  const content = supText(children, style === 'bracketed-sup' ? 1 : 0) ?? '';
  const sup = element('sup', {}, [{ type: 'text', value: content }]);
  if (style === 'sup') return [sup];
  const after = children[span];
  if (after?.type === 'text') after.value = after.value.slice(1);
  return [{ type: 'text', value: '[' }, sup, { type: 'text', value: ']' }];
}

function finishListNote(item: ListItem, id: string, refs: readonly string[]): void {
  const last = item.children[item.children.length - 1];
  const backrefs = backrefsNode(id, refs, true);
  if (last?.type === 'paragraph') last.children.push(backrefs);
  else item.children.push({ type: 'paragraph', children: [backrefs] });
  setProperties(item, { id, className: [...nodeClasses(item), DEF_CLASS] });
}

function setProperties(node: Paragraph | ListItem, properties: Record<string, string | string[]>): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...properties } };
}
