/** Stage 1: read `_config.yml` and resolve it into a SiteConfig, listing every problem at once. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { readCheckConfig } from './check-config.js';
import { kramdownMathEnabled, readKramdownOptions } from './kramdown-options.js';
import { DEFAULT_RENDER_TIMEOUT_MS, type AuxLink, type EditLinkConfig, type NavSort, type SiteConfig } from './site-config.js';
import { readPublishedFiles } from './published-files.js';
import { readSiteSettings } from './site-settings.js';
import { parseYaml, YamlSyntaxError } from './yaml.js';

/** Files Jekyll never publishes, whatever `exclude` says. */
const JEKYLL_DEFAULT_EXCLUDES = [
  '.sass-cache/',
  '.jekyll-cache/',
  'gemfiles/',
  'Gemfile',
  'Gemfile.lock',
  'node_modules/',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

/** Reads `<sourceDir>/_config.yml` (absent is fine) and returns the resolved configuration. */
export function loadConfig(sourceDir: string): SiteConfig {
  const root = path.resolve(sourceDir);
  if (!existsSync(root)) {
    throw new ConfigError(`source folder ${sourceDir} does not exist`, {
      hint: 'pass --source with the folder that holds _config.yml',
    });
  }
  const file = path.join(root, '_config.yml');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error instanceof YamlSyntaxError) {
        throw new ConfigError(`_config.yml:${error.line}:${error.column}: ${error.reason} [config/yaml]`, {
          cause: error,
          hint: 'fix the YAML syntax; tabs are not allowed for indentation',
        });
      }
      throw error;
    }
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError('_config.yml:1:1: the file must be a mapping of keys to values [config/shape]');
      }
      raw = parsed as Record<string, unknown>;
    }
  }
  return resolveConfig(root, raw);
}

/** Validates raw config values and fills defaults; all type problems are reported together. */
function resolveConfig(
  sourceDir: string,
  raw: Record<string, unknown>,
): SiteConfig {
  const problems: string[] = [];
  const read = new Reader(raw, problems);
  const dossier = read.object('dossier');
  const dRead = new Reader(dossier, problems, 'dossier.');

  // Just the Docs sorts case-insensitively only when `nav_sort: case_insensitive` is set; unset is Liquid's plain `sort`.
  const navSortRaw = read.string('nav_sort', 'case_sensitive');
  let navSort: NavSort = 'case_sensitive';
  if (navSortRaw === 'case_insensitive') navSort = 'case_insensitive';
  else if (navSortRaw !== 'case_sensitive' && navSortRaw !== '') {
    problems.push(`nav_sort must be case_sensitive or case_insensitive, not ${JSON.stringify(navSortRaw)}`);
  }

  const placement = dRead.string('footnote_placement', 'inline');
  if (placement !== 'inline' && placement !== 'end') {
    problems.push(`dossier.footnote_placement must be inline or end, not ${JSON.stringify(placement)}`);
  }

  const templatesName = dRead.string('templates', '_templates');
  const templatesDir = path.resolve(sourceDir, templatesName);
  const publicDir = path.resolve(sourceDir, dRead.string('public', '_public'));

  const config: SiteConfig = {
    sourceDir,
    title: read.string('title', ''),
    description: read.string('description', ''),
    baseurl: normaliseBaseurl(read.string('baseurl', '')),
    url: read.string('url', '').replace(/\/+$/, ''),
    permalink: read.string('permalink', 'date'),
    exclude: [...JEKYLL_DEFAULT_EXCLUDES, ...read.stringList('exclude')],
    include: read.stringList('include'),
    navSort,
    searchEnabled: read.boolean('search_enabled', true),
    headingAnchors: read.boolean('heading_anchors', true),
    auxLinks: readAuxLinks(raw['aux_links'], problems),
    auxLinksNewTab: read.boolean('aux_links_new_tab', false),
    backToTop: read.boolean('back_to_top', true),
    backToTopText: read.string('back_to_top_text', 'Back to top'),
    footerContent: read.string('footer_content', ''),
    lastEditTimestamp: read.boolean('last_edit_timestamp', false),
    lastEditTimeFormat: read.string('last_edit_time_format', '%b %e %Y at %I:%M %p'),
    editLink: readEditLink(read),
    colorScheme: read.string('color_scheme', 'auto'),
    linkBareUrls: dRead.boolean('link_bare_urls', true),
    renderTimeoutMs: dRead.positiveNumber('render_timeout', DEFAULT_RENDER_TIMEOUT_MS / 1000) * 1000,
    footnotes: {
      placement: placement === 'end' ? 'end' : 'inline',
      sidenotes: dRead.boolean('sidenotes', true),
    },
    kramdown: readKramdownOptions(raw['kramdown'], problems),
    check: readCheckConfig(dossier['check'], problems),
    published: readPublishedFiles(raw),
    favicon: read.string('favicon_ico', '') || (existsSync(path.join(sourceDir, 'favicon.ico')) ? '/favicon.ico' : undefined),
    kramdownMath: kramdownMathEnabled(raw['kramdown']),
    templatesDir: existsSync(templatesDir) ? templatesDir : undefined,
    publicDir: existsSync(publicDir) ? publicDir : undefined,
    ...readSiteSettings(raw),
    raw,
  };
  if (problems.length > 0) {
    throw new ConfigError(`_config.yml has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`, {
      hint: 'see the configuration section of the README for each key and its type',
    });
  }
  return config;
}

function normaliseBaseurl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function readAuxLinks(value: unknown, problems: string[]): AuxLink[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('aux_links must be a mapping of link text to URL');
    return [];
  }
  const links: AuxLink[] = [];
  for (const [title, target] of Object.entries(value)) {
    const url = Array.isArray(target) ? target[0] : target;
    if (typeof url !== 'string') {
      problems.push(`aux_links.${title} must be a URL or a one-item list holding a URL`);
      continue;
    }
    links.push({ title, url });
  }
  return links;
}

function readEditLink(read: Reader): EditLinkConfig | undefined {
  if (!read.boolean('gh_edit_link', false)) return undefined;
  const repo = read.string('gh_edit_repository', '').replace(/\/+$/, '');
  if (repo === '') return undefined;
  const branch = read.string('gh_edit_branch', 'main');
  const source = read.string('gh_edit_source', '').replace(/^\/+|\/+$/g, '');
  const mode = read.string('gh_edit_view_mode', 'tree');
  return {
    text: read.string('gh_edit_link_text', 'Edit this page on GitHub'),
    urlPrefix: `${repo}/${mode}/${branch}/${source === '' ? '' : `${source}/`}`,
  };
}

/** Typed access to one mapping, recording a problem for every value of the wrong type. */
class Reader {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly problems: string[],
    private readonly prefix = '',
  ) {}

  string(key: string, fallback: string): string {
    const value = this.raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.problems.push(`${this.prefix}${key} must be a string`);
    return fallback;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    this.problems.push(`${this.prefix}${key} must be true or false`);
    return fallback;
  }

  positiveNumber(key: string, fallback: number): number {
    const value = this.raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && value > 0) return value;
    this.problems.push(`${this.prefix}${key} must be a number above 0`);
    return fallback;
  }

  stringList(key: string): string[] {
    const value = this.raw[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    if (typeof value === 'string') return [value];
    this.problems.push(`${this.prefix}${key} must be a list of strings`);
    return [];
  }

  object(key: string): Record<string, unknown> {
    const value = this.raw[key];
    if (value === undefined || value === null) return {};
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problems.push(`${this.prefix}${key} must be a mapping`);
    return {};
  }
}
