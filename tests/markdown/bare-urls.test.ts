import { readFileSync } from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

// jekyll-parity/bare-urls/jekyll.html was recorded from Debian's Jekyll 4.3 (scripts/parity/record-jekyll.mjs).
const fixture = new URL('./jekyll-parity/bare-urls/', import.meta.url).pathname;
const input = readFileSync(`${fixture}input.md`, 'utf8');
const jekyll = readFileSync(`${fixture}jekyll.html`, 'utf8');

/** The plain GFM chain: the reference for which bare URLs GitHub's rules link, and how. */
const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify).freeze();

const base = { headingAnchors: false, notePlacement: 'inline' } as const;
const render = (body: string, linkBareUrls?: boolean) =>
  createMarkdownRenderer(linkBareUrls === undefined ? base : { ...base, linkBareUrls })({ path: 'page.md', kind: 'markdown', body, bodyLine: 1 }).html;

/** Each link as `href text`, in document order; note links and heading anchors Dossier adds are left out. */
function links(html: string): string[] {
  return [...html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/g)]
    .filter((m) => !/footnote|markdown-toc|anchor-heading/.test(m[1] ?? ''))
    .map((m) => `${/href="([^"]*)"/.exec(m[1] ?? '')?.[1]} ${(m[2] ?? '').replace(/<[^>]+>/g, '')}`);
}

describe('bare URLs', () => {
  it('are linked by default, exactly as the full GFM chain links them', () => {
    const ours = links(render(input));
    expect(ours).toEqual(links(String(gfm.processSync(input))));
    expect(ours).toContain('https://doi.example.org/10.1000/pq.2020.41 https://doi.example.org/10.1000/pq.2020.41');
    expect(ours).toContain('http://www.basin-data.example.org www.basin-data.example.org');
    expect(ours).toContain('mailto:j.okafor@ministry.example.gov j.okafor@ministry.example.gov');
    expect(ours).toContain('https://data.example.org/flows https://data.example.org/flows');
  });

  it.each([
    ['a note ending a sentence', '<sup>4</sup>. Report (2019), https://example.org/r.pdf.'],
    ['emphasis around the URL', 'See *https://example.org/a* and **www.example.org**.'],
    ['a heading', '## Data at https://example.org/data'],
    ['a blockquote in a list', '- > quoted from mail@example.org, see http://example.org/q?x=1&y=2'],
    ['a URL after raw HTML', '<span>x</span> https://example.org/after-html'],
    ['balanced parentheses', '(see https://example.org/wiki/Basin_(hydrology)) and www.example.org/a).'],
    ['a hard break', 'first line  \nhttps://example.org/next-line'],
  ])('are linked as GFM links them in %s', (_, markdown) => {
    expect(links(render(markdown))).toEqual(links(String(gfm.processSync(markdown))));
  });

  it('leave code, code blocks and written links as they are', () => {
    const html = render(input);
    expect(html).toContain('<code>https://api.example.org/v2/flows?basin=7</code>');
    expect(html).toContain('<pre><code>curl https://api.example.org/v2/flows\n</code></pre>');
    expect(links(html)).toContain('https://treaty.example.org/text the treaty text');
  });

  it('stay text with dossier.link_bare_urls: false, as Jekyll prints them', () => {
    const ours = links(render(input, false));
    expect(ours).toEqual(links(jekyll));
    expect(ours).toContain('https://commission.example.eu/contact https://commission.example.eu/contact');
    expect(render(input, false)).toContain('https://doi.example.org/10.1000/pq.2020.41.');
  });
});
