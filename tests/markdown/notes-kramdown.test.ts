import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';
import { FIXTURES, pageFrom } from '../footnotes/note-site.js';

const dir = path.join(FIXTURES, 'kramdown');
const page = pageFrom('docs/Kramdown-Notes.md', readFileSync(path.join(dir, 'Kramdown-Notes.md'), 'utf8'));
/** Recorded with `ruby -rkramdown` (kramdown 2.4) from the same body: the ids old deep links use. */
const kramdown = readFileSync(path.join(dir, 'Kramdown-Notes.kramdown.html'), 'utf8');
const html = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' })(page).html;

const attributes = (text: string, name: string) => [...text.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('kramdown [^name] footnotes', () => {
  it('uses the ids, links and numbering kramdown gives them', () => {
    expect(attributes(html, 'id')).toEqual(attributes(kramdown, 'id'));
    expect(attributes(html, 'href')).toEqual(attributes(kramdown, 'href'));
    const numbers = (text: string) => [...text.matchAll(/rel="footnote">(\d+)</g)].map((m) => m[1]);
    expect(numbers(html)).toEqual(['1', '2', '1', '3']);
    expect(numbers(html)).toEqual(numbers(kramdown));
  });

  it('renders kramdown markup, marked so the preview script finds the references', () => {
    expect(html).toContain('<sup id="fnref:1:1" role="doc-noteref"><a href="#fn:1" class="footnote footnote-ref" rel="footnote">1</a></sup>');
    expect(html).toMatch(/<div class="footnotes" role="doc-endnotes">\s*<ol>\s*<li id="fn:1" role="doc-endnote">/);
    expect(html).toContain('<a href="#fnref:1:1" class="reversefootnote" role="doc-backlink">↩<sup>2</sup></a>');
  });

  it('does not emit the GFM footnote section, and drops notes nobody cites as kramdown does', () => {
    expect(html).not.toContain('data-footnotes');
    expect(html).not.toContain('user-content');
    expect(html).not.toContain('nothing cites');
  });
});
