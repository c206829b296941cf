/** Collects what the search index needs while pages are laid out: a content hash and where each page was written. */
import { createHash } from 'node:crypto';
import type { Writer } from '../write/writer.js';
import { buildSearchIndex, type SearchIndexFile } from './build-search-index.js';
import type { SearchStore } from './search-store.js';

/** The searchable pages of one build; HTML is hashed, not kept. */
export class SearchInputs {
  private readonly hash = createHash('sha256');
  private readonly pages: Array<{ url: string; outputPath: string }> = [];

  add(url: string, outputPath: string, html: string): void {
    this.hash.update(url).update('\0').update(html).update('\0');
    this.pages.push({ url, outputPath });
  }

  /** The bundle for these pages: from the store when nothing changed, else freshly indexed and stored. */
  async bundle(writer: Writer, store: SearchStore | undefined, staleOk: boolean): Promise<SearchIndexFile[]> {
    const key = this.hash.digest('hex').slice(0, 32);
    const known = store?.get(key) ?? (staleOk ? store?.latest() : undefined);
    if (known !== undefined) return known;
    const files = await buildSearchIndex(this.pages.map((page) => ({ url: page.url, html: () => writer.read(page.outputPath) ?? '' })));
    store?.set(key, files);
    return files;
  }
}
