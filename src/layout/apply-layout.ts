/** Stage 7: wrap a rendered page in its layout with nav, breadcrumbs, chapter links and site chrome. */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { Heading } from '../markdown/page-data.js';
import type { NavNode, PageNav } from '../nav/nav-tree.js';
import { seoHead, type SeoHead } from '../seo/seo-tags.js';
import { siteIcons, type SiteIcons } from '../seo/site-icons.js';
import { siteFeatures, type SiteFeatures } from './site-features.js';
import type { ScholarPage } from '../scholar/scholar-pages.js';
import { essayOf, essayPrintUrl } from './essay-print-pages.js';
import { formatDate } from './format-date.js';
import { redirectPageHtml, redirectTarget } from './redirect-page.js';
import { numberParagraphs } from './paragraph-ids.js';
import { localImageFile, sizeImages } from './image-sizes.js';
import { documentTitle, promoteHeading, titleHeading } from './page-heading.js';
import { readingMinutes } from './reading-time.js';
import type { TemplateEngine } from './template-engine.js';
import { siteHref } from '../url-path.js';

/** Everything a template sees, as `it`. */
export interface TemplateData {
  site: SiteConfig;
  page: {
    title: string;
    description: string;
    url: string;
    path: string;
    layout: string;
    lastModified: string | undefined;
    editUrl: string | undefined;
    searchExclude: boolean;
    data: Readonly<Record<string, unknown>>;
  };
  /** The page body as HTML (trusted: it came from the author's Markdown). */
  content: string;
  /** Sidebar navigation HTML for this page. */
  navHtml: string;
  nav: PageNav;
  headings: Heading[];
  /** Headings for the "On this page" list: levels 2–3, without `.no_toc` ones; empty when there are fewer than two. */
  toc: Heading[];
  /** Whether the layout prints the page title as `<h1>` (the body has no `<h1>` and does not open with the title). */
  showTitle: boolean;
  /** The `<title>` text: the page, its essay on chapter pages, the site. */
  documentTitle: string;
  /** `last_modified_date` formatted with `last_edit_time_format`. */
  lastModifiedText: string;
  /** Minutes to read the page's text, on chapters (0 elsewhere). */
  readingMinutes: number;
  /** On an essay's landing page, its first chapter (the "Start reading" link). */
  firstChapter: NavNode | undefined;
  /** Site URL of the print edition of this page's essay (on essays and their chapters). */
  essayPrintUrl: string | undefined;
  /** Title, canonical, Open Graph, Twitter and JSON-LD, as jekyll-seo-tag writes them (printed by partials/seo). */
  seo: SeoHead;
  /** Favicon and logo hrefs. */
  icons: SiteIcons;
  /** Stylesheets and scripts the site's settings call for (math, callouts, copy button). */
  features: SiteFeatures;
  /** Citations and index tags of an essay or chapter page (scholar/); undefined on other pages. */
  scholar: ScholarPage | undefined;
  /** Href for a site URL, with baseurl and encoding. */
  href: (url: string) => string;
  /** Href of a node in the nav tree. */
  nodeHref: (node: NavNode) => string;
  /** Href of a file under the site's `/assets/` folder. */
  asset: (name: string) => string;
}

const LAYOUTS = ['default', 'page', 'home', 'minimal'] as const;

export interface LayoutInput {
  page: Page;
  html: string;
  headings: Heading[];
  nav: PageNav;
  navHtml: string;
  lastModified: string | undefined;
  scholar?: ScholarPage | undefined;
}

/** Renders the page's full HTML document; an unknown layout falls back to `default` with a warning. */
export function applyLayout(
  input: LayoutInput,
  config: SiteConfig,
  templates: TemplateEngine,
  diagnostics: Diagnostic[],
): string {
  const { page } = input;
  const redirectTo = redirectTarget(page.data, config);
  if (redirectTo !== undefined) return redirectPageHtml(redirectTo);
  // Jekyll's `layout: null` (or `none`) publishes the page's own content with no frame at all.
  if ('layout' in page.data.raw && (page.data.raw['layout'] === null || page.data.raw['layout'] === 'none')) return input.html;
  let layout = page.data.layout ?? 'default';
  if (!templates.has(layout)) {
    const at = page.data.places['layout'] ?? { line: 1, column: 1 };
    diagnostics.push({
      file: page.path,
      line: at.line,
      column: at.column,
      severity: 'warning',
      rule: 'layout/unknown-layout',
      message: `unknown layout "${layout}"; using "default" (known: ${[...LAYOUTS].join(', ')})`,
    });
    layout = 'default';
  }
  const href = (url: string) => siteHref(config.baseurl, url);
  const title = page.data.title ?? '';
  const heading = titleHeading(title, input.headings);
  const seo = seoHead({ url: page.url, data: page.data.raw, feedPath: config.published.feedPath }, config);
  const data: TemplateData = {
    site: config,
    page: {
      title: page.data.title ?? '',
      description: page.data.description ?? config.description,
      url: page.url,
      path: page.path,
      layout,
      lastModified: input.lastModified,
      editUrl: config.editLink === undefined ? undefined : `${config.editLink.urlPrefix}${page.path}`,
      searchExclude: page.data.searchExclude,
      data: page.data.raw,
    },
    content: numberParagraphs(
      sizeImages(heading.kind === 'promote' ? promoteHeading(input.html, heading.heading, heading.shift) : input.html, (src) =>
        localImageFile(src, page.url, config.baseurl, config.sourceDir),
      ),
    ),
    navHtml: input.navHtml,
    nav: input.nav,
    headings: input.headings,
    toc: onThisPage(input.headings),
    showTitle: heading.kind === 'layout',
    // jekyll-seo-tag's title, but a chapter's names its essay too (og:title keeps the page's own).
    documentTitle: input.nav.chapter === undefined ? seo.title : documentTitle(title, config.title, input.nav),
    lastModifiedText: input.lastModified === undefined ? '' : formatDate(input.lastModified, config.lastEditTimeFormat),
    essayPrintUrl: printUrlFor(input.nav),
    // One JSON-LD block: on essays and chapters the scholarly description (ScholarlyArticle, authors'
    // affiliations, DOI, hasPart) overrides jekyll-seo-tag's page type; its other keys stay.
    seo: input.scholar === undefined ? seo : { ...seo, jsonLd: { ...seo.jsonLd, ...(input.scholar.tags.jsonLd as SeoHead['jsonLd']) } },
    icons: siteIcons(config),
    features: siteFeatures(config),
    firstChapter: firstChapterOf(input.nav),
    readingMinutes: input.nav.chapter === undefined ? 0 : readingMinutes(input.html),
    scholar: input.scholar,
    href,
    nodeHref: (node) => href(node.url),
    asset: (name) => href(`/assets/${name}`),
  };
  return templates.render(layout, data);
}

/** Long chapters need the list; a single heading is not worth the column. */
function onThisPage(headings: readonly Heading[]): Heading[] {
  const toc = headings.filter((h) => (h.depth === 2 || h.depth === 3) && !h.noToc);
  return toc.length >= 2 ? toc : [];
}

function firstChapterOf(nav: PageNav): NavNode | undefined {
  const node = nav.node;
  if (node === undefined || essayOf(node) !== node) return undefined;
  return node.children.find((child) => !child.navExclude);
}

function printUrlFor(nav: PageNav): string | undefined {
  const essay = nav.node === undefined ? undefined : essayOf(nav.node);
  return essay === undefined ? undefined : essayPrintUrl(essay);
}
