import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { discoverSource } from '../../src/discover/discover-source.js';
import { tempSite } from '../helpers/temp-site.js';

describe('discoverSource', () => {
  it('separates pages from static files and skips what Jekyll skips', () => {
    const dir = tempSite({
      '_config.yml': 'exclude:\n  - drafts/\n  - "*.bak"\n',
      'index.md': '---\ntitle: Home\n---\nHi',
      'docs/G/essay-1.md': '---\ntitle: One\n---\nText',
      'docs/G/plain.md': 'No front matter: copied as is',
      'about.html': '---\ntitle: About\n---\n<p>About</p>',
      'assets/img/map.svg': '<svg/>',
      'assets/css/just-the-docs-default.scss': '---\n---\n@import "x";',
      'CNAME': 'essays.example.org',
      'favicon.ico': 'x',
      '_layouts/default.html': '<html>{{ content }}</html>',
      '_includes/nav.html': '',
      '_sass/custom.scss': '',
      '.github/workflows/ci.yml': '',
      'Gemfile': "source 'https://rubygems.org'",
      'Gemfile.lock': '',
      'drafts/wip.md': '---\ntitle: WIP\n---\n',
      'notes.bak': 'old',
      'node_modules/x/index.js': '',
    });
    const tree = discoverSource(loadConfig(dir));
    expect(tree.pages.map((p) => [p.path, p.kind])).toEqual([
      ['about.html', 'html'],
      ['docs/G/essay-1.md', 'markdown'],
      ['index.md', 'markdown'],
    ]);
    expect(tree.statics.map((s) => s.path)).toEqual(['CNAME', 'assets/img/map.svg', 'docs/G/plain.md', 'favicon.ico']);
  });

  it('keeps underscore and dot files named in include', () => {
    const dir = tempSite({ '_config.yml': 'include: [_headers, .well-known]\n', '_headers': 'x', '.well-known/security.txt': 'y' });
    expect(discoverSource(loadConfig(dir)).statics.map((s) => s.path)).toEqual(['.well-known/security.txt', '_headers']);
  });

  it('skips names ending with a dot, as Jekyll does, but keeps a name with a dot before its extension', () => {
    const dir = tempSite({
      '_config.yml': 'include: [odd.]\n',
      'docs/x/data-protection..md': '---\ntitle: Data\n---\n',
      'odd./page.md': '---\ntitle: Odd\n---\n',
      'notes.': 'x',
    });
    const tree = discoverSource(loadConfig(dir));
    expect(tree.pages.map((p) => p.path)).toEqual(['docs/x/data-protection..md']);
    expect(tree.statics).toEqual([]);
  });
});
