/** Notes in mdast: hand-numbered references as `<sup>N</sup>`, as the site's footnote linking expects. */
import type { Nodes, PhrasingContent } from 'mdast';

/** The raw-HTML node the site's notes are written with. */
export function supNode(number: number): PhrasingContent {
  return { type: 'html', value: `<sup>${number}</sup>` };
}

/**
 * Plain text with scraped note references (the superscript lost, "…the harvest.2 Ships…") turned
 * back into `<sup>N</sup>`. Only numbers of notes that exist, glued to a lower-case letter or closing
 * punctuation, count: "F-35", "G7" and "155mm" stay text.
 */
export function textWithRefs(text: string, noteNumbers: ReadonlySet<number>): PhrasingContent[] {
  if (noteNumbers.size === 0) return [{ type: 'text', value: text }];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<=[\p{Ll}.,;:!?”"’)\]])(\d{1,3})(?=[\s.,;:)”"’]|$)/gu)) {
    const n = Number(match[1]);
    if (!noteNumbers.has(n)) continue;
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push(supNode(n));
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** A note's number when the text opens like one: "1. …", "[1] …", "1) …", "1 …". */
export function noteOpening(text: string): { number: number; rest: string } | undefined {
  const match = /^(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+(\S.*)$/s.exec(text);
  if (match === null) return undefined;
  return { number: Number(match[1] ?? match[2]), rest: match[3]! };
}

/**
 * Markdown parsers give inline HTML one node per tag: `<sup>`, `1`, `</sup>`. Notes code reads
 * a reference as one node, so a number between a `<sup>` and a `</sup>` is merged into one.
 */
export function mergeSupTags(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 0; i + 2 < children.length; i++) {
    const [open, middle, close] = [children[i]!, children[i + 1]!, children[i + 2]!];
    if (open.type === 'html' && /^<sup>$/i.test(open.value) && middle.type === 'text' && /^\s*\[?\d{1,3}\.?\]?\s*$/.test(middle.value) && close.type === 'html' && /^<\/sup>$/i.test(close.value)) {
      children.splice(i, 3, { type: 'html', value: `<sup>${middle.value.trim()}</sup>` });
    }
  }
  for (const child of children) mergeSupTags(child);
}
