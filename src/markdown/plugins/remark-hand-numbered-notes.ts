/** Turns hand-numbered `<sup>N</sup>` notes and kramdown `[^n]` footnotes into linked references and notes. */
import type { BlockContent, FootnoteDefinition, Html, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { nodeClasses } from '../attribute-list.js';
import { SKIP, walk } from '../walk.js';
import type { VFile } from 'vfile';
import type { NotePlacement } from '../../config/site-config.js';
import type { NoteDef, NoteRef } from '../page-data.js';
import { escapeHtml } from '../../html-text.js';

export interface HandNumberedNotesOptions {
  /** `inline` keeps notes where the author put them; `end` gathers them at the end of the page. */
  placement?: NotePlacement;
}

/** Prefix of the labels of kramdown `[^name]` notes in page data: they are page-local, never linked across chapters. */
export const KRAMDOWN_LABEL_PREFIX = '^';

/** The element holding a note's number: a link back to its first reference, or plain when nothing cites it. */
export function noteNumberHtml(noteId: string, inner: string, firstRefHref: string | undefined): string {
  return firstRefHref === undefined
    ? `<span class="footnote-number" data-for="${noteId}">${inner}</span>`
    : `<a class="footnote-number" data-for="${noteId}" href="${escapeHtml(firstRefHref)}" role="doc-backlink">${inner}</a>`;
}

/** The list of "↩" links a note ends with; empty unless the note is cited more than once (the number links to the first). */
export function noteBackrefsHtml(noteId: string, refHrefs: readonly string[]): string {
  const links =
    refHrefs.length < 2
      ? ''
      : refHrefs
          .map((href, i) => ` <a class="footnote-backref" href="${escapeHtml(href)}" role="doc-backlink" aria-label="Back to citation ${i + 1}">↩${i === 0 ? '' : `<sup>${i + 1}</sup>`}</a>`)
          .join('');
  return `<span class="footnote-backrefs" data-for="${noteId}">${links}</span>`;
}

/**
 * Fills in the text of each hand-numbered note from the page's HTML: what stands between the note's
 * number (noteNumberHtml) and its back links (noteBackrefsHtml), without the `.` after the number.
 */
export function fillNoteTexts(pageHtml: string, defs: readonly NoteDef[]): void {
  let from = 0;
  for (const def of defs) {
    // kramdown `[^n]` notes carry their text already.
    if (def.label.startsWith(KRAMDOWN_LABEL_PREFIX)) continue;
    const marker = `class="footnote-number" data-for="${def.id}"`;
    // Notes appear in page order, so each search starts where the last note ended.
    let number = pageHtml.indexOf(marker, from);
    if (number === -1) number = pageHtml.indexOf(marker);
    const end = pageHtml.indexOf(`<span class="footnote-backrefs" data-for="${def.id}">`, number);
    if (number === -1 || end === -1) continue;
    // The number is `<sup>N</sup>` inside an <a> or <span>; its text starts after that element closes.
    const start = pageHtml.indexOf('>', pageHtml.indexOf('</sup>', number) + 6) + 1;
    def.html = pageHtml.slice(start, end).replace(/^[\s.:)]+/, '').trim();
    from = end;
  }
}

/** `<sup>` content that names notes: `7`, `[7]`, `7,8`, `7, 8`, `7–9`. Ordinary superscripts (`th`, `®`) do not match. */
const REFERENCE = /^\s*\[?\s*\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*\s*\]?\s*$/;
/** `<sup>` content that opens a note: `7`, `7.`, `[7]`. */
const OPENER = /^\s*\[?(\d{1,4})\]?\.?\s*$/;

interface State {
  refs: NoteRef[];
  defs: NoteDef[];
  /** Reference ids per label, in document order. */
  refIds: Map<string, string[]>;
  used: Set<string>;
}

/** Plugin: recognises notes and references, renders them linked, and records them in `file.data.notes`. */
export default function remarkHandNumberedNotes(options: HandNumberedNotesOptions = {}) {
  const placement = options.placement ?? 'inline';
  return (tree: Root, file: VFile) => {
    const state: State = { refs: [], defs: [], refIds: new Map(), used: new Set() };
    const kramdownFooter = convertKramdownNotes(tree, state);
    splitStackedNotes(tree);
    const notes: Array<{ node: Paragraph; id: string; label: string }> = [];
    walk<Nodes>(tree, (node) => {
      if (node.type !== 'paragraph') return undefined;
      const opener = openerLabel(node.children);
      if (opener !== undefined) {
        const id = uniqueId(state, `fn-${opener}`);
        notes.push({ node, id, label: opener });
        linkReferences(node.children, 3, state);
      } else linkReferences(node.children, 0, state);
      return SKIP;
    });
    for (const note of notes) finishNote(note.node, note.id, note.label, state);
    if (placement === 'end' && notes.length > 0) gatherAtEnd(tree, new Set(notes.map((n) => n.node)));
    if (kramdownFooter !== undefined) tree.children.push(kramdownFooter);
    file.data.notes = { refs: state.refs, defs: state.defs };
  };
}

function openerLabel(children: readonly PhrasingContent[]): string | undefined {
  const [open, text, close] = children;
  if (!isSupOpen(open) || text?.type !== 'text' || !isSupClose(close)) return undefined;
  const match = OPENER.exec(text.value);
  return match?.[1] === undefined ? undefined : String(Number(match[1]));
}

function isSupOpen(node: Nodes | undefined): node is Html {
  return node?.type === 'html' && /^<sup(\s[^>]*)?>$/i.test(node.value);
}

function isSupClose(node: Nodes | undefined): node is Html {
  return node?.type === 'html' && /^<\/sup\s*>$/i.test(node.value);
}

/** Gives an id not yet used on this page: `fn-7`, then `fn-7-2`, … */
function uniqueId(state: State, base: string): string {
  let id = base;
  for (let n = 2; state.used.has(id); n++) id = `${base}-${n}`;
  state.used.add(id);
  return id;
}

/** Replaces every numbered `<sup>` from `start` on with linked references. */
function linkReferences(children: PhrasingContent[], start: number, state: State): void {
  for (let i = start; i + 2 < children.length; i++) {
    const open = children[i];
    const text = children[i + 1];
    if (!isSupOpen(open) || text?.type !== 'text' || !isSupClose(children[i + 2]) || !REFERENCE.test(text.value)) continue;
    const place = open.position?.start;
    children.splice(i, 3, referenceNode(text.value, place?.line ?? 1, place?.column ?? 1, state));
  }
}

function referenceNode(content: string, line: number, column: number, state: State): PhrasingContent {
  const parts: PhrasingContent[] = [];
  const tokens = content.split(/(\d+)/);
  let previous: number | undefined;
  tokens.forEach((token, i) => {
    if (i % 2 === 0) {
      if (token !== '') parts.push({ type: 'text', value: token });
      return;
    }
    const n = Number(token);
    // A range such as `7–9` cites 8 too: it gets an empty anchor so note 8 can link back to it.
    if (previous !== undefined && /^\s*[–—-]\s*$/.test(tokens[i - 1] ?? '') && n > previous && n - previous <= 20) {
      for (let k = previous + 1; k < n; k++) parts.push(element('span', { id: recordRef(String(k), line, column, state), className: ['footnote-anchor'] }, []));
    }
    const label = String(n);
    const id = recordRef(label, line, column, state);
    parts.push(element('a', { href: `#fn-${label}`, id, className: ['footnote-ref'], role: 'doc-noteref' }, [{ type: 'text', value: token }]));
    previous = n;
  });
  return element('sup', { className: ['footnote-sup'] }, parts);
}

function recordRef(label: string, line: number, column: number, state: State): string {
  const id = uniqueId(state, `fnref-${label}`);
  state.refs.push({ label, id, line, column });
  const ids = state.refIds.get(label) ?? [];
  ids.push(id);
  state.refIds.set(label, ids);
  return id;
}

/** Gives a note paragraph its id, its number link and its back links, and records its HTML for previews. */
function finishNote(node: Paragraph, id: string, label: string, state: State): void {
  const text = node.children[1];
  const inner = text?.type === 'text' ? escapeHtml(text.value) : label;
  const place = node.position?.start;
  // The note's text is taken from the page's finished HTML (fillNoteTexts), so a preview reads exactly as the note does.
  state.defs.push({ label, id, line: place?.line ?? 1, column: place?.column ?? 1, html: '' });
  // Within one page a note answers the references to its number; linkNotes widens this to the whole essay.
  const isFirstDef = state.defs.find((d) => d.label === label)?.id === id;
  const refs = isFirstDef ? (state.refIds.get(label) ?? []).map((r) => `#${r}`) : [];
  node.children.splice(0, 3, html(noteNumberHtml(id, `<sup>${inner}</sup>`, refs[0])));
  node.children.push(html(noteBackrefsHtml(id, refs)));
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id, className: [...nodeClasses(node), 'footnote-def'] } };
}

/** kramdown writes stacked notes as one paragraph per line; without IAL lines between them CommonMark joins them, so split them again. */
function splitStackedNotes(tree: Root): void {
  walk<Nodes>(tree, (node) => {
    // Notes are paragraphs in block containers; nothing inside a paragraph can hold one.
    if (node.type === 'paragraph') return SKIP;
    if (!('children' in node)) return undefined;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i];
      if (child?.type !== 'paragraph' || openerLabel(child.children) === undefined) continue;
      const [head, ...tail] = splitParagraph(child);
      if (head !== undefined && tail.length > 0) parent.children.splice(i, 1, head, ...tail);
    }
  });
}

function splitParagraph(node: Paragraph): Paragraph[] {
  const out: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  node.children.forEach((child, i) => {
    const previous = current[current.length - 1];
    const lineStart = previous === undefined || previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
    if (current.length > 0 && lineStart && openerLabel(node.children.slice(i, i + 3)) !== undefined) {
      if (previous?.type === 'text') current[current.length - 1] = { ...previous, value: previous.value.replace(/\s+$/, '') };
      out.push(paragraphOf(current, node));
      current = [];
    }
    current.push(child);
  });
  out.push(paragraphOf(current, node));
  return out;
}

function paragraphOf(children: PhrasingContent[], from: Paragraph): Paragraph {
  const start = children[0]?.position?.start;
  const end = children[children.length - 1]?.position?.end;
  const paragraph: Paragraph = { type: 'paragraph', children };
  if (from.data !== undefined) paragraph.data = structuredClone(from.data);
  if (start !== undefined && end !== undefined) paragraph.position = { start, end };
  return paragraph;
}

/** Placement `end`: moves the notes into one section at the end, dropping the `***` fences left empty. */
function gatherAtEnd(tree: Root, notes: ReadonlySet<Paragraph>): void {
  const moved: Paragraph[] = [];
  walk<Nodes>(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    const kept: RootContent[] = [];
    let removed = false;
    for (const child of parent.children) {
      if (child.type === 'paragraph' && notes.has(child)) {
        moved.push(child);
        removed = true;
      } else if (child.type === 'thematicBreak' && removed && kept[kept.length - 1]?.type === 'thematicBreak') {
        kept.pop();
        removed = false;
      } else {
        kept.push(child);
        if (child.type !== 'thematicBreak') removed = false;
      }
    }
    parent.children = kept;
  });
  tree.children.push(block('section', { className: ['footnotes', 'footnotes-end'], role: 'doc-endnotes', ariaLabel: 'Notes' }, moved));
}

/** kramdown footnotes: numbered by first reference, ids `fn:name` / `fnref:name` / `fnref:name:1`, listed at the end. */
function convertKramdownNotes(tree: Root, state: State): RootContent | undefined {
  const definitions = new Map<string, FootnoteDefinition>();
  walk<Nodes>(tree, (node, index, parent) => {
    if (node.type !== 'footnoteDefinition') return undefined;
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  const order: FootnoteDefinition[] = [];
  const backrefs = new Map<FootnoteDefinition, string[]>();
  walk<Nodes>(tree, (node, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    if (node.type === 'text' && node.value.includes('[^')) {
      // remark-gfm leaves a reference without definition as text, as kramdown does; record it so `check` can report it.
      for (const m of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const offset = node.value.slice(0, m.index).split('\n');
        const line = (node.position?.start.line ?? 1) + offset.length - 1;
        const column = offset.length > 1 ? (offset[offset.length - 1]?.length ?? 0) + 1 : (node.position?.start.column ?? 1) + m.index;
        state.refs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${m[1] ?? ''}`, id: '', line, column });
      }
      return;
    }
    if (node.type !== 'footnoteReference') return;
    const definition = definitions.get(node.identifier);
    if (definition === undefined) return;
    if (!order.includes(definition)) order.push(definition);
    const name = definition.label ?? definition.identifier;
    const ids = backrefs.get(definition) ?? [];
    const id = ids.length === 0 ? `fnref:${name}` : `fnref:${name}:${ids.length}`;
    ids.push(id);
    backrefs.set(definition, ids);
    state.used.add(id);
    const place = node.position?.start;
    state.refs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${name}`, id, line: place?.line ?? 1, column: place?.column ?? 1 });
    const link = element('a', { href: `#fn:${name}`, className: ['footnote', 'footnote-ref'], rel: ['footnote'] }, [{ type: 'text', value: String(order.indexOf(definition) + 1) }]);
    (parent as Parent).children.splice(index, 1, element('sup', { id, role: 'doc-noteref' }, [link]));
    return index + 1;
  });
  for (const definition of definitions.values()) {
    const name = definition.label ?? definition.identifier;
    const used = order.includes(definition);
    const place = definition.position?.start;
    // kramdown drops notes nobody cites; they are still recorded (without an id) so `check` can report them.
    // No text: a kramdown note is cited only on its own page, whose previews read it from the page itself.
    state.defs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${name}`, id: used ? `fn:${name}` : '', line: place?.line ?? 1, column: place?.column ?? 1, html: '' });
  }
  if (order.length === 0) return undefined;
  const items = order.map((definition) => {
    const name = definition.label ?? definition.identifier;
    const links: PhrasingContent[] = (backrefs.get(definition) ?? []).flatMap((id, i) => [
      { type: 'text' as const, value: ' ' },
      element('a', { href: `#${id}`, className: ['reversefootnote'], role: 'doc-backlink' }, [
        { type: 'text', value: '↩' },
        ...(i === 0 ? [] : [element('sup', {}, [{ type: 'text', value: String(i + 1) }])]),
      ]),
    ]);
    const children: BlockContent[] = [...(definition.children as BlockContent[])];
    const last = children[children.length - 1];
    if (last?.type === 'paragraph') children[children.length - 1] = { ...last, children: [...last.children, ...links] };
    else children.push({ type: 'paragraph', children: links });
    state.used.add(`fn:${name}`);
    return block('li', { id: `fn:${name}`, role: 'doc-endnote' }, children);
  });
  return block('div', { className: ['footnotes'], role: 'doc-endnotes' }, [block('ol', {}, items)]);
}

type Properties = Record<string, string | string[]>;

/** An inline element the Markdown stage renders as-is (an emphasis node renamed), so later plugins see no link or text to rewrite. */
function element(tagName: string, properties: Properties, children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', data: { hName: tagName, hProperties: properties }, children };
}

/** A block element built from a blockquote renamed, keeping its Markdown children for remark-rehype to convert. */
function block(tagName: string, properties: Properties, children: readonly (BlockContent | RootContent)[]): BlockContent {
  return { type: 'blockquote', data: { hName: tagName, hProperties: properties }, children: children as BlockContent[] };
}

function html(value: string): Html {
  return { type: 'html', value };
}
