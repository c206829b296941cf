import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

// fixtures/stacked-notes/kramdown.html was recorded with ruby-kramdown 2.4 and kramdown-parser-gfm 1.1 as
// Jekyll runs them (`input: GFM`, `hard_wrap: false`); the test needs no Ruby.
const folder = path.join(import.meta.dirname, 'fixtures/stacked-notes');
const input = readFileSync(path.join(folder, 'input.md'), 'utf8');
const kramdown = readFileSync(path.join(folder, 'kramdown.html'), 'utf8');
const ours = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' })({ path: 'stacked.md', kind: 'markdown', body: input, bodyLine: 1 }).html;

/** Top-level paragraphs as [classes, visible text]: Dossier's note numbers and back links reduced to what they show. */
function paragraphs(html: string): Array<[string, string]> {
  return [...html.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/g)].map((m) => [
    (/class="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '').replace(/\s*footnote-def/, ''),
    (m[2] ?? '').replace(/<span class="footnote-backrefs"[^>]*><\/span>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(),
  ]);
}

describe('stacked notes against kramdown', () => {
  it('splits like kramdown where an attribute list stands between the notes', () => {
    expect(paragraphs(ours).slice(-2)).toEqual(paragraphs(kramdown).slice(-2));
  });

  it('gives each note of two consecutive lines its own linkable paragraph, where kramdown prints one', () => {
    const theirs = paragraphs(kramdown);
    const mine = paragraphs(ours);
    // kramdown: one paragraph holding both notes; Dossier: the same text in one paragraph per note.
    expect(theirs).toHaveLength(4);
    expect(mine).toHaveLength(5);
    expect(`${mine[1]?.[1]} ${mine[2]?.[1]}`).toBe(theirs[1]?.[1]);
    for (const n of [1, 2]) expect(ours).toMatch(new RegExp(`<p id="fn-${n}" class="footnote-def"><a class="footnote-number" data-for="fn-${n}" href="#fnref-${n}"`));
  });
});
