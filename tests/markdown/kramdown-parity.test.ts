import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

// kramdown.html in each folder was recorded from ruby-kramdown 2.4 (auto_ids on); tests need no Ruby.
const root = new URL('./kramdown-parity/', import.meta.url).pathname;
const render = createMarkdownRenderer({ headingAnchors: false });

/** Markup with whitespace between tags removed, void tags unified and entities that mean the same spelled alike. */
function normalise(html: string): string {
  return html
    .replace(/>\s+</g, '><')
    .replace(/\s*\/>/g, '>')
    .replace(/&#x26;|&amp;/g, '&')
    .trim();
}

function headingIds(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*\sid="([^"]*)"/g)].map((m) => `h${m[1]}#${m[2]}`);
}

/** The `<ol|ul id="markdown-toc">…</ol|ul>` element, found by balancing its tag. */
function tocList(html: string): string | undefined {
  const start = /<(ol|ul)[^>]*id="markdown-toc"[^>]*>/.exec(html);
  if (!start) return undefined;
  const tag = start[1]!;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start.index;
  let depth = 0;
  for (const match of html.matchAll(tags)) {
    if (match.index < start.index) continue;
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return normalise(html.slice(start.index, match.index + match[0].length));
  }
  return undefined;
}

interface BlockAttributes {
  tag: string;
  classes: string[];
  id: string | undefined;
}

/** Classes and ids of the block elements kramdown's attribute lists decorate, in document order. */
function blockAttributes(html: string): BlockAttributes[] {
  return [...html.matchAll(/<(p|h[1-6]|ul|ol|blockquote|hr)(\s[^>]*)?>/g)].map((m) => {
    const attributes = m[2] ?? '';
    const classes = (/class="([^"]*)"/.exec(attributes)?.[1] ?? '').split(/\s+/).filter(Boolean);
    return { tag: m[1]!, classes, id: /\sid="([^"]*)"/.exec(attributes)?.[1] };
  });
}

/** Our blocks seen through kramdown's: classes and ids that later plugins (notes) add are left out. */
function asKramdownSees(ours: BlockAttributes[], theirs: BlockAttributes[]): BlockAttributes[] {
  return ours.map((block, i) => {
    const reference = theirs[i];
    return {
      tag: block.tag,
      classes: block.classes.filter((name) => reference?.classes.includes(name)),
      id: reference?.id === undefined ? undefined : block.id,
    };
  });
}

// Footnote sections are GFM's (owned by the notes work), not kramdown's: compare what comes before them.
const outsideFootnotes = (html: string) => html.replace(/<(section|div) [^>]*footnotes[\s\S]*$/, '');

describe('kramdown parity', () => {
  for (const name of readdirSync(root).sort()) {
    const input = readFileSync(join(root, name, 'input.md'), 'utf8');
    const kramdown = readFileSync(join(root, name, 'kramdown.html'), 'utf8');
    const ours = render({ path: `${name}.md`, kind: 'markdown', body: input, bodyLine: 1 }).html;

    it(`${name}: heading ids match kramdown`, () => {
      expect(headingIds(outsideFootnotes(ours))).toEqual(headingIds(outsideFootnotes(kramdown)));
    });

    it(`${name}: the {:toc} list matches kramdown`, () => {
      expect(tocList(ours)).toEqual(tocList(kramdown));
    });

    it(`${name}: block classes and ids match kramdown`, () => {
      const theirs = blockAttributes(outsideFootnotes(kramdown));
      expect(asKramdownSees(blockAttributes(outsideFootnotes(ours)), theirs)).toEqual(theirs);
    });
  }
});
