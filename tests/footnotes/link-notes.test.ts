import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/front-matter/page.js';
import { elementById, elementsWithClass, essayNav, fixturePages, landing, linkAllNotes, renderAll } from './note-site.js';

const BASE = '/base';
const chapters = fixturePages('lighthouses', ['Shared-Lighthouses-1.md', 'Shared-Lighthouses-2.md', 'Shared-Lighthouses-3.md']);
const [one, two, three] = chapters as [Page, Page, Page];
const rendered = renderAll(chapters);
const linked = linkAllNotes(chapters, rendered, essayNav(chapters), BASE);
const html = (page: Page) => linked.html(page.path);

/** The `<p>` of note `id` on a page, whole. */
function noteParagraph(page: Page, id: string): string {
  return new RegExp(`<p[^>]*\\sid="${id}"[^>]*>[\\s\\S]*?</p>`).exec(html(page))?.[0] ?? '';
}

/** Every back link of a note: its number link and its ↩ links. */
function backHrefs(page: Page, id: string): string[] {
  const p = noteParagraph(page, id);
  return [...elementsWithClass(p, 'footnote-number'), ...elementsWithClass(p, 'footnote-backref')].flatMap((a) => (a['href'] === undefined ? [] : [a['href']]));
}

describe('hand-numbered notes across the chapters of an essay', () => {
  it('links every reference to an element with the note id on the right page, and every note back to all its references', () => {
    const citing = new Map<string, Set<string>>();
    let references = 0;
    for (const page of chapters) {
      for (const a of elementsWithClass(html(page), 'footnote-ref')) {
        if (a['class']?.includes('footnote-missing')) continue;
        references++;
        expect(a['tag']).toBe('a');
        expect(a['role']).toBe('doc-noteref');
        const target = landing(a['href'] ?? '', page.path, chapters, BASE);
        expect(target, `${page.path} ${a['id']} → ${a['href']}`).toBeDefined();
        const note = elementById(linked.html(target!.page), target!.id);
        expect(note?.['class'], `${a['href']} lands on a note`).toContain('footnote-def');
        const key = `${target!.page}#${target!.id}`;
        citing.set(key, (citing.get(key) ?? new Set()).add(`${page.path}#${a['id']}`));
      }
    }
    // Chapter 1 cites 1–6 (2 twice), chapter 2 7, 8, 10 (twice), 11 and a missing 12, chapter 3 13–18, 20, 21 (19 sits inside 18–20).
    expect(references).toBe(20);
    for (const [key, refs] of citing) {
      const [notePage, noteId] = key.split('#') as [string, string];
      const page = chapters.find((p) => p.path === notePage)!;
      const back = new Set(backHrefs(page, noteId).map((h) => {
        const l = landing(h, notePage, chapters, BASE);
        return l === undefined ? h : `${l.page}#${l.id}`;
      }));
      for (const ref of refs) expect(back, `${key} links back to ${ref}`).toContain(ref);
    }
  });

  it('links a reference to the note on the next chapter and the note back to the previous chapter', () => {
    const ref5 = elementById(html(one), 'fnref-5');
    expect(ref5?.['href']).toBe('/base/docs/Shared-Lighthouses-2/#fn-5');
    expect(backHrefs(two, 'fn-5')).toEqual(['/base/docs/Shared-Lighthouses-1/#fnref-5']);
    // Without the cross-page step a chapter's own rendering has nowhere to send note 6 back to.
    expect(rendered.get(two.path)?.html).toMatch(/<span class="footnote-number" data-for="fn-6">/);
  });

  it('carries the text of notes on other chapters in an inert template, so previews need no fetch', () => {
    const template = /<template class="footnote-templates">([\s\S]*?)<\/template>/.exec(html(one))?.[1] ?? '';
    expect(template).toContain('<div data-href="/base/docs/Shared-Lighthouses-2/#fn-5">Treaty on the Northern Approaches Light (2004), art. 3.</div>');
    expect(template).toContain('Three Flags, One Lamp');
    expect(html(two)).not.toContain('footnote-templates');
  });

  it('links a note cited twice back to both citations', () => {
    expect(backHrefs(one, 'fn-2')).toEqual(['#fnref-2', '#fnref-2', '#fnref-2-2']);
    expect(noteParagraph(one, 'fn-2')).toContain('aria-label="Back to citation 2"');
  });

  it('keeps a reference whose note is missing readable, but not as a link to nothing', () => {
    const ref12 = elementById(html(two), 'fnref-12');
    expect(ref12?.['class']).toBe('footnote-ref footnote-missing');
    expect(ref12?.['href']).toBeUndefined();
  });

  it('keeps the author placement: notes stay between the paragraphs they interrupt', () => {
    const body = html(one);
    expect(body.indexOf('id="fn-1"')).toBeGreaterThan(body.indexOf('id="fnref-1"'));
    expect(body.indexOf('id="fn-1"')).toBeLessThan(body.indexOf('question of who pays'));
  });

  // Depends on remark-kramdown-ial: it strips `{: .fs-2}` and splits the stacked note lines first.
  it('renders the seed shape: stacked notes with `{: .fs-2}` lines become one classed note each', () => {
    for (const id of ['fn-2', 'fn-3', 'fn-4']) expect(elementById(html(one), id)?.['class']).toBe('fs-2 footnote-def');
    expect(html(one)).not.toContain('{:');
    expect(noteParagraph(one, 'fn-3')).toContain('<a class="footnote-number" data-for="fn-3" href="#fnref-3" role="doc-backlink"><sup>3</sup></a>. Marta Quillfeather');
  });

  it('renders notes inside markdown="1" divs, with or without a blank line after the tag', () => {
    expect(elementById(html(one), 'fn-1')?.['tag']).toBe('p');
    expect(elementById(html(two), 'fn-5')?.['tag']).toBe('p');
    expect(elementById(html(two), 'fnref-7')?.['tag']).toBe('a');
  });

  it('leaves ordinary superscripts alone', () => {
    expect(html(one)).toContain('4<sup>th</sup> edition');
    expect(html(one)).toContain('LumenShare<sup>®</sup>');
    expect(html(three)).toContain('2<sup>nd</sup> page');
  });

  it('reads every variant: [N], N,N, N, N, ranges, and notes without a dot or space under ## Notes', () => {
    const page = html(three);
    expect(page).toContain('<sup class="footnote-sup">[<a href="#fn-13" id="fnref-13" class="footnote-ref" role="doc-noteref">13</a>]</sup>');
    expect(elementById(page, 'fnref-14')?.['href']).toBe('#fn-14');
    expect(elementById(page, 'fnref-15')?.['href']).toBe('#fn-15');
    expect(elementById(page, 'fnref-17')?.['href']).toBe('#fn-17');
    expect(elementById(page, 'fnref-19')?.['class']).toBe('footnote-anchor');
    for (let n = 13; n <= 22; n++) expect(elementById(page, `fn-${n}`)?.['class'], `note ${n}`).toBe('footnote-def');
    expect(noteParagraph(three, 'fn-14')).toContain('<sup>14</sup></a>Logbook of the Longships');
    expect(noteParagraph(three, 'fn-15')).toContain('<sup>15.</sup></a> Logbook of the Bishop Rock');
    expect(noteParagraph(three, 'fn-16')).not.toContain('Skerries');
    expect(backHrefs(three, 'fn-19')).toEqual(['#fnref-19']);
  });

  it('records notes for later stages with source lines', () => {
    const notes = rendered.get(one.path)!.notes;
    expect(notes.refs.find((r) => r.id === 'fnref-5')).toMatchObject({ label: '5', line: 29, column: 93 });
    expect(notes.defs.find((d) => d.id === 'fn-1')).toMatchObject({ label: '1', line: 14, column: 1 });
    expect(notes.defs.find((d) => d.id === 'fn-3')?.html).toBe('Marta Quillfeather, “Pricing the Dark Coast,” <em>Maritime Risk Review</em> 12, no. 3 (2018): 41–58.');
  });

  it('keeps a note’s text for previews exactly as the page prints it, typography included', () => {
    const page = { ...chapters[0]!, path: 'docs/quotes.md', url: '/docs/quotes/', bodyLine: 1, body: 'Claim.<sup>1</sup>\n\n<sup>1</sup>. Jane Roe, "Tides -- and Tolls," *Harbour Notes* (2001).\n' };
    const def = renderAll([page]).get(page.path)!.notes.defs[0];
    expect(def?.html).toBe('Jane Roe, “Tides – and Tolls,” <em>Harbour Notes</em> (2001).');
    expect(renderAll([page]).get(page.path)!.html).toContain(`</a>. ${def?.html ?? '?'}<span class="footnote-backrefs"`);
  });
});

describe('essays that restart their numbering in every chapter', () => {
  it('links each chapter note 1 to its own page', () => {
    const pages = ['a', 'b'].map((name) => ({ ...chapters[0]!, path: `docs/${name}.md`, url: `/docs/${name}/`, body: `Claim.<sup>1</sup> Another.<sup>2</sup>\n\n<sup>1</sup>. First ${name}.\n\n<sup>2</sup>. Second ${name}.\n`, bodyLine: 1 }));
    const result = linkAllNotes(pages, renderAll(pages), essayNav(pages), '');
    expect(elementById(result.html('docs/b.md'), 'fnref-1')?.['href']).toBe('#fn-1');
    expect(elementById(result.html('docs/a.md'), 'fnref-2')?.['href']).toBe('#fn-2');
    expect(result.diagnostics).toEqual([]);
  });
});
