import { describe, expect, it } from 'vitest';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { siteNavJson } from '../../src/nav/format-nav.js';
import type { NavTree } from '../../src/nav/nav-tree.js';
import { NAV_WINDOW_MAX, renderNavHtml } from '../../src/nav/render-nav-html.js';
import { letterSite, navPages } from './nav-pages.js';

const tree = buildNavTree(
  navPages({
    ...letterSite(),
    'docs/L/water-1x.md': 'title: Riverbank Deeds\nparent: Who Owns the River\ngrand_parent: § Water Rights in Dry Cities',
    'docs/L/draft.md': 'title: Unpublished Draft\nparent: L\nnav_exclude: true',
    'docs/L/draft-1.md': 'title: Draft Chapter\nparent: Unpublished Draft\ngrand_parent: L',
  }),
  { navSort: 'case_sensitive' },
);

/** Hrefs of the entries' own links (not the "Show all"/"more" links standing for unwritten entries). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].filter((m) => !m[0].includes('nav-more-link')).map((m) => m[1] ?? '');
}

describe('renderNavHtml', () => {
  const html = renderNavHtml(tree, 'docs/L/water-2.md', '/base');

  it('lists every top-level page and opens the branch down to the current page', () => {
    expect(hrefs(html)).toEqual([
      '/base/',
      '/base/docs/L/',
      '/base/docs/L/water/',
      '/base/docs/L/water-1/',
      '/base/docs/L/water-2/',
      '/base/docs/L/water-3/',
      '/base/docs/L/fibre/',
      '/base/about/',
    ]);
  });

  it('leaves distant branches closed, with a <details> arrow and one link to the page listing their children', () => {
    expect(html).not.toContain('/base/docs/L/fibre-1/');
    expect(html).not.toContain('Riverbank Deeds');
    expect(html).toContain(
      '<li class="nav-item has-children" data-nav-path="1.1"><a class="nav-link" href="/base/docs/L/fibre/" data-slot="title">§ Fibre for Farm Towns</a>' +
        '<details class="nav-branch"><summary class="nav-expand"><span class="visually-hidden">Pages under <span data-slot="title">§ Fibre for Farm Towns</span></span></summary>' +
        '<ul class="nav-list"><li class="nav-item nav-more"><a class="nav-link nav-more-link" href="/base/docs/L/fibre/" data-nav-more="1.1" data-nav-range="0-1">Show all <span data-slot="count">2</span></a></li></ul></details></li>',
    );
    expect(html).toMatch(/data-nav-path="1\.0"><a [^>]*>§ Water Rights in Dry Cities<\/a><details class="nav-branch" open>/);
  });

  it('ends with the item template the client clones, made by the same code as the items', () => {
    const template = /<template id="nav-item-template">([\s\S]*)<\/template>$/.exec(html)?.[1] ?? '';
    const closed = /<li class="nav-item has-children" data-nav-path="1\.1">[\s\S]*?<\/details><\/li>/.exec(html)?.[0] ?? '';
    const blank = (item: string) =>
      item
        .replace(/ href="[^"]*"/g, '')
        .replace(/(data-slot="(?:title|count)">)[^<]*/g, '$1')
        .replace(/data-nav-(path|more)="[^"]*"/g, 'data-nav-$1=""')
        .replace(/data-nav-range="[^"]*"/, 'data-nav-range="0-0"');
    expect(template).not.toBe('');
    expect(blank(closed)).toBe(template);
  });

  it('marks only the current page, on its item and its link', () => {
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toContain('<li class="nav-item is-current"><a aria-current="page" class="nav-link" href="/base/docs/L/water-2/" data-slot="title">Meters and Prices</a></li>');
  });

  it('lists the current page’s own children', () => {
    const parentPage = renderNavHtml(tree, 'docs/L/water-1.md', '');
    expect(parentPage).toContain('href="/docs/L/water-1x/"');
    expect(parentPage).toContain('<li class="nav-item has-children is-open is-current" data-nav-path="1.0.0">');
  });

  it('leaves nav-excluded pages out of the sidebar', () => {
    expect(html).not.toContain('Unpublished Draft');
    const draft = renderNavHtml(tree, 'docs/L/draft-1.md', '');
    expect(draft).not.toContain('Draft Chapter');
    expect(draft).not.toContain('aria-current');
    expect(draft).toContain('<li class="nav-item has-children is-open" data-nav-path="1">');
  });

  it('shows just the top level, all closed, for a page outside the tree', () => {
    const outside = renderNavHtml(tree, 'untitled.md', '');
    expect(hrefs(outside)).toEqual(['/', '/docs/L/', '/about/']);
    expect(outside).not.toContain('is-open');
  });

  it('writes balanced lists', () => {
    expect(html.match(/<li/g)?.length).toBe(html.match(/<\/li>/g)?.length);
    expect(html.match(/<ul/g)?.length).toBe(html.match(/<\/ul>/g)?.length);
    expect(html.startsWith('<ul class="nav-list">')).toBe(true);
  });

  it('uses data-nav-path indexes that find the same entry in nav.json', () => {
    type Entry = [string, string, Entry[]?];
    const json = JSON.parse(siteNavJson(tree, '/base')) as { n: Entry[] };
    const marked = [...html.matchAll(/data-nav-path="([\d.]+)">.*?<a [^>]*>([^<]*)<\/a>/g)];
    expect(marked.length).toBeGreaterThan(2);
    for (const [, navPath, title] of marked) {
      let list: Entry[] | undefined = json.n;
      let entry: Entry | undefined;
      for (const i of (navPath ?? '').split('.')) {
        entry = list?.[Number(i)];
        list = entry?.[2];
      }
      expect(entry?.[0]).toBe(title);
    }
  });

  it('escapes titles and URLs', () => {
    const nasty = buildNavTree(
      navPages({
        'x.md': `title: '<b>Fish & "Chips"</b>'`,
        'x-1.md': `title: Child\nparent: '<b>Fish & "Chips"</b>'`,
        'y.md': 'title: Other',
      }),
      { navSort: 'case_sensitive' },
    );
    const out = renderNavHtml(nasty, 'y.md', '/a&b');
    expect(out).not.toContain('<b>');
    expect(out).toContain('>&lt;b&gt;Fish &amp; &quot;Chips&quot;&lt;/b&gt;</a>');
    expect(out).toContain('Pages under <span data-slot="title">&lt;b&gt;Fish &amp; &quot;Chips&quot;&lt;/b&gt;</span>');
    expect(out).toContain('href="/a&amp;b/y/"');
  });
});

/** A letter `A` holding `count` essays, each with one chapter, titled with four-digit numbers so sizes compare fairly. */
function bigLetter(count: number): NavTree {
  const files: Record<string, string> = {
    'index.md': 'title: Home\nnav_order: 1',
    'docs/A/index.md': 'title: A\nnav_order: 2',
    'about.md': 'title: About\nnav_order: 3',
  };
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    files[`docs/A/e${n}.md`] = `title: § Essay ${n}\nparent: A\nnav_order: ${i}`;
    files[`docs/A/e${n}-1.md`] = `title: Chapter of ${n}\nparent: § Essay ${n}\ngrand_parent: A\nnav_order: 10`;
  }
  return buildNavTree(navPages(files), { navSort: 'case_sensitive' });
}

/** The `<li>`s directly inside the first list that opens after `marker` (the list's parent item). */
function itemsAfter(html: string, marker: string): string[] {
  const from = html.indexOf(marker);
  expect(from).toBeGreaterThan(-1);
  const list = html.slice(html.indexOf('<ul class="nav-list">', from));
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of list.matchAll(/<(\/?)(ul|li)\b[^>]*>/g)) {
    const closing = m[1] === '/';
    if (m[2] === 'ul') depth += closing ? -1 : 1;
    else if (depth === 1 && !closing) start = m.index;
    else if (depth === 1) items.push(list.slice(start, m.index + '</li>'.length));
    if (depth === 0) break;
  }
  return items;
}

function moreLinks(items: string[]): Array<{ range: string; more: string; href: string; text: string; label: string }> {
  return items
    .filter((li) => li.startsWith('<li class="nav-item nav-more"'))
    .map((li) => ({
      range: /data-nav-range="([^"]*)"/.exec(li)?.[1] ?? '',
      more: /data-nav-more="([^"]*)"/.exec(li)?.[1] ?? '',
      href: /href="([^"]*)"/.exec(li)?.[1] ?? '',
      text: />([^<]*)<\/a>/.exec(li)?.[1] ?? '',
      label: /aria-label="([^"]*)"/.exec(li)?.[1] ?? '',
    }));
}

describe('renderNavHtml on long lists', () => {
  const sixty = bigLetter(60);
  const essayTitles = (items: string[]): string[] =>
    items.filter((li) => !li.startsWith('<li class="nav-item nav-more"')).map((li) => /§ Essay (\d{4})/.exec(li)?.[1] ?? '?');

  it('shows a window around the open essay and a "more" link for each hidden side', () => {
    const html = renderNavHtml(sixty, 'docs/A/e0030-1.md', '/base');
    const items = itemsAfter(html, 'data-nav-path="1"');
    expect(items.length).toBeLessThanOrEqual(NAV_WINDOW_MAX);
    expect(essayTitles(items)).toEqual(Array.from({ length: 11 }, (_, k) => String(25 + k).padStart(4, '0')));
    expect(moreLinks(items)).toEqual([
      { range: '0-24', more: '1', href: '/base/docs/A/', text: '25 more…', label: 'Show 25 more pages in A' },
      { range: '36-59', more: '1', href: '/base/docs/A/', text: '24 more…', label: 'Show 24 more pages in A' },
    ]);
    expect(items[0]).toContain('nav-more');
    expect(items.at(-1)).toContain('nav-more');
    // The open essay and the current chapter are still there, marked.
    expect(html).toContain('<a aria-current="page" class="nav-link" href="/base/docs/A/e0030-1/" data-slot="title">Chapter of 0030</a>');
    expect(html).toContain('<li class="nav-item has-children is-open" data-nav-path="1.30">');
  });

  it('starts the window at the first entry near the start, with only a link after', () => {
    const html = renderNavHtml(sixty, 'docs/A/e0003.md', '');
    const items = itemsAfter(html, 'data-nav-path="1"');
    expect(essayTitles(items)).toEqual(Array.from({ length: 11 }, (_, k) => String(k).padStart(4, '0')));
    expect(moreLinks(items)).toEqual([{ range: '11-59', more: '1', href: '/docs/A/', text: '49 more…', label: 'Show 49 more pages in A' }]);
  });

  it('ends the window at the last entry near the end, with only a link before', () => {
    const items = itemsAfter(renderNavHtml(sixty, 'docs/A/e0058.md', ''), 'data-nav-path="1"');
    expect(essayTitles(items)[0]).toBe('0049');
    expect(essayTitles(items).at(-1)).toBe('0059');
    expect(moreLinks(items).map((m) => m.range)).toEqual(['0-48']);
  });

  it('shows the first entries of a long list where nothing is open: the page’s own children', () => {
    const items = itemsAfter(renderNavHtml(sixty, 'docs/A/index.md', ''), 'data-nav-path="1"');
    expect(essayTitles(items)).toHaveLength(11);
    expect(essayTitles(items)[0]).toBe('0000');
    expect(moreLinks(items).map((m) => m.range)).toEqual(['11-59']);
  });

  it('numbers windowed entries by their place in the whole list, as nav.json does', () => {
    const html = renderNavHtml(sixty, 'docs/A/e0030-1.md', '');
    type Entry = [string, string, Entry[]?];
    const json = JSON.parse(siteNavJson(sixty, '')) as { n: Entry[] };
    const closed = [...html.matchAll(/data-nav-path="1\.(\d+)"><a [^>]*>([^<]*)<\/a><details class="nav-branch">/g)];
    expect(closed).toHaveLength(10);
    for (const [, i, title] of closed) expect(json.n[1]?.[2]?.[Number(i)]?.[0]).toBe(title);
    // The window's entries and the "more" ranges together account for every essay once.
    const shown = [...html.matchAll(/data-nav-path="1\.(\d+)"/g)].map((m) => Number(m[1]));
    const hidden = moreLinks(itemsAfter(html, 'data-nav-path="1"')).flatMap((link) => {
      const [first = 0, last = -1] = link.range.split('-').map(Number);
      return Array.from({ length: last - first + 1 }, (_, k) => first + k);
    });
    expect([...shown, ...hidden].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, k) => k));
  });

  it('keeps the top level whole, since the site root cannot list what a window would hide', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`t${String(i).padStart(2, '0')}.md`] = `title: Topic ${String(i).padStart(2, '0')}\nnav_order: ${i}`;
    files['t15-1.md'] = 'title: Inside\nparent: Topic 15';
    const topLevel = buildNavTree(navPages(files), { navSort: 'case_sensitive' });
    const html = renderNavHtml(topLevel, 't15-1.md', '/base');
    const items = itemsAfter(`<nav>${html}`, '<nav>');
    expect(items).toHaveLength(30);
    expect(moreLinks(items)).toEqual([]);
    expect(html).toContain('aria-current="page" class="nav-link" href="/base/t15-1/" data-slot="title">Inside</a>');
  });

  it('leaves lists of up to NAV_WINDOW_MAX entries whole', () => {
    const items = itemsAfter(renderNavHtml(bigLetter(NAV_WINDOW_MAX), 'docs/A/e0012-1.md', ''), 'data-nav-path="1"');
    expect(items).toHaveLength(NAV_WINDOW_MAX);
    expect(items.filter((li) => li.startsWith('<li class="nav-item nav-more"'))).toEqual([]);
  });

  it('keeps a page’s sidebar the same size with ten times the siblings', () => {
    const small = renderNavHtml(sixty, 'docs/A/e0030-1.md', '');
    const large = renderNavHtml(bigLetter(600), 'docs/A/e0300-1.md', '');
    expect(large.length).toBeLessThan(small.length * 1.1);
    expect(large.match(/<li/g)?.length).toBe(large.match(/<\/li>/g)?.length);
    expect(renderNavHtml(bigLetter(600), 'docs/A/e0300-1.md', '')).toBe(large);
  });
});
