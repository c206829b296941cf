/**
 * Builds the site's full-text search index: an inverted index over page terms, as a manifest
 * and JSON shards that `public/assets/search.js` reads in the browser.
 *
 * Format (version 2), under `search/`:
 * - `index.json`: `{version, token, flags, shardLength, shards, essays, pages, lengths}`.
 *   `token`/`flags` are TOKEN's source and flags, so the browser splits queries exactly as pages were split.
 *   `pages[i]` is `[url, title]` or `[url, title, essayIndex]` (into `essays`); `lengths[i]` is the
 *   page's term count, for BM25's length normalisation. `shards` lists the shard names that exist.
 * - `t/<shard>.json`: `{term: postings, ...}` for every term whose first `shardLength` (2) characters
 *   give `<shard>`; so a query word of two or more characters, whole or as a prefix, needs one shard.
 *   Code units other than a–z and 0–9 are written `_<hex>_` in shard names (the browser does the same).
 *   Terms of one character are not indexed (see MIN_TERM_LENGTH).
 * - A posting list is a flat array with one number per page, in page order:
 *   `(pageId - previousPageId) * 32 + (inTitle ? 16 : 0) + min(count, 15)`, the first page's delta
 *   counting from 0. A count above 15 adds nothing to BM25 worth storing.
 * - `x/<pageId>.json`: the page's sections for excerpts, `[[anchor, heading, text], …]` (see
 *   markdown/plugins/rehype-page-sections.ts; anchor and heading are '' before the first heading), each text cut after
 *   EXCERPT_WORDS words. The browser reads the files of the results it shows, never the result pages.
 */
import { byCodeUnits } from '../code-unit-order.js';
import type { PageSection } from '../markdown/page-data.js';
import { forEachTerm, MIN_TERM_LENGTH, TOKEN, tokenize, type SearchTerms } from '../markdown/page-terms.js';

/** One page to index: its href on the site (baseurl included), its titles and its body terms. */
export interface SearchablePage {
  url: string;
  title: string;
  essay?: string | undefined;
  terms: SearchTerms;
  /** The page's excerpt file (`excerptFile`); a page without one has nothing to show under a result. */
  excerpts?: Uint8Array | undefined;
}

/** A file of the search bundle, with its path relative to the site root. */
export interface SearchIndexFile {
  path: string;
  data: string | Uint8Array;
}

/** Folder of the bundle under the site root; `search.js` finds `index.json` in it. */
export const SEARCH_BUNDLE_DIR = 'search';

/** Bumped whenever the files' shape changes, so a stale `search.js` can tell. */
export const SEARCH_INDEX_VERSION = 2;

/** Folder of the per-page excerpt files under the bundle. */
const EXCERPT_DIR = 'x';
const SHARD_LENGTH = 2;
const MAX_COUNT = 15;
const TITLE_BIT = 16;
const DELTA_UNIT = 32;

/** Synchronous, pure, deterministic (same input → byte-identical files). */
export function buildSearchIndex(pages: readonly SearchablePage[]): SearchIndexFile[] {
  // Page ids follow URL order, so the files do not depend on the order workers finished in.
  const ordered = [...pages].sort((a, b) => byCodeUnits(a.url, b.url));
  const titles = ordered.map((page) => new Set(tokenize(page.title).filter((t) => t.length >= MIN_TERM_LENGTH)));
  const table = new PostingTable();
  const essays: string[] = [];
  const essayIds = new Map<string, number>();
  const entries: Array<[string, string] | [string, string, number]> = [];
  const lengths: number[] = [];
  ordered.forEach((page, id) => {
    let length = 0;
    forEachTerm(page.terms, (term, count) => {
      length += count;
      table.add(term, id, Math.min(count, MAX_COUNT));
    });
    for (const term of [...(titles[id] ?? [])].sort(byCodeUnits)) table.addTitle(term, id);
    lengths.push(length);
    if (page.essay === undefined || page.essay === '') entries.push([page.url, page.title]);
    else {
      let essayId = essayIds.get(page.essay);
      if (essayId === undefined) {
        essayId = essays.push(page.essay) - 1;
        essayIds.set(page.essay, essayId);
      }
      entries.push([page.url, page.title, essayId]);
    }
  });

  const shards = new Map<string, number[]>();
  table.terms.forEach((term, t) => {
    const name = shardName(term);
    const members = shards.get(name);
    if (members === undefined) shards.set(name, [t]);
    else members.push(t);
  });
  const names = [...shards.keys()].sort(byCodeUnits);

  const manifest = {
    version: SEARCH_INDEX_VERSION,
    token: TOKEN.source,
    flags: TOKEN.flags,
    shardLength: SHARD_LENGTH,
    shards: names,
    excerpts: EXCERPT_DIR,
    essays,
    pages: entries,
    lengths,
  };
  const files: SearchIndexFile[] = [{ path: `${SEARCH_BUNDLE_DIR}/index.json`, data: JSON.stringify(manifest) }];
  const { starts, values } = table.byTerm();
  for (const name of names) {
    const members = (shards.get(name) ?? []).sort((a, b) => byCodeUnits(table.terms[a] ?? '', table.terms[b] ?? ''));
    const body = members.map((t) => `${JSON.stringify(table.terms[t])}:[${values.subarray(starts[t], starts[t + 1]).join(',')}]`);
    files.push({ path: `${SEARCH_BUNDLE_DIR}/t/${name}.json`, data: `{${body.join(',')}}` });
  }
  ordered.forEach((page, id) => {
    if (page.excerpts !== undefined) files.push({ path: `${SEARCH_BUNDLE_DIR}/${EXCERPT_DIR}/${id}.json`, data: page.excerpts });
  });
  return files;
}

/**
 * A page's excerpt file: its sections as `[[anchor, heading, text], …]`, in UTF-8; undefined for a page
 * without any. Made as each page's rendering arrives, so a 10,000-page build holds every page's excerpts as
 * bytes until the index is written, not as section objects and then as JSON strings too.
 */
export function excerptFile(sections: readonly PageSection[]): Uint8Array | undefined {
  return sections.length === 0 ? undefined : Buffer.from(JSON.stringify(sections.map((s) => [s.id, s.title, s.text])));
}

/**
 * Every posting of the site in flat typed arrays, appended page by page and grouped by term at the
 * end: at 10,000 pages an array per term would leave millions of small objects for the collector.
 */
class PostingTable {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private termOf: Int32Array = new Int32Array(1 << 16);
  private valueOf: Int32Array = new Int32Array(1 << 16);
  private size = 0;
  private lastPage: Int32Array = new Int32Array(1024);
  private perTerm: Int32Array = new Int32Array(1024);
  private lastAt: Int32Array = new Int32Array(1024);

  /** Adds `term`'s posting for page `page`; pages must come in increasing order. */
  add(term: string, page: number, value: number): void {
    let t = this.ids.get(term);
    if (t === undefined) {
      t = this.terms.push(term) - 1;
      this.ids.set(term, t);
      if (t === this.lastPage.length) {
        this.lastPage = grown(this.lastPage);
        this.lastAt = grown(this.lastAt);
        this.perTerm = grown(this.perTerm);
      }
    }
    if (this.size === this.termOf.length) {
      this.termOf = grown(this.termOf);
      this.valueOf = grown(this.valueOf);
    }
    this.termOf[this.size] = t;
    this.valueOf[this.size] = (page - (this.lastPage[t] ?? 0)) * DELTA_UNIT + value;
    this.lastPage[t] = page;
    this.lastAt[t] = this.size;
    this.perTerm[t] = (this.perTerm[t] ?? 0) + 1;
    this.size += 1;
  }

  /** Marks `term` as in the title of page `page` (the page just added), adding a posting if its body lacks the word. */
  addTitle(term: string, page: number): void {
    const t = this.ids.get(term);
    if (t !== undefined && this.lastPage[t] === page && (this.perTerm[t] ?? 0) > 0) {
      const at = this.lastAt[t] ?? 0;
      this.valueOf[at] = (this.valueOf[at] ?? 0) | TITLE_BIT;
    } else this.add(term, page, TITLE_BIT);
  }

  /** The encoded postings grouped by term (term t's are `values[starts[t]..starts[t+1])`), each in page order. */
  byTerm(): { starts: Int32Array; values: Int32Array } {
    const count = this.terms.length;
    const starts = new Int32Array(count + 1);
    for (let t = 0; t < count; t += 1) starts[t + 1] = (starts[t] ?? 0) + (this.perTerm[t] ?? 0);
    const next = starts.slice(0, count);
    const values = new Int32Array(this.size);
    for (let i = 0; i < this.size; i += 1) {
      const t = this.termOf[i] ?? 0;
      const at = next[t] ?? 0;
      values[at] = this.valueOf[i] ?? 0;
      next[t] = at + 1;
    }
    return { starts, values };
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The shard holding `term`: its first two UTF-16 code units, anything but a–z and 0–9 written `_<hex>_`. */
export function shardName(term: string): string {
  let name = '';
  for (let i = 0; i < SHARD_LENGTH && i < term.length; i += 1) {
    const char = term.charAt(i);
    name += SHARD_SAFE.test(char) ? char : `_${term.charCodeAt(i).toString(16)}_`;
  }
  return name;
}

const SHARD_SAFE = /^[a-z0-9]$/;
