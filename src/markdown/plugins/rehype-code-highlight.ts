/**
 * Fenced code coloured at build time by highlight.js (through rehype-highlight): token spans and
 * classes in the HTML, no script for readers. A language highlight.js does not know (`mermaid`,
 * `liquid`, `text`) stays plain without a warning, as Rouge leaves it in Jekyll.
 */
import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import type RehypeHighlight from 'rehype-highlight';
import { VFile } from 'vfile';
import { walk, SKIP } from '../walk.js';

type Highlight = ReturnType<typeof RehypeHighlight>;
let highlighter: Highlight | undefined;

/**
 * highlight.js and its grammars take longer to load than the rest of the chain, and most essays have
 * no code: they are required the first time a page has a fenced block with a language, so render
 * workers (and the worker bundle) do without them otherwise.
 */
function loadHighlighter(): Highlight {
  const rehypeHighlight = (createRequire(import.meta.url)('rehype-highlight') as { default: typeof RehypeHighlight }).default;
  return rehypeHighlight({ detect: false });
}

/** Highlights `<pre><code class="language-x">` blocks; blocks without a language are left alone (no guessing). */
export default function rehypeCodeHighlight() {
  return (tree: Root): void => {
    if (!hasLanguageCode(tree)) return;
    highlighter ??= loadHighlighter();
    // Its only messages are "language not registered": kept off the page's file so they are not reported.
    highlighter(tree, new VFile());
  };
}

function hasLanguageCode(tree: Root): boolean {
  let found = false;
  walk<Root | Element | Root['children'][number]>(tree, (node) => {
    if (found) return SKIP;
    if (node.type === 'element' && node.tagName === 'code') {
      const classes = node.properties['className'];
      found = Array.isArray(classes) && classes.some((c) => String(c).startsWith('language-'));
      return SKIP;
    }
    return undefined;
  });
  return found;
}
