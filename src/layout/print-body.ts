/** Makes a chapter body fit paper: embeds become links, addresses print once, hand-written chapter lists go. */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, walk } from '../markdown/walk.js';

/** Class on links whose text already is their address, so print CSS does not print the address twice. */
export const URL_SHOWN_CLASS = 'url-shown';

const PARAGRAPH_ID = /^p-\d+$/;
const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);
const parser = unified().use(rehypeParse, { fragment: true }).freeze();
const serialiser = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze();

/** What the print pass needs to know about the essay a body belongs to. */
export interface PrintContext {
  /** Hrefs (with and without baseurl) of the essay's pages: a list of links to only these is a hand-written contents list. */
  essayHrefs: ReadonlySet<string>;
  /** Demote `<h1>` to `<h2>`: the print page has one `<h1>`, the essay's title. */
  demoteH1: boolean;
}

/** Rewrites one body's HTML for the print edition (print pages are few, so a full parse here is cheap). */
export function printBody(html: string, context: PrintContext): string {
  const tree = parser.parse(html);
  walk<Nodes>(tree, (node, index, parent) => {
    if (node.type !== 'element' || parent === undefined || index === undefined) return undefined;
    if (EMBEDS.has(node.tagName)) {
      parent.children[index] = embedLink(node);
      return SKIP;
    }
    if ((node.tagName === 'ul' || node.tagName === 'ol') && isContentsList(node, context.essayHrefs)) {
      const at = dropWithLabel(parent.children, index);
      return at;
    }
    if (node.tagName === 'a' && linkShowsItsAddress(node)) {
      node.properties['className'] = [...classes(node), URL_SHOWN_CLASS];
    }
    if (node.tagName === 'h1' && context.demoteH1) node.tagName = 'h2';
    // Paragraph links are for the web page: chapters put together would repeat their numbers.
    if (node.tagName === 'p' && PARAGRAPH_ID.test(String(node.properties['id'] ?? ''))) delete node.properties['id'];
    return undefined;
  });
  unwrapEmptyEmbedBoxes(tree);
  return serialiser.stringify(tree);
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

/** `<p class="print-embed">Embedded: <a href=src>title</a></p>`, in place of a box paper cannot play. */
function embedLink(node: Element): Element {
  const src = String(node.properties['src'] ?? node.properties['data'] ?? '');
  const title = String(node.properties['title'] ?? '').trim();
  const link: ElementContent = { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: title || src }] };
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['print-embed'] },
    children: [{ type: 'text', value: 'Embedded media: ' }, ...(src === '' ? [] : [link])],
  };
}

/** Authors' responsive wrappers (`padding-bottom: 56.25%`) would leave an empty box around the link: lift the link out. */
function unwrapEmptyEmbedBoxes(tree: Root): void {
  walk<Nodes>(tree, (node, index, parent) => {
    if (node.type !== 'element' || node.tagName !== 'div' || parent === undefined || index === undefined) return undefined;
    const elements = node.children.filter((child) => child.type === 'element');
    const only = elements[0];
    const blank = node.children.every((child) => child.type !== 'text' || child.value.trim() === '');
    if (elements.length === 1 && blank && only !== undefined && classes(only).includes('print-embed')) {
      parent.children[index] = only;
      return SKIP;
    }
    return undefined;
  });
}

/** A list of two or more links, every one to a page of this essay: the chapter list authors paste into each chapter. */
function isContentsList(list: Element, essayHrefs: ReadonlySet<string>): boolean {
  const hrefs: string[] = [];
  walk<Nodes>(list, (node) => {
    if (node.type === 'element' && node.tagName === 'a') hrefs.push(String(node.properties['href'] ?? ''));
  });
  return hrefs.length >= 2 && hrefs.every((href) => essayHrefs.has(href.replace(/#.*$/, '')));
}

/** Removes the list at `index` and a heading right before it that names it ("Table of Contents"); returns where to go on. */
function dropWithLabel(siblings: Array<Root['children'][number]>, index: number): number {
  siblings.splice(index, 1);
  let at = index - 1;
  while (at >= 0 && siblings[at]?.type === 'text' && (siblings[at] as { value: string }).value.trim() === '') at--;
  const before = siblings[at];
  if (before !== undefined && before.type === 'element' && /^h[1-6]$/.test(before.tagName) && /contents/i.test(textOf(before))) {
    siblings.splice(at, index - at);
    return at;
  }
  return index;
}

/** A link whose text is its own address (bare URLs, pasted addresses), with or without the scheme. */
function linkShowsItsAddress(node: Element): boolean {
  const href = String(node.properties['href'] ?? '');
  if (!/^https?:/i.test(href)) return false;
  const bare = (url: string) => url.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '').toLowerCase();
  return bare(textOf(node)) === bare(href);
}
