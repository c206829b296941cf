/** Header id algorithms of Jekyll's kramdown: kramdown's `auto_ids` and the GFM parser's own ids. */

/** kramdown's basic_generate_id: letters from the first ASCII letter on, `a-zA-Z0-9 -` kept, spaces to `-`, lower case. */
export function basicKramdownId(rawText: string): string {
  return rawText
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase();
}

// Ruby's \p{Word}: letters (Alphabetic), marks, decimal digits, connector punctuation, joiners.
const GFM_NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}\- \t]/gu;

/** kramdown-parser-gfm's generate_gfm_header_id without the counter: Unicode lower case, non-word characters dropped, blanks to `-`. */
export function basicGfmId(rawText: string): string {
  return rawText.toLowerCase().replace(GFM_NON_WORD, '').replace(/[ \t]/g, '-');
}

/** Hands out kramdown ids for one page: `section` when empty, `-1`, `-2`… for repeats of a generated id. */
export function createKramdownIdGenerator(): (rawText: string) => string {
  const used = new Map<string, number>();
  return (rawText) => {
    const id = basicKramdownId(rawText) || 'section';
    const count = used.get(id);
    if (count === undefined) {
      used.set(id, 0);
      return id;
    }
    used.set(id, count + 1);
    return `${id}-${count + 1}`;
  };
}

/** Hands out GFM-parser ids for one page: empty stays empty, repeats get `-1`, `-2`…, counted apart from kramdown's. */
export function createGfmIdGenerator(): (rawText: string) => string {
  const used = new Map<string, number>();
  return (rawText) => {
    const id = basicGfmId(rawText);
    const count = (used.get(id) ?? -1) + 1;
    used.set(id, count);
    return count > 0 ? `${id}-${count}` : id;
  };
}
