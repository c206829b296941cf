import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { noteDiagnostics } from '../../src/footnotes/note-diagnostics.js';
import { bodyText, type Page } from '../../src/front-matter/page.js';
import { essayNav, fixturePages, pageFrom, linkAllNotes, renderAll } from './note-site.js';

/** 1-based line and column of the first occurrence of `needle` in a page's source (front matter included). */
function at(page: Page, needle: string, nth = 1): { line: number; column: number } {
  const lines = [...Array(page.bodyLine - 1).fill(''), ...bodyText(page).split('\n')];
  let seen = 0;
  for (const [i, text] of lines.entries()) {
    let from = 0;
    for (let col = text.indexOf(needle); col >= 0; col = text.indexOf(needle, from)) {
      if (++seen === nth) return { line: i + 1, column: col + 1 };
      from = col + 1;
    }
  }
  throw new Error(`${needle} not in ${page.path}`);
}

const brief = (list: readonly Diagnostic[]) => list.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

function essayOf(...bodies: string[]) {
  const pages = bodies.map((body, i) => pageFrom(`docs/chapter-${i + 1}.md`, body));
  return { pages, rendered: renderAll(pages), nav: essayNav(pages) };
}

describe('note diagnostics', () => {
  const chapters = fixturePages('lighthouses', ['Shared-Lighthouses-1.md', 'Shared-Lighthouses-2.md', 'Shared-Lighthouses-3.md']);
  const [, two, three] = chapters as [Page, Page, Page];
  const rendered = renderAll(chapters);
  const nav = essayNav(chapters);

  it('reports the duplicated citation, the missing note and the uncited note of an essay, at their source positions', () => {
    const ten = at(two, '<sup>10</sup>');
    const twelve = at(two, '<sup>12</sup>');
    const draft = at(three, '<sup>22</sup>');
    expect(brief(noteDiagnostics(chapters, rendered, nav))).toEqual([
      `${two.path}:${ten.line}:${ten.column} warning notes/duplicate-citation`,
      `${two.path}:${twelve.line}:${twelve.column} warning notes/missing-note`,
      `${three.path}:${draft.line}:${draft.column} warning notes/unreferenced-note`,
    ]);
  });

  it('says which citation is probably the typo and what it should be', () => {
    const dup = noteDiagnostics(chapters, rendered, nav).find((d) => d.rule === 'notes/duplicate-citation');
    const again = at(two, '<sup>10</sup>', 2);
    expect(dup?.message).toBe(`note 10 is cited twice (again at ${two.path}:${again.line}:${again.column}) and note 9 is never cited: this 10 is probably 9`);
  });

  it('gives the same findings as errors for `dossier check`, and as warnings from the build step', () => {
    const asErrors = noteDiagnostics(chapters, rendered, nav, 'error');
    expect(asErrors.every((d) => d.severity === 'error')).toBe(true);
    const fromBuild = linkAllNotes(chapters, rendered, nav, '').diagnostics;
    expect(brief(fromBuild)).toEqual(brief(noteDiagnostics(chapters, rendered, nav)));
  });

  it('catches the 29/29 pattern: the first 29 follows 27 and is probably 28', () => {
    const body = [
      'Prices rose.<sup>26</sup> Then fell.<sup>27</sup> Harbours closed.<sup>29</sup> Ferries stopped.<sup>29</sup> Then spring.<sup>30</sup>',
      '',
      ...[26, 27, 28, 29, 30].map((n) => `<sup>${n}</sup>. Source ${n}.\n{: .fs-2}`),
    ].join('\n');
    const { pages, rendered: r, nav: n } = essayOf(body);
    const found = noteDiagnostics(pages, r, n);
    expect(found.map((d) => d.rule)).toEqual(['notes/duplicate-citation']);
    expect(found[0]).toMatchObject({ line: 1, column: at(pages[0]!, '<sup>29</sup>').column });
    expect(found[0]?.message).toMatch(/this 29 is probably 28$/);
  });

  it('reports references and notes out of order', () => {
    const { pages, rendered: r, nav: n } = essayOf('A.<sup>1</sup> B.<sup>2</sup> C.<sup>4</sup> D.<sup>3</sup>\n\n<sup>1</sup>. One.\n\n<sup>2</sup>. Two.\n\n<sup>4</sup>. Four.\n\n<sup>3</sup>. Three.\n');
    expect(noteDiagnostics(pages, r, n).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      `1:${at(pages[0]!, '<sup>3').column} notes/out-of-order note 3 is first cited after note 4`,
      '9:1 notes/out-of-order note 3 comes after note 4',
    ]);
  });

  it('resolves a note from the previous chapter before calling it missing', () => {
    const { pages, rendered: r, nav: n } = essayOf('Text that breaks.<sup>1</sup>\n', '***\n<sup>1</sup>. The note, printed on the next page.\n***\n\nMore text.\n');
    expect(noteDiagnostics(pages, r, n)).toEqual([]);
  });

  it('positions problems in kramdown [^name] notes too', () => {
    const { pages, rendered: r, nav: n } = essayOf('Cited.[^a] Undefined.[^nope]\n\n[^a]: Defined.\n\n[^spare]: Never cited.\n');
    expect(noteDiagnostics(pages, r, n).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['1:22 notes/missing-note', '5:1 notes/unreferenced-note']);
  });
});
