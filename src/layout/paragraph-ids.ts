/**
 * Numbers a page's body paragraphs `p-1`, `p-2`, … at layout time, so paragraph links (`#p-N`) exist in
 * the written file (and `dossier check` knows them) instead of only after the page script runs. Done on
 * the final body, outside the Markdown chain, so rendered Markdown stays as Jekyll makes it; the body is
 * read as a stream of tags (markdown/html-stream.ts), not parsed into a tree, and the ids are spliced in
 * at the start tags, leaving the rest of the markup byte for byte as it was.
 */
import { streamHtml, type StreamTag } from '../markdown/html-stream.js';

/** Paragraphs inside these are parts of something else (a list, a table, a quotation, an aside): not numbered. */
const CONTAINERS = new Set(['li', 'td', 'th', 'blockquote', 'aside', 'template']);

/** `html` with `id="p-N"` on each top-level prose paragraph that has no id, numbered in document order. */
export function numberParagraphs(html: string): string {
  if (!html.includes('<p') && !html.includes('<P')) return html;
  const offsets: number[] = [];
  streamHtml({ type: 'root', children: [{ type: 'raw', value: html }] }, {
    start(tag, open) {
      if (tag.tagName !== 'p' || tag.attribute('id') !== undefined || excluded(tag) || open.some(excluded)) return;
      offsets.push(tag.raw?.offset ?? 0);
    },
  });
  let out = '';
  let from = 0;
  offsets.forEach((offset, i) => {
    out += `${html.slice(from, offset + 2)} id="p-${i + 1}"`;
    from = offset + 2;
  });
  return out + html.slice(from);
}

function excluded(tag: StreamTag): boolean {
  return CONTAINERS.has(tag.tagName) || tag.attribute('data-search-ignore') !== undefined;
}
