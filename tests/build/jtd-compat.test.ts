import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

async function build(files: Record<string, string>) {
  const writer = new MemoryWriter();
  const result = await buildSite({ sourceDir: tempSite(files), writer });
  return { result, writer, html: (file: string) => writer.text(file) ?? '' };
}

const rules = (diagnostics: readonly { file: string; line: number; column: number; rule: string; message: string }[], rule: string) =>
  diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);

describe('Just the Docs configuration a site relies on', () => {
  it('applies _config.yml defaults by scope as Jekyll does: longer path wins, a typed scope wins at equal length, front matter wins over both', async () => {
    const { result, html } = await build({
      '_config.yml': [
        'permalink: pretty',
        'defaults:',
        '  - scope: {path: ""}',
        '    values: {description: Site wide}',
        '  - scope: {path: docs}',
        '    values: {parent: Guides, description: Untyped}',
        '  - scope: {path: docs, type: pages}',
        '    values: {description: Typed docs}',
        '  - scope: {path: docs/deep}',
        '    values: {nav_order: 1}',
        '  - scope: {path: docs, type: posts}',
        '    values: {nav_exclude: true}',
        '',
      ].join('\n'),
      'guides.md': page({ title: 'Guides', parent: '""' }),
      'docs/a.md': page({ title: 'Alpha', nav_order: 5 }),
      'docs/deep/b.md': page({ title: 'Beta' }),
      'docs/c.md': page({ title: 'Gamma', description: 'Own words' }),
    });
    const guides = result.nav.roots.find((node) => node.title === 'Guides');
    expect(guides?.children.map((node) => node.title)).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(html('docs/a/index.html')).toContain('content="Typed docs"');
    expect(html('docs/c/index.html')).toContain('content="Own words"');
    expect(html('guides/index.html')).toContain('content="Site wide"');
  });

  it('leaves out pages with published: false, as Jekyll does', async () => {
    const { writer, result } = await build({
      'index.md': page({ title: 'Home' }),
      'draft.md': page({ title: 'Draft', published: false }, 'Not yet.\n'),
    });
    expect(writer.files.has('draft.html')).toBe(false);
    expect(result.nav.roots.map((node) => node.title)).toEqual(['Home']);
  });

  it('publishes a layout: null page as its content alone, and layout: minimal without the sidebar', async () => {
    const { html } = await build({
      '_config.yml': 'permalink: pretty\n',
      'index.md': page({ title: 'Home' }, 'Welcome *home*.\n'),
      'bare.md': page({ title: 'Bare', layout: 'null' }, 'Just *this*.\n'),
      'slim.md': page({ title: 'Slim', layout: 'minimal' }, 'Slim page.\n'),
    });
    expect(html('bare/index.html').trim()).toBe('<p>Just <em>this</em>.</p>');
    expect(html('slim/index.html')).toContain('Slim page.');
    expect(html('slim/index.html')).not.toContain('id="site-nav"');
    expect(html('index.html')).toContain('id="site-nav"');
  });

  it('hides the sidebar with nav_enabled: false and lists nav_external_links under the nav', async () => {
    const links = ['nav_external_links:', '  - title: Our Data', '    url: https://data.example.org/', '    hide_icon: true', ''].join('\n');
    const withLinks = await build({ '_config.yml': links, 'index.md': page({ title: 'Home' }, 'Hi.\n') });
    expect(withLinks.html('index.html')).toMatch(/<a class="nav-list-link external" href="https:\/\/data\.example\.org\/">Our Data<\/a>/);
    expect(withLinks.result.diagnostics.filter((d) => d.rule === 'config/unsupported-key')).toEqual([]);
    const off = await build({ '_config.yml': 'nav_enabled: false\n', 'index.md': page({ title: 'Home' }, 'Hi.\n') });
    expect(off.html('index.html')).not.toContain('id="site-nav"');
  });

  it('warns once for each config key, kramdown option, plugin and front-matter key it does not honour', async () => {
    const { result } = await build({
      '_config.yml': [
        'title: Papers',
        'ga_tracking: UA-1',
        'logo: /assets/logo.png',
        'callouts:',
        '  note: {color: blue}',
        'kramdown:',
        '  input: GFM',
        '  hard_wrap: true',
        'plugins:',
        '  - jekyll-seo-tag',
        '  - jekyll-mentions',
        'defaults:',
        '  - scope: {path: ""}',
        '    values:',
        '      toc_depth: 2',
        '',
      ].join('\n'),
      'a.md': page({ title: 'A', mathjax: true, author: 'Someone' }),
      'b.md': page({ title: 'B', mathjax: true, doi: '10.1/x' }),
    });
    expect(rules(result.diagnostics, 'config/unsupported-key')).toEqual([
      '_config.yml:2:1 _config.yml key "ga_tracking" is not supported by Dossier and has no effect',
      '_config.yml:8:3 _config.yml key "kramdown.hard_wrap" is not supported by Dossier; Jekyll\'s default is used',
      '_config.yml:11:5 plugin "jekyll-mentions" is not supported by Dossier; what it adds to a Jekyll build is missing',
      '_config.yml:15:7 front-matter key "toc_depth" is not supported by Dossier and has no effect (set on 2 pages)',
      'a.md:3:10 front-matter key "mathjax" is not supported by Dossier and has no effect (set on 2 pages)',
    ]);
  });

  it('builds nothing of a collection silently: each dropped file gets a warning', async () => {
    const { result, writer } = await build({
      '_config.yml': 'collections:\n  recipes:\n    output: true\njust_the_docs:\n  collections:\n    guides:\n      name: Guides\n',
      'index.md': page({ title: 'Home' }),
      '_recipes/bread.md': page({ title: 'Bread' }),
      '_recipes/sub/soup.md': page({ title: 'Soup' }),
      '_guides/start.md': page({ title: 'Start' }),
      '_recipes/photo.jpg': 'x',
    });
    expect(rules(result.diagnostics, 'collections/not-built').map((line) => line.split(' ')[0])).toEqual([
      '_guides/start.md:1:1',
      '_recipes/bread.md:1:1',
      '_recipes/sub/soup.md:1:1',
    ]);
    expect([...writer.files.keys()].some((file) => file.includes('bread'))).toBe(false);
  });

  it('recognises an essay by its shape: one at the top level gets chapter links and a print edition, a letter of essays does not', async () => {
    const { writer, html } = await build({
      '_config.yml': 'permalink: pretty\n',
      'essay.md': page({ title: '§ Top Essay', has_children: true }, 'Opening.\n'),
      'essay-1.md': page({ title: 'First', parent: '§ Top Essay', nav_order: 1 }, 'One.\n'),
      'essay-2.md': page({ title: 'Second', parent: '§ Top Essay', nav_order: 2 }, 'Two.\n'),
      'letter.md': page({ title: 'Letter', has_children: true }, 'Letter.\n'),
      'inner.md': page({ title: '§ Inner', parent: 'Letter', has_children: true }, 'Inner.\n'),
      'inner-1.md': page({ title: 'Inner One', parent: '§ Inner', grand_parent: 'Letter' }, 'I1.\n'),
      'single.md': page({ title: '§ Single', parent: 'Letter' }, 'Single-page essay.\n'),
    });
    expect(html('essay-1/index.html')).toContain('href="/essay-2/"');
    expect(html('essay-2/index.html')).toMatch(/Chapter 2 of 2/);
    expect(writer.files.has('essay/print/index.html')).toBe(true);
    expect(html('essay/print/index.html')).toContain('Two.');
    expect(writer.files.has('letter/print/index.html')).toBe(false);
    expect(writer.files.has('inner/print/index.html')).toBe(true);
    expect(html('single/index.html')).not.toMatch(/Chapter \d+ of/);
  });

  it('reads notes through an essay in nav_order when child_nav_order: desc flips its sidebar', async () => {
    const { result } = await build({
      '_config.yml': 'permalink: pretty\n',
      'g.md': page({ title: 'G', has_children: true }),
      'essay.md': page({ title: '§ Essay', parent: 'G', has_children: true, child_nav_order: 'desc' }, 'Intro.\n'),
      'essay-1.md': page({ title: 'One', parent: '§ Essay', grand_parent: 'G', nav_order: 1 }, 'A claim.<sup>1</sup> Another.<sup>2</sup>\n\n<sup>1</sup> First note.\n\n<sup>2</sup> Second note.\n'),
      'essay-2.md': page({ title: 'Two', parent: '§ Essay', grand_parent: 'G', nav_order: 2 }, 'More.<sup>3</sup> Then.<sup>4</sup>\n\n<sup>3</sup> Third note.\n\n<sup>4</sup> Fourth note.\n'),
      'essay-3.md': page({ title: 'Three', parent: '§ Essay', grand_parent: 'G', nav_order: 3 }, 'Last.<sup>5</sup>\n\n<sup>5</sup> Fifth note.\n'),
    });
    expect(result.nav.byPath.get('essay.md')?.children.map((node) => node.title)).toEqual(['Three', 'Two', 'One']);
    expect(result.diagnostics.filter((d) => d.rule.startsWith('notes/'))).toEqual([]);
  });
});
