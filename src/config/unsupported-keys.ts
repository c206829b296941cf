/**
 * One warning for every `_config.yml` key, plugin and front-matter key Dossier does not honour, so
 * a site owner learns what their Jekyll build publishes that Dossier's does not, instead of silence.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { SiteConfig } from './site-config.js';

export const UNSUPPORTED_RULE = 'config/unsupported-key';

/**
 * Top-level `_config.yml` keys Dossier reads or has no need to (Jekyll's own build settings it
 * replaces), and those of SEO tags, sitemap, feed, redirects, logo, callouts, mermaid, copy buttons
 * and search.
 */
const HONOURED_CONFIG = new Set([
  // Site and URLs.
  'title', 'description', 'baseurl', 'url', 'permalink', 'exclude', 'include', 'lang', 'defaults', 'collections', 'collections_dir',
  // Theme and build machinery Dossier stands in for.
  'theme', 'remote_theme', 'plugins', 'gems', 'whitelist', 'markdown', 'kramdown', 'highlighter', 'source', 'destination',
  'layouts_dir', 'includes_dir', 'data_dir', 'encoding', 'safe', 'incremental', 'profile', 'quiet', 'verbose', 'livereload', 'port', 'host', 'strict_front_matter', 'keep_files', 'show_drafts', 'future', 'unpublished', 'sass',
  // Just the Docs.
  'nav_sort', 'nav_enabled', 'nav_external_links', 'just_the_docs', 'search_enabled', 'search', 'search_tokenizer_separator', 'heading_anchors', 'aux_links', 'aux_links_new_tab',
  'back_to_top', 'back_to_top_text', 'footer_content', 'last_edit_timestamp', 'last_edit_time_format', 'gh_edit_link', 'gh_edit_link_text',
  'gh_edit_repository', 'gh_edit_branch', 'gh_edit_source', 'gh_edit_view_mode', 'color_scheme', 'logo', 'favicon_ico', 'callouts', 'callouts_level',
  'mermaid', 'enable_copy_code_button',
  // jekyll-seo-tag, jekyll-feed.
  'author', 'social', 'twitter', 'facebook', 'tagline', 'seo', 'webmaster_verifications', 'google_site_verification', 'feed',
  // Dossier's own.
  'dossier',
]);

/** `kramdown:` keys with an effect in Dossier (or none needed: highlighting is done at build time). */
const HONOURED_KRAMDOWN = new Set(['input', 'auto_ids', 'toc_levels', 'math_engine', 'syntax_highlighter', 'syntax_highlighter_opts']);

/** Plugins whose output Dossier makes itself, or which change nothing readers see. */
const HONOURED_PLUGINS = new Set(['jekyll-seo-tag', 'jekyll-sitemap', 'jekyll-feed', 'jekyll-redirect-from', 'jekyll-remote-theme', 'jekyll-include-cache', 'just-the-docs']);

/** Front-matter keys Dossier reads (navigation, layout, SEO and scholarly metadata). */
const HONOURED_FRONT_MATTER = new Set([
  'layout', 'title', 'parent', 'grand_parent', 'ancestor', 'nav_order', 'nav_exclude', 'has_children', 'has_toc', 'essay', 'child_nav_order', 'nav_enabled',
  'permalink', 'description', 'last_modified_date', 'search_exclude', 'redirect_from', 'redirect_to', 'sitemap', 'seo', 'image', 'lang',
  'author', 'authors', 'date', 'doi', 'publisher', 'journal', 'abstract', 'keywords', 'license', 'pdf', 'canonical_url', 'last_modified_at',
  'published',
]);

/** A page as this check needs it: its path, front matter and where each key sits. */
export interface PageKeys {
  path: string;
  data: { raw: Readonly<Record<string, unknown>>; places: Readonly<Record<string, { line: number; column: number }>> };
}

/** Warnings for unhonoured config keys (with `kramdown:` sub-keys), plugins and front-matter keys. */
export function unsupportedKeys(config: SiteConfig, pages: readonly PageKeys[]): Diagnostic[] {
  const file = path.join(config.sourceDir, '_config.yml');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
  const diagnostics: Diagnostic[] = [];
  const warn = (file: string, at: { line: number; column: number }, message: string) =>
    diagnostics.push({ file, line: at.line, column: at.column, severity: 'warning', rule: UNSUPPORTED_RULE, message });
  for (const key of Object.keys(config.raw)) {
    if (!HONOURED_CONFIG.has(key)) warn('_config.yml', placeOf(lines, key), `_config.yml key "${key}" is not supported by Dossier and has no effect`);
  }
  const kramdown = config.raw['kramdown'];
  if (kramdown !== null && typeof kramdown === 'object' && !Array.isArray(kramdown)) {
    for (const key of Object.keys(kramdown)) {
      if (!HONOURED_KRAMDOWN.has(key)) warn('_config.yml', placeOf(lines, key, 2), `_config.yml key "kramdown.${key}" is not supported by Dossier; Jekyll's default is used`);
    }
  }
  for (const name of [config.raw['plugins'], config.raw['gems']].flatMap((list) => (Array.isArray(list) ? list : []))) {
    if (typeof name === 'string' && !HONOURED_PLUGINS.has(name)) {
      warn('_config.yml', placeOf(lines, name, 2), `plugin "${name}" is not supported by Dossier; what it adds to a Jekyll build is missing`);
    }
  }
  diagnostics.push(...unsupportedFrontMatter(pages, lines));
  return diagnostics;
}

/**
 * One warning per unhonoured front-matter key, at its first use, counting the pages that set it; a key
 * only `defaults:` gives is pointed at in `_config.yml`.
 */
function unsupportedFrontMatter(pages: readonly PageKeys[], configLines: readonly string[]): Diagnostic[] {
  const first = new Map<string, { page: PageKeys; count: number }>();
  for (const page of pages) {
    for (const key of Object.keys(page.data.raw)) {
      if (HONOURED_FRONT_MATTER.has(key)) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, { page, count: 1 });
      else seen.count++;
    }
  }
  return [...first].map(([key, { page, count }]) => {
    const own = page.data.places[key];
    const at = own ?? placeOf(configLines, key, 1);
    const others = count > 1 ? ` (set on ${count} pages)` : '';
    return { file: own === undefined ? '_config.yml' : page.path, line: at.line, column: at.column, severity: 'warning' as const, rule: UNSUPPORTED_RULE, message: `front-matter key "${key}" is not supported by Dossier and has no effect${others}` };
  });
}

/** Line and column of `key:` (or a `- key` list item) in `_config.yml`, indented at least `minIndent`. */
function placeOf(lines: readonly string[], key: string, minIndent = 0): { line: number; column: number } {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(\\s{${minIndent},}(?:-\\s+)?)["']?${escaped}["']?\\s*(?::|$)`);
  const index = lines.findIndex((line) => (minIndent === 0 ? new RegExp(`^["']?${escaped}["']?\\s*:`).test(line) : pattern.test(line)));
  if (index === -1) return { line: 1, column: 1 };
  return { line: index + 1, column: (/^\s*(?:-\s+)?/.exec(lines[index]!)?.[0].length ?? 0) + 1 };
}
