/** Front-matter text as jekyll-seo-tag prints it: Markdown rendered, tags stripped, whitespace collapsed. */
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { kramdownTypography } from '../markdown/plugins/remark-typography.js';

const parser = unified().use(remarkParse).freeze();
/** Texts made lately: the site's title, description and tagline are asked for on every page, and each is a Markdown parse. */
const recent = new Map<string, string | undefined>();
const RECENT_MAX = 256;
/**
 * One line of words and plain punctuation, opening with a letter: Markdown makes it one paragraph of
 * one text node (no list, heading or code block can start so, and none of its characters marks up
 * anything), so its text needs no parse. Most pages' titles are such lines.
 */
const PLAIN_LINE = /^\p{L}[\p{L}\p{N} ,.;:?'"’‘“”\-–—()/]*$/u;

/**
 * Plain text of a title or description (jekyll-seo-tag's `markdownify | strip_html | normalize_whitespace`):
 * `*Bold* "claims"` → `Bold “claims”`; undefined when nothing is left. Escaping is left to the printer.
 */
export function seoText(value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  const source = String(value);
  if (source.trim() === '') return undefined;
  if (recent.has(source)) return recent.get(source);
  const text = (PLAIN_LINE.test(source) ? kramdownTypography(source.trimEnd()) : markdownText(source)).replace(/\s+/g, ' ').trim() || undefined;
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(source, text);
  return text;
}

/** The text of `source` read as Markdown (what seoText gives any value before collapsing whitespace). */
export function markdownText(source: string): string {
  return plainText(parser.parse(source));
}

/** Text of a tree: raw HTML dropped (strip_html), blocks separated by a space, kramdown's smart punctuation on text. */
function plainText(node: Nodes): string {
  if (node.type === 'text') return kramdownTypography(node.value);
  if (node.type === 'inlineCode') return node.value;
  if (node.type === 'html') return '';
  if (!('children' in node)) return '';
  const parts = node.children.map((child) => plainText(child as Nodes));
  const block = node.type === 'root' || node.type === 'list' || node.type === 'blockquote' || node.type === 'listItem';
  return parts.join(block ? ' ' : '');
}
