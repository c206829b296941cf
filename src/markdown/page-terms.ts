/** The words a page can be found by: one tokenizer for the index and (through the manifest) the browser. */
import { decodeEntities } from '../html-text.js';

/**
 * Term counts of one page's searchable text, packed as `"term count term count …"` in order of
 * first appearance (terms never hold spaces). One short string per page is cheap to send from a
 * worker, to cache and to keep for 10,000 pages, where hundreds of little arrays per page are not.
 * Not sorted: sorting would double pageTerms' cost and the index sorts per shard anyway.
 */
export type SearchTerms = string;

/**
 * A word: letters and digits, with inner apostrophes kept ("don't", "harbour's"). Normalised text
 * only has straight ones; the curly one lets the browser find words in pages' original text.
 * The browser compiles `TOKEN.source` from the index manifest, so this is the only definition.
 */
export const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Terms shorter than this are not indexed ("a", "i", lone digits): they would match nearly every page. */
export const MIN_TERM_LENGTH = 2;

// Comments, <script>/<style> with their contents, and any other tag, in one pass. A tag becomes a
// space rather than nothing: `word<sup>1</sup>` must not index "word1".
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
const IGNORED_OPEN = /<([a-z][a-z0-9-]*)\b[^>]*?\sdata-search-ignore\b[^>]*>/gi;
const NON_ASCII = /[^\x00-\x7f]/u;
// Without the u flag this regex is twice as fast; surrogate pairs are matched whole so astral letters survive.
const EACH_NON_ASCII = /[\ud800-\udbff][\udc00-\udfff]|[^\x00-\x7f]/g;
const MARK = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const folded = new Map<string, string>();

/** Terms of a page's rendered body HTML (tags stripped, <script>/<style> contents and elements marked data-search-ignore dropped, entities decoded via decodeEntities from src/html-text.ts). */
export function pageTerms(bodyHtml: string): SearchTerms {
  const kept = bodyHtml.includes('data-search-ignore') ? dropIgnored(bodyHtml) : bodyHtml;
  const text = decodeEntities(kept.replace(MARKUP, ' '));
  const normal = normalize(text);
  const counts = new Map<string, number>();
  const add = (term: string): void => {
    if (term.length >= MIN_TERM_LENGTH) counts.set(term, (counts.get(term) ?? 0) + 1);
  };
  if (NON_ASCII.test(normal)) {
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(normal); m !== null; m = TOKEN.exec(normal)) add(m[0]);
  } else forEachAsciiWord(normal, add);
  let packed = '';
  for (const [term, count] of counts) packed += packed === '' ? `${term} ${count}` : ` ${term} ${count}`;
  return packed;
}

/**
 * Calls `each` with every word of lowercase ASCII `text`, exactly as TOKEN would match them there
 * (`[a-z0-9]+(?:'[a-z]+)*`). normalize() leaves a page ASCII unless it holds letters outside Latin
 * (ß, Greek, Cyrillic…); reading character codes spares a match object per word, most of this step's cost.
 */
function forEachAsciiWord(text: string, each: (word: string) => void): void {
  const end = text.length;
  let i = 0;
  while (i < end) {
    if (!isAsciiWordChar(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (isAsciiWordChar(text.charCodeAt(i))) i += 1;
    // An apostrophe stays inside a word when letters follow it: "don't", "rock'n'roll".
    while (text.charCodeAt(i) === APOSTROPHE && isAsciiLetter(text.charCodeAt(i + 1))) {
      i += 2;
      while (isAsciiLetter(text.charCodeAt(i))) i += 1;
    }
    each(text.slice(start, i));
  }
}

const APOSTROPHE = 39;

/** a-z; a code past the end of the text is NaN, which is neither. */
function isAsciiLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isAsciiWordChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}

/** Calls `each` with every term of `terms` and its count, in order. */
export function forEachTerm(terms: SearchTerms, each: (term: string, count: number) => void): void {
  if (terms === '') return;
  const parts = terms.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) each(parts[i] ?? '', Number(parts[i + 1]));
}

/** The tokenizer shared with the browser: lowercases, strips diacritics (NFKD, drop \p{M}), splits on TOKEN. */
export function tokenize(text: string): string[] {
  return normalize(text).match(TOKEN) ?? [];
}

/**
 * Lowercase, without diacritics (NFKD, marks dropped), typographic apostrophes made straight so
 * "don’t" and "don't" meet. Other non-ASCII characters that cannot be part of a word become spaces:
 * TOKEN splits on them anyway, and the text usually ends up pure ASCII.
 */
function normalize(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').toLowerCase().replace(EACH_NON_ASCII, fold);
}

function fold(char: string): string {
  let out = folded.get(char);
  if (out === undefined) {
    out = char === '’' ? "'" : MARK.test(char) ? '' : WORD_CHAR.test(char) ? char : ' ';
    folded.set(char, out);
  }
  return out;
}

/** Removes every element marked `data-search-ignore`, nested same-name elements included. */
function dropIgnored(html: string): string {
  let out = '';
  let from = 0;
  IGNORED_OPEN.lastIndex = 0;
  for (let open = IGNORED_OPEN.exec(html); open !== null; open = IGNORED_OPEN.exec(html)) {
    const tag = open[1] ?? '';
    out += html.slice(from, open.index) + ' ';
    from = open[0].endsWith('/>') ? open.index + open[0].length : closeOf(html, tag, open.index + open[0].length);
    IGNORED_OPEN.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Index just past the tag closing the `tag` element whose content starts at `start` (the end of input when unclosed; void elements close at once). */
function closeOf(html: string, tag: string, start: number): number {
  if (VOID.has(tag.toLowerCase())) return start;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    if (m[1] === '/') depth -= 1;
    else if (!m[0].endsWith('/>')) depth += 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
