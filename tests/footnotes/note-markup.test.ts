import { describe, expect, it } from 'vitest';
import { anchorHtml, defAttributesHtml, kramdownAttributeHtml, noteBackrefsHtml, noteNumberHtml, refHtml, rewriteNoteMarkup, type NoteMarkup } from '../../src/markdown/notes/note-markup.js';
import { fixturePages, renderAll } from './note-site.js';

/** Writes a found piece back with the module's own writers. */
function rewrite(found: NoteMarkup): string {
  switch (found.kind) {
    case 'ref':
      return refHtml(found.id, found.text, found.href, found.cite);
    case 'anchor':
      return anchorHtml(found.id, found.cite);
    case 'number':
      return noteNumberHtml(found.id, found.inner, found.href);
    case 'backrefs':
      return noteBackrefsHtml(found.id, found.hrefs, found.all);
    case 'def':
      return defAttributesHtml(found.id, found.classes, found.classFirst);
    case 'kramdown':
      return kramdownAttributeHtml(found.attribute, found.value);
  }
}

const pages = [
  ...fixturePages('variants', ['Canal-Dues.md', 'Canal-Dues-1.md', 'Canal-Dues-2.md']),
  ...fixturePages('lighthouses', ['Shared-Lighthouses-1.md', 'Shared-Lighthouses-2.md', 'Shared-Lighthouses-3.md']),
  ...fixturePages('ieee', ['Signal-Towers-1.md', 'Signal-Towers-2.md']),
  ...fixturePages('kramdown', ['Kramdown-Notes.md']),
];
const rendered = renderAll(pages);

describe('note markup: written and read by one module', () => {
  it('reads back every piece the Markdown stage wrote, and writing what it read gives the same page', () => {
    for (const page of pages) {
      const html = rendered.get(page.path)!.html;
      const found: NoteMarkup[] = [];
      const again = rewriteNoteMarkup(html, (piece) => {
        found.push(piece);
        return rewrite(piece);
      });
      expect(again, page.path).toBe(html);
      // Nothing written goes unread: as many pieces as the page has elements of each class.
      const count = (pattern: RegExp) => (html.match(pattern) ?? []).length;
      expect(found.filter((f) => f.kind === 'ref').length, page.path).toBe(count(/class="footnote-ref[ "]/g));
      expect(found.filter((f) => f.kind === 'anchor').length, page.path).toBe(count(/class="footnote-anchor[ "]/g));
      expect(found.filter((f) => f.kind === 'number').length, page.path).toBe(count(/class="footnote-number"/g));
      expect(found.filter((f) => f.kind === 'backrefs').length, page.path).toBe(count(/class="footnote-backrefs[ "]/g));
      expect(found.filter((f) => f.kind === 'def').length, page.path).toBe(count(/[" ]footnote-def[ "]/g));
      expect(found.filter((f) => f.kind === 'kramdown').length, page.path).toBe(count(/ (id|href)="#?fn(ref)?:/g));
    }
  });

  it('reads what each piece links to', () => {
    const html = rendered.get('docs/lighthouses/Shared-Lighthouses-1.md')!.html;
    const found: NoteMarkup[] = [];
    rewriteNoteMarkup(html, (piece) => void found.push(piece));
    expect(found).toContainEqual({ kind: 'ref', id: 'fnref-2-2', cite: false, text: '2', href: '#fn-2' });
    expect(found).toContainEqual({ kind: 'backrefs', id: 'fn-2', all: false, hrefs: ['#fnref-2', '#fnref-2-2'] });
    expect(found).toContainEqual({ kind: 'number', id: 'fn-2', inner: '<sup>2</sup>', href: '#fnref-2' });
  });
});
