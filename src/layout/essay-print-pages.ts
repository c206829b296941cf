/** One printable page per essay: the essay's own text followed by every chapter in reading order. */
import { seoHead, type SeoHead } from '../seo/seo-tags.js';
import { siteIcons, type SiteIcons } from '../seo/site-icons.js';
import { siteFeatures, type SiteFeatures } from './site-features.js';
import { byCodeUnits } from '../code-unit-order.js';
import type { SiteConfig } from '../config/site-config.js';
import type { FrontMatter } from '../front-matter/page.js';
import type { NavNode, NavTree } from '../nav/nav-tree.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import type { TemplateEngine } from './template-engine.js';
import { siteHref } from '../url-path.js';
import { decodeEntities } from '../html-text.js';
import { essayOf, essayPrintUrl, isEssay } from '../nav/essay-structure.js';
import { formatDate } from './format-date.js';
import { printBody } from './print-body.js';

/** The template that renders an essay's print page. */
const ESSAY_PRINT_TEMPLATE = 'essay-print';

/** One chapter as the print template sees it. */
export interface PrintChapter {
  title: string;
  /** Site URL of the chapter's own page (without baseurl). */
  url: string;
  /** Nesting below the essay: 1 for chapters, 2 for their sub-chapters. */
  level: number;
  /** The chapter body as HTML. */
  content: string;
  /** False when the body opens with a heading equal to the title, which then serves as the chapter title. */
  showTitle: boolean;
}

/** Everything `essay-print.eta` sees, as `it`; `site`, `page`, `href` and `asset` match TemplateData for shared partials. */
export interface EssayPrintData {
  site: SiteConfig;
  page: { title: string; description: string; url: string; layout: string; searchExclude: boolean };
  /** `showTitle` is false when the essay's body has its own `<h1>`. */
  essay: { title: string; url: string; content: string; showTitle: boolean; cover: PrintCover };
  chapters: PrintChapter[];
  seo: SeoHead;
  icons: SiteIcons;
  features: SiteFeatures;
  href: (url: string) => string;
  asset: (name: string) => string;
}

/** The cover block: who wrote the essay, when, and where it lives on the web. */
export interface PrintCover {
  /** From the essay's `author` or `authors` front matter; empty when it has none. */
  authors: string[];
  /** The latest `last_modified_date` of the essay and its chapters, ISO and as text; undefined when none has one. */
  date: { iso: string; text: string } | undefined;
  /** The essay's web address: the site's `url` + baseurl + its path. */
  webUrl: string;
}

/** Reads one page's front matter (for the cover); absent pages give undefined. */
export type FrontMatterOf = (path: string) => FrontMatter | undefined;

/** A generated file: where it goes under the output root and its HTML. */
export interface PrintOutput {
  outputPath: string;
  /** Source paths of the essay page and its chapters, in reading order: what the page is made of. */
  sources: readonly string[];
  /**
   * Makes the page (reading every chapter's HTML); a caller that still has it from a last build need not.
   * A one-off build gets UTF-8 bytes, each chapter encoded as soon as it is made, so an essay of many
   * long chapters is never held as strings all at once; a build that keeps results (the dev server)
   * gets the text, remade only in the chapters that changed.
   */
  make(): string | Uint8Array;
}

export { essayOf, essayPrintUrl };


/** The output path of every essay's print page, as essayPrintPages writes them. */
export function essayPrintPaths(tree: NavTree, templates: TemplateEngine): string[] {
  if (!templates.has(ESSAY_PRINT_TEMPLATE)) return [];
  return [...tree.byPath.values()].filter(isEssay).map((node) => `${essayPrintUrl(node).slice(1)}index.html`);
}

/**
 * Renders the print page of every essay in `tree`, one at a time in output-path order (each is as big
 * as its whole essay, so they are made as the caller writes them); `bodyHtml` gives a source path's final body HTML.
 */
export function* essayPrintPages(
  tree: NavTree,
  bodyHtml: (path: string) => string,
  config: SiteConfig,
  templates: TemplateEngine,
  reuse: Reuse = NO_REUSE,
  frontMatter: FrontMatterOf = () => undefined,
): Generator<PrintOutput> {
  if (!templates.has(ESSAY_PRINT_TEMPLATE)) return;
  const href = (url: string) => siteHref(config.baseurl, url);
  const essays = [...tree.byPath.values()].filter(isEssay).map((node) => ({ node, url: essayPrintUrl(node) }));
  essays.sort((a, b) => byCodeUnits(a.url, b.url));
  for (const { node, url } of essays) {
    const parts: Array<{ node: NavNode; level: number }> = [];
    const collect = (nodes: readonly NavNode[], level: number): void => {
      for (const child of nodes) {
        if (child.navExclude) continue;
        parts.push({ node: child, level });
        collect(child.children, level + 1);
      }
    };
    collect(node.children, 1);
    const essayHrefs = new Set([node, ...parts.map((part) => part.node)].flatMap((n) => [n.url, href(n.url)]));
    const hrefsKey = [...essayHrefs].join('\n');
    // Each body is rewritten for paper once per change of its HTML or of the essay's pages.
    const forPaper = (path: string): string => {
      const body = bodyHtml(path);
      return reuse.value(`print body:${path}`, () => [body, hrefsKey], () => printBody(body, { essayHrefs, demoteH1: true }));
    };
    const keep = reuse.keepsResults ? (text: string) => text : (text: string) => Buffer.from(text);
    const make = (): string | Uint8Array => {
      const chapters = parts.map(({ node: child, level }) => {
        const content = forPaper(child.path);
        const first = firstHeadingText(content);
        return { title: child.title, url: child.url, level, content: keep(content), showTitle: first?.toLowerCase() !== child.title.trim().toLowerCase() };
      });
      const essayBody = forPaper(node.path);
      const cover = printCover(node, parts.map((part) => part.node), config, frontMatter);
      const inputs = () => [tree, config, templates, essayBody, JSON.stringify(cover), ...chapters.flatMap((c) => [c.title, c.level, c.showTitle, c.content])];
      return reuse.value(`print:${url}`, inputs, () => {
        const page = (essay: string, contents: readonly string[]): string => {
          const data: EssayPrintData = {
            site: config,
            page: { title: `${node.title} (print edition)`, description: config.description, url, layout: ESSAY_PRINT_TEMPLATE, searchExclude: true },
            essay: { title: node.title, url: node.url, content: essay, showTitle: true, cover },
            chapters: chapters.map((c, i) => ({ title: c.title, url: c.url, level: c.level, showTitle: c.showTitle, content: contents[i] ?? '' })),
            seo: seoHead({ url, data: { title: `${node.title} (print edition)` } }, config),
            icons: siteIcons(config),
            features: siteFeatures(config),
            href,
            asset: (name) => href(`/assets/${name}`),
          };
          return templates.render(ESSAY_PRINT_TEMPLATE, data);
        };
        return fillIn(page, essayBody, chapters.map((c) => c.content));
      });
    };
    yield { outputPath: `${url.slice(1)}index.html`, sources: [node.path, ...parts.map((part) => part.node.path)], make };
  }
}

/** Stands for the chapter body numbered by its digits in a first rendering of the print template. */
const PLACEHOLDER = /\u0000(\d+)\u0000/;

/**
 * The print page, rendered by `page` from the essay's body and its chapters' contents (text, or bytes
 * to keep them small). The template first sees placeholders in place of the contents, and the contents
 * go in between its pieces: no long chapter is turned back into text. A template that does not print
 * every placeholder once, in order, gets the contents themselves.
 */
function fillIn(page: (essay: string, contents: readonly string[]) => string, essayBody: string, contents: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  const marked = page(essayBody.trim() === '' ? essayBody : placeholder(0), contents.map((_, i) => placeholder(i + 1)));
  const pieces = marked.split(PLACEHOLDER);
  const numbered = pieces.filter((_, i) => i % 2 === 1).map(Number);
  const expected = essayBody.trim() === '' ? contents.map((_, i) => i + 1) : [0, ...contents.map((_, i) => i + 1)];
  if (numbered.join() !== expected.join()) return page(essayBody, contents.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))));
  const parts = pieces.map((piece, i) => (i % 2 === 0 ? piece : Number(piece) === 0 ? essayBody : (contents[Number(piece) - 1] as string | Uint8Array)));
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}

function placeholder(n: number): string {
  return `\u0000${n}\u0000`;
}

/** The cover of an essay's print page, from its front matter and its chapters'. */
function printCover(essay: NavNode, chapters: readonly NavNode[], config: SiteConfig, frontMatter: FrontMatterOf): PrintCover {
  const own = frontMatter(essay.path);
  const named = own?.raw['authors'] ?? own?.raw['author'];
  const authors = (Array.isArray(named) ? named : named === undefined ? [] : [named]).map(String).filter((a) => a.trim() !== '');
  const dates = [essay, ...chapters].map((n) => frontMatter(n.path)?.lastModifiedDate).filter((d): d is string => d !== undefined);
  const latest = dates.sort().at(-1);
  return {
    authors,
    date: latest === undefined ? undefined : { iso: latest.slice(0, 10), text: formatDate(latest, '%B %-d, %Y') },
    webUrl: `${config.url.replace(/\/$/, '')}${siteHref(config.baseurl, essay.url)}`,
  };
}

/** Plain text of the first heading in an HTML body, if any. */
function firstHeadingText(html: string): string | undefined {
  const match = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(html);
  if (match === null) return undefined;
  return decodeEntities((match[1] ?? '').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
