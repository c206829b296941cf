import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { kramdownMathEnabled } from '../../src/config/kramdown-options.js';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

const render = (body: string, math = false) =>
  createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline', math })({ path: 'page.md', kind: 'markdown', body, bodyLine: 1 });

function all(tree: Root | Element, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    all(child, test, out);
  }
  return out;
}
const classes = (el: Element): string[] => (el.properties['className'] as string[] | undefined) ?? [];

describe('fenced code is highlighted at build time', () => {
  it('colours a known language with highlight.js token classes and keeps the text', () => {
    const tree = fromHtml(render('```python\ndef f(x):\n    return x  # done\n```\n').html, { fragment: true });
    const code = all(tree, (el) => el.tagName === 'code')[0] as Element;
    expect(classes(code)).toEqual(expect.arrayContaining(['hljs', 'language-python']));
    expect(all(code, (el) => classes(el).includes('hljs-keyword')).map((el) => toText(el))).toEqual(['def', 'return']);
    expect(toText(code, { whitespace: 'pre' })).toBe('def f(x):\n    return x  # done\n');
  });

  it('leaves an unknown language (mermaid) and a block without language plain, without warnings', () => {
    const page = render('```mermaid\ngraph TD; A-->B;\n```\n\n```\nplain\n```\n');
    const tree = fromHtml(page.html, { fragment: true });
    expect(all(tree, (el) => classes(el).some((c) => c.startsWith('hljs-')))).toEqual([]);
    expect(page.diagnostics).toEqual([]);
  });
});

describe('kramdown math typeset with KaTeX when kramdown.math_engine is set', () => {
  const formula = 'The identity $$e^{i\\pi} + 1 = 0$$ holds.\n\n$$\n\\frac{a_1 * b_2}{2}\n$$\n';

  it('renders inline and display math to KaTeX HTML with MathML', () => {
    const tree = fromHtml(render(formula, true).html, { fragment: true });
    expect(all(tree, (el) => classes(el).includes('katex'))).toHaveLength(2);
    const display = all(tree, (el) => classes(el).includes('katex-display'));
    expect(display).toHaveLength(1);
    // The TeX reached KaTeX untouched by Markdown: `_1 * b_` stayed subscripts, not emphasis.
    const annotation = all(display[0] as Element, (el) => el.tagName === 'annotation')[0] as Element;
    expect(toText(annotation).trim()).toBe('\\frac{a_1 * b_2}{2}');
    expect(all(tree, (el) => el.tagName === 'em')).toEqual([]);
  });

  it('leaves $$ as text when the site has no math engine', () => {
    const html = render(formula, false).html;
    expect(html).toContain('$$e^{i\\pi} + 1 = 0$$');
    expect(html).not.toContain('katex');
  });

  it('warns at the line of a formula KaTeX cannot read and keeps its text', () => {
    const page = render('First.\n\nBroken $$\\frac{1}{$$ here.\n', true);
    expect(page.diagnostics.map((d) => [d.rule, d.line])).toEqual([['kramdown/math', 3]]);
    expect(page.html).toContain('$$\\frac{1}{$$');
  });

  it('reads kramdown.math_engine: an engine name turns math on, nil or absent leaves it off', () => {
    expect(kramdownMathEnabled({ math_engine: 'mathjax' })).toBe(true);
    expect(kramdownMathEnabled({ math_engine: 'katex' })).toBe(true);
    expect(kramdownMathEnabled({ math_engine: null })).toBe(false);
    expect(kramdownMathEnabled({})).toBe(false);
    expect(kramdownMathEnabled(undefined)).toBe(false);
  });
});
