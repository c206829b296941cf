import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

// kramdown-parity/*/kramdown.html was recorded from ruby-kramdown 2.4 (its own parser, auto_ids on);
// jekyll-parity/*/jekyll.html from Debian's Jekyll 4.3.1 with default settings (kramdown's GFM parser),
// re-recorded by scripts/parity/record-jekyll.mjs. Tests need no Ruby.
const base = { headingAnchors: false, notePlacement: 'inline' } as const;
const suites = [
  {
    folder: 'kramdown-parity',
    oracle: 'kramdown.html',
    render: createMarkdownRenderer({ ...base, kramdown: { input: 'kramdown', autoIds: true, tocLevels: [1, 2, 3, 4, 5, 6] } }),
  },
  { folder: 'jekyll-parity', oracle: 'jekyll.html', render: createMarkdownRenderer(base) },
];

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

/** The `<ol|ul id="markdown-toc">` list as `depth href id text` lines: what readers and deep links see. */
function tocList(html: string): string[] | undefined {
  const start = /<(ol|ul)[^>]*id="markdown-toc"[^>]*>/.exec(html);
  if (!start) return undefined;
  const lines: string[] = [];
  let depth = 0;
  const tokens = /<(\/?)(ol|ul)\b[^>]*>|<a\b([^>]*)>([\s\S]*?)<\/a>/g;
  tokens.lastIndex = start.index;
  for (let m = tokens.exec(html); m; m = tokens.exec(html)) {
    if (m[2] !== undefined) {
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) break;
      continue;
    }
    const attributes = m[3] ?? '';
    const text = normalise((m[4] ?? '').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');
    lines.push(`${depth} ${/href="([^"]*)"/.exec(attributes)?.[1]} ${/\sid="([^"]*)"/.exec(attributes)?.[1]} ${text}`);
  }
  return lines;
}

/** Counts of block elements: a different count means the Markdown was split into blocks differently. */
function blockShape(html: string): string[] {
  const counts = new Map<string, number>();
  const withoutCode = html.replace(/<pre\b[\s\S]*?<\/pre>/g, '<pre></pre>');
  for (const m of withoutCode.matchAll(/<(p|h[1-6]|ul|ol|li|blockquote|pre|table|hr|br|dl|dt|dd)\b/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort().map(([tag, n]) => `${tag}×${n}`);
}

/** Markdown syntax left as text outside code: `**`, `](`, a line of text opening with `#`. */
function literalMarkdown(html: string): string[] {
  const text = html.replace(/<(pre|code)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '\n');
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('**') || line.includes('](') || /^\s*#{1,6}\s/.test(line)) found.push(line.trim());
  }
  return found;
}

interface BlockAttributes {
  tag: string;
  classes: string[];
  id: string | undefined;
}

/** Classes and ids of the block elements kramdown's attribute lists decorate, in document order. */
function blockAttributes(html: string): BlockAttributes[] {
  return [...html.matchAll(/<(p|h[1-6]|ul|ol|blockquote|hr|table)(\s[^>]*)?>/g)].map((m) => {
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

for (const { folder, oracle, render } of suites) {
  const root = new URL(`./${folder}/`, import.meta.url).pathname;
  describe(folder, () => {
    for (const name of readdirSync(root).sort()) {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const expected = readFileSync(join(root, name, oracle), 'utf8');
      const ours = render({ path: `${name}.md`, kind: 'markdown', body: input, bodyLine: 1 }).html;

      it(`${name}: heading ids match`, () => {
        expect(headingIds(outsideFootnotes(ours))).toEqual(headingIds(outsideFootnotes(expected)));
      });

      it(`${name}: the {:toc} list matches`, () => {
        expect(tocList(ours)).toEqual(tocList(expected));
      });

      it(`${name}: block classes and ids match`, () => {
        const theirs = blockAttributes(outsideFootnotes(expected));
        expect(asKramdownSees(blockAttributes(outsideFootnotes(ours)), theirs)).toEqual(theirs);
      });

      if (folder === 'jekyll-parity') {
        it(`${name}: paragraphs, lists, breaks and raw HTML split as Jekyll splits them`, () => {
          expect(blockShape(outsideFootnotes(ours))).toEqual(blockShape(outsideFootnotes(expected)));
        });

        it(`${name}: Markdown is printed as text only where Jekyll prints it`, () => {
          expect(literalMarkdown(ours)).toEqual(literalMarkdown(expected));
        });
      }
    }
  });
}
