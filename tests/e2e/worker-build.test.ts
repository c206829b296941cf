/**
 * The compiled pipeline with real worker threads (vitest runs sources, which render in-thread): workers
 * write the render cache's entries themselves, and what they write is what an uncached build makes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiskRenderStore as DiskRenderStoreClass } from '../../src/incremental/render-store.js';
import type { KeyedRenderCache as KeyedRenderCacheClass } from '../../src/incremental/render-cache.js';
import type { generateSite as generateSiteFn } from '../../src/bench/generate-site.js';
import type { createMarkdownRenderer as createRendererFn } from '../../src/markdown/render-markdown.js';
import type { readPageHtml as readPageHtmlFn } from '../../src/markdown/held-page.js';
import type { renderPages as renderPagesFn, RenderPool as RenderPoolClass, RenderStats } from '../../src/markdown/render-pool.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fromDist = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', rel)).href)) as T;

const work = mkdtempSync(path.join(tmpdir(), 'dossier-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
}

describe('building on worker threads', () => {
  it('builds the same bytes cold, warm and with --no-cache', async () => {
    const { generateSite } = await fromDist<{ generateSite: typeof generateSiteFn }>('bench/generate-site.js');
    const site = generateSite(path.join(work, 'site'), 140);
    const build = (out: string, ...flags: string[]) =>
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), 'build', '--source', site.dir, '--out', path.join(work, out), ...flags], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    build('cold');
    build('warm');
    // A rebuild over the first output keeps its files (nothing changed) instead of laying them out again.
    build('cold');
    build('plain', '--no-cache');
    const plain = tree(path.join(work, 'plain'));
    expect(plain.size).toBeGreaterThan(site.pages);
    // Citations came from their worker thread while pages were laid out (a page waiting for its own
    // lets this thread go on feeding the render workers): each page shows the citation of its own URL.
    const cited = [...plain].filter(([rel]) => rel.endsWith('index.html')).map(([rel, bytes]) => [rel, /id="cite-chicago">([^<]*(?:<i>[^<]*<\/i>[^<]*)*)<\/p>/.exec(bytes.toString('utf8'))?.[1]] as const);
    const withCitation = cited.filter(([, chicago]) => chicago !== undefined);
    expect(withCitation.length).toBeGreaterThanOrEqual(64);
    for (const [rel, chicago] of withCitation) expect(chicago, rel).toContain(`/${path.dirname(rel).split(path.sep).join('/')}/`);
    for (const out of ['cold', 'warm']) {
      const built = tree(path.join(work, out));
      expect([...built.keys()].sort()).toEqual([...plain.keys()].sort());
      for (const [rel, bytes] of plain) expect(built.get(rel)?.equals(bytes), `${out}/${rel}`).toBe(true);
    }
    // One entry per page, one output manifest and one no-change record per output folder, the
    // formatted citations, the store of laid-out files, and no half-written files left by the workers.
    const [cacheDir = ''] = readdirSync(path.join(work, 'node_modules/.cache/dossier'));
    const entries = readdirSync(path.join(work, 'node_modules/.cache/dossier', cacheDir));
    const kinds = ['.page', '.manifest', '.snapshot', 'citations.cache', 'laid-out'];
    expect(readdirSync(path.join(work, 'node_modules/.cache/dossier', cacheDir, 'laid-out')).sort()).toEqual(['blobs', 'index.json']);
    expect(entries.filter((name) => name === 'citations.cache')).toHaveLength(1);
    expect(entries.filter((name) => name.endsWith('.page'))).toHaveLength(site.pages);
    expect(entries.filter((name) => name.endsWith('.manifest'))).toHaveLength(2);
    expect(entries.filter((name) => name.endsWith('.snapshot'))).toHaveLength(2);
    expect(entries.filter((name) => !kinds.some((kind) => name.endsWith(kind)))).toEqual([]);
  });

  it('hands back pages whose HTML, read from the entries the workers wrote, is what one thread renders', async () => {
    const { renderPages } = await fromDist<{ renderPages: typeof renderPagesFn }>('markdown/render-pool.js');
    const { DiskRenderStore } = await fromDist<{ DiskRenderStore: typeof DiskRenderStoreClass }>('incremental/render-store.js');
    const { KeyedRenderCache } = await fromDist<{ KeyedRenderCache: typeof KeyedRenderCacheClass }>('incremental/render-cache.js');
    const { createMarkdownRenderer } = await fromDist<{ createMarkdownRenderer: typeof createRendererFn }>('markdown/render-markdown.js');
    const { readPageHtml } = await fromDist<{ readPageHtml: typeof readPageHtmlFn }>('markdown/held-page.js');
    const { generateSite } = await fromDist<{ generateSite: typeof generateSiteFn }>('bench/generate-site.js');
    const site = generateSite(path.join(work, 'pool-site'), 70);
    const inputs = site.files.map((rel) => {
      const text = readFileSync(path.join(site.dir, rel), 'utf8');
      const end = text.indexOf('\n---\n', 3) + 5;
      return { path: rel, kind: 'markdown' as const, body: text.slice(end), bodyLine: text.slice(0, end).split('\n').length };
    });
    const processor = { headingAnchors: true, notePlacement: 'inline' as const };
    const one = createMarkdownRenderer(processor);
    const dir = path.join(work, 'pool-cache');

    const stats: RenderStats = { rendered: 0, cached: 0, threads: 0 };
    const cold = await renderPages(inputs, { processor, cache: new KeyedRenderCache(new DiskRenderStore(dir), processor), threads: 2 }, stats);
    expect(stats).toMatchObject({ rendered: inputs.length, cached: 0, threads: 2 });
    const warmStats: RenderStats = { rendered: 0, cached: 0, threads: 0 };
    const warm = await renderPages(inputs, { processor, cache: new KeyedRenderCache(new DiskRenderStore(dir), processor), threads: 2 }, warmStats);
    expect(warmStats).toMatchObject({ rendered: 0, cached: inputs.length });
    for (const input of inputs) {
      const expected = one(input);
      // Held HTML (text, bytes or a read from the page file) is read the one way the build reads it.
      expect(readPageHtml(cold.get(input.path)!)).toBe(expected.html);
      expect(readPageHtml(warm.get(input.path)!)).toBe(expected.html);
      expect(cold.get(input.path)?.notes.defs.map((d) => d.html)).toEqual(expected.notes.defs.map((d) => d.html));
      expect(warm.get(input.path)?.headings).toEqual(expected.headings);
    }
  });

  it('runs the workers from the one-file bundle that compiling made, current with the compiled modules', async () => {
    const { workerFile } = await fromDist<{ workerFile: () => string | undefined }>('markdown/render-pool.js');
    expect(workerFile()).toBe(path.join(ROOT, 'dist/markdown/render-worker.bundle.js'));
  });

  it('publishes a page that runs its worker out of memory as its text with an error, and renders the rest of its batch', async () => {
    const { RenderPool, workerFile } = await fromDist<{ RenderPool: typeof RenderPoolClass; workerFile: () => string }>('markdown/render-pool.js');
    // A worker with a small old generation stands for a page far bigger than any real one.
    const pool = new RenderPool(workerFile(), 1, 0, 32);
    const huge = Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} with *stress* and a note.<sup>${i + 1}</sup>\n{: .fs-3}\n`).join('\n');
    const inputs = [
      { path: 'before.md', kind: 'markdown' as const, body: 'Before.\n', bodyLine: 1 },
      { path: 'huge.md', kind: 'markdown' as const, body: `<div markdown="1">\n${huge}\n</div>\n`, bodyLine: 4 },
      { path: 'after.md', kind: 'markdown' as const, body: 'After.\n', bodyLine: 1 },
    ];
    try {
      const pages = await pool.runWithin({ options: { headingAnchors: true, notePlacement: 'inline' }, inputs }, 60_000);
      expect(pages.map((page) => page.path)).toEqual(['before.md', 'huge.md', 'after.md']);
      // Pages rendered without a page file to write come back with their HTML.
      const html = (i: number) => { const page = pages[i]; return page !== undefined && 'html' in page ? page.html : undefined; };
      expect(html(0)).toBe('<p>Before.</p>');
      expect(html(2)).toBe('<p>After.</p>');
      expect(html(1)).toMatch(/^<pre class="render-failed">/);
      expect(pages[1]?.diagnostics).toEqual([expect.objectContaining({ file: 'huge.md', line: 4, rule: 'markdown/render-failed', message: expect.stringContaining('32 MB') })]);
    } finally {
      await pool.close();
    }
  });

  it('leaves the last site as it was when a layout fails while workers are still rendering', async () => {
    const { generateSite } = await fromDist<{ generateSite: typeof generateSiteFn }>('bench/generate-site.js');
    const site = generateSite(path.join(work, 'broken-site'), 120);
    const out = path.join(work, 'broken-out');
    const build = () =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), 'build', '--source', site.dir, '--out', out, '--no-cache'], { cwd: work, encoding: 'utf8' });
    expect(build().status).toBe(0);
    const before = tree(out);
    // Essays are laid out as soon as their chapters come back, so this fails while most pages are still on the workers.
    mkdirSync(path.join(site.dir, '_templates'), { recursive: true });
    writeFileSync(path.join(site.dir, '_templates/default.eta'), '<%= it.page.nosuch.deeper %>');
    const failed = build();
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('template default.eta failed');
    const after = tree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [rel, bytes] of before) expect(after.get(rel)?.equals(bytes), rel).toBe(true);
    expect(readdirSync(work).filter((name) => name.startsWith('broken-out.tmp'))).toEqual([]);
  });
});
