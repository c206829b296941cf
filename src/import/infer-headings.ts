/** What a heading or a title looks like in plain text: short, title case, no final full stop. */
import { STOP_WORDS } from './stop-words.js';
import { TEXT_THRESHOLDS as T } from './text-thresholds.js';
import { isDateLine } from './text-patterns.js';

/** Share of the longer words (4+ letters, not stop words) that start with a capital. */
function titleCaseShare(text: string): number {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter((w) => w.length >= 4 && !STOP_WORDS.has(w.toLowerCase()));
  if (words.length === 0) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

function shapeOk(text: string, maxWords: number, maxChars: number): boolean {
  const words = text.split(/\s+/).length;
  return words <= maxWords && text.length <= maxChars && /^[\p{Lu}\d‘“"'¿¡]/u.test(text) && !/[.,;:]$/.test(text) && !isDateLine(text);
}

/** A line that reads as a section heading; conservative, since a wrong heading splits a chapter. */
export function isHeadingLike(text: string): boolean {
  if (!shapeOk(text, T.headingMaxWords, T.headingMaxChars) || /!$/.test(text)) return false;
  // One sentence at most: a full stop inside means prose ("Ships stayed. None moved").
  if (/[.!?]\s+\p{Lu}/u.test(text)) return false;
  return titleCaseShare(text) >= T.headingTitleCase;
}

/** A line that may be the article's title; `strict` asks for title case as well. */
export function isTitleLike(text: string, strict: boolean): boolean {
  if (!shapeOk(text, 25, 200) || text.split(/\s+/).length < 3) return false;
  return !strict || titleCaseShare(text) >= T.headingTitleCase;
}

/** Titles of notes sections: the list after one of them holds the notes. */
export const NOTES_HEADING = /^(notes|endnotes|footnotes|references|sources|bibliography)$/i;
