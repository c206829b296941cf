/** The resolved site configuration every later stage reads. Raw YAML never leaves config/. */
import type { CheckConfig } from './check-config.js';
import type { KramdownOptions } from './kramdown-options.js';
import type { PublishedFiles } from './published-files.js';
import type { SiteSettings } from './site-settings.js';

export type NavSort = 'case_sensitive' | 'case_insensitive';

/** Where hand-numbered and kramdown notes are placed in the rendered page. */
export type NotePlacement = 'inline' | 'end';

export interface AuxLink {
  title: string;
  url: string;
}

export interface EditLinkConfig {
  /** Link text, e.g. "Edit this page on GitHub". */
  text: string;
  /** Full URL prefix; the page's source path is appended. */
  urlPrefix: string;
}

export interface SiteConfig extends SiteSettings {
  /** Absolute path of the source folder (the folder holding `_config.yml`). */
  sourceDir: string;
  title: string;
  description: string;
  /** Path prefix the site is served under, '' or '/something' (no trailing slash). */
  baseurl: string;
  /** Absolute origin, e.g. https://example.org ('' when unset). */
  url: string;
  /** `pretty` → `/dir/name/`; anything else Jekyll knows as a style → `/dir/name.html`. */
  permalink: string;
  /** Jekyll `exclude` patterns plus Jekyll's defaults. */
  exclude: string[];
  /** Jekyll `include` patterns: dotfiles and underscore paths to keep anyway. */
  include: string[];
  navSort: NavSort;
  searchEnabled: boolean;
  headingAnchors: boolean;
  auxLinks: AuxLink[];
  auxLinksNewTab: boolean;
  backToTop: boolean;
  backToTopText: string;
  /** Raw HTML from `footer_content`, trusted like page content. */
  footerContent: string;
  lastEditTimestamp: boolean;
  lastEditTimeFormat: string;
  editLink: EditLinkConfig | undefined;
  /** `light`, `dark` or `auto` (follow the reader's system setting). */
  colorScheme: string;
  /** Link bare URLs and emails in prose (`dossier.link_bare_urls`); Jekyll prints them as text. */
  linkBareUrls: boolean;
  /** How long one page may take to render on a worker before it is published as text (`dossier.render_timeout`, seconds). */
  renderTimeoutMs: number;
  footnotes: {
    placement: NotePlacement;
    /** Show notes in the margin on wide screens. */
    sidenotes: boolean;
  };
  /** The `kramdown:` settings Dossier honours. */
  kramdown: KramdownOptions;
  /** Which of Jekyll's plugin outputs (sitemap, feed, redirects.json) the site publishes. */
  published: PublishedFiles;
  /** `dossier.check`: rule severities, ignored links, external-link settings. */
  check: CheckConfig;
  /** Site path or URL of the favicon: `favicon_ico`, else `/favicon.ico` when the source has one (Just the Docs' head). */
  favicon: string | undefined;
  /** Typeset kramdown `$$…$$` math at build time: `kramdown.math_engine` names an engine. */
  kramdownMath: boolean;
  /** Absolute path of a folder whose templates override Dossier's own, if it exists. */
  templatesDir: string | undefined;
  /** Absolute path of a folder of extra static assets copied to the site root, if it exists. */
  publicDir: string | undefined;
  /** Everything from `_config.yml`, for templates and Liquid (`site.*`) that want a key Dossier does not model; stages read the typed fields. */
  raw: Readonly<Record<string, unknown>>;
}

/** Default time one page may take to render on a worker before it is given up (`dossier.render_timeout` seconds). */
export const DEFAULT_RENDER_TIMEOUT_MS = 10_000;
