/** Adds Just the Docs' `#` link to every heading that has an id, when `heading_anchors` is on. */
import type { Element, Nodes, Root } from 'hast';
import { SKIP, walk } from '../walk.js';

const HEADING = /^h[1-6]$/;
/** Elements made from Markdown paragraphs, tables and code, which never hold a heading: their insides are not walked. */
const NO_HEADINGS = new Set(['p', 'table', 'pre']);

/** Prepends `<a href="#id" class="anchor-heading" aria-labelledby="id">` so the link is named by its heading. */
export default function rehypeHeadingAnchors(options?: { enabled?: boolean }) {
  const enabled = options?.enabled === true;
  return (tree: Root) => {
    if (!enabled) return;
    walk<Nodes>(tree, (node) => {
      if (node.type !== 'element') return undefined;
      if (NO_HEADINGS.has(node.tagName)) return SKIP;
      if (!HEADING.test(node.tagName)) return undefined;
      const id = node.properties['id'];
      if (typeof id === 'string' && id !== '') node.children.unshift(anchorFor(id));
      return SKIP;
    });
  };
}

function anchorFor(id: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${id}`, className: ['anchor-heading'], ariaLabelledBy: [id] },
    children: [
      {
        type: 'element',
        tagName: 'svg',
        properties: { viewBox: '0 0 16 16', ariaHidden: 'true', focusable: 'false', width: '16', height: '16', fill: 'currentColor' },
        children: [
          {
            type: 'element',
            tagName: 'path',
            // A chain-link glyph drawn inline, so the anchor needs no sprite from the layout.
            properties: {
              d: 'M6.9 4.6 8.3 3.2a3 3 0 0 1 4.3 4.3l-2 2a3 3 0 0 1-4.3 0l1-1a1.6 1.6 0 0 0 2.3 0l2-2a1.6 1.6 0 0 0-2.3-2.3L8 5.5zM9.1 11.4 7.7 12.8a3 3 0 0 1-4.3-4.3l2-2a3 3 0 0 1 4.3 0l-1 1a1.6 1.6 0 0 0-2.3 0l-2 2a1.6 1.6 0 0 0 2.3 2.3L8 10.5z',
            },
            children: [],
          },
        ],
      },
    ],
  };
}
