/**
 * A page's searchable text split at its headings, for the excerpts search shows: made once at build
 * time and stored beside the index, so a query never downloads result pages.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** One stretch of a page: the heading that opens it (`id` '' and `title` '' before the first heading) and its text, whitespace collapsed. */
export interface PageSection {
  id: string;
  title: string;
  text: string;
}

const parser = unified().use(rehypeParse, { fragment: true }).freeze();

// Never read well in an excerpt: scripts, icons, note references in the text and back-links. A note's
// own number stays, so an excerpt of the notes reads "12. Author, Title".
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);
const HEADING = /^h[1-6]$/;

/** The sections of a page's body HTML, in order; a leading section without text is left out. */
export function pageSections(html: string): PageSection[] {
  const tree = parser.parse(html) as Root;
  let current = { id: '', title: '', parts: [] as string[] };
  const open: Array<typeof current> = [current];
  const walk = (nodes: ReadonlyArray<RootContent | ElementContent>): void => {
    for (const node of nodes) {
      if (node.type === 'text') current.parts.push(node.value);
      else if (node.type === 'element' && !skipped(node)) {
        const id = node.properties['id'];
        if (HEADING.test(node.tagName) && typeof id === 'string' && id !== '') {
          current = { id, title: collapse(textOf(node)), parts: [] };
          open.push(current);
          continue;
        }
        const block = BLOCK.has(node.tagName);
        if (block) current.parts.push(' ');
        walk(node.children);
        if (block) current.parts.push(' ');
      }
    }
  };
  walk(tree.children);
  return open
    .map((s) => ({ id: s.id, title: s.title, text: collapse(s.parts.join('')) }))
    .filter((s, i) => i > 0 || s.text !== '');
}

/** Elements whose text an excerpt leaves out. */
function skipped(node: Element): boolean {
  const p = node.properties;
  if (DROPPED.has(node.tagName) || p['dataSearchIgnore'] !== undefined || p['ariaHidden'] === 'true') return true;
  const classes = Array.isArray(p['className']) ? p['className'] : [];
  if (node.tagName === 'sup' && classes.includes('footnote-sup')) return true;
  return p['role'] === 'doc-backlink' && !classes.includes('footnote-number');
}

function textOf(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element' && !skipped(child)) text += textOf(child);
  }
  return text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
