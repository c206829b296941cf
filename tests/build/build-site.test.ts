import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { main } from '../../src/cli/main.js';
import { bodyText } from '../../src/front-matter/page.js';
import { DiskWriter, MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/sites', name);

async function buildInMemory(sourceDir: string) {
  const writer = new MemoryWriter();
  const result = await buildSite({ sourceDir, writer });
  return { result, writer };
}

describe('whole-site build: a Just the Docs essay site', () => {
  it('writes every page at the URL Jekyll gives it and copies static files', async () => {
    const { writer } = await buildInMemory(fixture('essays'));
    const files = [...writer.files.keys()].filter((f) => !f.startsWith('assets/') && !f.startsWith('search/')).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'CNAME',
        'docs/G/G/index.html',
        'docs/G/Harbours-1/index.html',
        'docs/G/Harbours-2/index.html',
        'docs/G/Harbours/index.html',
        'docs/P/P/index.html',
        'docs/P/Pipelines-0/index.html',
        'docs/P/Pipelines-1/index.html',
        'docs/P/Pipelines/index.html',
        'index.html',
      ]),
    );
    expect(files.some((f) => f.startsWith('drafts/'))).toBe(false);
    expect(writer.files.has('assets/map.svg')).toBe(true);
  });

  it('renders kramdown constructs: TOC inside a markdown="1" div, heading ids, IALs, no leaked syntax', async () => {
    const { writer } = await buildInMemory(fixture('essays'));
    const html = writer.text('docs/G/Harbours-1/index.html') ?? '';
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).toContain('<div class="dont-break-out">');
    expect(main).toMatch(/<ol id="markdown-toc">/);
    for (const id of ['the-docks', 'availability', 'findings', 'findings-1']) {
      expect(main).toContain(`id="${id}"`);
      expect(main).toContain(`href="#${id}" id="markdown-toc-${id}"`);
    }
    expect(main).not.toContain('markdown-toc-table-of-contents');
    expect(main).toMatch(/<p class="fs-2[ "]/);
    expect(main).not.toContain('{:');
    expect(main).not.toContain('markdown="1"');
  });

  it('puts the page in a nav tree with chapters in nav_order and prev/next between them', async () => {
    const { result, writer } = await buildInMemory(fixture('essays'));
    expect(result.nav.roots.map((n) => n.title)).toEqual(['Home', 'G', 'P']);
    const pipelines = result.nav.byPath.get('docs/P/Pipelines.md');
    expect(pipelines?.children.map((c) => c.path)).toEqual(['docs/P/Pipelines-0.md', 'docs/P/Pipelines-1.md']);
    const chapter = writer.text('docs/P/Pipelines-0/index.html') ?? '';
    expect(chapter).toMatch(/rel="next" href="\/review\/docs\/P\/Pipelines-1\/"/);
    // Two essays each have a chapter titled "Conclusion"; grand_parent keeps them apart.
    expect(result.nav.byPath.get('docs/G/Harbours-2.md')?.parent?.title).toBe('§ Grain Harbours and Naval Reach');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is deterministic: two builds are byte-identical', async () => {
    const a = await buildInMemory(fixture('essays'));
    const b = await buildInMemory(fixture('essays'));
    expect([...a.writer.files.keys()]).toEqual([...b.writer.files.keys()]);
    for (const [name, data] of a.writer.files) expect(b.writer.files.get(name), name).toEqual(data);
  });
});

describe('whole-site build: broken input', () => {
  it('reports each broken page with file, line and rule and still builds the rest', async () => {
    const { result, writer } = await buildInMemory(fixture('broken'));
    const found = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'docs/bad-yaml.md:4 front-matter/yaml',
        'docs/unclosed.md:1 front-matter/unclosed',
        'docs/typo-parent.md:3 nav/unknown-parent',
      ]),
    );
    const typo = result.diagnostics.find((d) => d.rule === 'nav/unknown-parent');
    expect(typo?.message).toContain('§ River Treaties');
    expect(writer.text('docs/fine/index.html')).toContain('This page is fine');
    expect(writer.text('docs/typo-parent/index.html')).toContain('The parent title has a typo');
  });

  it('publishes a page the Markdown chain cannot render as its text, reports it, and builds the rest', async () => {
    const site = tempSite({
      'index.md': page({ title: 'Home', nav_order: 1 }, '\nThe archive.\n'),
      // Quotes nested thousands deep overflow the parser's stack.
      'docs/pasted.md': page({ title: 'Pasted Mail', nav_order: 2 }, `\n${'>'.repeat(3000)} Forwarded & quoted\n`),
      'docs/fine.md': page({ title: 'Fine', nav_order: 3 }, '\nThis page is fine.\n'),
    });
    const { result, writer } = await buildInMemory(site);
    const failed = result.diagnostics.filter((d) => d.rule === 'markdown/render-failed');
    expect(failed.map((d) => `${d.file}:${d.line} ${d.severity}`)).toEqual(['docs/pasted.md:5 error']);
    expect(writer.text('docs/pasted.html')).toMatch(/<pre class="render-failed">\s*&gt;&gt;&gt;/);
    expect(writer.text('docs/pasted.html')).toContain('Forwarded &amp; quoted');
    expect(writer.text('docs/fine.html')).toContain('This page is fine.');
  });
});

describe('dossier build (CLI)', () => {
  it('exits 1 when content errors were reported and 0 on a clean site', async () => {
    const out = tempSite({});
    expect(await main(['build', '--source', fixture('broken'), '--out', path.join(out, '_site')])).toBe(1);
    expect(existsSync(path.join(out, '_site/docs/fine/index.html'))).toBe(true);
    expect(await main(['build', '--source', fixture('essays'), '--out', path.join(out, '_clean')])).toBe(0);
  });

  it('exits 2 on bad usage or a broken _config.yml and writes nothing', async () => {
    const site = tempSite({ '_config.yml': 'title: [unclosed\n', 'index.md': '---\ntitle: Home\n---\n' });
    const out = path.join(site, '_out');
    expect(await main(['build', '--source', site, '--out', out])).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(await main(['build', '--bogus'])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
  });

  it('keeps the previous site whole when a build fails on a broken template', async () => {
    const site = tempSite({});
    cpSync(fixture('essays'), site, { recursive: true });
    const out = path.join(site, '_site');
    expect(await main(['build', '--source', site, '--out', out])).toBe(0);
    const before = readdirSync(out, { recursive: true }).sort();
    // A site template that throws while rendering stops the build; the old _site must survive.
    mkdirSync(path.join(site, '_templates'), { recursive: true });
    writeFileSync(path.join(site, '_templates/default.eta'), '<%= it.page.nosuch.deeper %>');
    expect(await main(['build', '--source', site, '--out', out])).toBe(2);
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(before);
    expect(readFileSync(path.join(out, 'docs/G/Harbours-1/index.html'), 'utf8')).toContain('Grain moves');
    // No staging folder is left beside the published generation.
    expect(readdirSync(path.join(site, '_site.dossier')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  });

  it('links bare URLs in notes, or prints them as text like Jekyll with dossier.link_bare_urls: false', async () => {
    const body = 'A claim.<sup>1</sup>\n\n<sup>1</sup>. Basin Report (2020), https://example.org/basin-report.\n';
    const configs = { linked: 'title: T\n', text: 'title: T\ndossier:\n  link_bare_urls: false\n' };
    for (const [mode, config] of Object.entries(configs)) {
      const { writer } = await buildInMemory(tempSite({ '_config.yml': config, 'essay.md': page({ title: 'Essay' }, body) }));
      const html = writer.text('essay.html') ?? '';
      expect(html, mode).toContain('https://example.org/basin-report');
      expect(html.includes('href="https://example.org/basin-report"'), mode).toBe(mode === 'linked');
    }
  });

  it('writes through DiskWriter the same bytes as the in-memory build', async () => {
    const out = path.join(tempSite({}), '_site');
    await buildSite({ sourceDir: fixture('essays'), writer: new DiskWriter(out) });
    const { writer } = await buildInMemory(fixture('essays'));
    for (const [name, data] of writer.files) {
      expect(readFileSync(path.join(out, name)), name).toEqual(Buffer.from(data));
    }
  });
});

describe('a build that does not hold its pages (dossier build)', () => {
  it('writes the same files and reports the same findings as one that does, and lets the sources go', async () => {
    for (const name of ['essays', 'broken']) {
      const held = await buildInMemory(fixture(name));
      const writer = new MemoryWriter();
      const released = await buildSite({ sourceDir: fixture(name), writer, holdPages: false });
      expect([...writer.files.keys()].sort()).toEqual([...held.writer.files.keys()].sort());
      for (const [file, data] of held.writer.files) expect(writer.files.get(file), file).toEqual(data);
      expect(released.diagnostics).toEqual(held.result.diagnostics);
      expect(released.rendered.size).toBe(0);
      const markdown = released.pages.find((p) => p.kind === 'markdown');
      expect(markdown).toBeDefined();
      expect(() => bodyText(markdown!)).toThrow(/released/);
    }
    expect((await buildInMemory(fixture('broken'))).result.diagnostics.length).toBeGreaterThan(0);
  });
});
