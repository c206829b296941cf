import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/build.js';
import { BuildMemo } from '../../src/incremental/build-memo.js';
import { KeepingMemoryWriter } from '../../src/incremental/keeping-memory-writer.js';
import { DiskRenderStore, MemoryRenderStore } from '../../src/incremental/render-store.js';
import { sourceMemoKey } from '../../src/discover/discover-source.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';
import { printBody } from '../../src/layout/print-body.js';

// Counted, not changed: which bodies a rebuild rewrites for its essay's print edition.
vi.mock('../../src/layout/print-body.js', async (actual) => {
  const real = await actual<typeof import('../../src/layout/print-body.js')>();
  return { ...real, printBody: vi.fn(real.printBody) };
});

function chapter(title: string, order: number, text: string, cites = `<sup>${order}</sup>`): string {
  return page(
    { layout: 'default', title, parent: 'Tidal Commons', grand_parent: 'T', nav_order: order },
    `\n1. TOC\n{:toc}\n\n## ${title} at a glance\n\n${text}${cites}\n\n***\n<sup>${order}</sup>. Minutes of the estuary board, vol. ${order}.\n{: .fs-2}\n***\n`,
  );
}

function essaySite(): string {
  return tempSite({
    '_config.yml': 'title: Memo Test\npermalink: pretty\nsearch_enabled: true\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome to the commons.\n'),
    'docs/T/index.md': page({ layout: 'default', title: 'T', nav_order: 2, has_children: true }, '\nEssays under T.\n'),
    'docs/T/commons.md': page({ layout: 'default', title: 'Tidal Commons', parent: 'T', nav_order: 1, has_children: true }, '\nWho owns the mudflats.\n'),
    'docs/T/commons-1.md': chapter('Mudflat Leases', 1, 'Oyster beds were leased by the acre.'),
    'docs/T/commons-2.md': chapter('Grazing Rights', 2, 'Salt-marsh sheep grazed by custom.'),
    'docs/T/commons-3.md': chapter('Enclosure Fights', 3, 'Fences went up and came down again.'),
    'docs/other.md': page({ layout: 'default', title: 'Other Page', nav_order: 3 }, '\nNothing to do with tides.\n'),
  });
}

async function files(sourceDir: string, options: { memo?: BuildMemo; cache?: MemoryRenderStore } = {}, writer = new MemoryWriter()) {
  await buildSite({ sourceDir, writer, ...options });
  return new Map([...writer.files.keys()].map((rel) => [rel, writer.text(rel) ?? '']));
}

/**
 * One dev-server session: a memo, a render cache and the last build's files kept across builds, each
 * build compared with a fresh one. `seed`: the on-disk cache the session starts from, as `dossier dev` does.
 */
function session(site: string, seed?: DiskRenderStore) {
  const memo = new BuildMemo();
  const cache = new MemoryRenderStore(seed);
  let last: KeepingMemoryWriter | undefined;
  return {
    memo,
    /** Rebuilds after `rel` changed (as the watcher reports it) and checks the output equals a fresh build's. */
    async rebuild(...changedFiles: string[]) {
      for (const rel of changedFiles) memo.forget(sourceMemoKey(rel));
      const before = { ...memo.counts };
      const writer = new KeepingMemoryWriter(last);
      const kept = await files(site, { memo, cache }, writer);
      last = writer;
      const fresh = await files(site);
      expect([...kept.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [rel, text] of fresh) expect(kept.get(rel), rel).toBe(text);
      return { files: kept, computed: memo.counts.computed - before.computed, reused: memo.counts.reused - before.reused, kept: writer.kept };
    },
  };
}

describe('a build memo kept between builds (the dev server)', () => {
  it('gives byte-for-byte the output of a fresh build through body, title, note and page edits', async () => {
    const site = essaySite();
    const dev = session(site);
    await dev.rebuild();

    writeFileSync(path.join(site, 'docs/T/commons-2.md'), chapter('Grazing Rights', 2, 'Geese grazed the marsh as well.'));
    const body = await dev.rebuild('docs/T/commons-2.md');
    expect(body.files.get('docs/T/commons-2/index.html')).toContain('Geese grazed the marsh as well.');

    writeFileSync(path.join(site, 'docs/T/commons-3.md'), chapter('Fights over Enclosure', 3, 'Fences went up and came down again.'));
    const title = await dev.rebuild('docs/T/commons-3.md');
    // A new title shows in its siblings' chapter lists and sidebars.
    expect(title.files.get('docs/T/commons-1/index.html')).toContain('Fights over Enclosure');

    // Chapter 1 now cites note 2, which lives on chapter 2: links across chapters follow.
    writeFileSync(path.join(site, 'docs/T/commons-1.md'), chapter('Mudflat Leases', 1, 'Oyster beds were leased by the acre.', '<sup>1</sup> and<sup>2</sup>'));
    const notes = await dev.rebuild('docs/T/commons-1.md');
    expect(notes.files.get('docs/T/commons-1/index.html')).toContain('/docs/T/commons-2/#fn-2');

    rmSync(path.join(site, 'docs/other.md'));
    const removed = await dev.rebuild('docs/other.md');
    expect(removed.files.has('docs/other/index.html')).toBe(false);

    writeFileSync(path.join(site, 'docs/new.md'), page({ layout: 'default', title: 'Newcomer', nav_order: 4 }, '\nA late addition.\n'));
    const added = await dev.rebuild('docs/new.md');
    expect(added.files.get('index.html')).toContain('Newcomer');
  });

  it('redoes only what a body edit touches', async () => {
    const site = essaySite();
    const dev = session(site);
    const first = await dev.rebuild();
    writeFileSync(path.join(site, 'docs/other.md'), page({ layout: 'default', title: 'Other Page', nav_order: 3 }, '\nStill nothing to do with tides.\n'));
    const edit = await dev.rebuild('docs/other.md');
    // The edited page's text, parse, render key, layout and the search index; everything else is reused.
    expect(edit.computed).toBeLessThan(first.computed / 3);
    expect(edit.reused).toBeGreaterThan(edit.computed * 3);
  });

  it('keeps every laid-out file an edit does not touch, and lays out again the edited page and its essay', async () => {
    const site = essaySite();
    const dev = session(site);
    const first = await dev.rebuild();
    expect(first.kept.size).toBe(0);
    const again = await dev.rebuild();
    writeFileSync(path.join(site, 'docs/T/commons-2.md'), chapter('Grazing Rights', 2, 'Geese grazed the marsh as well.'));
    const edit = await dev.rebuild('docs/T/commons-2.md');
    expect(edit.files.get('docs/T/commons-2/index.html')).toContain('Geese grazed the marsh as well.');
    expect(edit.files.get('docs/T/commons/print/index.html')).toContain('Geese grazed the marsh as well.');
    // Made again: the edited chapter, its essay's print page and the search index; every other page is kept.
    const madeAgain = [...again.kept].filter((rel) => !edit.kept.has(rel) && !rel.startsWith('search/'));
    expect(madeAgain.sort()).toEqual(['docs/T/commons-2/index.html', 'docs/T/commons/print/index.html']);
    expect(edit.kept).toContain('docs/T/commons-1/index.html');
  });

  it('remakes only the edited chapter\'s part of its essay\'s print edition', async () => {
    const site = essaySite();
    const dev = session(site);
    const before = (await dev.rebuild()).files.get('docs/T/commons/print/index.html') ?? '';
    writeFileSync(path.join(site, 'docs/T/commons-2.md'), chapter('Grazing Rights', 2, 'Geese grazed the marsh as well.'));
    const rewrites = vi.mocked(printBody).mock.calls.length;
    const edit = await dev.rebuild('docs/T/commons-2.md');
    const after = edit.files.get('docs/T/commons/print/index.html') ?? '';
    // The fresh build the session compares with rewrites every body; the session's own build only the edited one.
    const fresh = 4;
    expect(vi.mocked(printBody).mock.calls.length - rewrites - fresh).toBe(1);
    const chapterOf = (html: string, n: number) => new RegExp(`<section class="print-chapter[^"]*" id="chapter-${n}">[\\s\\S]*?</section>`).exec(html)?.[0];
    expect(chapterOf(after, 2)).toContain('Geese grazed the marsh as well.');
    expect(chapterOf(before, 2)).toContain('Salt-marsh sheep grazed by custom.');
    expect(chapterOf(after, 1)).toBe(chapterOf(before, 1));
    expect(chapterOf(after, 3)).toBe(chapterOf(before, 3));
  });

  it('keeps from its own last build when a build runs again through the same writer (a half-written page)', async () => {
    const site = essaySite();
    const memo = new BuildMemo();
    const cache = new MemoryRenderStore();
    const writer = new KeepingMemoryWriter();
    const first = await files(site, { memo, cache }, writer);
    const again = await files(site, { memo, cache }, writer);
    expect(writer.kept).toContain('docs/T/commons-1/index.html');
    expect(again).toEqual(first);
  });

  it('keeps serving pages seeded from the disk cache after a later build prunes it', async () => {
    const site = essaySite();
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-seed-'));
    const seedBuild = new MemoryWriter();
    await buildSite({ sourceDir: site, writer: seedBuild, cache: new DiskRenderStore(cacheDir) });
    const dev = session(site, new DiskRenderStore(cacheDir));
    await dev.rebuild();
    // Another `dossier build` (or a cleanup) removes the entries this session was seeded from.
    rmSync(cacheDir, { recursive: true, force: true });
    writeFileSync(path.join(site, 'docs/T/commons-2.md'), chapter('Grazing Rights', 2, 'Geese grazed the marsh as well.'));
    // The print page shows every chapter again: the unedited ones come from what the session read at its start.
    const edit = await dev.rebuild('docs/T/commons-2.md');
    expect(edit.files.get('docs/T/commons/print/index.html')).toContain('Oyster beds were leased by the acre.');
  });
});
