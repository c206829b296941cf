import { describe, expect, it } from 'vitest';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { siteNavJson } from '../../src/nav/format-nav.js';
import { renderNavHtml } from '../../src/nav/render-nav-html.js';
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

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1] ?? '');
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

  it('leaves distant branches closed but marked, without their children', () => {
    expect(html).not.toContain('/base/docs/L/fibre-1/');
    expect(html).not.toContain('Riverbank Deeds');
    expect(html).toContain(
      '<li class="nav-item has-children" data-nav-path="1.1"><button class="nav-expand" type="button" aria-expanded="false" aria-label="Show children of § Fibre for Farm Towns">',
    );
    expect(html).toContain('aria-expanded="true" aria-label="Hide children of § Water Rights in Dry Cities"');
  });

  it('marks only the current page, on its item and its link', () => {
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toContain('<li class="nav-item is-current"><a aria-current="page" class="nav-link" href="/base/docs/L/water-2/">Meters and Prices</a></li>');
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
    expect(out).toContain('aria-label="Show children of &lt;b&gt;Fish &amp; &quot;Chips&quot;&lt;/b&gt;"');
    expect(out).toContain('href="/a&amp;b/y/"');
  });
});
