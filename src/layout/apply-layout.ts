/** Stage 7: wrap a rendered page in its layout with nav, breadcrumbs, chapter links and site chrome. */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { Heading } from '../markdown/page-data.js';
import type { NavNode, PageNav } from '../nav/nav-tree.js';
import type { ScholarPage } from '../scholar/scholar-pages.js';
import { essayOf, essayPrintUrl } from './essay-print-pages.js';
import { formatDate } from './format-date.js';
import type { TemplateEngine } from './template-engine.js';
import { siteHref } from './urls.js';

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
  /** `last_modified_date` formatted with `last_edit_time_format`. */
  lastModifiedText: string;
  /** Site URL of the print edition of this page's essay (on essays and their chapters). */
  essayPrintUrl: string | undefined;
  /** Citations and index tags of an essay or chapter page (scholar/); undefined on other pages. */
  scholar: ScholarPage | undefined;
  /** Href for a site URL, with baseurl and encoding. */
  href: (url: string) => string;
  /** Href of a node in the nav tree. */
  nodeHref: (node: NavNode) => string;
  /** Href of a file under the site's `/assets/` folder. */
  asset: (name: string) => string;
}

const LAYOUTS = ['default', 'page', 'home'] as const;

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
    content: input.html,
    navHtml: input.navHtml,
    nav: input.nav,
    headings: input.headings,
    toc: onThisPage(input.headings),
    showTitle: showsTitle(page.data.title ?? '', input.headings),
    lastModifiedText: input.lastModified === undefined ? '' : formatDate(input.lastModified, config.lastEditTimeFormat),
    essayPrintUrl: printUrlFor(input.nav),
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

/** Essays written for Just the Docs often open with a heading equal to the page title; printing it twice reads badly. */
function showsTitle(title: string, headings: readonly Heading[]): boolean {
  if (title.trim() === '' || headings.some((h) => h.depth === 1)) return false;
  const first = headings[0];
  return first === undefined || first.text.trim().toLowerCase() !== title.trim().toLowerCase();
}

function printUrlFor(nav: PageNav): string | undefined {
  const essay = nav.node === undefined ? undefined : essayOf(nav.node);
  return essay === undefined ? undefined : essayPrintUrl(essay);
}
