/**
 * Notes, layout and writing, run essay by essay while the workers render: an essay's notes are linked
 * and its pages laid out and written as soon as its chapters are rendered (see WhenRendered).
 */
import { byCodeUnits } from './code-unit-order.js';
import type { SiteConfig } from './config/site-config.js';
import type { Diagnostic } from './diagnostics.js';
import { noteLinker, type NoteLinker } from './footnotes/link-notes.js';
import { essayGroups } from './footnotes/resolve-notes.js';
import { releaseBody, type Page } from './front-matter/page.js';
import { applyLayout } from './layout/apply-layout.js';
import { essayPrintPages } from './layout/essay-print-pages.js';
import { redirectTarget } from './layout/redirect-page.js';
import type { TemplateEngine } from './layout/template-engine.js';
import { siteHref } from './url-path.js';
import type { RenderedPage } from './markdown/page-data.js';
import type { NavTree } from './nav/nav-tree.js';
import { pageNavFor } from './nav/page-nav.js';
import { renderNavHtml } from './nav/render-nav-html.js';
import type { Reuse } from './reuse.js';
import type { Scholar } from './scholar/scholar-pages.js';
import { excerptFile, type SearchablePage } from './search/build-search-index.js';
import { WhenRendered } from './when-rendered.js';
import { writeUnlessKept, type Writer } from './write/writer.js';

/** A file's key from its kind and source pages (the writer keeps a file made from the same key last time), or undefined: always make it. */
export type FileKeyOf = (kind: string, paths: readonly string[]) => string | undefined;

/** What layoutAsRendered needs: the parsed site, where to write, and how results are reused. */
export interface LayoutInputs {
  config: SiteConfig;
  pages: readonly Page[];
  nav: NavTree;
  templates: TemplateEngine;
  writer: Writer;
  reuse: Reuse;
  /** The keys of files made from these pages, given each page's note links (see incremental/layout-key.ts). */
  fileKeys: (noteLinks: (path: string) => string) => FileKeyOf;
  /** Render, layout and note findings are added here. */
  diagnostics: Diagnostic[];
  /** False: let go of each page's source once it is rendered, and of its rendering once nothing left to lay out needs it (BuildOptions.holdPages). */
  holdPages: boolean;
  /** Pages whose output file another source makes (their error is reported already). */
  notWritten: ReadonlySet<string>;
  /** Citations and index tags of essays and chapters (scholar/). */
  scholar: Scholar;
}

/** A page of the search index, with the source path it comes from. */
export type SearchableSource = SearchablePage & { path: string };

/**
 * Links notes, lays out and writes each essay's pages, and its print page, as soon as the pages they
 * show are rendered. `renderOrder` sends pages to the workers essay by essay, so essays finish one
 * after another; `onRendered` takes each page as it arrives; `finish` checks every page was laid out
 * and hands back the renderings, the searchable pages and the file keys.
 */
export function layoutAsRendered(inputs: LayoutInputs) {
  const { config, pages, nav, diagnostics } = inputs;
  const rendered = new Map<string, RenderedPage>();
  const notes = noteLinker(pages, rendered, nav, config.baseurl, inputs.reuse);
  const keyOf = inputs.fileKeys(notes.signature);
  const searchable: SearchableSource[] = [];
  let ms = 0;
  const timed = (run: () => void) => () => {
    const t0 = performance.now();
    run();
    ms += performance.now() - t0;
  };
  const byPath = new Map(pages.map((page) => [page.path, page]));
  // Search excerpts are made as each page arrives and held as UTF-8 bytes until the index is written.
  const excerpts = new Map<string, Uint8Array | undefined>();
  const layOut = pageLayout(inputs, rendered, notes, keyOf, { searchable, excerpts });
  // A page's layout also needs its citations: while the citation worker has not got there, this thread
  // hands pages to the render workers instead of waiting on it.
  const citationsReady = (paths: readonly string[]) => paths.every((path) => inputs.scholar.citationsReady(path));
  const ready = new WhenRendered(inputs.holdPages ? undefined : releaser(rendered, notes), citationsReady);
  const groups = essayGroups(pages, nav);
  const groupOf = new Map<string, readonly string[]>();
  for (const group of groups) {
    for (const path of group) groupOf.set(path, group);
    ready.add(group, timed(() => {
      diagnostics.push(...notes.link(group));
      for (const path of group) layOut(byPath.get(path) as Page);
    }));
  }
  // Reader extras, owned by layout/: one print page per essay (its chapters in reading order), made
  // once every page it shows has its notes linked.
  for (const out of essayPrintPages(nav, notes.printHtml, config, inputs.templates, inputs.reuse, (path) => byPath.get(path)?.data)) {
    ready.add(out.sources.flatMap((path) => groupOf.get(path) ?? [path]), timed(() => {
      writeUnlessKept(inputs.writer, out.outputPath, keyOf('print', out.sources), () => ({ data: out.make(), diagnostics: [] }));
    }));
  }
  return {
    renderOrder: groups.flatMap((group) => group.map((path) => byPath.get(path) as Page)),
    onRendered: (page: RenderedPage): void => {
      rendered.set(page.path, page);
      const source = byPath.get(page.path);
      if (source !== undefined && isSearchable(inputs, source)) excerpts.set(page.path, inputs.reuse.value(`excerpts:${page.path}`, () => [page.sections], () => excerptFile(page.sections)));
      if (!inputs.holdPages) {
        // Nothing after rendering reads a page's source or its sections (a long essay's chapters wait
        // for the last one, and sections are mostly two-byte strings): a one-off build lets them go.
        if (source !== undefined) releaseBody(source, 'this build was asked not to hold pages (BuildOptions.holdPages)');
        page.sections = [];
      }
      diagnostics.push(...page.diagnostics);
      ready.rendered(page.path);
    },
    finish: () => {
      ready.finish();
      // Essays finish in whatever order the workers do: URL order makes the search key and memo stable.
      searchable.sort((a, b) => byCodeUnits(a.url, b.url));
      return { rendered, searchable, keyOf, ms };
    },
  };
}

/** Lays out and writes one page whose notes are linked (or keeps last build's file), and notes it (with its excerpts) for the search index. */
function pageLayout(inputs: LayoutInputs, rendered: ReadonlyMap<string, RenderedPage>, notes: NoteLinker, keyOf: FileKeyOf, search: { searchable: SearchableSource[]; excerpts: ReadonlyMap<string, Uint8Array | undefined> }) {
  const { config, nav, templates, writer, reuse, diagnostics } = inputs;
  return (page: Page): void => {
    if (inputs.notWritten.has(page.path)) return;
    const body = rendered.get(page.path);
    const pageNav = pageNavFor(nav, page.path);
    // A page's layout warnings come back with it when it is kept.
    const laidOut = writeUnlessKept(writer, page.outputPath, keyOf('page', [page.path]), () => {
      const html = notes.html(page.path);
      const scholar = inputs.scholar.forPage(page.path);
      // A chapter's citation comes from its essay's front matter too: its text, not its object, is the memo's input.
      const cites = scholar === undefined ? '' : JSON.stringify([scholar.tags, scholar.citations]);
      return reuse.value(`layout:${page.path}`, () => [page, html, body, nav, config, templates, cites], () => {
        const found: Diagnostic[] = [];
        const input = { page, html, headings: body?.headings ?? [], nav: pageNav, navHtml: renderNavHtml(nav, page.path, config.baseurl), lastModified: page.data.lastModifiedDate, scholar };
        return { data: applyLayout(input, config, templates, found), diagnostics: found };
      });
    });
    diagnostics.push(...laidOut);
    if (body !== undefined && isSearchable(inputs, page)) {
      const title = page.data.title ?? config.title;
      search.searchable.push({ path: page.path, url: siteHref(config.baseurl, page.url), title, essay: pageNav.chapter?.essay.title, terms: body.terms, excerpts: search.excerpts.get(page.path) });
    }
  };
}

/** Whether a page goes into the search index: search is on, the page is not excluded, and it is not a `redirect_to` page (only a redirect once written, with nothing to find). */
function isSearchable(inputs: LayoutInputs, page: Page): boolean {
  return inputs.config.searchEnabled && !page.data.searchExclude && !inputs.notWritten.has(page.path) && redirectTarget(page.data, inputs.config) === undefined;
}

/** Lets go of a page's rendering and note links once nothing left to lay out needs them. */
function releaser(rendered: Map<string, RenderedPage>, notes: NoteLinker) {
  return (path: string): void => {
    rendered.delete(path);
    notes.forget(path);
  };
}
