/**
 * Numbers a page's body paragraphs `p-1`, `p-2`, … at layout time, so paragraph links (`#p-N`) exist in
 * the written file (and `dossier check` knows them) instead of only after the page script runs. Done on
 * the final body, outside the Markdown chain, so rendered Markdown stays as Jekyll makes it.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const parser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Paragraphs inside these are parts of something else (a list, a table, a quotation, an aside): not numbered. */
const CONTAINERS = new Set(['li', 'td', 'th', 'blockquote', 'aside', 'template']);

/**
 * `html` with `id="p-N"` on each top-level prose paragraph that has no id, numbered in document order;
 * the rest of the markup is left byte for byte as it was (the ids are spliced in at the parsed start tags).
 */
export function numberParagraphs(html: string): string {
  if (!html.includes('<p')) return html;
  const offsets: number[] = [];
  collect((parser.parse(html) as Root).children, html, offsets);
  if (offsets.length === 0) return html;
  let out = '';
  let from = 0;
  offsets.forEach((offset, i) => {
    out += `${html.slice(from, offset + 2)} id="p-${i + 1}"`;
    from = offset + 2;
  });
  return out + html.slice(from);
}

/** Start offsets of the `<p` tags to number, in order. */
function collect(nodes: ReadonlyArray<RootContent | ElementContent>, html: string, offsets: number[]): void {
  for (const node of nodes) {
    if (node.type !== 'element' || excluded(node)) continue;
    if (node.tagName === 'p') {
      const at = node.position?.start.offset;
      // A paragraph the parser made up (a stray `</p>`) has no start tag of its own to carry an id.
      if (node.properties['id'] === undefined && at !== undefined && /^<p[\s>/]/i.test(html.slice(at, at + 3))) offsets.push(at);
      continue;
    }
    collect(node.children, html, offsets);
  }
}

function excluded(node: Element): boolean {
  return CONTAINERS.has(node.tagName) || node.properties['dataSearchIgnore'] !== undefined;
}
