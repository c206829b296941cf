/** A plain-text scrape → the article: blocks, classifier, inferred headings, notes. */
import type { RootContent } from 'mdast';
import type { Article, ArticleBlock, ArticleNote } from './article.js';
import { classifyText, bylineName, type ClassifiedBlock } from './classify-text.js';
import { NOTES_HEADING } from './infer-headings.js';
import { noteOpening, textWithRefs } from './note-refs.js';
import { segmentText, type TextBlock } from './segment-text.js';

/** Finds the article in a text scrape; `title` (from --title) pins the title. */
export function extractText(text: string, title?: string): Article {
  const blocks = segmentText(text);
  const { notes, rest } = splitNotes(blocks);
  const classified = classifyText(rest, title);
  const numbers = new Set(notes.map((n) => n.number));
  const article: Article = { title, subtitle: undefined, byline: undefined, date: undefined, blocks: [], notes, dropped: [] };
  for (const block of classified) addBlock(article, block, numbers);
  article.blocks = groupLists(article.blocks);
  return article;
}

function addBlock(article: Article, block: ClassifiedBlock, numbers: ReadonlySet<number>): void {
  switch (block.role) {
    case 'title':
      article.title ??= block.text;
      return;
    case 'subtitle':
      article.subtitle = block.text;
      return;
    case 'date':
      article.date = block.text;
      return;
    case 'byline':
      article.byline = bylineName(block.text);
      if (block.reason !== undefined) article.dropped.push({ text: block.text, reason: block.reason });
      return;
    case 'heading':
      article.blocks.push({ node: { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }, text: block.text });
      return;
    case 'paragraph':
      article.blocks.push({ node: paragraphOrItem(block, numbers), text: block.text });
      return;
    case 'dropped':
      article.dropped.push({ text: block.text, reason: block.reason ?? 'not article text' });
  }
}

function paragraphOrItem(block: TextBlock, numbers: ReadonlySet<number>): RootContent {
  if (block.rows !== undefined) {
    const children = block.rows.map((row) => ({ type: 'tableRow' as const, children: row.map((cell) => ({ type: 'tableCell' as const, children: textWithRefs(cell, numbers) })) }));
    return { type: 'table', children };
  }
  const paragraph: RootContent = { type: 'paragraph', children: textWithRefs(block.text, numbers) };
  return block.bullet ? { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph] }] } : paragraph;
}

/** Bullet lines kept as article text become one list, not a list per line. */
function groupLists(blocks: readonly ArticleBlock[]): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    if (block.node.type === 'list' && prev?.node.type === 'list') {
      prev.node.children.push(...block.node.children);
      prev.text += `\n${block.text}`;
    } else out.push(block.node.type === 'list' ? { node: structuredClone(block.node), text: block.text } : block);
  }
  return out;
}

/** The last "Notes" / "References" line followed by numbered blocks: those blocks are the notes. */
function splitNotes(blocks: readonly TextBlock[]): { notes: ArticleNote[]; rest: TextBlock[] } {
  for (let i = blocks.length - 2; i >= 0; i--) {
    if (!NOTES_HEADING.test(blocks[i]!.text) || noteOpening(blocks[i + 1]!.text) === undefined) continue;
    const notes: ArticleNote[] = [];
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const opening = noteOpening(blocks[j]!.text);
      if (opening === undefined) break;
      notes.push({ number: opening.number, text: opening.rest, node: { type: 'paragraph', children: [{ type: 'text', value: opening.rest }] } });
    }
    return { notes, rest: [...blocks.slice(0, i), ...blocks.slice(j)] };
  }
  return { notes: [], rest: [...blocks] };
}
