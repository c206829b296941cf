import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempSite } from '../helpers/temp-site.js';

describe('loadConfig', () => {
  it('shows sidenotes unless dossier.sidenotes is false', () => {
    expect(loadConfig(tempSite({ '_config.yml': 'title: T' })).footnotes.sidenotes).toBe(true);
    expect(loadConfig(tempSite({ '_config.yml': 'title: T\ndossier:\n  sidenotes: false' })).footnotes.sidenotes).toBe(false);
  });

  it('reads the Just the Docs keys essay sites set', () => {
    const dir = tempSite({
      '_config.yml': [
        'title: Review of Alliances',
        'baseurl: "/review/"',
        'permalink: pretty',
        'nav_sort: case_sensitive',
        'search_enabled: false',
        'aux_links:',
        '  "Our archive":',
        '    - "https://example.org/archive"',
        'gh_edit_link: true',
        'gh_edit_repository: "https://example.org/acme/review"',
        'gh_edit_branch: "trunk"',
        'gh_edit_source: docs',
        'exclude: [drafts/, "*.bak"]',
      ].join('\n'),
    });
    const config = loadConfig(dir);
    expect(config.title).toBe('Review of Alliances');
    expect(config.baseurl).toBe('/review');
    expect(config.permalink).toBe('pretty');
    expect(config.navSort).toBe('case_sensitive');
    expect(config.searchEnabled).toBe(false);
    expect(config.auxLinks).toEqual([{ title: 'Our archive', url: 'https://example.org/archive' }]);
    expect(config.editLink?.urlPrefix).toBe('https://example.org/acme/review/tree/trunk/docs/');
    expect(config.exclude).toContain('drafts/');
    expect(config.exclude).toContain('Gemfile');
  });

  it('defaults like Just the Docs when _config.yml is absent', () => {
    const config = loadConfig(tempSite({ 'index.md': '---\ntitle: Home\n---\n' }));
    // Just the Docs sorts case-insensitively only when asked (`nav_sort: case_insensitive`); unset is Liquid's plain `sort`.
    expect(config.navSort).toBe('case_sensitive');
    expect(config.searchEnabled).toBe(true);
    expect(config.headingAnchors).toBe(true);
    expect(config.baseurl).toBe('');
  });

  it('points at the line and column of a YAML syntax error', () => {
    const dir = tempSite({ '_config.yml': 'title: A\nexclude:\n\t- drafts\n' });
    expect(() => loadConfig(dir)).toThrowError(ConfigError);
    expect(() => loadConfig(dir)).toThrowError(/_config\.yml:3:\d+: .*\[config\/yaml\]/);
  });

  it('lists every wrongly typed key at once', () => {
    const dir = tempSite({ '_config.yml': 'nav_sort: sideways\nsearch_enabled: maybe\nexclude: {a: 1}\n' });
    let message = '';
    try {
      loadConfig(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/3 problem/);
    expect(message).toMatch(/nav_sort/);
    expect(message).toMatch(/search_enabled/);
    expect(message).toMatch(/exclude/);
  });
});
