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
  /** Makes the page (reading every chapter's HTML); a caller that still has it from a last build need not. */
  html(): string;
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
    const forPaper = (body: string) => printBody(body, { essayHrefs, demoteH1: true });
    const html = (): string => {
      const chapters: PrintChapter[] = parts.map(({ node: child, level }) => {
        const content = forPaper(bodyHtml(child.path));
        const first = firstHeadingText(content);
        return { title: child.title, url: child.url, level, content, showTitle: first?.toLowerCase() !== child.title.trim().toLowerCase() };
      });
      const essayBody = forPaper(bodyHtml(node.path));
      const cover = printCover(node, parts.map((part) => part.node), config, frontMatter);
      const inputs = () => [tree, config, templates, essayBody, cover, ...chapters.map((c) => c.content)];
      return reuse.value(`print:${url}`, inputs, () => {
        const data: EssayPrintData = {
          site: config,
          page: { title: `${node.title} (print edition)`, description: config.description, url, layout: ESSAY_PRINT_TEMPLATE, searchExclude: true },
          essay: { title: node.title, url: node.url, content: essayBody, showTitle: true, cover },
          chapters,
          seo: seoHead({ url, data: { title: `${node.title} (print edition)` } }, config),
          icons: siteIcons(config),
          features: siteFeatures(config),
          href,
          asset: (name) => href(`/assets/${name}`),
        };
        return templates.render(ESSAY_PRINT_TEMPLATE, data);
      });
    };
    yield { outputPath: `${url.slice(1)}index.html`, sources: [node.path, ...parts.map((part) => part.node.path)], html };
  }
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
