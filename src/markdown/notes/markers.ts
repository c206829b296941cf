/** Recognising note markers in mdast phrasing: `<sup>N</sup>` references, note openers, bracketed `[N]` citations. */
import type { Html, Nodes, PhrasingContent } from 'mdast';

/** `<sup>` content that names notes: `7`, `[7]`, `7,8`, `7, 8`, `7–9`. Ordinary superscripts (`th`, `®`) do not match. */
export const REFERENCE = /^\s*\[?\s*\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*\s*\]?\s*$/;
/** `<sup>` content that opens a note: `7`, `7.`, `[7]`, `7)`. */
const OPENER = /^\s*\[?(\d{1,4})\]?[.)]?\s*$/;
/** `<sup>` content with a digit that is neither a reference nor an opener: reported, never linked. */
const ODD_MARKER = /^\s*[[(]?\d{1,4}[a-z]?[\])]?\s*[*†‡]?\s*$|^\s*\d{1,4}\s+\d{1,4}\s*$/i;

/** Whether an html node opens a `<sup>`. */
export function isSupOpen(node: Nodes | undefined): node is Html {
  return node?.type === 'html' && /^<sup(\s[^>]*)?>$/i.test(node.value);
}

/** Whether an html node closes a `<sup>`. */
export function isSupClose(node: Nodes | undefined): node is Html {
  return node?.type === 'html' && /^<\/sup\s*>$/i.test(node.value);
}

/** The text of a `<sup>…</sup>` run starting at `i` (three nodes: open, text, close), if there is one. */
export function supText(children: readonly PhrasingContent[], i: number): string | undefined {
  const text = children[i + 1];
  return isSupOpen(children[i]) && text?.type === 'text' && isSupClose(children[i + 2]) ? text.value : undefined;
}

/** Whether `<sup>` content cites notes. */
export function isReference(content: string): boolean {
  return REFERENCE.test(content);
}

/** Whether `<sup>` content looks like a note marker we cannot read (`12a`, `(3)`, `4*`). */
export function isOddMarker(content: string): boolean {
  return !REFERENCE.test(content) && ODD_MARKER.test(content);
}

/** The label a `<sup>` opening a note carries (`7`, `7.`, `[7]`), if its content is one. */
export function openerLabel(content: string): string | undefined {
  const m = OPENER.exec(content);
  return m?.[1] === undefined ? undefined : String(Number(m[1]));
}

/** How a paragraph opens with a note marker: the label, how many leading children the marker spans, and how it was written. */
export interface Opener {
  label: string;
  /** Leading children that make up the marker (they become the note's number). */
  span: number;
  /** `[` and `]` around a `<sup>` (`[<sup>1</sup>] Text`), or a plain `[1] Text` reference-list entry. */
  style: 'sup' | 'bracketed-sup' | 'bracket';
}

/**
 * The note marker a paragraph opens with, if any: `<sup>1</sup>`, `<sup>1.</sup>`, `<sup>[1]</sup>`,
 * `[<sup>1</sup>]`, or (with `brackets`) a reference-list entry `[1] Text`. A marker with nothing but
 * an image or line breaks after it is a reference to the picture, not a note.
 */
export function openerOf(children: readonly PhrasingContent[], brackets: boolean): Opener | undefined {
  const first = children[0];
  let found: Opener | undefined;
  const sup = supText(children, 0);
  if (sup !== undefined) {
    const m = OPENER.exec(sup);
    if (m?.[1] !== undefined) found = { label: String(Number(m[1])), span: 3, style: 'sup' };
  } else if (first?.type === 'text' && /^\[\s*$/.test(first.value)) {
    const inner = supText(children, 1);
    const after = children[4];
    const m = inner === undefined ? null : OPENER.exec(inner);
    if (m?.[1] !== undefined && after?.type === 'text' && after.value.startsWith(']')) found = { label: String(Number(m[1])), span: 4, style: 'bracketed-sup' };
  } else if (brackets && first?.type === 'text') {
    const m = /^\[(\d{1,4})\][ \t]+\S/.exec(first.value);
    if (m?.[1] !== undefined) found = { label: String(Number(m[1])), span: 0, style: 'bracket' };
  }
  if (found === undefined) return undefined;
  return hasNoteText(children.slice(found.span), found.style) ? found : undefined;
}

function hasNoteText(rest: readonly PhrasingContent[], style: Opener['style']): boolean {
  return rest.some((node, i) => {
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'break') return false;
    if (node.type !== 'text') return true;
    const value = i === 0 && style === 'bracketed-sup' ? node.value.slice(1) : node.value;
    return /[^\s.:)\]]/.test(value);
  });
}

/** A bracketed numeric citation found in text: where it is and the numbers it cites (ranges kept as written). */
export interface BracketCitation {
  start: number;
  end: number;
  /** Text and number tokens in order: odd indices are numbers. */
  tokens: string[];
}

/** `[1]`, `[1, 4]`, `[2–5]`, `[2]-[5]`; never `[1](…)` or `[1][x]` (link syntax never reaches text anyway). */
const BRACKETS = /\[(\d{1,4}(?:\s*[,;–—-]\s*\d{1,4})*)\](?:\s*([–—-])\s*\[(\d{1,4})\])?(?![([])/g;

/** The bracketed numeric citations in a text value. */
export function bracketCitations(value: string): BracketCitation[] {
  if (!value.includes('[')) return [];
  const out: BracketCitation[] = [];
  for (const m of value.matchAll(BRACKETS)) {
    const inner = m[1] ?? '';
    const tokens = ['[', ...inner.split(/(\d+)/).slice(1)];
    if (m[3] !== undefined) {
      // `[2]-[5]`: the closing `]`, the dash and the opening `[` are text between the two numbers.
      tokens[tokens.length - 1] = `${tokens[tokens.length - 1] ?? ''}]${m[0].slice(inner.length + 2, m[0].lastIndexOf('[') + 1)}`;
      tokens.push(m[3], ']');
    } else tokens[tokens.length - 1] = `${tokens[tokens.length - 1] ?? ''}]`;
    out.push({ start: m.index, end: m.index + m[0].length, tokens });
  }
  return out;
}
