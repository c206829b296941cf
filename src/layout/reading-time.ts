/** Minutes a chapter takes to read, shown beside "Chapter N of M". */

/** Words per minute of careful reading of policy prose (slower than the 238 wpm average for non-fiction). */
const WORDS_PER_MINUTE = 200;

/** Whole minutes (at least 1) to read the text of `html`; 0 for a page without words. */
export function readingMinutes(html: string): number {
  const words = countWords(html);
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

// A <script> or <style> element with its contents, matched where a tag starts.
const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/iy;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const LT = 0x3c;
const GT = '>';
/** Per UTF-16 code unit below 0x10000: 0 not yet known, 1 a letter or digit, 2 anything else. */
const bmpClass = new Uint8Array(0x10000);

/**
 * Runs of letters and digits (`[\p{L}\p{N}]+` over code points) in `html` once its tags, and
 * <script>/<style> elements with their contents, are taken out (each as a word break). One pass over
 * the text: a layout reads every page, and a regex replace and match built a copy of each page and an
 * array of its words. A `<` with no `>` after it is text.
 */
export function countWords(html: string): number {
  let words = 0;
  let inWord = false;
  let tagsCanClose = true;
  const n = html.length;
  for (let i = 0; i < n; ) {
    const unit = html.charCodeAt(i);
    if (unit === LT && tagsCanClose) {
      const end = tagEnd(html, i);
      if (end === -1) tagsCanClose = false;
      else {
        inWord = false;
        i = end;
        continue;
      }
    }
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < n ? html.charCodeAt(i + 1) : 0;
    const astral = pair >= 0xdc00 && pair <= 0xdfff;
    const word = astral ? WORD_CHAR.test(html.slice(i, i + 2)) : isWordUnit(unit);
    if (word && !inWord) words++;
    inWord = word;
    i += astral ? 2 : 1;
  }
  return words;
}

/** Where the tag (or script/style element) opening at `at` ends, or -1 when no `>` follows: then no later `<` opens a tag either. */
function tagEnd(html: string, at: number): number {
  const next = html.charCodeAt(at + 1) | 0x20;
  if (next === 0x73 /* s */) {
    SCRIPT_OR_STYLE.lastIndex = at;
    if (SCRIPT_OR_STYLE.test(html)) return SCRIPT_OR_STYLE.lastIndex;
  }
  const close = html.indexOf(GT, at + 1);
  return close === -1 ? -1 : close + 1;
}

function isWordUnit(unit: number): boolean {
  if (unit < 0x80) return (unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
  let known = bmpClass[unit];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    bmpClass[unit] = known;
  }
  return known === 1;
}
