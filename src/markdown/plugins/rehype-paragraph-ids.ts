/**
 * Numbers a page's body paragraphs `p-1`, `p-2`, … so paragraph links (`#p-N`) exist in the written file
 * (and `dossier check` knows them) instead of only after the page script runs. Paragraphs written in raw
 * HTML count too: their ids are spliced in at their start tags, leaving the author's markup as it was.
 */
import type { Root } from 'hast';
import { streamHtml, type StreamTag } from '../html-stream.js';

/** Paragraphs inside these are parts of something else (a list, a table, a quotation, an aside): not numbered. */
const CONTAINERS = new Set(['li', 'td', 'th', 'blockquote', 'aside', 'template']);

/** Gives `id="p-N"` to each prose paragraph of `tree` that has no id, numbered in document order. */
export function numberParagraphs(tree: Root): void {
  let count = 0;
  const splices = new Map<{ value: string }, Array<[offset: number, id: string]>>();
  streamHtml(tree, {
    start(tag, open) {
      if (tag.tagName !== 'p' || tag.attribute('id') !== undefined || excluded(tag) || open.some(excluded)) return;
      const id = `p-${++count}`;
      // First among the attributes, where the serialiser and the splice both put it.
      if (tag.element !== undefined) tag.element.properties = { id, ...tag.element.properties };
      else if (tag.raw !== undefined) {
        const at = splices.get(tag.raw.node) ?? [];
        at.push([tag.raw.offset, id]);
        splices.set(tag.raw.node, at);
      }
    },
  });
  for (const [node, at] of splices) node.value = withIds(node.value, at);
}

/** Rehype plugin: numberParagraphs over the page. */
export default function rehypeParagraphIds() {
  return (tree: Root) => numberParagraphs(tree);
}

function excluded(tag: StreamTag): boolean {
  return CONTAINERS.has(tag.tagName) || tag.attribute('data-search-ignore') !== undefined;
}

/** `html` with ` id="…"` after the `<p` at each offset (in increasing order). */
function withIds(html: string, at: ReadonlyArray<[number, string]>): string {
  let out = '';
  let from = 0;
  for (const [offset, id] of at) {
    out += `${html.slice(from, offset + 2)} id="${id}"`;
    from = offset + 2;
  }
  return out + html.slice(from);
}
