import { describe, expect, it } from 'vitest';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { formatNavText, navToJson, siteNavJson } from '../../src/nav/format-nav.js';
import { navPages } from './nav-pages.js';

const tree = buildNavTree(
  navPages({
    'g.md': 'title: G\nnav_order: 1',
    'g/essay.md': 'title: § Essay on Ports\nparent: G',
    'g/essay-1.md': 'title: Tides & Cranes\nparent: § Essay on Ports\ngrand_parent: G',
    'g/secret.md': 'title: Secret\nparent: G\nnav_exclude: true',
    'g/secret-1.md': 'title: Under Secret\nparent: Secret\ngrand_parent: G',
    'docs/a b/ü.md': 'title: Spaced\nnav_order: 2',
  }),
  { navSort: 'case_sensitive' },
);

describe('formatNavText', () => {
  it('prints an indented outline with URLs, marking nav-excluded pages', () => {
    expect(formatNavText(tree)).toBe(
      [
        'G  /g/',
        // "§" (U+00A7) sorts after every ASCII letter.
        '  Secret  /g/secret/  [nav_exclude]',
        '    Under Secret  /g/secret-1/',
        '  § Essay on Ports  /g/essay/',
        '    Tides & Cranes  /g/essay-1/',
        'Spaced  /docs/a b/ü/',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for an empty site', () => {
    expect(formatNavText(buildNavTree([], { navSort: 'case_sensitive' }))).toBe('');
  });
});

describe('navToJson', () => {
  it('lists the sidebar in display order without nav-excluded pages or their children', () => {
    expect(navToJson(tree)).toEqual([
      {
        title: 'G',
        url: '/g/',
        children: [
          { title: '§ Essay on Ports', url: '/g/essay/', children: [{ title: 'Tides & Cranes', url: '/g/essay-1/', children: [] }] },
        ],
      },
      { title: 'Spaced', url: '/docs/a b/ü/', children: [] },
    ]);
  });
});

describe('siteNavJson', () => {
  it('ships the visible tree with short keys and percent-encoded URLs', () => {
    const json = siteNavJson(tree, '/site');
    expect(JSON.parse(json)).toEqual({
      b: '/site',
      n: [
        ['G', '/g/', [['§ Essay on Ports', '/g/essay/', [['Tides & Cranes', '/g/essay-1/']]]]],
        ['Spaced', '/docs/a%20b/%C3%BC/'],
      ],
    });
    expect(json).not.toContain('Secret');
  });
});
