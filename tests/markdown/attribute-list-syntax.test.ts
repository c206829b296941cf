import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAttributeListSyntax from '../../src/markdown/attribute-list-syntax.js';
import { preprocessKramdown } from '../../src/markdown/preprocess-kramdown.js';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';
import { walk } from '../../src/markdown/walk.js';

const parser = unified().use(remarkParse).use(remarkAttributeListSyntax).freeze();

/** The preprocessed page parsed into mdast, with the pre-pass's data on the file as the renderer puts it. */
function parse(markdown: string): Root {
  const pre = preprocessKramdown(markdown);
  return parser.parse(new VFile({ value: pre.text, data: { attributeListLines: pre.attributeListLines } }));
}

/** Every node as `type` or `type:value`, in document order. */
function shape(tree: Root): string[] {
  const out: string[] = [];
  walk<Nodes>(tree, (node) => {
    out.push('value' in node ? `${node.type}:${node.value}` : node.type);
    return undefined;
  });
  return out;
}

const render = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' });
const html = (body: string) => render({ path: 'p.md', kind: 'markdown', body, bodyLine: 1 }).html;

describe('attribute-list lines on the tree', () => {
  it('leaves IAL and ALD lines in the text, trimmed, and lists their lines instead of writing comments', () => {
    const pre = preprocessKramdown('{:quiet: .muted}\n\n- item\n  {: .x}  \n- next');
    expect(pre.text).toBe('{:quiet: .muted}\n\n- item\n  {: .x}\n- next');
    expect(pre.attributeListLines).toEqual([1, 4]);
    expect(pre.text).not.toContain('<!--');
  });

  it('parses a listed line as a node of its own inside the list item, ending its paragraph', () => {
    const tree = parse('- item\n  {: .x}\n- next');
    expect(shape(tree)).toEqual(['root', 'list', 'listItem', 'paragraph', 'text:item', 'kramdownAttributeList:{: .x}', 'listItem', 'paragraph', 'text:next']);
    expect(shape(tree)).not.toContain('html');
  });

  it('reads `{:` as text on lines the pre-pass did not list', () => {
    expect(shape(parse('> quoted\n> {: .q}'))).toEqual(['root', 'blockquote', 'paragraph', 'text:quoted\n{: .q}']);
  });

  it('applies a list under an indented paragraph and a referenced definition, as kramdown does', () => {
    expect(html('{:quiet: .muted}\n\n- a\n\n  b\n  {: quiet #bee}\n\n  c')).toContain('<p class="muted" id="bee">b</p>');
  });

  it('keeps an attribute list swallowed by raw HTML off the page, and the HTML around it', () => {
    const out = html('<div>\n<p>x</p>\n{: .lost}\n<p>y</p>\n\nafter');
    expect(out).toBe('<div>\n<p>x</p>\n<p>y</p>\n<p>after</p>');
  });
});
