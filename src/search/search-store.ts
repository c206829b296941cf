/** Keeps the last search bundle so a rebuild whose searchable pages did not change skips Pagefind. */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchIndexFile } from './build-search-index.js';

/** Where bundles are remembered between builds, by a hash of every searchable page's URL and HTML. */
export interface SearchStore {
  get(key: string): SearchIndexFile[] | undefined;
  /** Any bundle at all, even for other pages: the dev server serves it while a fresh one is not worth the wait. */
  latest(): SearchIndexFile[] | undefined;
  set(key: string, files: SearchIndexFile[]): void;
}

/** Remembers the last bundle in memory (the dev server). */
export class MemorySearchStore implements SearchStore {
  private last: { key: string; files: SearchIndexFile[] } | undefined;
  get(key: string) {
    return this.last?.key === key ? this.last.files : undefined;
  }
  latest() {
    return this.last?.files;
  }
  set(key: string, files: SearchIndexFile[]) {
    this.last = { key, files };
  }
}

/** Remembers the last bundle on disk, in `<dir>/<key>/`, next to the render cache. */
export class DiskSearchStore implements SearchStore {
  constructor(private readonly dir: string) {}

  get(key: string): SearchIndexFile[] | undefined {
    const root = path.join(this.dir, key);
    if (!existsSync(path.join(root, '.complete'))) return undefined;
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== '.complete')
      .map((entry) => {
        const abs = path.join(entry.parentPath, entry.name);
        return { path: path.relative(root, abs).split(path.sep).join('/'), data: readFileSync(abs) };
      })
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  latest(): SearchIndexFile[] | undefined {
    return undefined;
  }

  set(key: string, files: SearchIndexFile[]): void {
    const staging = path.join(this.dir, `.tmp-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    for (const file of files) {
      const abs = path.join(staging, file.path);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, file.data);
    }
    writeFileSync(path.join(staging, '.complete'), '');
    // Only the newest bundle is worth keeping: older ones describe pages that have changed since.
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) if (!name.startsWith('.tmp-')) rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
    renameSync(staging, path.join(this.dir, key));
  }
}
