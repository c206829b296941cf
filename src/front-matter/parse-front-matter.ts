/** Stage 3: split front matter from the body, type the keys Dossier knows, decide the URL. */
import matter from 'gray-matter';
import type { SiteConfig } from '../config/site-config.js';
import { parseYaml, parseYamlLenient, YamlSyntaxError } from '../config/yaml.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourcePage } from '../discover/discover-source.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import type { FrontMatter, Page, Place } from './page.js';
import { applyFrontMatterDefaults, defaultsOf } from './front-matter-defaults.js';
import { pageUrl } from './permalink.js';
import { invalidUtf8Line } from '../discover/invalid-utf8.js';

export interface ParsedPages {
  pages: Page[];
  diagnostics: Diagnostic[];
}

/**
 * Parses every page's front matter; a broken page is reported and still yields a page when possible.
 * When results are kept between builds, an unchanged file keeps its Page, and a body-only edit keeps the page's front-matter
 * object, so the navigation built from front matter is recognised as unchanged.
 */
export function parseFrontMatter(sources: readonly SourcePage[], config: SiteConfig, reuse: Reuse = NO_REUSE): ParsedPages {
  const pages: Page[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const parsed = reuse.value(`page:${source.path}`, () => [source.text, config], () => {
      const found: Diagnostic[] = [];
      return { page: parsePage(source, config, found), diagnostics: found };
    });
    diagnostics.push(...parsed.diagnostics);
    let page = parsed.page;
    if (page !== undefined && reuse.keepsResults && typeof source.text === 'string') {
      const frontMatter = source.text.split('\n', page.bodyLine - 1).join('\n');
      const data = reuse.value(`front matter:${source.path}`, () => [frontMatter, config], () => parsed.page?.data);
      if (data !== undefined && data !== page.data) page = { ...page, data };
    }
    // One-off builds read files as bytes and hold each body so (see parsePage); the dev server (which
    // keeps results) reads every body on every rebuild, so keeps strings.
    // Jekyll leaves out pages with `published: false` (its `--unpublished` flag has no counterpart here).
    if (page !== undefined && page.data.raw['published'] !== false) pages.push(page);
  }
  return { pages, diagnostics };
}

const FENCE_OPEN = /^---[ \t]*\r?$/;
const FENCE_END = /^(?:---|\.\.\.)[ \t]*\r?$/;
const BOM = '\uFEFF';

/**
 * Splits front matter where Jekyll does: after an opening `---` line, the first line that is `---`
 * or `...` (blanks may follow either fence) closes it. `closing` is that line's 0-based index.
 * Bytes (a one-off build's files) stay bytes: fences are ASCII, so finding them decodes nothing but
 * the lines tested, and only the YAML between them is decoded.
 */
function splitFence(source: string | Uint8Array): { yaml: string; body: string | Uint8Array; closing: number } | undefined {
  const bytes = typeof source === 'string' ? undefined : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const text = bytes === undefined ? (source as string) : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const length = text.length;
  const newlineFrom = (from: number) => (typeof text === 'string' ? text.indexOf('\n', from) : text.indexOf(NEWLINE, from));
  const lineAt = (from: number, to: number) => (typeof text === 'string' ? text.slice(from, to) : text.toString('latin1', from, to));
  let offset = typeof text === 'string' && text.startsWith(BOM) ? BOM.length : 0;
  const opening = newlineFrom(offset);
  if (opening === -1 || !FENCE_OPEN.test(lineAt(offset, opening))) return undefined;
  const yamlStart = opening + 1;
  offset = yamlStart;
  for (let line = 1; ; line++) {
    const newline = newlineFrom(offset);
    const end = newline === -1 ? length : newline;
    if (FENCE_END.test(lineAt(offset, end))) {
      const bodyStart = newline === -1 ? length : newline + 1;
      if (typeof text === 'string') return { yaml: text.slice(yamlStart, offset), body: text.slice(bodyStart), closing: line };
      return { yaml: text.toString('utf8', yamlStart, offset), body: text.subarray(bodyStart), closing: line };
    }
    if (newline === -1) return undefined;
    offset = newline + 1;
  }
}

const NEWLINE = 0x0a;

/** Parses one page; pushes its problems onto `diagnostics`. */
export function parsePage(
  source: SourcePage,
  config: Pick<SiteConfig, 'permalink'> & Partial<Pick<SiteConfig, 'frontMatterDefaults'>>,
  diagnostics: Diagnostic[],
): Page | undefined {
  const report = (line: number, column: number, rule: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file: source.path, line, column, severity, rule, message });

  const badLine = invalidUtf8Line(source.text);
  if (badLine !== undefined) {
    report(badLine, 1, 'source/invalid-utf8', 'this line is not valid UTF-8 (Latin-1 or Windows-1252, perhaps); its bad bytes are shown as \uFFFD. Save the file as UTF-8', 'warning');
  }
  const fence = splitFence(source.text);
  if (fence === undefined) {
    report(1, 1, 'front-matter/unclosed', 'front matter opened with --- on line 1 is never closed; add a --- line after the last key');
    return undefined;
  }
  const { closing, body } = fence;
  // The file's lines up to the closing fence: YAML errors and key places point into them.
  const lines = `---\n${fence.yaml}`.split(/\r?\n/);
  let data: Record<string, unknown> = {};
  // gray-matter is the project's front-matter parser, but its own fence search disagrees with Jekyll
  // on all three of Jekyll's rules (`...` closes too, blanks may follow a fence, `----` is no fence),
  // and it only takes text, where a one-off build holds bytes. So splitFence finds the fences as
  // Jekyll does, and gray-matter gets the YAML between plain fences, parsed by our YAML engine.
  const split = (engine: (yaml: string) => unknown) =>
    toMapping(matter(`---\n${fence.yaml}---\n`, { engines: { yaml: (yaml: string) => engine(yaml) as object } }).data);
  // gray-matter hands the engine the text from the newline after the opening fence, so
  // a YAML line number is already the file's line number.
  try {
    data = split(parseYaml);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    if (/duplicated mapping key/.test(error.reason)) {
      report(error.line, error.column, 'front-matter/duplicate-key', `${error.reason}; the last value wins`, 'warning');
    } else {
      const hint = /\t/.test(lines[error.line - 1] ?? '') ? ' (YAML does not allow tabs for indentation)' : '';
      report(error.line, error.column, 'front-matter/yaml', `invalid front matter: ${error.reason}${hint}`);
    }
    data = split(parseYamlLenient);
  }
  if (config.frontMatterDefaults !== undefined) data = applyFrontMatterDefaults(data, source.path, defaultsOf(config.frontMatterDefaults));
  const places = keyPlaces(lines.slice(1, closing));
  const fm = typeFrontMatter(data, (key, message) => {
    const at = places[key] ?? { line: 1, column: 1 };
    report(at.line, at.column, 'front-matter/type', message, 'warning');
  });
  fm.places = places;
  const { url, outputPath, problem } = pageUrl(source.path, config.permalink, fm.permalink);
  if (problem !== undefined) {
    // A URL that cannot be written inside the site is no page: nothing is written for it.
    const at = places['permalink'] ?? { line: 1, column: 1 };
    report(at.line, at.column, problem.rule, problem.message);
    return undefined;
  }
  // A body read as bytes stays bytes (half the memory of typographic text as a string) until it is rendered.
  return { path: source.path, kind: source.kind, data: fm, body, bodyLine: closing + 2, url, outputPath };
}

function toMapping(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** 1-based line and value column of each top-level key (lines given without the opening fence). */
function keyPlaces(yamlLines: readonly string[]): Record<string, Place> {
  const places: Record<string, Place> = {};
  yamlLines.forEach((line, i) => {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*/.exec(line);
    if (match?.[1] !== undefined && !(match[1] in places)) {
      places[match[1]] = { line: i + 2, column: match[0].length + 1 };
    }
  });
  return places;
}

function typeFrontMatter(
  raw: Record<string, unknown>,
  warn: (key: string, message: string) => void,
): FrontMatter {
  const str = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return value.toISOString();
    warn(key, `${key} should be text, not ${Array.isArray(value) ? 'a list' : 'a mapping'}`);
    return undefined;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    warn(key, `${key} should be true or false`);
    return fallback;
  };
  const navOrderRaw = raw['nav_order'];
  let navOrder: number | string | undefined;
  if (typeof navOrderRaw === 'number' && Number.isFinite(navOrderRaw)) navOrder = navOrderRaw;
  else if (typeof navOrderRaw === 'string') navOrder = navOrderRaw;
  else if (navOrderRaw !== undefined && navOrderRaw !== null) warn('nav_order', 'nav_order should be a number');
  const redirect = raw['redirect_from'];
  const childNavOrder = raw['child_nav_order'];
  const redirectTo = Array.isArray(raw['redirect_to']) ? (raw['redirect_to'] as unknown[])[0] : raw['redirect_to'];
  return {
    layout: str('layout'),
    title: str('title'),
    parent: str('parent'),
    grandParent: str('grand_parent'),
    ancestor: str('ancestor'),
    navOrder,
    navExclude: bool('nav_exclude', false),
    hasChildren: bool('has_children', false),
    hasToc: bool('has_toc', true),
    essay: typeof raw['essay'] === 'boolean' ? raw['essay'] : undefined,
    permalink: str('permalink'),
    description: str('description'),
    lastModifiedDate: str('last_modified_date'),
    searchExclude: bool('search_exclude', false),
    redirectFrom: Array.isArray(redirect) ? redirect.filter((r): r is string => typeof r === 'string') : typeof redirect === 'string' ? [redirect] : [],
    redirectTo: typeof redirectTo === 'string' && redirectTo.trim() !== '' ? redirectTo : undefined,
    childNavOrder: childNavOrder === 'desc' || childNavOrder === 'reversed' ? 'desc' : 'asc',
    raw,
    places: {},
  };
}
