/**
 * The build, in order: config → discover → front matter → nav → Liquid → Markdown, with each essay's notes,
 * layout and print page as soon as its chapters are rendered → search index → write. The stages
 * know nothing of caching; the incremental layer (incremental/) is composed in here.
 */
import { byCodeUnits } from './code-unit-order.js';
import { unrenderedFeatureWarnings } from './config/unrendered-features.js';
import type { SiteConfig } from './config/site-config.js';
import { loadConfig } from './config/load-config.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { StaticFile } from './discover/discover-source.js';
import { unsupportedKeys } from './config/unsupported-keys.js';
import { droppedCollectionFiles } from './discover/dropped-collections.js';
import { expandLiquidInPages } from './front-matter/expand-liquid.js';
import type { BuildMemo } from './incremental/build-memo.js';
import { IncrementalBuild } from './incremental/incremental-build.js';
import type { RenderStore } from './incremental/render-store.js';
import { essayPrintPaths } from './layout/essay-print-pages.js';
import { createTemplateEngine, type TemplateEngine } from './layout/template-engine.js';
import { layoutAsRendered, type FileKeyOf, type SearchableSource } from './layout-as-rendered.js';
import { loadSitePages, type LoadedSite, type StageRunner } from './load-site.js';
import type { RenderedPage } from './markdown/page-data.js';
import { processorOptions } from './markdown/processor.js';
import { renderPages, startRenderPool, type RenderPool } from './markdown/render-pool.js';
import { siteNavJson } from './nav/format-nav.js';
import type { NavTree } from './nav/nav-tree.js';
import { NO_REUSE, type Reuse } from './reuse.js';
import { buildSearchIndex, SEARCH_BUNDLE_DIR } from './search/build-search-index.js';
import { publicAssets, DEFAULT_PUBLIC_DIR } from './write/copy-public.js';
import { claimSiteOutputs, type SiteClaims } from './write/output-claims.js';
import type { Writer } from './write/writer.js';
import { publishSiteFiles } from './publish/publish-site-files.js';
import { STEMMER_ASSET, STEMMER_SOURCE } from './search/stemmer-asset.js';
import { prepareScholar, type Scholar } from './scholar/scholar-pages.js';
import { expectCitations } from './scholar/citation-offload.js';

export interface BuildOptions {
  sourceDir: string;
  writer: Writer;
  /** Progress lines for long builds (stderr in the CLI). */
  onProgress?: ((message: string) => void) | undefined;
  /** Use this config instead of reading `_config.yml` (the dev server reuses a loaded one). */
  config?: SiteConfig;
  /** Rendered Markdown kept between builds (DiskRenderStore for the CLI, MemoryRenderStore for dev); none renders everything. */
  cache?: RenderStore | undefined;
  /**
   * Every stage's results kept for the next build in this process (the dev server), so an edit
   * redoes only what it touches. Valid while config, templates and other non-page files are
   * unchanged: its owner starts a new one when any of those change.
   */
  memo?: BuildMemo | undefined;
  /**
   * Keep every page's rendering and source for the result (default). A build that only writes the
   * site (`dossier build`) passes false: each page's source is let go once it is rendered, and its
   * rendering and note links as soon as its essay and print page are written, so a 10,000-page build
   * never holds them all. The result's `rendered` is then empty and its pages' bodies cannot be read.
   */
  holdPages?: boolean | undefined;
  /** A render worker kept between builds (the dev server's), for edits too small for a pool of their own; not closed here. */
  renderPool?: RenderPool | undefined;
  /** Loads the templates from the site's override folder (default createTemplateEngine; `check` passes one that runs no site code). */
  templates?: ((overrideDir: string | undefined) => TemplateEngine) | undefined;
  /** The last step, on the finished but unpublished site (the PDF step, pdf/pdf-step.ts); a throw aborts the build, leaving the published site as it was. */
  beforePublish?: ((site: StagedSite) => Promise<unknown>) | undefined;
}

/** A site with every file written through `writer` and nothing published yet. */
export interface StagedSite extends Pick<LoadedSite, 'config' | 'pages' | 'nav'> {
  writer: Writer;
}

/** The site as far as its nav, then everything the later stages made of it. */
export interface BuildResult extends LoadedSite {
  rendered: Map<string, RenderedPage>;
  /** Every stage's findings, the front matter's and nav's included. */
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
  const time: StageRunner = async (stage, run) => {
    const t0 = performance.now();
    const result = await run();
    timings.push([stage, performance.now() - t0]);
    return result;
  };
  const { writer, memo } = options;
  let pool: RenderPool | undefined;
  try {
    const config = options.config ?? (await time('config', () => (memo ?? NO_REUSE).value('config', () => [], () => loadConfig(options.sourceDir))));
    const incremental = new IncrementalBuild(config, memo, options.cache);
    const { reuse, renderCache } = incremental;
    // A cold build of a big site starts its render workers as soon as it knows how many pages there
    // are; they load while front matter is read.
    const site = await loadSitePages(config, { reuse, time, onDiscovered: (count, bytes) => { pool = startRenderPool(count, bytes, renderCache); expectCitations(count, config.templatesDir, incremental.citations); } });
    const { nav } = site;
    const liquid = await time('liquid', () => expandLiquidInPages(site.pages, config));
    const pages = liquid.pages;
    const diagnostics: Diagnostic[] = [...unrenderedFeatureWarnings(config), ...site.diagnostics, ...liquid.diagnostics, ...unsupportedKeys(config, pages), ...droppedCollectionFiles(config)];
    const templates = reuse.value('templates', () => [config], () => (options.templates ?? createTemplateEngine)(config.templatesDir));
    // Citable essays and chapters: their metadata, citations and index tags (scholar/).
    const scholar = await time('scholar', () => prepareScholar(pages, nav, config, incremental.citations));
    diagnostics.push(...scholar.diagnostics);
    // Two sources making one output file: the loser is not written (write/output-claims.ts).
    const publicFiles = publicAssets([DEFAULT_PUBLIC_DIR, config.publicDir]);
    const claims = claimSiteOutputs({ pages, statics: site.statics, publicFiles: [...publicFiles.keys()], printPaths: essayPrintPaths(nav, templates), navFile: 'assets/nav.json', searchDir: config.searchEnabled ? SEARCH_BUNDLE_DIR : undefined });
    diagnostics.push(...claims.diagnostics);
    const layout = layoutAsRendered({
      config, pages, nav, templates, writer, reuse, diagnostics, scholar,
      fileKeys: (noteLinks) => incremental.fileKeys(writer, { config, templates, pages, statics: site.statics, citationStyles: scholar.stylesDigest }, noteLinks),
      holdPages: options.holdPages ?? true,
      notWritten: claims.lostPages,
    });
    copyAssets(writer, site.statics, publicFiles, claims, config, nav, reuse);
    await time('markdown', () =>
      renderPages(layout.renderOrder, { processor: processorOptions(config), cache: renderCache, pool, lastingPool: options.renderPool, onProgress: options.onProgress, onRendered: layout.onRendered, compactHtml: memo === undefined, timeoutMs: config.renderTimeoutMs }),
    );
    const { rendered, searchable, keyOf, ms } = layout.finish();
    // After the pages: the citations may still be formatted on a worker meanwhile (scholar/citation-offload.ts).
    for (const file of citationFiles(scholar, reuse)) writer.write(file.path, file.text);
    // Main-thread time spent linking notes, laying out and writing pages while the workers rendered.
    timings.push(['notes+layout+write', ms]);
    // Redirect pages, sitemap, robots.txt and feed, as the site's Jekyll plugins would publish them.
    diagnostics.push(...(await time('site files', () => publishSiteFiles({ config, pages, statics: site.statics, writer }))));
    await time('search', () => writeSearchIndex(writer, config, searchable, keyOf, reuse));
    if (options.beforePublish !== undefined) await time('before publish', () => options.beforePublish?.({ config, pages, nav, writer }));
    await time('commit', () => writer.commit());
    incremental.finish();
    return {
      config,
      pages,
      statics: site.statics,
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
    await (pool as RenderPool | undefined)?.close();
  }
}

/** The site's static files, Dossier's and the site's public assets, and the nav for the page script. */
function copyAssets(writer: Writer, statics: readonly StaticFile[], publicFiles: ReadonlyMap<string, string>, claims: SiteClaims, config: SiteConfig, nav: NavTree, reuse: Reuse): void {
  for (const file of statics) if (!claims.lostStatics.has(file.path)) writer.copy(file.path, file.absPath);
  for (const [rel, file] of [...publicFiles].sort(([a], [b]) => byCodeUnits(a, b))) writer.copy(rel, file);
  // The search page script's stemmer, so queries are stemmed as the index was.
  if (config.searchEnabled) writer.copy(STEMMER_ASSET, STEMMER_SOURCE);
  writer.write('assets/nav.json', reuse.value('nav.json', () => [nav, config], () => siteNavJson(nav, config.baseurl)));
}

/** The search index over the terms the Markdown stage counted per page; kept as written when every searchable page is unchanged. */
function writeSearchIndex(writer: Writer, config: SiteConfig, searchable: readonly SearchableSource[], keyOf: FileKeyOf, reuse: Reuse): void {
  if (!config.searchEnabled) return;
  const key = keyOf('search', searchable.map((page) => page.path));
  if (key !== undefined && writer.reuseAll?.(key) === true) return;
  const index = reuse.value('search', () => [config, ...searchable.flatMap((p) => [p.url, p.title, p.essay, p.terms, p.excerpts])], () => buildSearchIndex(searchable));
  for (const file of index) writer.write(file.path, file.data, key === undefined ? undefined : { key });
}

/**
 * The `.bib` and `.ris` files, kept while every work's metadata reads the same: formatting them is
 * citeproc for every essay and chapter, which a body edit in the dev server need not pay again.
 */
function citationFiles(scholar: Scholar, reuse: Reuse): Array<{ path: string; text: string }> {
  return reuse.value('citation files', () => [JSON.stringify([...scholar.works])], () => scholar.files());
}
