import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { defaultCacheDir } from '../../src/incremental/disk-build-caches.js';
import { DiskRenderStore } from '../../src/incremental/render-store.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempDir, tempSite } from '../helpers/temp-site.js';

function site(): string {
  return tempSite({
    '_config.yml': 'title: CI Cache\npermalink: pretty\nsearch_enabled: true\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/essay.md': page({ layout: 'default', title: '§ Tolls', nav_order: 2, has_children: true }, '\nAbout tolls.\n'),
    'docs/essay-1.md': page({ layout: 'default', title: 'Quay', parent: '§ Tolls', nav_order: 1 }, '\nShips paid by the tonne.<sup>1</sup>\n\n***\n<sup>1</sup>. Port Review 4 (2011): 12.\n{: .fs-2}\n***\n'),
    'docs/essay-2.md': page({ layout: 'default', title: 'Wardens', parent: '§ Tolls', nav_order: 2 }, '\n| Year | Levy |\n| --- | --- |\n| 1901 | 4 |\n{: .compact}\n'),
  });
}

async function build(sourceDir: string, cache: DiskRenderStore): Promise<Map<string, string>> {
  const writer = new MemoryWriter();
  await buildSite({ sourceDir, writer, cache });
  return new Map([...writer.files.keys()].map((rel) => [rel, writer.text(rel) ?? '']));
}

describe('a CI-style build (fresh checkout elsewhere, cache folder restored)', () => {
  it('finds the cache under the same name when the checkout is in another folder', () => {
    // As `dossier build` calls it: the --source folder resolved, the current folder the checkout's.
    const named = (checkout: string, source: string) => path.relative(checkout, defaultCacheDir(path.resolve(checkout, source), checkout));
    expect(named('/home/runner/work/a/essays', 'content')).toBe(named('/srv/ci/build-17/essays', 'content'));
    expect(named('/srv/x', 'content')).not.toBe(named('/srv/x', 'other-site'));
  });

  it('reuses every rendering from a restored cache for a copy of the site with new paths, times and inodes', async () => {
    const original = site();
    const cacheDir = tempDir();
    const first = await build(original, new DiskRenderStore(cacheDir));
    const checkout = path.join(tempDir(), 'checkout');
    const restored = path.join(tempDir(), 'restored-cache');
    cpSync(original, checkout, { recursive: true });
    cpSync(cacheDir, restored, { recursive: true });
    const warm = new DiskRenderStore(restored);
    const again = await build(checkout, warm);
    expect(warm.misses).toBe(0);
    expect(warm.hits).toBe(4);
    expect(again).toEqual(first);
  });
});
