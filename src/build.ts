/**
 * The build, in order: config → discover → front matter → nav → Markdown, with each essay's notes,
 * layout and print page as soon as its chapters are rendered → search index → commit.
 */
import path from 'node:path';
import { remember, type BuildMemo } from './cache/build-memo.js';
import { layoutKeys } from './cache/layout-key.js';
import { byCodeUnits } from './code-unit-order.js';
import { loadConfig } from './config/load-config.js';
import type { RenderCache } from './cache/render-cache.js';
import type { SiteConfig } from './config/site-config.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { discoverSource, type StaticFile } from './discover/discover-source.js';
import { noteLinker } from './footnotes/link-notes.js';
import { essayGroups } from './footnotes/resolve-notes.js';
import type { Page } from './front-matter/page.js';
import { expandLiquidInPages } from './front-matter/expand-liquid.js';
import { parseFrontMatter } from './front-matter/parse-front-matter.js';
import { applyLayout } from './layout/apply-layout.js';
import { essayPrintPages } from './layout/essay-print-pages.js';
import { siteHref } from './layout/urls.js';
import { createTemplateEngine, DEFAULT_TEMPLATES_DIR, type TemplateEngine } from './layout/template-engine.js';
import type { RenderedPage } from './markdown/page-data.js';
import type { ProcessorOptions } from './markdown/processor.js';
import { kramdownOptionsFromConfig } from './markdown/kramdown-options.js';
import { renderPages, startRenderPool, type RenderPagesOptions, type RenderPool, type RenderStats } from './markdown/render-pool.js';
import { buildNavTree } from './nav/build-nav-tree.js';
import { siteNavJson } from './nav/format-nav.js';
import type { NavTree } from './nav/nav-tree.js';
import { pageNavFor } from './nav/page-nav.js';
import { renderNavHtml } from './nav/render-nav-html.js';
import { prepareScholar, type Scholar } from './scholar/scholar-pages.js';
import { buildSearchIndex, type SearchablePage } from './search/build-search-index.js';
import { copyPublicAssets } from './write/copy-public.js';
import { writeUnlessKept, type Writer } from './write/writer.js';
import { WhenRendered } from './when-rendered.js';
import { releaseText } from './compact-text.js';

/** Dossier's own static assets (CSS, scripts), copied into every site. */
export const DEFAULT_PUBLIC_DIR = path.resolve(DEFAULT_TEMPLATES_DIR, '../public');

export interface BuildOptions {
  sourceDir: string;
  writer: Writer;
  /** Progress lines for long builds (stderr in the CLI). */
  onProgress?: ((message: string) => void) | undefined;
  /** Use this config instead of reading `_config.yml` (the dev server reuses a loaded one). */
  config?: SiteConfig;
  /** Rendered Markdown kept between builds (DiskRenderCache for the CLI, MemoryRenderCache for dev); none renders everything. */
  cache?: RenderCache | undefined;
  /**
   * Every stage's results kept for the next build in this process (the dev server), so an edit
   * redoes only what it touches. Valid while config, templates and other non-page files are
   * unchanged: its owner starts a new one when any of those change.
   */
  memo?: BuildMemo | undefined;
  /**
   * Keep every page's rendering and source for the result (default). A build that only writes the
   * site (`dossier build`) passes false: each page's rendering, note links and source are let go as
   * soon as its essay and print page are written, so a 10,000-page build never holds them all. The
   * result's `rendered` is then empty and its pages' bodies cannot be read.
   */
  holdPages?: boolean | undefined;
}

export interface BuildResult {
  config: SiteConfig;
  pages: Page[];
  statics: StaticFile[];
  nav: NavTree;
  rendered: Map<string, RenderedPage>;
  diagnostics: Diagnostic[];
  /** Milliseconds spent in each stage, in pipeline order; `notes+layout+write` is main-thread time spent during `markdown`. */
  timings: Array<[stage: string, ms: number]>;
  /** Wall time of the whole build in milliseconds. */
  elapsedMs: number;
}

/** Builds the site at `sourceDir` through `writer`. Fatal problems throw (and abort the writer). */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings: BuildResult['timings'] = [];
  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    timings.push([stage, performance.now() - t0]);
    return result;
  };
  const { writer, memo } = options;
  const holdPages = options.holdPages ?? true;
  let pool: RenderPool | undefined;
  try {
    const config = options.config ?? (await time('config', () => remember(memo, 'config', () => [], () => loadConfig(options.sourceDir))));
    const source = await time('discover', () => discoverSource(config, memo));
    // A cold build of a big site starts its render workers now; they load while front matter is read.
    pool = startRenderPool(source.pages.length, options.cache);
    const parsed = await time('front matter', () => parseFrontMatter(source.pages, config, memo));
    const liquid = await time('liquid', () => expandLiquidInPages(parsed.pages, config));
    const pages = liquid.pages;
    // The tree reads each page's path, URL and front matter only.
    const nav = await time('nav', () => remember(memo, 'nav', () => [config, ...pages.flatMap((p) => [p.path, p.url, p.data])], () => buildNavTree(pages, config)));
    const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...liquid.diagnostics, ...nav.diagnostics];
    // Citable essays and chapters: their metadata, citations and index tags (scholar/).
    const scholar = await time('scholar', () => prepareScholar(pages, nav, config));
    diagnostics.push(...scholar.diagnostics);
    const templates = remember(memo, 'templates', () => [config], () => createTemplateEngine(config.templatesDir));

    // Markdown, notes and layout overlap: an essay's notes are linked and its pages laid out and written
    // as soon as its chapters are rendered, while workers render the next essays.
    const renderStats: RenderStats = { rendered: 0, cached: 0, threads: 0 };
    const layout = layoutAsRendered({ config, pages, nav, templates, writer, memo, diagnostics, scholar, renderKey: (path) => renderStats.keys?.get(path), holdPages });
    for (const file of source.statics) writer.copy(file.path, file.absPath);
    copyPublicAssets(writer, [DEFAULT_PUBLIC_DIR, config.publicDir]);
    for (const file of scholar.files()) writer.write(file.path, file.text);
    writer.write('assets/nav.json', remember(memo, 'nav.json', () => [nav, config], () => siteNavJson(nav, config.baseurl)));
    const renderOptions = { onProgress: options.onProgress, cache: options.cache, memo, pool, onRendered: layout.onRendered };
    await time('markdown', () => renderAll(layout.renderOrder, config, renderOptions, renderStats));
    const { rendered, searchable, keyOf, ms } = layout.finish();
    // Main-thread time spent linking notes, laying out and writing pages while the workers rendered.
    timings.push(['notes+layout+write', ms]);

    // The search index over the terms the Markdown stage counted per page, owned by search/.
    await time('search', () => {
      if (!config.searchEnabled) return;
      const key = keyOf('search', searchable.map((page) => page.path));
      if (key !== undefined && writer.reuseAll?.(key) === true) return;
      const index = remember(memo, 'search', () => [config, ...searchable.flatMap((p) => [p.url, p.title, p.essay, p.terms])], () => buildSearchIndex(searchable));
      for (const file of index) writer.write(file.path, file.data, key === undefined ? undefined : { key });
    });
    await time('commit', () => writer.commit());
    memo?.finish();
    return {
      config,
      pages,
      statics: source.statics,
      nav,
      // In source order, as pages are; none when pages were let go as they were written.
      rendered: new Map(pages.flatMap((page) => {
        const body = rendered.get(page.path);
        return body === undefined ? [] : [[page.path, body] as const];
      })),
      diagnostics: sortDiagnostics(diagnostics),
      timings,
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    await pool?.close();
  }
}

/** What layoutAsRendered needs: the parsed site, where to write, and each page's render key once known. */
interface LayoutInputs {
  config: SiteConfig;
  pages: readonly Page[];
  nav: NavTree;
  templates: TemplateEngine;
  writer: Writer;
  memo: BuildMemo | undefined;
  /** Render, layout and note findings are added here. */
  diagnostics: Diagnostic[];
  scholar: Scholar;
  renderKey: (path: string) => string | undefined;
  /** False: let go of each page's rendering and source once nothing left to lay out needs them (BuildOptions.holdPages). */
  holdPages: boolean;
}

/**
 * Links notes, lays out and writes each essay's pages, and its print page, as soon as the pages they
 * show are rendered (see WhenRendered). `renderOrder` sends pages to the workers essay by essay, so
 * essays finish one after another; `onRendered` takes each page as it arrives; `finish` checks every
 * page was laid out and hands back the renderings, the searchable pages and the layout keys.
 */
function layoutAsRendered(inputs: LayoutInputs) {
  const { config, pages, nav, templates, writer, memo, diagnostics } = inputs;
  const rendered = new Map<string, RenderedPage>();
  const notes = noteLinker(pages, rendered, nav, config.baseurl, memo);
  // With a render cache, each file gets a key of everything it is made from; the writer keeps a file
  // the last build made from the same key instead of having it laid out again.
  const keyOf = writer.reuse === undefined ? () => undefined : layoutKeys(config, templates, pages, inputs.renderKey, notes.signature);
  const searchable: Array<SearchablePage & { path: string }> = [];
  const layOut = (page: Page): void => {
    const body = rendered.get(page.path);
    const pageNav = pageNavFor(nav, page.path);
    // A page's layout warnings come back with it when it is kept.
    const laidOut = writeUnlessKept(writer, page.outputPath, keyOf('page', [page.path]), () => {
      const html = notes.html(page.path);
      return remember(memo, `layout:${page.path}`, () => [page, html, body, nav, config, templates], () => {
        const found: Diagnostic[] = [];
        const input = { page, html, headings: body?.headings ?? [], nav: pageNav, navHtml: renderNavHtml(nav, page.path, config.baseurl), lastModified: page.data.lastModifiedDate, scholar: inputs.scholar.forPage(page.path) };
        return { data: applyLayout(input, config, templates, found), diagnostics: found };
      });
    });
    diagnostics.push(...laidOut);
    if (config.searchEnabled && !page.data.searchExclude && body !== undefined) {
      const title = page.data.title ?? config.title;
      searchable.push({ path: page.path, url: siteHref(config.baseurl, page.url), title, essay: pageNav.chapter?.essay.title, terms: body.terms });
    }
  };
  let ms = 0;
  const timed = (run: () => void) => () => {
    const t0 = performance.now();
    run();
    ms += performance.now() - t0;
  };

  const byPath = new Map(pages.map((page) => [page.path, page]));
  const release = (path: string): void => {
    rendered.delete(path);
    notes.forget(path);
    const page = byPath.get(path);
    if (page !== undefined) releaseText(page, 'body', 'this build was asked not to hold pages (BuildOptions.holdPages)');
  };
  const ready = new WhenRendered(inputs.holdPages ? undefined : release);
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
  for (const out of essayPrintPages(nav, notes.html, config, templates, memo)) {
    ready.add(out.sources.flatMap((path) => groupOf.get(path) ?? [path]), timed(() => {
      writeUnlessKept(writer, out.outputPath, keyOf('print', out.sources), () => ({ data: out.html(), diagnostics: [] }));
    }));
  }
  return {
    renderOrder: groups.flatMap((group) => group.map((path) => byPath.get(path) as Page)),
    onRendered: (page: RenderedPage): void => {
      rendered.set(page.path, page);
      diagnostics.push(...page.diagnostics);
      ready.rendered(page.path);
    },
    finish: () => {
      ready.assertDone();
      // Essays finish in whatever order the workers do: URL order makes the search key and memo stable.
      searchable.sort((a, b) => byCodeUnits(a.url, b.url));
      return { rendered, searchable, keyOf, ms };
    },
  };
}

/** Renders every page's Markdown, handing each to `options.onRendered`: cache first, then worker threads for big sites, in-thread for small ones. */
async function renderAll(pages: readonly Page[], config: SiteConfig, options: Omit<RenderPagesOptions, 'processor'>, stats: RenderStats): Promise<void> {
  await renderPages(pages, { ...options, processor: processorOptions(config) }, stats);
}

/** The Markdown chain's options for a site: what every page of it is rendered with. */
export function processorOptions(config: SiteConfig): ProcessorOptions {
  return {
    headingAnchors: config.headingAnchors,
    notePlacement: config.footnotes.placement,
    kramdown: kramdownOptionsFromConfig(config.raw['kramdown']),
    linkBareUrls: config.linkBareUrls,
  };
}
