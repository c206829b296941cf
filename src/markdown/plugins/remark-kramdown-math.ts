/**
 * kramdown's math (`$$…$$`) typeset at build time with KaTeX, for sites that set `kramdown.math_engine`:
 * a paragraph that is only `$$…$$` becomes display math, `$$…$$` inside text becomes inline math.
 * Readers get finished HTML and a stylesheet, no script.
 */
import { createRequire } from 'node:module';
import type Katex from 'katex';
import type { Html, Nodes, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { walk } from '../walk.js';

export interface KramdownMathOptions {
  enabled: boolean;
}

const INLINE_MATH = /\$\$(.+?)\$\$/gs;

let katex: typeof Katex | undefined;

/** KaTeX is required on first use: sites without math (most) never load it into the render workers. */
function loadKatex(): typeof Katex {
  katex ??= createRequire(import.meta.url)('katex') as typeof Katex;
  return katex;
}

/** Typesets kramdown math; a formula KaTeX cannot read stays as written, with a warning at its line. */
export default function remarkKramdownMath(options: KramdownMathOptions) {
  return (tree: Root, file: VFile): void => {
    if (!options.enabled) return;
    const source = String(file.value);
    if (!source.includes('$$')) return;
    walk<Nodes>(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if (node.type === 'paragraph') {
        const display = displaySource(node, source);
        const html = display === undefined ? undefined : typeset(display, true, node, file);
        if (html === undefined) return undefined;
        const block: Html = { type: 'html', value: `<div class="math-display">${html}</div>` };
        (parent.children as Nodes[]).splice(index, 1, block);
        return index + 1;
      }
      if (node.type !== 'text' || !node.value.includes('$$')) return undefined;
      const parts = inlineParts(node, file);
      (parent.children as Nodes[]).splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

/** The TeX of a paragraph written as `$$ … $$` and nothing else (read from the source: Markdown must not touch TeX). */
function displaySource(node: Paragraph, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const text = source.slice(start, end).trim();
  if (!text.startsWith('$$') || !text.endsWith('$$') || text.length < 5) return undefined;
  const inner = text.slice(2, -2);
  return inner.includes('$$') ? undefined : inner.trim();
}

/** A text node split into text and typeset inline math. */
function inlineParts(node: Text, file: VFile): Array<Text | Html> {
  const parts: Array<Text | Html> = [];
  let last = 0;
  for (const match of node.value.matchAll(INLINE_MATH)) {
    const html = typeset(match[1] ?? '', false, node, file);
    if (html === undefined) continue;
    if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
    parts.push({ type: 'html', value: html });
    last = match.index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

function typeset(tex: string, displayMode: boolean, node: Paragraph | PhrasingContent, file: VFile): string | undefined {
  try {
    return loadKatex().renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    file.message(`math cannot be typeset: ${reason}`, { place: node.position, ruleId: 'math', source: 'kramdown' });
    return undefined;
  }
}
