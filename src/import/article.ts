/** The article an import finds in a page: what every extractor returns and every later step reads. */
import type { RootContent } from 'mdast';

/** One block of the article body, as an mdast node (paragraph, heading, list, quote, table, image…). */
export interface ArticleBlock {
  node: RootContent;
  /** The block's plain text, for word counts, comparisons and the dry-run listing. */
  text: string;
}

/** A hand-numbered note: its number and its text as mdast inline content of one paragraph. */
export interface ArticleNote {
  number: number;
  node: RootContent;
  text: string;
}

/** A block of the page left out of the article, with the reason, for `--dry-run`. */
export interface DroppedBlock {
  text: string;
  reason: string;
}

/** Everything an extractor found: the article and what it dropped. */
export interface Article {
  title: string | undefined;
  subtitle: string | undefined;
  byline: string | undefined;
  date: string | undefined;
  blocks: ArticleBlock[];
  notes: ArticleNote[];
  dropped: DroppedBlock[];
}

/** The kinds of input `dossier import` reads. */
export type InputFormat = 'text' | 'html' | 'markdown';
