import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { DiskSearchStore } from '../../src/search/search-store.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { tempSite } from '../helpers/temp-site.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/sites/essays');

async function searchFiles(sourceDir: string, store: DiskSearchStore) {
  const writer = new MemoryWriter();
  await buildSite({ sourceDir, writer, searchStore: store });
  return new Map([...writer.files].filter(([name]) => name.startsWith('pagefind/')));
}

describe('search bundle reuse', () => {
  it('reuses the stored bundle when no searchable page changed and re-indexes after an edit', async () => {
    const site = tempSite({});
    cpSync(fixture, site, { recursive: true });
    const storeDir = path.join(tempSite({}), 'search');
    const store = new DiskSearchStore(storeDir);
    const first = await searchFiles(site, store);
    expect(first.size).toBeGreaterThan(3);
    // Mark the stored bundle: a build that reuses it instead of running Pagefind carries the mark.
    const [stored] = readdirSync(storeDir);
    writeFileSync(path.join(storeDir, stored!, 'pagefind/reused.txt'), 'from the store');
    const again = await searchFiles(site, new DiskSearchStore(storeDir));
    expect([...again.keys()].sort()).toEqual([...first.keys(), 'pagefind/reused.txt'].sort());
    for (const [name, data] of first) expect(Buffer.from(again.get(name)!)).toEqual(Buffer.from(data));

    writeFileSync(path.join(site, 'docs/P/Pipelines-0.md'), '---\ntitle: Routes\nparent: § Pipelines Under the Sea\ngrand_parent: P\nnav_order: 10\n---\n## Routes\nA word never seen before: quillwort.\n');
    const edited = await searchFiles(site, store);
    expect(edited.has('pagefind/reused.txt')).toBe(false);
    const entry = (files: Map<string, string | Uint8Array>) => Buffer.from(files.get('pagefind/pagefind-entry.json')!).toString('utf8');
    expect(entry(edited)).not.toEqual(entry(first));
  }, 120_000);
});
