/** A saved HTML page → the article, with Readability (on linkedom) and rehype-remark. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Nodes, Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options } from 'rehype-remark';
import { unified } from 'unified';
import type { Article, ArticleBlock } from './article.js';
import { ImportError } from './import-error.js';
import { chromeReason, normalizeText } from './text-patterns.js';

type Handlers = NonNullable<Options['handlers']>;

/** `<sup>` survives as the site's `<sup>N</sup>` when it holds a note number; other superscripts stay text. */
const handlers: Handlers = {
  sup(state, element) {
    const text = toString(state.all(element)).trim();
    const number = /^\[?(\d{1,3})\]?$/.exec(text)?.[1];
    return number === undefined ? state.all(element) : { type: 'html', value: `<sup>${number}</sup>` };
  },
};

const toMdast = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark, { handlers });

/** Finds the article in an HTML page; `title` (from --title) overrides the page's. */
export function extractHtml(html: string, title?: string): Article {
  const { document } = parseHTML(html);
  const pageBlocks = blockTexts(document);
  const found = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (found === null || typeof found.content !== 'string' || (found.textContent ?? '').trim().length < 200) {
    throw new ImportError('found no article in this HTML page (no run of paragraphs long enough).');
  }
  const tree = toMdast.runSync(toMdast.parse(found.content)) as MdastRoot;
  attachRefs(tree);
  const article: Article = {
    title: title ?? clean(found.title),
    subtitle: undefined,
    byline: clean(found.byline)?.replace(/^by\s+/i, ''),
    date: clean(found.publishedTime),
    blocks: [],
    notes: [],
    dropped: [],
  };
  for (const node of tree.children) {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text === '' && node.type !== 'image' && node.type !== 'table' && node.type !== 'thematicBreak') continue;
    keepOrDrop(article, { node, text });
  }
  const kept = new Set(article.blocks.map((b) => normalizeText(b.text)));
  for (const text of pageBlocks) {
    if (![...kept].some((k) => k.includes(normalizeText(text)))) article.dropped.push({ text, reason: 'outside the article Readability found' });
  }
  return article;
}

function keepOrDrop(article: Article, block: ArticleBlock): void {
  const reason = block.node.type === 'paragraph' ? chromeReason(block.text, false) : undefined;
  if (reason !== undefined) article.dropped.push({ text: block.text, reason });
  else if (block.node.type === 'heading' && article.title !== undefined && normalizeText(block.text) === normalizeText(article.title)) {
    article.dropped.push({ text: block.text, reason: 'the title, repeated' });
  } else article.blocks.push(block);
}

/** The page's text blocks before Readability edits the document, for the list of dropped blocks. */
function blockTexts(document: ReturnType<typeof parseHTML>['document']): string[] {
  const texts: string[] = [];
  const elements = document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, figcaption, div');
  // An index loop: the two tsconfigs (sources, tests) type the node list's iterator differently.
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.tagName === 'DIV' && element.querySelector('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, div, ul, ol, table') !== null) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '' && !(element.tagName === 'LI' && element.querySelector('p') !== null)) texts.push(text);
  }
  return [...new Set(texts)];
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? undefined : text;
}

/**
 * rehype-remark wraps list items, quotes and cells into paragraphs around raw HTML, which mdast does
 * not count as inline: a `<sup>N</sup>` there lands between two paragraphs. It goes back into the
 * paragraph before it, with the one after it when the sentence goes on.
 */
function attachRefs(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 1; i < children.length; i++) {
    const ref = children[i]!;
    const before = children[i - 1]!;
    if (ref.type !== 'html' || !/^<sup>\d+<\/sup>$/.test(ref.value) || before.type !== 'paragraph') continue;
    const after = children[i + 1];
    before.children.push(ref, ...(after?.type === 'paragraph' ? after.children : []));
    children.splice(i, after?.type === 'paragraph' ? 2 : 1);
    i--;
  }
  for (const child of children) attachRefs(child);
}
