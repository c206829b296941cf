/** Minutes a chapter takes to read, shown beside "Chapter N of M". */

/** Words per minute of careful reading of policy prose (slower than the 238 wpm average for non-fiction). */
const WORDS_PER_MINUTE = 200;
const TAG = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
const WORD = /[\p{L}\p{N}]+/gu;

/** Whole minutes (at least 1) to read the text of `html`; 0 for a page without words. */
export function readingMinutes(html: string): number {
  const words = html.replace(TAG, ' ').match(WORD)?.length ?? 0;
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
