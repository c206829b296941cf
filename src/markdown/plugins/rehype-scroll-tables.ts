/** Puts every table in its own sideways-scrolling region, so wide tables never squeeze words or widen the page. */
import type { Element, Nodes, Root } from 'hast';
import { SKIP, walk } from '../walk.js';

/** Class of the wrapper; dossier.css styles it (edge shadows, sticky header row) and dossier.js watches its scroll. */
export const TABLE_SCROLL_CLASS = 'table-scroll';
/** Elements made from Markdown paragraphs, headings and code, which never hold a table: their insides are not walked. */
const NO_TABLES = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/**
 * Wraps each `<table>` in `<div class="table-scroll" role="region" tabindex="0" aria-label="Table N">`:
 * a named, keyboard-focusable scroll container (keyboard users can scroll it with the arrow keys).
 * Tables written as raw HTML stay strings here (no rehype-raw); the client script wraps those.
 */
export default function rehypeScrollTables() {
  return (tree: Root) => {
    let count = 0;
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type !== 'element') return undefined;
      if (NO_TABLES.has(node.tagName)) return SKIP;
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return undefined;
      count += 1;
      parent.children[index] = scrollRegion(node, count);
      return SKIP;
    });
  };
}

function scrollRegion(table: Element, n: number): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [TABLE_SCROLL_CLASS], role: 'region', tabIndex: 0, ariaLabel: `Table ${n}` },
    children: [table],
  };
}
