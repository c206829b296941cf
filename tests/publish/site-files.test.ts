import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { checkSite } from '../../src/check/check-site.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

async function build(files: Record<string, string>) {
  const writer = new MemoryWriter();
  const result = await buildSite({ sourceDir: tempSite(files), writer });
  return { writer, result, text: (rel: string) => writer.text(rel) };
}

describe('which plugin outputs a site gets', () => {
  it('writes nothing extra for a site that lists none of the plugins', async () => {
    const { writer } = await build({ '_config.yml': 'title: T\n', 'index.md': page({ title: 'Home' }) });
    for (const file of ['sitemap.xml', 'robots.txt', 'feed.xml', 'redirects.json']) expect(writer.files.has(file)).toBe(false);
  });

  it('dossier.sitemap: false turns jekyll-sitemap off; dossier.feed: true turns a feed on without the plugin', async () => {
    const { writer } = await build({ '_config.yml': 'plugins: [jekyll-sitemap]\ndossier:\n  sitemap: false\n  feed: true\n', 'index.md': page({ title: 'Home' }) });
    expect(writer.files.has('sitemap.xml')).toBe(false);
    expect(writer.files.has('feed.xml')).toBe(true);
  });

  it('keeps the site\'s own robots.txt and honours feed.path and feed.posts_limit', async () => {
    const pages = Object.fromEntries([1, 2, 3].map((n) => [`p${n}.md`, page({ title: `P${n}`, date: `2024-01-0${n}` })]));
    const { text } = await build({ '_config.yml': 'plugins: [jekyll-sitemap, jekyll-feed]\nfeed:\n  path: atom.xml\n  posts_limit: 2\n', 'robots.txt': 'User-agent: *\n', ...pages });
    expect(text('robots.txt')).toBe('User-agent: *\n');
    const feed = new DOMParser().parseFromString(text('atom.xml') ?? '', 'text/xml');
    expect([...feed.querySelectorAll('entry > title')].map((t) => t.textContent)).toEqual(['P3', 'P2']);
  });
});

describe('redirects', () => {
  it('leaves out a redirect_from that would overwrite a page, with a warning at the key', async () => {
    const { result, writer } = await build({
      'index.md': page({ title: 'Home' }),
      'b.md': '---\ntitle: B\nredirect_from:\n  - /index.html\n  - /old-b/\n---\n',
    });
    expect(result.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['b.md', 3, 'redirect/conflict']]);
    expect(writer.text('index.html')).not.toContain('Redirecting');
    expect(writer.text('old-b/index.html')).toContain('Redirecting');
  });

  it('check treats a redirect address as an existing page', async () => {
    const source = tempSite({
      '_config.yml': 'permalink: pretty\n',
      'new.md': '---\ntitle: New\nredirect_from: /old/\n---\nText.\n',
      'linker.md': page({ title: 'Linker' }, 'See [the old page](/old/) and [a missing one](/nowhere/).\n'),
    });
    const { findings } = await checkSite({ sourceDir: source });
    expect(findings.filter((f) => f.rule === 'links/missing-page').map((f) => f.message)).toEqual([expect.stringContaining('/nowhere/')]);
  });
});

describe('Just the Docs settings with their own assets', () => {
  it('writes callout CSS for each declared callout and links it', async () => {
    const { text } = await build({ '_config.yml': 'callouts:\n  warning:\n    title: Careful\n    color: red\n', 'index.md': page({ title: 'Home' }, 'Mind this.\n{: .warning }\n') });
    expect(text('assets/callouts.css')).toContain('.prose p.warning');
    expect(text('assets/callouts.css')).toContain('content: "Careful"');
    expect(text('index.html')).toContain('href="/assets/callouts.css"');
    expect(text('index.html')).toMatch(/<p id="p-\d+" class="warning">/);
  });

  it('serves KaTeX\'s stylesheet and fonts from the site when math is on', async () => {
    const { writer, text } = await build({ '_config.yml': 'kramdown:\n  math_engine: mathjax\n', 'index.md': page({ title: 'Home' }, '$$x^2$$\n') });
    expect(writer.files.has('assets/katex/katex.min.css')).toBe(true);
    expect([...writer.files.keys()].some((f) => f.startsWith('assets/katex/fonts/') && f.endsWith('.woff2'))).toBe(true);
    expect(text('index.html')).toContain('href="/assets/katex/katex.min.css"');
  });

  it('adds the copy button script, the search shortcut key, and one warning for mermaid', async () => {
    const { result, text } = await build({ '_config.yml': 'title: T\nenable_copy_code_button: true\nsearch:\n  focus_shortcut_key: j\nmermaid:\n  version: "9"\n', 'index.md': page({ title: 'Home' }) });
    expect(text('index.html')).toContain('src="/assets/copy-code.js"');
    expect(text('index.html')).toContain('data-search-key="j"');
    expect(result.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['_config.yml', 5, 'config/unsupported-key']]);
  });
});
