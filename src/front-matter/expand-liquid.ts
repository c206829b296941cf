/** The small part of Liquid essay sites use in page bodies: site/page variables, `link`, `raw`, `comment`. */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../html-text.js';
import { bodyText, type Page } from './page.js';

export interface LiquidContext {
  site: Readonly<Record<string, unknown>>;
  page: Readonly<Record<string, unknown>>;
  baseurl: string;
  siteUrl: string;
  /** Source path → page URL (no baseurl), for `{% link %}`. */
  urlOf: (sourcePath: string) => string | undefined;
}

const TOKEN = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}/g;

/** Expands Liquid in `body`; unsupported tags are removed with a warning. Line breaks are kept, so positions stay valid. */
export function expandLiquid(
  body: string,
  context: LiquidContext,
  file: string,
  bodyLine: number,
  diagnostics: Diagnostic[],
): string {
  if (!hasLiquid(body)) return body;
  return body.replace(TOKEN, (match: string, raw: string | undefined, output: string | undefined, tag: string | undefined, offset: number) => {
    const keepLines = (text: string) => text + '\n'.repeat(countLines(match) - countLines(text));
    if (raw !== undefined) return raw;
    if (/^\{%-?\s*comment/.test(match)) return keepLines('');
    if (output !== undefined) return keepLines(evaluateOutput(output.trim(), context));
    if (tag !== undefined) {
      const [name = '', ...args] = tag.trim().split(/\s+/);
      if (name === 'link' && args[0] !== undefined) {
        const url = context.urlOf(args[0].replace(/^\/+/, ''));
        if (url !== undefined) return keepLines(encodeURI(context.baseurl + url));
        warn(`{% link ${args[0]} %} names a file that is not a page of this site`, 'liquid/unknown-link');
        return keepLines('');
      }
      warn(`Liquid tag {% ${name} %} is not supported by Dossier and was left out`, 'liquid/unsupported-tag');
      return keepLines('');
    }
    return match;

    function warn(message: string, rule: string): void {
      const before = body.slice(0, offset);
      const line = bodyLine + countLines(before) - 1;
      const column = offset - before.lastIndexOf('\n');
      diagnostics.push({ file, line, column, severity: 'warning', rule, message });
    }
  });
}

/** Whether `text` has anything Liquid would expand (most essay pages have nothing). */
function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

function bytesHaveLiquid(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes('{{') || buffer.includes('{%');
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function evaluateOutput(expression: string, context: LiquidContext): string {
  const [head = '', ...filters] = expression.split('|').map((part) => part.trim());
  let value = resolve(head, context);
  for (const filter of filters) {
    const [name = '', arg] = filter.split(':').map((part) => part.trim());
    if (name === 'relative_url') value = context.baseurl + ensureSlash(value);
    else if (name === 'absolute_url') value = context.siteUrl + context.baseurl + ensureSlash(value);
    else if (name === 'default' && value === '') value = unquote(arg ?? '');
    else if (name === 'escape') value = escapeHtml(value);
  }
  return value;
}

function resolve(expression: string, context: LiquidContext): string {
  if (/^(['"]).*\1$/.test(expression)) return unquote(expression);
  const [root, ...keys] = expression.split('.');
  let value: unknown =
    root === 'site'
      ? { ...context.site, baseurl: context.baseurl, url: context.siteUrl }
      : root === 'page'
        ? context.page
        : undefined;
  for (const key of keys) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value === undefined || value === null ? '' : typeof value === 'object' ? '' : String(value);
}

function ensureSlash(value: string): string {
  return value === '' || value.startsWith('/') ? value : `/${value}`;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}

/** Expands Liquid in every page body (after all URLs are known, for `{% link %}`). */
export function expandLiquidInPages(
  pages: readonly Page[],
  config: Pick<SiteConfig, 'raw' | 'baseurl' | 'url'>,
): { pages: Page[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const urls = new Map(pages.map((p) => [p.path, p.url]));
  const expanded = pages.map((page) => {
    // Most pages have no Liquid: a body held as bytes is searched without decoding it.
    if (typeof page.body === 'string' ? !hasLiquid(page.body) : !bytesHaveLiquid(page.body)) return page;
    // Decoded once: a one-off build holds bodies as bytes.
    const source = bodyText(page);
    const body = expandLiquid(
      source,
      {
        site: config.raw,
        page: { ...page.data.raw, url: page.url, path: page.path },
        baseurl: config.baseurl,
        siteUrl: config.url,
        urlOf: (p) => urls.get(p),
      },
      page.path,
      page.bodyLine,
      diagnostics,
    );
    return body === source ? page : { ...page, body };
  });
  return { pages: expanded, diagnostics };
}
