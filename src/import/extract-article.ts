/** Any input → the article: the extractor for its format, then notes, then the "is this an article" test. */
import type { Article } from './article.js';
import { collectNotes } from './collect-notes.js';
import { extractHtml } from './extract-html.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractText } from './extract-text.js';
import { ImportError } from './import-error.js';
import type { ImportInput } from './read-input.js';
import { wordCount } from './split-chapters.js';

/** Fewer words of article text than this is a page without an article (a menu, an error page). */
export const MIN_ARTICLE_WORDS = 80;

/** Finds the article in the input; throws an ImportError when there is none or it has no title. */
export function extractArticle(input: ImportInput, title?: string): Article {
  const article = input.format === 'html' ? extractHtml(input.text, title) : input.format === 'markdown' ? extractMarkdown(input.text, title) : extractText(input.text, title);
  collectNotes(article);
  if (wordCount(article.blocks) < MIN_ARTICLE_WORDS) {
    throw new ImportError(`found no article in ${input.label}: ${wordCount(article.blocks)} words of article-like text.`, {
      hint: 'dossier import wants a page holding one article of several paragraphs; run with --dry-run to see why each block was dropped',
    });
  }
  if (article.title === undefined || article.title.trim() === '') {
    throw new ImportError(`found no title in ${input.label}.`, { hint: 'give one with --title' });
  }
  return article;
}
