/**
 * The scholarly side of a build: for each essay and chapter page, its tags and its citations (each
 * item formatted at most once, or taken from a cache by content), and the `.bib`/`.ris` files beside
 * the pages.
 */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { NavTree } from '../nav/nav-tree.js';
import { citableWorks, type CitableWork } from './citable-works.js';
import { formatOnWorker, OFFLOAD_MIN_ITEMS, releaseEarlyWorker, type OffloadedCitations } from './citation-offload.js';
import { citationCacheKey, citationStyleSources, cslItem, stylesDigest, type CitationStyleSources } from './csl-item.js';
import type { Citations } from './format-citations.js';
import { scholarTags, type ScholarTags } from './scholar-tags.js';

/** What the templates see of a citable page, as `it.scholar`. */
export interface ScholarPage {
  work: CitableWork;
  tags: ScholarTags;
  citations: Citations;
  /** "essay" or "chapter", for the block's heading. */
  noun: string;
  /** Site URLs (without baseurl) of the downloads. */
  bibUrl: string;
  risUrl: string;
}

export interface Scholar {
  /** The scholarly data of a page, or undefined for pages that are not essays or chapters. */
  forPage(path: string): ScholarPage | undefined;
  /** Whether forPage(path) would return without waiting for the citation worker. */
  citationsReady(path: string): boolean;
  /** Every `.bib` and `.ris` file: output path and text. */
  files(): Array<{ path: string; text: string }>;
  /** Every citable work, by source path. */
  works: ReadonlyMap<string, CitableWork>;
  /** Digest of the citation styles the works are formatted in ('' when there are none): what layout keys take in. */
  stylesDigest: string;
  diagnostics: Diagnostic[];
}

/** Site URL of a page's citation download: `/a/b/` → `/a/b/b.bib`, `/a/b.html` → `/a/b.bib`. */
export function citationFileUrl(pageUrl: string, extension: 'bib' | 'ris'): string {
  if (pageUrl.endsWith('/')) {
    const slug = pageUrl.split('/').filter((part) => part !== '').pop() ?? 'index';
    return `${pageUrl}${slug}.${extension}`;
  }
  return `${pageUrl.replace(/\.html?$/, '')}.${extension}`;
}

/**
 * Citations formatted by earlier builds, by a key of the CSL item and the styles (csl-item.ts); the
 * incremental layer keeps them (incremental/citation-store.ts).
 */
export interface CitationCache {
  /** The citations kept under `key`, or undefined. */
  get(key: string): Citations | undefined;
  /** Keeps freshly formatted citations under `key`. */
  set(key: string, citations: Citations): void;
  /** True when nothing is kept yet, so every citation will be formatted. */
  startsCold?(): boolean;
}

/**
 * Resolves every essay's and chapter's metadata. Each work's citations are formatted once per build,
 * when first asked for, unless `cache` has them; citation-js (a few hundred milliseconds to load, and
 * its styles' engines more) is loaded only when some work's citations are not kept.
 */
export async function prepareScholar(pages: readonly Page[], nav: NavTree, config: SiteConfig, cache?: CitationCache): Promise<Scholar> {
  const { works, diagnostics } = citableWorks(pages, nav, config);
  if (works.size === 0) {
    releaseEarlyWorker();
    return { forPage: () => undefined, citationsReady: () => true, files: () => [], works, stylesDigest: '', diagnostics };
  }
  const sources = citationStyleSources(config.templatesDir);
  const digest = stylesDigest(sources);
  const cited = new Map([...works].map(([path, work]) => {
    const item = cslItem(work);
    return [path, { item, key: citationCacheKey(digest, item) }];
  }));
  const citations = await citationFormatter(sources, [...cited.values()], cache);
  const urls = new Map(pages.map((page) => [page.path, page.url]));
  const made = new Map<string, ScholarPage>();
  const forPage = (path: string): ScholarPage | undefined => {
    const work = works.get(path);
    const citable = cited.get(path);
    if (work === undefined || citable === undefined) return undefined;
    let page = made.get(path);
    if (page === undefined) {
      const url = urls.get(path) ?? '/';
      page = { work, tags: scholarTags(work), citations: citations.of(citable), noun: work.kind, bibUrl: citationFileUrl(url, 'bib'), risUrl: citationFileUrl(url, 'ris') };
      made.set(path, page);
    }
    return page;
  };
  const files = () =>
    [...works.keys()].flatMap((path) => {
      const page = forPage(path) as ScholarPage;
      return [
        { path: page.bibUrl.slice(1), text: `${page.citations.bibtex}\n` },
        { path: page.risUrl.slice(1), text: `${page.citations.ris}\n` },
      ];
    });
  const citationsReady = (path: string): boolean => {
    const citable = cited.get(path);
    return citable === undefined || citations.ready(citable);
  };
  return { forPage, citationsReady, files, works, stylesDigest: digest, diagnostics };
}

/** An item's citations (`of`), and whether they can be had without waiting for the citation worker (`ready`). */
interface CitationSource {
  of(cited: CitableItem): Citations;
  ready(cited: CitableItem): boolean;
}

/**
 * Finds an item's citations: kept in `cache`, formatted earlier in this build, or formatted now (then
 * kept), so an item is formatted at most once per build. Many items to format go to a worker
 * (citation-offload.ts); a few are formatted in this thread, which then loads citation-js.
 */
async function citationFormatter(sources: CitationStyleSources, items: readonly CitableItem[], cache: CitationCache | undefined): Promise<CitationSource> {
  const made = new Map<string, Citations>();
  const missing = new Map<string, CitableItem>();
  for (const cited of items) {
    const kept = cache?.get(cited.key);
    if (kept !== undefined) made.set(cited.key, kept);
    else missing.set(cited.key, cited);
  }
  let offloaded: OffloadedCitations | undefined;
  // Until this thread has citation-js and its engines (a second or more to load), even a few items are
  // formatted on a worker, while the pages render, rather than here when the first essay is laid out.
  if (missing.size >= OFFLOAD_MIN_ITEMS || (missing.size > 0 && !formatterLoaded)) offloaded = formatOnWorker(sources, [...missing.values()]);
  else releaseEarlyWorker();
  const format = offloaded !== undefined ? (cited: CitableItem) => offloaded.take(cited.key) : missing.size > 0 ? await loadFormatter(sources) : notNeeded;
  const of = (cited: CitableItem): Citations => {
    let citations = made.get(cited.key);
    if (citations === undefined) {
      citations = format(cited);
      made.set(cited.key, citations);
      cache?.set(cited.key, citations);
    }
    return citations;
  };
  return { of, ready: (cited) => offloaded === undefined || made.has(cited.key) || offloaded.has(cited.key) };
}

interface CitableItem {
  item: Record<string, unknown>;
  key: string;
}

/** Whether this thread has loaded citation-js (a dev server's later builds): a few items then cost milliseconds here. */
let formatterLoaded = false;

async function loadFormatter(sources: CitationStyleSources): Promise<(cited: CitableItem) => Citations> {
  const { formatCitations, loadCitationStyles } = await import('./format-citations.js');
  formatterLoaded = true;
  const styles = loadCitationStyles(sources);
  return (cited) => formatCitations(cited.item, styles);
}

function notNeeded(): never {
  throw new Error('every citation was kept, yet one was asked to be formatted');
}
