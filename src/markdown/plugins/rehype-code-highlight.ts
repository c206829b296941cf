/**
 * Fenced code coloured at build time by highlight.js (through rehype-highlight): token spans and
 * classes in the HTML, no script for readers. A language highlight.js does not know (`mermaid`,
 * `liquid`, `text`) stays plain without a warning, as Rouge leaves it in Jekyll.
 */
import rehypeHighlight from 'rehype-highlight';
import type { Root } from 'hast';
import { VFile } from 'vfile';

/** Highlights `<pre><code class="language-x">` blocks; blocks without a language are left alone (no guessing). */
export default function rehypeCodeHighlight() {
  const highlight = rehypeHighlight({ detect: false });
  return (tree: Root): void => {
    // Its only messages are "language not registered": kept off the page's file so they are not reported.
    highlight(tree, new VFile());
  };
}
