/**
 * A page's searchable text split at its headings, for the excerpts search shows: made from the page's
 * tree as it is rendered, and stored beside the index, so a query never downloads result pages.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { streamHtml, type StreamTag } from '../html-stream.js';
import type { PageSection } from '../page-data.js';

// Never read well in an excerpt: scripts, icons, note references in the text and back-links. A note's
// own number stays, so an excerpt of the notes reads "12. Author, Title".
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);
const HEADING = /^h[1-6]$/;
/**
 * Words of each section kept for excerpts: essays' sections are mostly shorter (the demo keeps 98% of
 * its text), while a long section without headings would otherwise cost its whole text per result.
 */
export const EXCERPT_WORDS = 300;

/** The sections of a page's body, in order, each text cut after EXCERPT_WORDS words; a leading section without text is left out. */
export function pageSections(tree: Root): PageSection[] {
  let current = { id: '', title: '', parts: [] as string[] };
  const sections = [current];
  // The outermost element being left out, and the heading whose text is being read as a title.
  let ignored: StreamTag | undefined;
  let heading: { tag: StreamTag; text: string } | undefined;
  streamHtml(tree, {
    start(tag) {
      if (ignored !== undefined) return;
      if (skipped(tag)) ignored = tag;
      else if (heading !== undefined) return;
      else if (HEADING.test(tag.tagName) && (tag.attribute('id') ?? '') !== '') heading = { tag, text: '' };
      else if (BLOCK.has(tag.tagName)) current.parts.push(' ');
    },
    end(tag) {
      if (ignored !== undefined) {
        if (ignored === tag) ignored = undefined;
      } else if (heading !== undefined) {
        if (heading.tag !== tag) return;
        current = { id: tag.attribute('id') ?? '', title: collapse(heading.text), parts: [] };
        sections.push(current);
        heading = undefined;
      } else if (BLOCK.has(tag.tagName)) current.parts.push(' ');
    },
    text(value) {
      if (ignored !== undefined) return;
      if (heading !== undefined) heading.text += value;
      else current.parts.push(value);
    },
  });
  return sections
    .map((s) => ({ id: s.id, title: s.title, text: collapse(s.parts.join('')) }))
    .filter((s, i) => i > 0 || s.text !== '')
    .map((s) => ({ ...s, text: firstWords(s.text, EXCERPT_WORDS) }));
}

/** Rehype plugin: sets `file.data.sections` to the page's sections. */
export default function rehypePageSections() {
  return (tree: Root, file: VFile) => {
    file.data.sections = pageSections(tree);
  };
}

/** Elements whose text an excerpt leaves out. */
function skipped(tag: StreamTag): boolean {
  if (DROPPED.has(tag.tagName) || tag.attribute('data-search-ignore') !== undefined || tag.attribute('aria-hidden') === 'true') return true;
  // Classes are split only for the two elements that need them: every element of the page is asked.
  if (tag.tagName === 'sup' && classList(tag).includes('footnote-sup')) return true;
  return tag.attribute('role') === 'doc-backlink' && !classList(tag).includes('footnote-number');
}

function classList(tag: StreamTag): string[] {
  return (tag.attribute('class') ?? '').split(/\s+/);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Collapsed `text` (words apart by single spaces) up to its `count`th word, with `…` when cut. */
function firstWords(text: string, count: number): string {
  // indexOf, not a regular expression: a match object per word was most of the garbage this step made.
  let space = -1;
  for (let i = 0; i < count; i += 1) {
    space = text.indexOf(' ', space + 1);
    if (space === -1) return text;
  }
  return `${text.slice(0, space)} …`;
}
