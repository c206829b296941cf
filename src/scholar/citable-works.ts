/**
 * The citable works of a site: every essay (a page with chapters, see nav/essay-structure.ts) and
 * each of its chapters, with their metadata resolved through `_config.yml` → essay → chapter.
 */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import { essayOf, essayPrintUrl } from '../nav/essay-structure.js';
import type { NavNode, NavTree } from '../nav/nav-tree.js';
import { emptyFields, mergeFields, readMetadataFields, type MetadataFields } from './metadata.js';

/** An essay or one of its chapters, ready to cite and index. */
export interface CitableWork {
  kind: 'essay' | 'chapter';
  /** Source path of the page. */
  path: string;
  /** Title without the `§ ` marker essay sites put in front. */
  title: string;
  /** Absolute URL of the page (site `url` + baseurl + page URL; relative when the site has no `url`). */
  url: string;
  /** Merged metadata; `publisher` falls back to the site title. */
  meta: MetadataFields;
  essay: { path: string; title: string; url: string; meta: MetadataFields };
  /** 1-based position of a chapter in the essay's reading order. */
  chapterNumber: number | undefined;
  /** The essay's chapters (on the essay; empty on chapters). */
  chapters: Array<{ title: string; url: string }>;
  /** Absolute URL of the essay's PDF, when there is one. */
  pdfUrl: string | undefined;
  /** Absolute URL of the essay's print edition (the HTML the PDF is made from). */
  printUrl: string;
}

export interface CitableWorks {
  /** By source path. */
  works: ReadonlyMap<string, CitableWork>;
  diagnostics: Diagnostic[];
}

/** The metadata layer `_config.yml` gives every essay (`author`, `publisher`, `journal`, `license`, …). */
export function siteMetadata(config: SiteConfig, diagnostics: Diagnostic[]): MetadataFields {
  const fields = readMetadataFields(config.scholarSite, (key, message) => {
    diagnostics.push({ file: '_config.yml', line: 1, column: 1, severity: 'warning', rule: 'scholar/metadata', message: `${key}: ${message}` });
  });
  // The site-wide `date` of a Jekyll config is not a publication date of every essay.
  return { ...fields, date: undefined, lastModified: undefined, doi: undefined, abstract: undefined, pdf: config.pdf };
}

/** Resolves the metadata of every essay and chapter; malformed values are warnings at their key's line. */
export function citableWorks(pages: readonly Page[], nav: NavTree, config: SiteConfig): CitableWorks {
  const diagnostics: Diagnostic[] = [];
  const site = siteMetadata(config, diagnostics);
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const layer = (path: string): MetadataFields => {
    const page = byPath.get(path);
    if (page === undefined) return emptyFields();
    return readMetadataFields(page.data.raw, (key, message) => {
      const at = page.data.places[key] ?? { line: 1, column: 1 };
      diagnostics.push({ file: path, line: at.line, column: at.column, severity: 'warning', rule: 'scholar/metadata', message });
    });
  };
  const works = new Map<string, CitableWork>();
  const absolute = (url: string) => `${config.url}${config.baseurl}${encodeURI(url)}`;
  for (const node of nav.byPath.values()) {
    if (essayOf(node) !== node) continue;
    const chapters = readingOrder(node);
    const essayLayer = layer(node.path);
    const essayMeta = withDefaults(mergeFields([site, essayLayer]), config, byPath.get(node.path));
    const printUrl = essayPrintUrl(node);
    const pdfUrl = pdfUrlOf(essayMeta.pdf, node, printUrl, absolute);
    const essay = { path: node.path, title: citedTitle(node.title), url: absolute(node.url), meta: essayMeta };
    const common = { essay, pdfUrl, printUrl: absolute(printUrl) };
    works.set(node.path, { ...common, kind: 'essay', path: node.path, title: essay.title, url: essay.url, meta: essayMeta, chapterNumber: undefined, chapters: chapters.map((c) => ({ title: citedTitle(c.title), url: absolute(c.url) })) });
    chapters.forEach((chapter, index) => {
      const own = layer(chapter.path);
      const meta = withDefaults(mergeFields([site, essayLayer, own]), config, byPath.get(chapter.path));
      // A chapter's abstract is its own or its description, never the essay's.
      meta.abstract = own.abstract ?? byPath.get(chapter.path)?.data.description;
      works.set(chapter.path, { ...common, kind: 'chapter', path: chapter.path, title: citedTitle(chapter.title), url: absolute(chapter.url), meta, chapterNumber: index + 1, chapters: [] });
    });
  }
  return { works, diagnostics };
}

/** Chapters in reading order, sub-chapters after their chapter, as the print edition has them. */
function readingOrder(essay: NavNode): NavNode[] {
  const out: NavNode[] = [];
  const walk = (nodes: readonly NavNode[]) => {
    for (const child of nodes) {
      if (child.navExclude) continue;
      out.push(child);
      walk(child.children);
    }
  };
  walk(essay.children);
  return out;
}

function withDefaults(meta: MetadataFields, config: SiteConfig, page: Page | undefined): MetadataFields {
  return {
    ...meta,
    publisher: meta.publisher ?? (config.title === '' ? undefined : config.title),
    abstract: meta.abstract ?? page?.data.description,
    lastModified: meta.lastModified ?? undefined,
  };
}

/** Essay sites mark essays with a leading `§ `; a citation does not. */
export function citedTitle(title: string): string {
  return title.replace(/^§\s*/, '').trim();
}

/** Site URL of an essay's generated PDF: `/docs/G/essay/` → `/docs/G/essay/essay.pdf`. */
export function essayPdfPath(printUrl: string): string {
  const base = printUrl.replace(/print\/$/, '');
  const slug = base.split('/').filter((part) => part !== '').pop() ?? 'essay';
  return `${base}${slug}.pdf`;
}

function pdfUrlOf(pdf: MetadataFields['pdf'], essay: NavNode, printUrl: string, absolute: (url: string) => string): string | undefined {
  if (typeof pdf === 'string') return /^https?:\/\//.test(pdf) ? pdf : absolute(pdf);
  return pdf === true && essay.children.length > 0 ? absolute(essayPdfPath(printUrl)) : undefined;
}
