/** A Markdown draft → the article: the first top-level heading or front-matter title is the title. */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Article } from './article.js';
import { mergeSupTags } from './note-refs.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Reads a Markdown article; `title` (from --title) overrides the one found. */
export function extractMarkdown(source: string, title?: string): Article {
  const { content, data } = matter(source);
  const tree = parser.runSync(parser.parse(content)) as Root;
  mergeSupTags(tree);
  const fmTitle = typeof data['title'] === 'string' ? data['title'].trim() : undefined;
  const article: Article = { title: title ?? fmTitle, subtitle: undefined, byline: undefined, date: undefined, blocks: [], notes: [], dropped: [] };
  for (const node of tree.children) {
    const text = toString(node).trim();
    if (node.type === 'heading' && node.depth === 1 && article.blocks.length === 0 && (article.title === undefined || article.title === text || fmTitle === undefined)) {
      article.title ??= text;
      continue;
    }
    if (node.type === 'definition' || (node.type === 'html' && /^<(style|script)\b/i.test(node.value))) {
      article.dropped.push({ text: text || node.type, reason: 'page styling or a link definition, not article text' });
      continue;
    }
    article.blocks.push({ node, text });
  }
  if (typeof data['author'] === 'string') article.byline = data['author'];
  return article;
}
