import { describe, expect, it } from 'vitest';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { pageNavFor } from '../../src/nav/page-nav.js';
import { letterSite, navPages } from './nav-pages.js';

const site = {
  ...letterSite(),
  'docs/L/water-2b.md': 'title: A Hidden Aside\nparent: § Water Rights in Dry Cities\ngrand_parent: L\nnav_order: 25\nnav_exclude: true',
  'docs/L/fibre.md': 'title: § Fibre for Farm Towns\nparent: L\nnav_order: 20\nhas_toc: false',
};
const tree = buildNavTree(navPages(site), { navSort: 'case_sensitive' });
const paths = (nodes: readonly { path: string }[] | undefined) => nodes?.map((n) => n.path);

describe('pageNavFor', () => {
  it('gives breadcrumbs from the top level down, without the page itself', () => {
    expect(paths(pageNavFor(tree, 'docs/L/water-2.md').breadcrumbs)).toEqual(['docs/L/index.md', 'docs/L/water.md']);
    expect(pageNavFor(tree, 'docs/L/index.md').breadcrumbs).toEqual([]);
  });

  it('lists a parent page’s children, hidden ones included, unless has_toc is false', () => {
    expect(paths(pageNavFor(tree, 'docs/L/water.md').children)).toEqual([
      'docs/L/water-1.md',
      'docs/L/water-2.md',
      'docs/L/water-2b.md',
      'docs/L/water-3.md',
    ]);
    expect(pageNavFor(tree, 'docs/L/fibre.md').children).toEqual([]);
    expect(pageNavFor(tree, 'docs/L/fibre.md').node?.children.length).toBe(2);
  });

  it('links chapters to their neighbours in reading order, skipping nav-excluded chapters', () => {
    const middle = pageNavFor(tree, 'docs/L/water-2.md').chapter;
    expect(middle?.essay.path).toBe('docs/L/water.md');
    expect(paths(middle?.chapters)).toEqual(['docs/L/water-1.md', 'docs/L/water-2.md', 'docs/L/water-3.md']);
    expect(middle?.index).toBe(1);
    expect(middle?.previous?.path).toBe('docs/L/water-1.md');
    expect(middle?.next?.path).toBe('docs/L/water-3.md');
  });

  it('has no previous link on the first chapter and no next link on the last', () => {
    const first = pageNavFor(tree, 'docs/L/water-1.md').chapter;
    expect(first?.previous).toBeUndefined();
    expect(first?.next?.path).toBe('docs/L/water-2.md');
    const last = pageNavFor(tree, 'docs/L/water-3.md').chapter;
    expect(last?.next).toBeUndefined();
    expect(last?.index).toBe(2);
  });

  it('gives no chapter nav to top-level pages, essays, hidden chapters or pages outside the tree', () => {
    expect(pageNavFor(tree, 'docs/L/index.md').chapter).toBeUndefined();
    expect(pageNavFor(tree, 'docs/L/water.md').chapter).toBeUndefined();
    expect(pageNavFor(tree, 'docs/L/water-2b.md').chapter).toBeUndefined();
    expect(pageNavFor(tree, 'nowhere.md')).toEqual({ node: undefined, breadcrumbs: [], children: [], chapter: undefined });
  });
});
