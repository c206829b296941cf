import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/front-matter/page.js';
import type { NavNode, NavTree } from '../../src/nav/nav-tree.js';
import { noteDiagnostics } from '../../src/footnotes/note-diagnostics.js';
import { essayGroups } from '../../src/footnotes/resolve-notes.js';
import { elementById, elementsWithClass, fixturePages, landing, linkAllNotes, renderAll } from './note-site.js';

/** A nav tree where `opening` is the essay's own page and `chapters` sit under it; `loose` pages stand alone. */
function openingNav(opening: Page | undefined, chapters: readonly Page[], loose: readonly Page[] = []): NavTree {
  const node = (page: Page, parent: NavNode | undefined, depth: number): NavNode => ({
    path: page.path, title: page.data.title ?? page.path, url: page.url, navExclude: false, hasToc: true, children: [], parent, depth,
  });
  const essay: NavNode = opening === undefined
    ? { path: 'docs/essay.md', title: '§ Essay', url: '/docs/essay/', navExclude: false, hasToc: true, children: [], parent: undefined, depth: 0 }
    : node(opening, undefined, 0);
  essay.children = chapters.map((p) => node(p, essay, 1));
  const roots = [essay, ...loose.map((p) => node(p, undefined, 0))];
  const byPath = new Map<string, NavNode>();
  for (const n of [...roots, ...essay.children]) byPath.set(n.path, n);
  return { roots, byPath, diagnostics: [] };
}

/** Every link between references and notes in the linked site, both ways, as `page#id -> page#id` / `page#id <- page#id`. */
function linkPairs(pages: readonly Page[], html: (path: string) => string): { refs: string[]; notes: string[] } {
  const short = (p: string) => p.replace(/^docs\/[^/]+\//, '').replace(/\.md$/, '');
  const refs: string[] = [];
  const notes: string[] = [];
  for (const page of pages) {
    const body = html(page.path);
    for (const a of elementsWithClass(body, 'footnote-ref')) {
      if (a['href'] === undefined) continue;
      const to = landing(a['href'], page.path, pages, '');
      const target = to === undefined ? undefined : elementById(html(to.page), to.id);
      // A link only counts when it lands on a note.
      if (to === undefined || !(target?.['class'] ?? '').split(' ').includes('footnote-def')) refs.push(`${short(page.path)}#${a['id']} -> nowhere`);
      else refs.push(`${short(page.path)}#${a['id']} -> ${short(to.page)}#${to.id}`);
    }
    for (const a of [...elementsWithClass(body, 'footnote-number'), ...elementsWithClass(body, 'footnote-backref')]) {
      if (a['href'] === undefined) continue;
      const to = landing(a['href'], page.path, pages, '');
      const owner = a['data-for'] ?? backrefOwner(body, a['href']);
      notes.push(`${short(page.path)}#${owner} <- ${to === undefined ? 'nowhere' : `${short(to.page)}#${to.id}`}`);
    }
  }
  return { refs: [...new Set(refs)].sort(), notes: [...new Set(notes)].sort() };
}

/** The note a ↩ link belongs to: the `data-for` of the back-link list holding it. */
function backrefOwner(body: string, href: string): string {
  const at = body.indexOf(`href="${href}" role="doc-backlink" aria-label`);
  const list = body.lastIndexOf('class="footnote-backrefs', at);
  return /data-for="([^"]*)"/.exec(body.slice(list, at))?.[1] ?? '?';
}

describe('note variants seen on real essay sites (fixtures/variants)', () => {
  const [opening, ...chapters] = fixturePages('variants', ['Canal-Dues.md', 'Canal-Dues-1.md', 'Canal-Dues-2.md']) as [Page, ...Page[]];
  const pages = [opening, ...chapters];
  const rendered = renderAll(pages);
  const nav = openingNav(opening, chapters);
  const linked = linkAllNotes(pages, rendered, nav, '');
  const pairs = linkPairs(pages, linked.html);

  it('links every reference to its note', () => {
    expect(pairs.refs).toEqual([
      // The essay's opening page, its note in chapter 1, written `[<sup>1</sup>] Text`.
      'Canal-Dues#fnref-1 -> Canal-Dues-1#fn-1',
      // Block quote + emphasis; headings (with and without a space); a Markdown table cell; link text.
      'Canal-Dues-1#fnref-2 -> Canal-Dues-1#fn-2',
      'Canal-Dues-1#fnref-3 -> Canal-Dues-1#fn-3',
      'Canal-Dues-1#fnref-4 -> Canal-Dues-1#fn-4',
      'Canal-Dues-1#fnref-5 -> Canal-Dues-1#fn-5',
      'Canal-Dues-1#fnref-6 -> Canal-Dues-1#fn-6',
      // A note of two paragraphs; a marker alone before an image, its note in a raw HTML paragraph.
      'Canal-Dues-1#fnref-7 -> Canal-Dues-1#fn-7',
      'Canal-Dues-1#fnref-8 -> Canal-Dues-1#fn-8',
      // A raw HTML table cell citing two notes.
      'Canal-Dues-1#fnref-9 -> Canal-Dues-1#fn-9',
      'Canal-Dues-1#fnref-10 -> Canal-Dues-1#fn-10',
      // Body text citing an Endnotes list.
      'Canal-Dues-2#fnref-11 -> Canal-Dues-2#fn-11',
      'Canal-Dues-2#fnref-12 -> Canal-Dues-2#fn-12',
      // A table's own notes, restarting at 1 right below it.
      'Canal-Dues-2#fnref-t1-1 -> Canal-Dues-2#fn-t1-1',
      'Canal-Dues-2#fnref-t1-2 -> Canal-Dues-2#fn-t1-2',
    ].sort());
  });

  it('links every note back to its reference', () => {
    expect(pairs.notes).toEqual([
      'Canal-Dues-1#fn-1 <- Canal-Dues#fnref-1',
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Canal-Dues-1#fn-${n} <- Canal-Dues-1#fnref-${n}`),
      'Canal-Dues-2#fn-11 <- Canal-Dues-2#fnref-11',
      'Canal-Dues-2#fn-12 <- Canal-Dues-2#fnref-12',
      'Canal-Dues-2#fn-t1-1 <- Canal-Dues-2#fnref-t1-1',
      'Canal-Dues-2#fn-t1-2 <- Canal-Dues-2#fnref-t1-2',
    ].sort());
  });

  it('keeps each note reading as written: its marker as the number, its further paragraphs, no reference inside a link', () => {
    const one = linked.html(chapters[0]!.path);
    expect(one).toMatch(/<a class="footnote-number" data-for="fn-1" href="[^"]*#fnref-1" role="doc-backlink">\[<sup>1<\/sup>\]<\/a> The opening page/);
    expect(one).toContain('<a href="https://example.org/charter">the basin charter</a><sup class="footnote-sup">');
    expect(elementById(one, 'fn-8')?.['tag']).toBe('p');
    expect(one).toContain('4<sup>th</sup> ledger');
    const defs = rendered.get(chapters[0]!.path)!.notes.defs;
    expect(defs.find((d) => d.id === 'fn-7')?.html).toBe('<p>Keepers’ petition of 1852, first part.</p><p>The petition ran on for a second page of grievances about ice.</p>');
    expect(defs.find((d) => d.id === 'fn-8')?.html).toBe('Chart drawn from the basin ledgers, 1840–1860.');
    expect(defs.find((d) => d.id === 'fn-1')?.html).toBe('The opening page’s claim rests on the toll books of the upper basin.');
  });

  it('previews the chapter-1 note on the opening page without a fetch', () => {
    expect(linked.html(opening.path)).toContain('<div data-href="/docs/Canal-Dues-1/#fn-1">The opening page’s claim');
  });

  it('finds nothing to report in a fully linked essay', () => {
    expect(noteDiagnostics(pages, rendered, nav, 'error')).toEqual([]);
  });
});

describe('bracketed numeric citations (fixtures/ieee)', () => {
  const chapters = fixturePages('ieee', ['Signal-Towers-1.md', 'Signal-Towers-2.md']);
  const [alone] = fixturePages('ieee', ['No-List.md']) as [Page];
  const pages = [...chapters, alone];
  const rendered = renderAll(pages);
  const nav = openingNav(undefined, chapters, [alone]);
  const linked = linkAllNotes(pages, rendered, nav, '');
  const pairs = linkPairs(pages, linked.html);

  it('links [1], [1, 3], [2–4] and [2]-[4] to the reference list of the same essay, and each entry back', () => {
    expect(pairs.refs).toEqual([
      'Signal-Towers-1#fnref-1 -> Signal-Towers-2#fn-1',
      'Signal-Towers-1#fnref-1-2 -> Signal-Towers-2#fn-1',
      'Signal-Towers-1#fnref-3 -> Signal-Towers-2#fn-3',
      'Signal-Towers-1#fnref-2 -> Signal-Towers-2#fn-2',
      'Signal-Towers-1#fnref-4 -> Signal-Towers-2#fn-4',
      'Signal-Towers-1#fnref-2-2 -> Signal-Towers-2#fn-2',
      'Signal-Towers-1#fnref-4-2 -> Signal-Towers-2#fn-4',
    ].sort());
    for (const n of [1, 2, 3, 4]) expect(pairs.notes, `entry ${n}`).toContain(`Signal-Towers-2#fn-${n} <- Signal-Towers-1#fnref-${n}`);
    expect(linked.html(chapters[0]!.path)).toContain('<a href="https://example.org/one">1</a>');
  });

  it('never links [N] in an essay without a reference list, and reports nothing there', () => {
    const body = linked.html(alone.path);
    expect(body).toContain('items[1] or a reading like [2] is only text');
    expect(body).not.toContain('footnote');
    expect(noteDiagnostics(pages, rendered, nav, 'error')).toEqual([]);
  });
});

describe('markers that cannot be read', () => {
  it('are explained with the text seen, at their position, and never linked', () => {
    const page = { ...fixturePages('variants', ['Canal-Dues.md'])[0]!, path: 'docs/odd.md', url: '/docs/odd/', bodyLine: 1, body: 'A toll.<sup>12a</sup> A fee.<sup>(3)</sup>\n\n<p>Raw.<sup>4*</sup></p>\n' };
    const result = renderAll([page]).get(page.path)!;
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message.split(' looks')[0]}`)).toEqual([
      '1:8 notes/unresolved-marker <sup>12a</sup>',
      '1:29 notes/unresolved-marker <sup>(3)</sup>',
      '3:8 notes/unresolved-marker <sup>4*</sup>',
    ]);
    expect(result.html).not.toContain('footnote-ref');
  });
});

describe('the whole-essay print edition', () => {
  const [opening, ...chapters] = fixturePages('variants', ['Canal-Dues.md', 'Canal-Dues-1.md', 'Canal-Dues-2.md']) as [Page, ...Page[]];
  // A third chapter that restarts at 1 and uses kramdown notes, so ids would repeat across chapters.
  const restart = { ...chapters[0]!, path: 'docs/variants/Canal-Dues-3.md', url: '/docs/Canal-Dues-3/', bodyLine: 1, body: 'Again.<sup>1</sup> And a kramdown one.[^a]\n\n<sup>1</sup>. Restarted note.\n\n[^a]: Kramdown note.\n' };
  const pages = [opening, ...chapters, restart];
  const linked = linkAllNotes(pages, renderAll(pages), openingNav(opening, [...chapters, restart]), '/base');
  const book = pages.map((p) => linked.printHtml(p.path)).join('\n');

  it('links every reference and note within the document, and repeats no id', () => {
    const ids = [...book.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const refs = elementsWithClass(book, 'footnote-ref').filter((a) => a['href'] !== undefined);
    // The 14 of the essay, the restarted chapter's note 1 and its kramdown note.
    expect(refs.length).toBe(16);
    for (const a of refs) {
      expect(a['href'], a['id']).toMatch(/^#/);
      const target = elementById(book, decodeURIComponent(a['href']!.slice(1)));
      expect(target?.['class'] ?? target?.['role'], a['href']).toMatch(/footnote-def|doc-endnote/);
    }
    const back = [...elementsWithClass(book, 'footnote-number'), ...elementsWithClass(book, 'footnote-backref'), ...elementsWithClass(book, 'reversefootnote')];
    for (const a of back.filter((x) => x['href'] !== undefined)) {
      expect(a['href'], a['data-for']).toMatch(/^#/);
      expect(elementById(book, a['href']!.slice(1)), a['href']).toBeDefined();
    }
    expect(book).not.toContain('footnote-templates');
  });
});

describe('essay groups', () => {
  it('put an essay page with its own chapters, whichever page of the site comes first', () => {
    const [opening, ...chapters] = fixturePages('variants', ['Canal-Dues.md', 'Canal-Dues-1.md', 'Canal-Dues-2.md']) as [Page, ...Page[]];
    const [loose] = fixturePages('ieee', ['No-List.md']) as [Page];
    // The letter page holds the essay and a loose page side by side.
    const letter: NavNode = { path: 'docs/L.md', title: 'L', url: '/docs/L/', navExclude: false, hasToc: true, children: [], parent: undefined, depth: 0 };
    const essay = openingNav(opening, chapters).roots[0]!;
    const side: NavNode = { path: loose.path, title: 'Loose', url: loose.url, navExclude: false, hasToc: true, children: [], parent: letter, depth: 1 };
    essay.parent = letter;
    letter.children = [essay, side];
    const byPath = new Map<string, NavNode>([[letter.path, letter], [essay.path, essay], [side.path, side], ...essay.children.map((c) => [c.path, c] as [string, NavNode])]);
    const groups = essayGroups([loose, opening, ...chapters], { roots: [letter], byPath, diagnostics: [] });
    expect(groups).toEqual([[loose.path], [opening.path, ...chapters.map((c) => c.path)]]);
  });
});

describe('table notes in raw HTML', () => {
  it('links the markers of a raw HTML table to the notes right below it, apart from the essay notes with the same numbers', () => {
    const body = [
      'Body text cites the essay note.<sup>1</sup>',
      '',
      '<table>',
      '  <tr><td><p align="center">Locks<sup>1</sup></p></td><td>Gates<sup>2</sup></td></tr>',
      '</table>',
      '',
      '<sup>1</sup> Counted at dawn.',
      '',
      '<sup>2</sup> Counted at dusk.',
      '',
      '<sup>1</sup>. The essay note, placed at the end.',
      '',
    ].join('\n');
    const page = { ...fixturePages('variants', ['Canal-Dues.md'])[0]!, path: 'docs/tables/raw-table.md', url: '/docs/raw-table/', bodyLine: 1, body };
    const linked = linkAllNotes([page], renderAll([page]), openingNav(undefined, [page]), '');
    const pairs = linkPairs([page], linked.html);
    expect(pairs.refs).toEqual(['raw-table#fnref-1 -> raw-table#fn-1', 'raw-table#fnref-t1-1 -> raw-table#fn-t1-1', 'raw-table#fnref-t1-2 -> raw-table#fn-t1-2']);
    expect(pairs.notes).toEqual(['raw-table#fn-1 <- raw-table#fnref-1', 'raw-table#fn-t1-1 <- raw-table#fnref-t1-1', 'raw-table#fn-t1-2 <- raw-table#fnref-t1-2']);
  });
});

describe('notes in raw HTML with an id of their own', () => {
  it('keep the author id and are linked both ways', () => {
    const body = 'A claim.<sup>1</sup>\n\n<p id="note-one" class="small"><sup>1</sup> The note, with its own id.</p>\n';
    const page = { ...fixturePages('variants', ['Canal-Dues.md'])[0]!, path: 'docs/raw/own-id.md', url: '/docs/own-id/', bodyLine: 1, body };
    const linked = linkAllNotes([page], renderAll([page]), openingNav(undefined, [page]), '');
    expect(linkPairs([page], linked.html)).toEqual({ refs: ['own-id#fnref-1 -> own-id#note-one'], notes: ['own-id#note-one <- own-id#fnref-1'] });
    expect(elementById(linked.html(page.path), 'note-one')?.['class']).toBe('small footnote-def');
  });
});
