/**
 * Notes and references written in raw HTML blocks (`<p><sup>1</sup> …</p>`, `<td>Y<sup>1, 2</sup></td>`).
 * The block is parsed into a hast fragment to find them; only their source ranges are rewritten,
 * so the author's other markup (even a table left open for the next block) passes through untouched.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Html } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, walk } from '../walk.js';
import { isOddMarker, isReference, openerLabel } from './markers.js';
import { anchorHtml, DEF_CLASS, noteBackrefsHtml, noteId, noteNumberHtml, refHtml } from './note-markup.js';
import { referenceParts, uniqueId, type NoteState, type RefPlace } from './note-state.js';

const parser = unified().use(rehypeParse, { fragment: true }).freeze();
const printer = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/** Elements whose opening `<sup>` makes them a note. */
const NOTE_CONTAINERS = new Set(['p', 'div', 'li', 'dd']);

/** Parses an HTML fragment as the browser would, with source positions. */
export function parseFragment(html: string): HastRoot {
  return parser.parse(html);
}

/** Serialises hast nodes as the Markdown stage does. */
export function printHast(nodes: readonly ElementContent[]): string {
  return printer.stringify({ type: 'root', children: [...nodes] });
}

/** The text of every `<sup>` in a fragment whose content is text only. */
export function rawSupTexts(html: string): string[] {
  if (!/<sup\b/i.test(html)) return [];
  const out: string[] = [];
  walk<HastNodes>(parseFragment(html), (node) => {
    if (node.type === 'element' && node.tagName === 'sup') {
      const text = onlyText(node);
      if (text !== undefined) out.push(text);
    }
  });
  return out;
}

function onlyText(node: Element): string | undefined {
  return node.children.every((c) => c.type === 'text') ? node.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : undefined;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What a raw block held that looked like a marker but could not be read. */
export interface OddMarker {
  text: string;
  line: number;
  column: number;
}

/** Links the references and marks up the notes of a raw HTML block in place; returns the markers it could not read. */
export function linkRawHtml(node: Html, state: NoteState, scope?: RefPlace['scope']): OddMarker[] {
  if (!/<sup\b/i.test(node.value)) return [];
  const value = node.value;
  const edits: Edit[] = [];
  const odd: OddMarker[] = [];
  const openers = new Set<Element>();
  const placeOf = (offset: number) => {
    const before = value.slice(0, offset).split('\n');
    const line = (node.position?.start.line ?? 1) + before.length - 1;
    const column = before.length > 1 ? (before[before.length - 1]?.length ?? 0) + 1 : (node.position?.start.column ?? 1) + offset;
    return { line, column };
  };
  walk<HastNodes>(parseFragment(value), (el) => {
    if (el.type !== 'element') return undefined;
    if (el.tagName === 'a') return SKIP;
    if (NOTE_CONTAINERS.has(el.tagName)) noteEdits(el, value, state, placeOf, openers, edits);
    if (el.tagName !== 'sup' || openers.has(el)) return undefined;
    const text = onlyText(el);
    const start = el.position?.start.offset;
    const end = el.position?.end.offset;
    if (text === undefined || start === undefined || end === undefined) return undefined;
    if (isReference(text)) {
      const parts = referenceParts(text.split(/(\d+)/), { ...placeOf(start), cite: false, ...(scope === undefined ? {} : { scope }) }, state);
      const inner = parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'anchor' ? anchorHtml(p.id, false) : refHtml(p.id, p.text, `#${noteId(p.label)}`, false))).join('');
      edits.push({ start, end, text: `<sup class="footnote-sup">${inner}</sup>` });
    } else if (isOddMarker(text)) odd.push({ text: value.slice(start, end), ...placeOf(start) });
    return undefined;
  });
  edits.sort((a, b) => b.start - a.start);
  let out = value;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  node.value = out;
  return odd;
}

/** A paragraph-like element that opens with a numbered `<sup>` and has text after it is a note. */
function noteEdits(el: Element, value: string, state: NoteState, placeOf: (offset: number) => { line: number; column: number }, openers: Set<Element>, edits: Edit[]): void {
  const kids = el.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const first = kids[0];
  if (first?.type !== 'element' || first.tagName !== 'sup' || kids.length < 2) return;
  const content = onlyText(first);
  const label = content === undefined ? undefined : openerLabel(content);
  const start = el.position?.start.offset;
  const end = el.position?.end.offset;
  const supStart = first.position?.start.offset;
  const supEnd = first.position?.end.offset;
  if (label === undefined || start === undefined || end === undefined || supStart === undefined || supEnd === undefined) return;
  const tagEnd = value.indexOf('>', start) + 1;
  if (tagEnd === 0 || tagEnd > supStart) return;
  // An id the author gave the note stays its id: links elsewhere may already point at it.
  const own = el.properties['id'];
  const id = typeof own === 'string' && own !== '' ? own : uniqueId(state, noteId(label));
  state.used.add(id);
  openers.add(first);
  const classes = [...(Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : []), DEF_CLASS];
  const startTag = printHast([{ type: 'element', tagName: el.tagName, properties: { ...el.properties, id, className: classes }, children: [] }]);
  const closing = `</${el.tagName}>`;
  const closed = value.slice(end - closing.length, end).toLowerCase() === closing;
  edits.push({ start, end: tagEnd, text: startTag.slice(0, -closing.length) });
  edits.push({ start: supStart, end: supEnd, text: noteNumberHtml(id, value.slice(supStart, supEnd).replace(/^<sup[^>]*>/i, '<sup>'), undefined) });
  edits.push({ start: closed ? end - closing.length : end, end: closed ? end - closing.length : end, text: noteBackrefsHtml(id, []) });
  state.defs.push({ label, id, ...placeOf(supStart), html: '' });
}
