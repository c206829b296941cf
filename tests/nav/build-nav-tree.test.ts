import { describe, expect, it } from 'vitest';
import type { NavSort } from '../../src/config/site-config.js';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { formatNavText } from '../../src/nav/format-nav.js';
import type { NavTree } from '../../src/nav/nav-tree.js';
import { letterSite, navPages } from './nav-pages.js';

function tree(files: Record<string, string>, navSort: NavSort = 'case_sensitive'): NavTree {
  return buildNavTree(navPages(files), { navSort });
}

/** Titles of a sibling list, e.g. the top level or the children of one page. */
function titlesUnder(t: NavTree, path?: string): string[] {
  const list = path === undefined ? t.roots : (t.byPath.get(path)?.children ?? []);
  return list.map((n) => n.title);
}

function rules(t: NavTree): string[] {
  return t.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

describe('buildNavTree: structure', () => {
  it('builds letter → essays → chapters from parent and grand_parent titles', () => {
    const t = tree(letterSite());
    expect(formatNavText(t)).toBe(
      [
        'Home  /',
        'L  /docs/L/',
        '  § Water Rights in Dry Cities  /docs/L/water/',
        '    Who Owns the River  /docs/L/water-1/',
        '    Meters and Prices  /docs/L/water-2/',
        '    Conclusion  /docs/L/water-3/',
        '  § Fibre for Farm Towns  /docs/L/fibre/',
        '    The Last Mile  /docs/L/fibre-1/',
        '    Conclusion  /docs/L/fibre-2/',
        'About  /about/',
        '',
      ].join('\n'),
    );
    expect(t.diagnostics).toEqual([]);
    const chapter = t.byPath.get('docs/L/fibre-2.md');
    expect(chapter?.depth).toBe(2);
    expect(chapter?.parent?.path).toBe('docs/L/fibre.md');
    expect(chapter?.parent?.parent?.path).toBe('docs/L/index.md');
  });

  it('matches titles after YAML trims the stray trailing spaces real front matter carries', () => {
    const t = tree({
      'g.md': 'title: G ',
      'e.md': 'title: § An Essay  \nparent: G ',
      'c.md': 'title: Opening\nparent: § An Essay   \ngrand_parent: G  \nnav_order: 10 ',
    });
    expect(t.byPath.get('c.md')?.parent?.path).toBe('e.md');
    expect(t.diagnostics).toEqual([]);
  });

  it('leaves untitled pages out of the nav, and warns when such a page names a parent', () => {
    const t = tree({
      'g.md': 'title: G',
      'redirect.md': 'layout: default',
      'stray.md': 'layout: default\nparent: G',
    });
    expect([...t.byPath.keys()]).toEqual(['g.md']);
    expect(rules(t)).toEqual(['stray.md:3:9 warning nav/untitled']);
  });

  it('treats an empty parent as top level, as Jekyll groups pages by parent text', () => {
    const t = tree({ 'a.md': 'title: A\nparent: ""', 'b.md': 'title: B' });
    expect(titlesUnder(t)).toEqual(['A', 'B']);
  });

  it('follows parents to any depth', () => {
    const t = tree({
      'l1.md': 'title: One',
      'l2.md': 'title: Two\nparent: One',
      'l3.md': 'title: Three\nparent: Two\ngrand_parent: One',
      'l4.md': 'title: Four\nparent: Three\ngrand_parent: Two',
      'l5.md': 'title: Five\nparent: Four\ngrand_parent: Three',
      'l6.md': 'title: Six\nparent: Five',
    });
    expect(formatNavText(t)).toBe(
      'One  /l1/\n  Two  /l2/\n    Three  /l3/\n      Four  /l4/\n        Five  /l5/\n          Six  /l6/\n',
    );
    expect(t.byPath.get('l6.md')?.depth).toBe(5);
    expect(t.diagnostics).toEqual([]);
  });

  it('keeps nav_exclude pages in the tree, flagged, with their children', () => {
    const t = tree({
      'g.md': 'title: G',
      'hidden.md': 'title: Hidden Essay\nparent: G\nnav_exclude: true',
      'hidden-1.md': 'title: Inside\nparent: Hidden Essay\ngrand_parent: G',
    });
    const hidden = t.byPath.get('hidden.md');
    expect(hidden?.navExclude).toBe(true);
    expect(hidden?.children.map((c) => c.path)).toEqual(['hidden-1.md']);
    expect(t.byPath.get('hidden-1.md')?.navExclude).toBe(false);
  });

  it('records has_toc: false on the node', () => {
    const t = tree({ 'g.md': 'title: G\nhas_toc: false', 'h.md': 'title: H' });
    expect(t.byPath.get('g.md')?.hasToc).toBe(false);
    expect(t.byPath.get('h.md')?.hasToc).toBe(true);
  });
});

describe('buildNavTree: sibling order', () => {
  it('puts numeric nav_order first, ascending, with floats and large numbers', () => {
    const t = tree({
      'g.md': 'title: G',
      'a.md': 'title: Big\nparent: G\nnav_order: 9790713',
      'b.md': 'title: Small\nparent: G\nnav_order: 2',
      'c.md': 'title: Between\nparent: G\nnav_order: 2.5',
      'd.md': 'title: Negative\nparent: G\nnav_order: -1',
      'e.md': 'title: Ten\nparent: G\nnav_order: 10',
      'f.md': 'title: Aardvark\nparent: G',
    });
    expect(titlesUnder(t, 'g.md')).toEqual(['Negative', 'Small', 'Between', 'Ten', 'Big', 'Aardvark']);
  });

  it('orders pages with a string nav_order or none by that string or else the title, after all numbers', () => {
    const t = tree({
      'g.md': 'title: G',
      'a.md': 'title: Zulu\nparent: G\nnav_order: "b"',
      'b.md': 'title: Charlie\nparent: G',
      'c.md': 'title: Yankee\nparent: G\nnav_order: "a"',
      'd.md': 'title: Alpha\nparent: G',
      'e.md': 'title: Last by number\nparent: G\nnav_order: 500',
    });
    // Keys: "b", "Charlie", "a", "Alpha" — code-point order puts capitals first.
    expect(titlesUnder(t, 'g.md')).toEqual(['Last by number', 'Alpha', 'Charlie', 'Yankee', 'Zulu']);
  });

  it("shows siblings with equal nav_order in Jekyll's page order: by file name, subfolders before files", () => {
    // Measured with Debian's Jekyll 4.3 + Liquid 5.4: `site.html_pages | where: "parent", "P" | sort: "nav_order"`.
    const t = tree({
      'p.md': 'title: P',
      'a/c/Zeta.md': 'title: One\nparent: P\nnav_order: 1',
      'a/Zeta.md': 'title: Two\nparent: P\nnav_order: 1',
      'B/alpha.md': 'title: Three\nparent: P\nnav_order: 1',
      'b/alpha2.md': 'title: Four\nparent: P\nnav_order: 1',
      'b/note.md': 'title: Five\nparent: P\nnav_order: 1',
      'note1.md': 'title: Six\nparent: P\nnav_order: 1',
      'a/c/x0.md': 'title: Seven\nparent: P\nnav_order: 1',
      'a/Essay-1.md': 'title: Eight\nparent: P\nnav_order: 2',
      'zz/Zeta2.md': 'title: Nine\nparent: P\nnav_order: 2',
      'b/essay-21.md': 'title: Ten\nparent: P\nnav_order: 2',
      'index.md': 'title: Eleven\nparent: P\nnav_order: 2',
      'zz/x.md': 'title: Twelve\nparent: P\nnav_order: 3',
      'x.md': 'title: Thirteen\nparent: P\nnav_order: 3',
    });
    expect(titlesUnder(t, 'p.md')).toEqual(['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen']);
    expect(rules(t).filter((r) => r.endsWith('nav/duplicate-nav-order'))).toHaveLength(10);
  });

  it('compares strings by code point with nav_sort: case_sensitive (Liquid sort)', () => {
    const files = {
      'g.md': 'title: G',
      'a.md': 'title: apple\nparent: G',
      'b.md': 'title: Banana\nparent: G',
      'c.md': 'title: cherry\nparent: G',
      'd.md': 'title: _draft\nparent: G',
      'e.md': 'title: Éclair\nparent: G',
    };
    expect(titlesUnder(tree(files, 'case_sensitive'), 'g.md')).toEqual(['Banana', '_draft', 'apple', 'cherry', 'Éclair']);
    // sort_natural folds ASCII letters only (Ruby casecmp): "_" (0x5F) now sorts before letters.
    expect(titlesUnder(tree(files, 'case_insensitive'), 'g.md')).toEqual(['_draft', 'apple', 'Banana', 'cherry', 'Éclair']);
  });

  it('sorts astral characters after U+E000–U+FFFF, as byte-wise UTF-8 comparison does', () => {
    const t = tree({ 'g.md': 'title: G', 'a.md': 'title: "\u{1F30D} Globe"\nparent: G', 'b.md': 'title: "\uFB01 Ligature"\nparent: G' });
    expect(titlesUnder(t, 'g.md')).toEqual(['\uFB01 Ligature', '\u{1F30D} Globe']);
  });

  it('breaks ties on title, then source path, whatever order the pages arrive in', () => {
    const files: Record<string, string> = {
      'g.md': 'title: G',
      'z.md': 'title: Same\nparent: G\nnav_order: 10',
      'y.md': 'title: Same\nparent: G\nnav_order: 10',
      'x.md': 'title: Other\nparent: G\nnav_order: 10',
    };
    const forward = tree(files);
    const backward = tree(Object.fromEntries(Object.entries(files).reverse()));
    const order = (t: NavTree) => t.byPath.get('g.md')?.children.map((c) => c.path);
    expect(order(forward)).toEqual(['x.md', 'y.md', 'z.md']);
    expect(order(backward)).toEqual(['x.md', 'y.md', 'z.md']);
  });

  it('reverses the children of a page with child_nav_order: desc', () => {
    const t = tree({
      'g.md': 'title: G\nchild_nav_order: desc',
      'a.md': 'title: First\nparent: G\nnav_order: 1',
      'b.md': 'title: Second\nparent: G\nnav_order: 2',
      'c.md': 'title: Third\nparent: G',
    });
    expect(titlesUnder(t, 'g.md')).toEqual(['Third', 'Second', 'First']);
  });

  it('sorts the top level by the same rules', () => {
    const t = tree({ 'b.md': 'title: Beta\nnav_order: 2', 'a.md': 'title: Alpha\nnav_order: 1', 'c.md': 'title: Gamma' });
    expect(titlesUnder(t)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });
});

describe('buildNavTree: equal titles', () => {
  /** Two essays, each with a chapter titled "Conclusion" that has its own child page. */
  function twoConclusions(extra: Record<string, string>): Record<string, string> {
    return {
      ...letterSite(),
      'docs/L/water-3a.md': 'title: Sources\nparent: Conclusion\ngrand_parent: § Water Rights in Dry Cities',
      'docs/L/fibre-2a.md': 'title: Sources\nparent: Conclusion\ngrand_parent: § Fibre for Farm Towns',
      ...extra,
    };
  }

  it('uses grand_parent to tell apart two chapters both titled Conclusion', () => {
    const t = tree(twoConclusions({}));
    expect(t.byPath.get('docs/L/water-3a.md')?.parent?.path).toBe('docs/L/water-3.md');
    expect(t.byPath.get('docs/L/fibre-2a.md')?.parent?.path).toBe('docs/L/fibre-2.md');
    expect(t.byPath.get('docs/L/water-3.md')?.children.map((c) => c.path)).toEqual(['docs/L/water-3a.md']);
    expect(t.diagnostics).toEqual([]);
  });

  it('reports a parent title that two pages carry when grand_parent is missing, naming both files', () => {
    const t = tree(twoConclusions({ 'docs/L/appendix.md': 'title: Appendix\nparent: Conclusion' }));
    expect(rules(t)).toEqual(['docs/L/appendix.md:3:9 error nav/ambiguous-parent']);
    const message = t.diagnostics[0]?.message ?? '';
    expect(message).toContain('docs/L/water-3.md');
    expect(message).toContain('docs/L/fibre-2.md');
    expect(message).toContain('`grand_parent:` (`§ Fibre for Farm Towns` or `§ Water Rights in Dry Cities`)');
    // Still placed, deterministically, so the page is reachable.
    expect(t.byPath.get('docs/L/appendix.md')?.parent?.path).toBe('docs/L/fibre-2.md');
  });

  it('places a page by ancestor when the parent title alone is ambiguous', () => {
    const t = tree(twoConclusions({ 'docs/L/appendix.md': 'title: Appendix\nparent: Conclusion\nancestor: § Water Rights in Dry Cities' }));
    expect(t.byPath.get('docs/L/appendix.md')?.parent?.path).toBe('docs/L/water-3.md');
    expect(t.diagnostics).toEqual([]);
  });

  it('accepts an ancestor further up, and reports one that no candidate has', () => {
    const ok = tree({
      'a.md': 'title: A',
      'b.md': 'title: B\nparent: A',
      'c.md': 'title: C\nparent: B\ngrand_parent: A',
      'd.md': 'title: D\nparent: C\nancestor: A',
    });
    expect(ok.byPath.get('d.md')?.parent?.path).toBe('c.md');
    expect(ok.diagnostics).toEqual([]);
    const bad = tree({
      'a.md': 'title: A',
      'b.md': 'title: B\nparent: A',
      'd.md': 'title: D\nparent: B\nancestor: Nowhere',
    });
    expect(rules(bad)).toEqual(['d.md:4:11 error nav/unknown-ancestor']);
    expect(bad.byPath.has('d.md')).toBe(false);
  });

  it('hangs a bare parent naming a top-level title under the top-level page only (JtD backwards compatibility)', () => {
    const t = tree({
      'archive.md': 'title: Archive',
      'letters.md': 'title: Letters',
      'e.md': 'title: § Essay\nparent: Letters',
      'ch.md': 'title: Archive\nparent: § Essay\ngrand_parent: Letters',
      'old.md': 'title: Old Letters\nparent: Archive',
    });
    expect(t.byPath.get('old.md')?.parent?.path).toBe('archive.md');
    expect(rules(t)).toEqual([]);
  });

  it('accepts a third-level page without grand_parent when its parent title is unique', () => {
    const t = tree({ 'g.md': 'title: G', 'e.md': 'title: § Essay\nparent: G', 'c.md': 'title: Chapter\nparent: § Essay' });
    expect(t.byPath.get('c.md')?.parent?.path).toBe('e.md');
    expect(t.diagnostics).toEqual([]);
  });
});

describe('buildNavTree: diagnostics', () => {
  it('reports an unknown parent with a suggestion, and leaves the page and its children out', () => {
    const t = tree({
      'g.md': 'title: G',
      'e.md': 'title: § Housing Vouchers\nparent: G',
      'c.md': 'layout: default\ntitle: Opening\nparent: § Housing Voucher\ngrand_parent: G',
      'c1.md': 'title: Opening Notes\nparent: Opening',
    });
    expect(rules(t)).toEqual(['c.md:4:9 error nav/unknown-parent']);
    expect(t.diagnostics[0]?.message).toContain('did you mean `§ Housing Vouchers`?');
    expect(t.diagnostics[0]?.message).toContain('the page and 1 page below it are still built but left out of the nav');
    expect(t.byPath.has('c.md')).toBe(false);
    expect(t.byPath.has('c1.md')).toBe(false);
  });

  it('reports a grand_parent that no page with that parent title has', () => {
    const t = tree({
      'g.md': 'title: G',
      'e.md': 'title: § Essay\nparent: G',
      'c.md': 'title: Chapter\nparent: § Essay\ngrand_parent: H',
    });
    expect(rules(t)).toEqual(['c.md:4:15 error nav/unknown-grand-parent']);
    expect(t.diagnostics[0]?.message).toContain('pages titled `§ Essay` sit under `G` (e.md)');
    expect(t.byPath.has('c.md')).toBe(false);
  });

  it('suggests a sibling under the given grand_parent before any other title', () => {
    const t = tree({
      'g.md': 'title: G',
      'h.md': 'title: H',
      'g/e.md': 'title: § Tariff Policy\nparent: G',
      'h/e.md': 'title: § Tariff Politics\nparent: H',
      'c.md': 'title: Chapter\nparent: § Tariff Politcs\ngrand_parent: G',
    });
    expect(t.diagnostics[0]?.message).toContain('did you mean `§ Tariff Policy`?');
  });

  it('makes no suggestion when nothing is close', () => {
    const t = tree({ 'g.md': 'title: G', 'c.md': 'title: Chapter\nparent: Completely Different Words' });
    expect(rules(t)).toEqual(['c.md:3:9 error nav/unknown-parent']);
    expect(t.diagnostics[0]?.message).not.toContain('did you mean');
  });

  it('reports a grand_parent on a page whose parent is a top-level page', () => {
    const t = tree({ 'g.md': 'title: G', 'e.md': 'title: § Essay\nparent: G\ngrand_parent: Letters' });
    expect(rules(t)).toEqual(['e.md:4:15 error nav/unknown-grand-parent']);
    expect(t.diagnostics[0]?.message).toContain('sit under the top level (g.md)');
  });

  it('reports pages whose parents form a loop, on every page of the loop', () => {
    const t = tree({
      'g.md': 'title: G',
      'a.md': 'title: A\nparent: B',
      'b.md': 'title: B\nparent: A',
      'below.md': 'title: Below\nparent: A\ngrand_parent: B',
    });
    expect(rules(t)).toEqual(['a.md:3:9 error nav/cycle', 'b.md:3:9 error nav/cycle']);
    expect(t.diagnostics[0]?.message).toContain('a.md (`A`) → b.md (`B`) → a.md (`A`)');
    expect([...t.byPath.keys()]).toEqual(['g.md']);
  });

  it('reports a page that names itself as its parent', () => {
    const t = tree({ 'a.md': 'title: Loop\nparent: Loop' });
    expect(rules(t)).toEqual(['a.md:3:9 error nav/cycle']);
  });

  it('reports a page titled like one of its ancestors', () => {
    const t = tree({
      'intro.md': 'title: Introduction',
      'e.md': 'title: § Essay\nparent: Introduction',
      'c.md': 'title: Introduction\nparent: § Essay\ngrand_parent: Introduction',
    });
    expect(rules(t)).toEqual(['c.md:2:8 error nav/title-like-ancestor']);
    expect(t.diagnostics[0]?.message).toContain('intro.md');
  });

  it('warns about siblings sharing a nav_order, naming the other file', () => {
    const t = tree({
      'g.md': 'title: G',
      'a.md': 'title: First\nparent: G\nnav_order: 10',
      'b.md': 'title: Second\nparent: G\nnav_order: 10',
      'c.md': 'title: Third\nparent: G\nnav_order: 20',
      'x.md': 'title: Elsewhere\nnav_order: 20',
    });
    expect(rules(t)).toEqual(['b.md:4:12 warning nav/duplicate-nav-order']);
    expect(t.diagnostics[0]?.message).toContain('a.md (`First`)');
  });

  it('warns about a quoted number among numeric nav_orders and suggests the number', () => {
    const t = tree({
      'g.md': 'title: G',
      'a.md': 'title: Early\nparent: G\nnav_order: 10',
      'b.md': 'title: Quoted\nparent: G\nnav_order: "15"',
      'c.md': 'title: Late\nparent: G\nnav_order: 20',
    });
    expect(titlesUnder(t, 'g.md')).toEqual(['Early', 'Late', 'Quoted']);
    expect(rules(t)).toEqual(['b.md:4:12 warning nav/mixed-nav-order']);
    expect(t.diagnostics[0]?.message).toContain('sorts after all 2 siblings with a numeric nav_order');
    expect(t.diagnostics[0]?.message).toContain('write `nav_order: 15` without quotes');
  });

  it('does not warn about a quoted number when no sibling has a numeric nav_order', () => {
    const t = tree({ 'g.md': 'title: G', 'a.md': 'title: A\nparent: G\nnav_order: "1"', 'b.md': 'title: B\nparent: G' });
    expect(t.diagnostics).toEqual([]);
  });
});
