/** Paragraph precision and recall of an import against the paragraphs a person marked as the article. */
import { createHash } from 'node:crypto';
import type { Article } from '../../src/import/article.js';

/** The fixtures' paragraph id: a short hash of the text, lower-cased with spacing collapsed. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex').slice(0, 12);
}

/** What a reader of the import gets as text blocks: the subtitle and every non-heading block. */
export function keptTexts(article: Article, splitLists = false): string[] {
  const blocks = article.blocks.filter((b) => b.node.type !== 'heading').flatMap((b) => (splitLists && (b.node.type === 'list' || b.node.type === 'table') ? b.text.split('\n') : [b.text]));
  return [...(article.subtitle === undefined ? [] : [article.subtitle]), ...blocks];
}

export interface Score {
  /** Share of the article's paragraphs that were kept. */
  recall: number;
  /** Share of the kept blocks (judgment calls aside) that are not article text. */
  boilerplate: number;
  missing: string[];
  extra: string[];
}

/** Scores kept blocks (by `key`) against the article's keys; `optional` keys count neither way. */
export function score(kept: readonly string[], key: (text: string) => string, article: readonly string[], optional: readonly string[] = []): Score {
  const keptKeys = new Map(kept.map((t) => [key(t), t]));
  const wanted = new Set(article);
  const either = new Set(optional);
  const judged = [...keptKeys.keys()].filter((k) => !either.has(k));
  const extra = judged.filter((k) => !wanted.has(k));
  const missing = article.filter((k) => !keptKeys.has(k));
  return {
    recall: (article.length - missing.length) / article.length,
    boilerplate: judged.length === 0 ? 0 : extra.length / judged.length,
    missing,
    extra: extra.map((k) => keptKeys.get(k)!.slice(0, 80)),
  };
}
