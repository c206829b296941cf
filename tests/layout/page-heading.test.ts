import { describe, expect, it } from 'vitest';
import { documentTitle, essayName, promoteHeading, titleHeading } from '../../src/layout/page-heading.js';
import type { NavNode, PageNav } from '../../src/nav/nav-tree.js';

const h = (depth: number, id: string, text: string) => ({ depth, id, text, noToc: false });

describe('titleHeading', () => {
  it('promotes a first heading equal to the title, prints the title otherwise, and leaves a body <h1> alone', () => {
    expect(titleHeading('The Stage', [h(2, 'the-stage', 'The Stage'), h(2, 'b', 'B')])).toEqual({ kind: 'promote', heading: h(2, 'the-stage', 'The Stage'), shift: 0 });
    expect(titleHeading('The Stage', [h(2, 'the-stage', 'The Stage'), h(3, 'b', 'B'), h(4, 'c', 'C')])).toMatchObject({ kind: 'promote', shift: 1 });
    expect(titleHeading('The Stage', [h(2, 'intro', 'Intro')]).kind).toBe('layout');
    expect(titleHeading('The Stage', [h(1, 'x', 'X')]).kind).toBe('body');
    expect(titleHeading('', []).kind).toBe('none');
  });
});

describe('promoteHeading', () => {
  it('turns only the heading with the id into the page <h1>', () => {
    const html = '<ol id="markdown-toc"><li><a href="#the-stage">The Stage</a></li></ol>\n<h2 id="the-stage"><a href="#the-stage" class="anchor-heading"></a>The Stage</h2>\n<h2 id="next">Next</h2>';
    expect(promoteHeading(html, h(2, 'the-stage', 'The Stage'))).toBe(
      '<ol id="markdown-toc"><li><a href="#the-stage">The Stage</a></li></ol>\n<h1 class="page-title" id="the-stage"><a href="#the-stage" class="anchor-heading"></a>The Stage</h1>\n<h2 id="next">Next</h2>',
    );
  });
});

describe('promoteHeading with a shift', () => {
  it('raises the later headings so the outline has no gap below the <h1>', () => {
    const html = '<h2 id="t">T</h2>\n<h3 id="a">A</h3>\n<h4 class="no_toc" id="b">B</h4>';
    expect(promoteHeading(html, h(2, 't', 'T'), 1)).toBe('<h1 class="page-title" id="t">T</h1>\n<h2 id="a">A</h2>\n<h3 class="no_toc" id="b">B</h3>');
  });
});

describe('documentTitle', () => {
  it('names the essay on chapter pages', () => {
    const essay = { title: '§ Harbour Ledgers - Counting Cargo' } as NavNode;
    const nav = { chapter: { essay } } as unknown as PageNav;
    expect(essayName(essay.title)).toBe('Harbour Ledgers');
    expect(documentTitle('Tonnage', 'Review', nav)).toBe('Tonnage · Harbour Ledgers | Review');
    expect(documentTitle('About', 'Review', { chapter: undefined } as unknown as PageNav)).toBe('About | Review');
  });
});
