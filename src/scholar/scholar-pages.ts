/**
 * The scholarly side of a build: for each essay and chapter page, its tags and its citations (formatted
 * once, when the page is laid out), and the `.bib`/`.ris` files beside the pages.
 */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { NavTree } from '../nav/nav-tree.js';
import { citableWorks, type CitableWork } from './citable-works.js';
import type { Citations, CitationStyles } from './format-citations.js';
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
  /** Every `.bib` and `.ris` file: output path and text. */
  files(): Array<{ path: string; text: string }>;
  /** Every citable work, by source path. */
  works: ReadonlyMap<string, CitableWork>;
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
 * Resolves every essay's and chapter's metadata; loads citation-js (a few hundred milliseconds) only
 * when the site has an essay to cite.
 */
export async function prepareScholar(pages: readonly Page[], nav: NavTree, config: SiteConfig): Promise<Scholar> {
  const { works, diagnostics } = citableWorks(pages, nav, config);
  if (works.size === 0) return { forPage: () => undefined, files: () => [], works, diagnostics };
  const { formatCitations, loadCitationStyles } = await import('./format-citations.js');
  const styles: CitationStyles = loadCitationStyles(config.templatesDir);
  const urls = new Map(pages.map((page) => [page.path, page.url]));
  const made = new Map<string, ScholarPage>();
  const forPage = (path: string): ScholarPage | undefined => {
    const work = works.get(path);
    if (work === undefined) return undefined;
    let page = made.get(path);
    if (page === undefined) {
      const url = urls.get(path) ?? '/';
      page = { work, tags: scholarTags(work), citations: formatCitations(work, styles), noun: work.kind, bibUrl: citationFileUrl(url, 'bib'), risUrl: citationFileUrl(url, 'ris') };
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
  return { forPage, files, works, diagnostics };
}
