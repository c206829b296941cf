/** Builds the site's full-text search index with Pagefind, entirely in memory. */
import * as pagefind from 'pagefind';
import { DossierError } from '../errors.js';

/** One rendered page to index: its href on the site (baseurl included) and its full HTML, read when needed. */
export interface SearchablePage {
  url: string;
  html: () => string;
}

/** A file of the search bundle, with its path relative to the site root. */
export interface SearchIndexFile {
  path: string;
  data: Uint8Array;
}

/** Folder of the bundle under the site root; the search UI script loads `/<baseurl>/pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

const IN_FLIGHT = 32;

/**
 * Indexes `pages` and returns Pagefind's bundle (index chunks, fragments, its JS and WASM).
 * Pages opt out with `data-pagefind-ignore="all"` on `<body>` (the layout does this for `search_exclude`);
 * only `data-pagefind-body` content is indexed, so nav and chrome never match a query.
 */
export function buildSearchIndex(pages: readonly SearchablePage[]): Promise<SearchIndexFile[]> {
  // Pagefind's Node API drives one service per process and `close()` ends it for everyone, so
  // builds sharing a process (the dev server, tests) must index one at a time.
  const run = lastRun.then(() => indexPages(pages));
  lastRun = run.catch(() => undefined);
  return run;
}

let lastRun: Promise<unknown> = Promise.resolve();

async function indexPages(pages: readonly SearchablePage[]): Promise<SearchIndexFile[]> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  const index = created.index;
  if (index === undefined) throw new DossierError(`search index could not be created: ${created.errors.join('; ')}`);
  try {
    // Pagefind parses in its own process; a few requests in flight keep it busy without queuing 10,000 pages of HTML.
    for (let start = 0; start < pages.length; start += IN_FLIGHT) {
      const batch = pages.slice(start, start + IN_FLIGHT);
      const results = await Promise.all(batch.map((page) => index.addHTMLFile({ url: page.url, content: page.html() })));
      results.forEach((added, i) => {
        if (added.errors.length > 0) {
          throw new DossierError(`search indexing failed for ${batch[i]?.url ?? '?'}: ${added.errors.join('; ')}`);
        }
      });
    }
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new DossierError(`search index could not be written: ${bundle.errors.join('; ')}`);
    return bundle.files.map((file) => ({
      path: `${SEARCH_BUNDLE_DIR}/${file.path.replace(/^\/+/, '')}`,
      data: file.content,
    }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
