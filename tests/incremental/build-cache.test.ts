import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { BuildMemo } from '../../src/incremental/build-memo.js';
import { DiskRenderStore, MemoryRenderStore } from '../../src/incremental/render-store.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempDir, tempSite } from '../helpers/temp-site.js';


function chapter(title: string, order: number, text: string): string {
  return page(
    { layout: 'default', title, parent: '§ Harbour Levies', grand_parent: 'H', nav_order: order },
    `\n1. TOC\n{:toc}\n\n## ${title} in brief\n\n${text}<sup>${order}</sup>\n\n***\n<sup>${order}</sup>. A ledger of dock fees, *Port Review* 4 (2011): 12.\n{: .fs-2}\n***\n`,
  );
}

function essaySite(): string {
  return tempSite({
    '_config.yml': 'title: Cache Test\npermalink: pretty\nsearch_enabled: false\nheading_anchors: true\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/H/index.md': page({ layout: 'default', title: 'H', nav_order: 2, has_children: true }, '\nEssays under H.\n'),
    'docs/H/harbour.md': page({ layout: 'default', title: '§ Harbour Levies', parent: 'H', nav_order: 10, has_children: true }, '\nAbout levies.\n'),
    'docs/H/harbour-1.md': chapter('Tolls at the Quay', 10, 'Ships paid by the tonne.'),
    'docs/H/harbour-2.md': chapter('Who Collects', 20, 'A board of wardens kept the books.'),
    'docs/H/harbour-3.md': chapter('Where It Went', 30, 'Most of it paid for dredging.'),
  });
}

async function build(sourceDir: string, cache?: DiskRenderStore | MemoryRenderStore) {
  const writer = new MemoryWriter();
  const result = await buildSite({ sourceDir, writer, ...(cache === undefined ? {} : { cache }) });
  const files = new Map<string, string>();
  for (const rel of writer.files.keys()) files.set(rel, writer.text(rel) ?? '');
  return { files, result };
}

/** Builds with the cache and without; they must agree byte for byte. Returns the cached build's files. */
async function expectSameAsUncached(sourceDir: string, cache: DiskRenderStore | MemoryRenderStore) {
  const cached = await build(sourceDir, cache);
  const fresh = await build(sourceDir);
  expect([...cached.files.keys()].sort()).toEqual([...fresh.files.keys()].sort());
  for (const [rel, text] of fresh.files) expect(cached.files.get(rel), rel).toBe(text);
  return cached.files;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((rel) => before.get(rel) !== after.get(rel)).sort();
}

describe('the build cache', () => {
  it('reuses every page on an unchanged rebuild and matches a --no-cache build', async () => {
    const site = essaySite();
    const dir = tempDir();
    await expectSameAsUncached(site, new DiskRenderStore(dir));
    const warm = new DiskRenderStore(dir);
    await expectSameAsUncached(site, warm);
    expect(warm.misses).toBe(0);
    expect(warm.hits).toBe(6);
  });

  it('re-renders an edited page and nothing else, and shows the edit', async () => {
    const site = essaySite();
    const dir = tempDir();
    const before = await expectSameAsUncached(site, new DiskRenderStore(dir));
    writeFileSync(path.join(site, 'docs/H/harbour-2.md'), chapter('Who Collects', 20, 'A guild of pilots took over the books.'));
    const cache = new DiskRenderStore(dir);
    const after = await expectSameAsUncached(site, cache);
    expect(cache.misses).toBe(1);
    expect(after.get('docs/H/harbour-2/index.html')).toContain('A guild of pilots took over the books.');
    expect(changed(before, after)).toContain('docs/H/harbour-2/index.html');
    expect(changed(before, after)).not.toContain('docs/H/harbour-1/index.html');
  });

  it('updates the nav, lists and neighbours of other pages when a chapter title changes', async () => {
    const site = essaySite();
    const dir = tempDir();
    await expectSameAsUncached(site, new DiskRenderStore(dir));
    writeFileSync(path.join(site, 'docs/H/harbour-2.md'), chapter('Who Holds the Keys', 20, 'A board of wardens kept the books.'));
    const after = await expectSameAsUncached(site, new DiskRenderStore(dir));
    // Chapter 1's Markdown came from the cache, yet its nav and next link name the new title.
    expect(after.get('docs/H/harbour-1/index.html')).toContain('Who Holds the Keys');
    expect(after.get('docs/H/harbour-1/index.html')).not.toContain('Who Collects');
    expect(after.get('docs/H/harbour/index.html')).toContain('Who Holds the Keys');
  });

  it("follows a parent's new title into its children's breadcrumbs", async () => {
    const site = essaySite();
    const dir = tempDir();
    await expectSameAsUncached(site, new DiskRenderStore(dir));
    writeFileSync(
      path.join(site, 'docs/H/harbour.md'),
      page({ layout: 'default', title: '§ Harbour Dues', parent: 'H', nav_order: 10, has_children: true }, '\nAbout levies.\n'),
    );
    for (const [file, title, order] of [['harbour-1', 'Tolls at the Quay', 10], ['harbour-2', 'Who Collects', 20], ['harbour-3', 'Where It Went', 30]] as const) {
      writeFileSync(path.join(site, `docs/H/${file}.md`), chapter(title, order, 'Body.').replace('§ Harbour Levies', '§ Harbour Dues'));
    }
    const after = await expectSameAsUncached(site, new DiskRenderStore(dir));
    expect(after.get('docs/H/harbour-3/index.html')).toContain('§ Harbour Dues');
    expect(after.get('docs/H/harbour-3/index.html')).not.toContain('§ Harbour Levies');
  });

  it('re-renders everything when a config value the renderer reads changes', async () => {
    const site = essaySite();
    const dir = tempDir();
    const before = await expectSameAsUncached(site, new DiskRenderStore(dir));
    writeFileSync(path.join(site, '_config.yml'), 'title: Cache Test Renamed\npermalink: pretty\nsearch_enabled: false\nheading_anchors: false\n');
    const cache = new DiskRenderStore(dir);
    const after = await expectSameAsUncached(site, cache);
    expect(cache.misses).toBe(6);
    expect(after.get('index.html')).toContain('Cache Test Renamed');
    expect(changed(before, after)).toContain('docs/H/harbour-1/index.html');
  });

  it('applies an edited template to every page while Markdown stays cached', async () => {
    const site = essaySite();
    const dir = tempDir();
    await expectSameAsUncached(site, new DiskRenderStore(dir));
    const footer = '<footer class="site-footer"><p>Printed by the harbour board</p></footer>\n';
    const partials = path.join(site, '_templates', 'partials');
    mkdirSync(partials, { recursive: true });
    writeFileSync(path.join(partials, 'footer.eta'), footer);
    const cache = new DiskRenderStore(dir);
    const after = await expectSameAsUncached(site, cache);
    expect(cache.misses).toBe(0);
    for (const rel of ['index.html', 'docs/H/harbour-1/index.html', 'docs/H/harbour-3/index.html']) {
      expect(after.get(rel)).toContain('Printed by the harbour board');
    }
  });

  it('keeps the preview of a note from another chapter when both pages come from the cache', async () => {
    const site = tempSite({
      '_config.yml': 'title: Notes Across\npermalink: pretty\nsearch_enabled: false\n',
      'docs/R/index.md': page({ title: 'R', nav_order: 1, has_children: true }, '\nEssays under R.\n'),
      'docs/R/rivers.md': page({ title: '§ River Rights', parent: 'R', nav_order: 1, has_children: true }, '\nAbout rivers.\n'),
      'docs/R/rivers-1.md': page({ title: 'Fords', parent: '§ River Rights', grand_parent: 'R', nav_order: 1 }, '\nFords were common land.<sup>1</sup>\n'),
      'docs/R/rivers-2.md': page(
        { title: 'Notes', parent: '§ River Rights', grand_parent: 'R', nav_order: 2 },
        '\n***\n<sup>1</sup>. A survey of “fords and ferries”, *River Review* 9 (1930): 4.\n{: .fs-2}\n***\n',
      ),
    });
    const dir = tempDir();
    await expectSameAsUncached(site, new DiskRenderStore(dir));
    const warm = new DiskRenderStore(dir);
    const files = await expectSameAsUncached(site, warm);
    expect(warm.misses).toBe(0);
    expect(files.get('docs/R/rivers-1/index.html')).toMatch(/<template class="footnote-templates">.*fords and ferries/s);
  });

  it('starts a dev server warm from the cache a one-off build wrote (bytes and text give the same keys)', async () => {
    const site = essaySite();
    const dir = tempDir();
    await build(site, new DiskRenderStore(dir));
    const seed = new DiskRenderStore(dir);
    const writer = new MemoryWriter();
    await buildSite({ sourceDir: site, writer, cache: new MemoryRenderStore(seed), memo: new BuildMemo() });
    expect(seed.misses).toBe(0);
    expect(seed.hits).toBe(6);
  });

  it('gives the dev server the same output from memory', async () => {
    const site = essaySite();
    const memory = new MemoryRenderStore();
    await expectSameAsUncached(site, memory);
    writeFileSync(path.join(site, 'docs/H/harbour-1.md'), chapter('Tolls at the Quay', 10, 'Fees doubled in winter.'));
    const after = await expectSameAsUncached(site, memory);
    expect(after.get('docs/H/harbour-1/index.html')).toContain('Fees doubled in winter.');
    expect(memory.size).toBe(6);
  });
});

describe('DiskRenderStore', () => {
  it('drops entries the last build did not use and treats a torn entry as a miss', async () => {
    const site = essaySite();
    const dir = tempDir();
    await build(site, new DiskRenderStore(dir));
    expect(readdirSync(dir).filter((f) => f.endsWith('.page'))).toHaveLength(6);
    writeFileSync(path.join(site, 'docs/H/harbour-3.md'), chapter('Where It Went', 30, 'Now it pays for a lighthouse.'));
    await build(site, new DiskRenderStore(dir));
    expect(readdirSync(dir).filter((f) => f.endsWith('.page'))).toHaveLength(6);
    const [first] = readdirSync(dir);
    writeFileSync(path.join(dir, first ?? 'x.page'), '{"path": "docs/H/harb');
    const cache = new DiskRenderStore(dir);
    await expectSameAsUncached(site, cache);
    expect(cache.misses).toBe(1);
  });
});
