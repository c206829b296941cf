/** The build, in order: config → discover → front matter → nav → Markdown → notes → layout → write. */
import path from 'node:path';
import { loadConfig } from './config/load-config.js';
import type { RenderCache } from './cache/render-cache.js';
import type { SiteConfig } from './config/site-config.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { discoverSource, type StaticFile } from './discover/discover-source.js';
import { linkNotes } from './footnotes/link-notes.js';
import type { Page } from './front-matter/page.js';
import { expandLiquidInPages } from './front-matter/expand-liquid.js';
import { parseFrontMatter } from './front-matter/parse-front-matter.js';
import { applyLayout } from './layout/apply-layout.js';
import { essayPrintPages } from './layout/essay-print-pages.js';
import { siteHref } from './layout/urls.js';
import { createTemplateEngine, DEFAULT_TEMPLATES_DIR } from './layout/template-engine.js';
import type { RenderedPage } from './markdown/page-data.js';
import { kramdownOptionsFromConfig } from './markdown/kramdown-options.js';
import { renderPages } from './markdown/render-pool.js';
import { buildNavTree } from './nav/build-nav-tree.js';
import { siteNavJson } from './nav/format-nav.js';
import type { NavTree } from './nav/nav-tree.js';
import { pageNavFor } from './nav/page-nav.js';
import { renderNavHtml } from './nav/render-nav-html.js';
import { SearchInputs } from './search/search-inputs.js';
import type { SearchStore } from './search/search-store.js';
import { copyPublicAssets } from './write/copy-public.js';
import type { Writer } from './write/writer.js';

/** Dossier's own static assets (CSS, scripts), copied into every site. */
export const DEFAULT_PUBLIC_DIR = path.resolve(DEFAULT_TEMPLATES_DIR, '../public');

export interface BuildOptions {
  sourceDir: string;
  writer: Writer;
  /** Progress lines for long builds (stderr in the CLI). */
  onProgress?: (message: string) => void;
  /** Remembers the search bundle between builds; without it every build runs Pagefind. */
  searchStore?: SearchStore | undefined;
  /** Serve the last stored search bundle even if pages changed (the dev server, where speed wins). */
  staleSearch?: boolean;
  /** Use this config instead of reading `_config.yml` (the dev server reuses a loaded one). */
  config?: SiteConfig;
  /** Rendered Markdown kept between builds (DiskRenderCache for the CLI, MemoryRenderCache for dev); none renders everything. */
  cache?: RenderCache | undefined;
}

export interface BuildResult {
  config: SiteConfig;
  pages: Page[];
  statics: StaticFile[];
  nav: NavTree;
  rendered: Map<string, RenderedPage>;
  diagnostics: Diagnostic[];
  /** Milliseconds spent in each stage, in pipeline order. */
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
  const { writer } = options;
  try {
    const config = options.config ?? (await time('config', () => loadConfig(options.sourceDir)));
    const source = await time('discover', () => discoverSource(config));
    const parsed = await time('front matter', () => parseFrontMatter(source.pages, config));
    const liquid = await time('liquid', () => expandLiquidInPages(parsed.pages, config));
    const pages = liquid.pages;
    const nav = await time('nav', () => buildNavTree(pages, config));
    const rendered = await time('markdown', () => renderAll(pages, config, options.onProgress, options.cache));
    const notes = await time('notes', () => linkNotes(pages, rendered, nav, config.baseurl));
    const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...liquid.diagnostics, ...nav.diagnostics, ...notes.diagnostics];
    for (const page of rendered.values()) diagnostics.push(...page.diagnostics);

    const searchable = new SearchInputs();
    const templates = createTemplateEngine(config.templatesDir);
    await time('layout+write', () => {
      for (const page of pages) {
        const body = rendered.get(page.path);
        const html = applyLayout(
          {
            page,
            html: notes.html.get(page.path) ?? body?.html ?? '',
            headings: body?.headings ?? [],
            nav: pageNavFor(nav, page.path),
            navHtml: renderNavHtml(nav, page.path, config.baseurl),
            lastModified: page.data.lastModifiedDate,
          },
          config,
          templates,
          diagnostics,
        );
        writer.write(page.outputPath, html);
        if (config.searchEnabled && !page.data.searchExclude) searchable.add(siteHref(config.baseurl, page.url), page.outputPath, html);
      }
      for (const file of source.statics) writer.copy(file.path, file.absPath);
      copyPublicAssets(writer, [DEFAULT_PUBLIC_DIR, config.publicDir]);
      writer.write('assets/nav.json', siteNavJson(nav, config.baseurl));
    });
    // Reader extras, owned by layout/ and search/: one print page per essay (its chapters in
    // reading order), then the Pagefind index over the HTML of every page laid out above, read
    // back from the writer (so no page's HTML stays in memory) unless a stored bundle matches.
    await time('print+search', async () => {
      for (const out of essayPrintPages(nav, notes.html, config, templates)) writer.write(out.outputPath, out.html);
      if (config.searchEnabled) {
        const files = await searchable.bundle(writer, options.searchStore, options.staleSearch === true);
        for (const file of files) writer.write(file.path, file.data);
      }
    });
    await time('commit', () => writer.commit());
    return {
      config,
      pages,
      statics: source.statics,
      nav,
      rendered,
      diagnostics: sortDiagnostics(diagnostics),
      timings,
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** Renders every page's Markdown: cache first, then worker threads for big sites, in-thread for small ones. */
function renderAll(
  pages: readonly Page[],
  config: SiteConfig,
  onProgress: ((message: string) => void) | undefined,
  cache: RenderCache | undefined,
): Promise<Map<string, RenderedPage>> {
  const processor = {
    headingAnchors: config.headingAnchors,
    notePlacement: config.footnotes.placement,
    kramdown: kramdownOptionsFromConfig(config.raw['kramdown']),
  };
  return renderPages(pages, { processor, cache, onProgress });
}
