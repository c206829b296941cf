/** Placeholder: rewrites kramdown-only block syntax into CommonMark before parsing (being written). */

/** The CommonMark-friendly text and a map from its lines back to the original lines. */
export interface PreprocessedText {
  text: string;
  /** `lineMap[i]` is the 1-based original line of preprocessed line `i + 1`. */
  lineMap: number[];
}

/** Placeholder: returns the text unchanged. */
export function preprocessKramdown(text: string): PreprocessedText {
  const count = text.split('\n').length;
  return { text, lineMap: Array.from({ length: count }, (_, i) => i + 1) };
}
