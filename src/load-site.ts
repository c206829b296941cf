/** The first stages of every command: config → discover → front matter → nav. */
import { loadConfig } from './config/load-config.js';
import type { SiteConfig } from './config/site-config.js';
import type { Diagnostic } from './diagnostics.js';
import { discoverSource, type StaticFile } from './discover/discover-source.js';
import type { Page } from './front-matter/page.js';
import { parseFrontMatter } from './front-matter/parse-front-matter.js';
import { buildNavTree } from './nav/build-nav-tree.js';
import type { NavTree } from './nav/nav-tree.js';
import { NO_REUSE, type Reuse } from './reuse.js';

/** A site read as far as its navigation: what `dossier nav` prints and what a build renders. */
export interface LoadedSite {
  config: SiteConfig;
  pages: Page[];
  statics: StaticFile[];
  nav: NavTree;
  /** Front-matter and nav findings. */
  diagnostics: Diagnostic[];
}

/** Runs one stage; the build passes a timer, commands that only read the site run stages as they are. */
export type StageRunner = <T>(stage: string, run: () => T) => Promise<T>;

const untimed: StageRunner = async (_stage, run) => run();

export interface LoadSiteOptions {
  /** Results kept from the last build in this process (the dev server); default: none. */
  reuse?: Reuse | undefined;
  /** Times each stage (the build's timings). */
  time?: StageRunner | undefined;
  /** Told how many pages there are, and their files' bytes together, as soon as they are found, before their front matter is read (the build starts its render workers then). */
  onDiscovered?: ((pageCount: number, pageBytes: number) => void) | undefined;
}

/** Reads `_config.yml` in `sourceDir`, then the site as far as its nav tree. */
export async function loadSite(sourceDir: string, options: LoadSiteOptions = {}): Promise<LoadedSite> {
  return loadSitePages(loadConfig(sourceDir), options);
}

/** Discovers, parses and arranges the pages of a site whose config is loaded. */
export async function loadSitePages(config: SiteConfig, options: LoadSiteOptions = {}): Promise<LoadedSite> {
  const time = options.time ?? untimed;
  const reuse = options.reuse ?? NO_REUSE;
  const source = await time('discover', () => discoverSource(config, reuse));
  options.onDiscovered?.(source.pages.length, source.pageBytes);
  const parsed = await time('front matter', () => parseFrontMatter(source.pages, config, reuse));
  const pages = parsed.pages;
  // The tree reads each page's path, URL and front matter only.
  const nav = await time('nav', () => reuse.value('nav', () => [config, ...pages.flatMap((p) => [p.path, p.url, p.data])], () => buildNavTree(pages, config)));
  return { config, pages, statics: source.statics, nav, diagnostics: [...parsed.diagnostics, ...nav.diagnostics] };
}
