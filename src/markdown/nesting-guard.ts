/**
 * A cheap look at a page's Markdown before it is parsed, for shapes that make the parser's work grow
 * far faster than the text: containers nested thousands deep on one line (`- - - - … x`, `> > > …`)
 * and paragraphs with thousands of emphasis or strikethrough delimiters (`*a *a *a … a* a* a*`, `~a ~a … a~ a~`). No real essay comes
 * near these limits; a page past them is published as text with `markdown/render-failed`.
 */

/** Most list or quote markers opening containers at the start of one line. */
export const MAX_CONTAINER_DEPTH = 100;
/** Most `*`, `_` or `~` delimiter runs in one paragraph. */
export const MAX_EMPHASIS_RUNS = 1_000;

const CONTAINER_MARKER = /^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]|$)[ \t]*/;

/** Where and why the text is too deeply nested to parse safely (1-based line within `text`), or undefined. */
export function nestingProblem(text: string): { line: number; reason: string } | undefined {
  const lines = text.split('\n');
  let runs = 0;
  let paragraphStart = 1;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') {
      runs = 0;
      paragraphStart = i + 2;
      continue;
    }
    const depth = containerDepth(line);
    if (depth > MAX_CONTAINER_DEPTH) return { line: i + 1, reason: `${depth} lists or quotes nested on one line (at most ${MAX_CONTAINER_DEPTH})` };
    runs += line.match(/[*_~]+/g)?.length ?? 0;
    if (runs > MAX_EMPHASIS_RUNS) return { line: paragraphStart, reason: `more than ${MAX_EMPHASIS_RUNS} emphasis markers in one paragraph` };
  }
  return undefined;
}

/** How many container markers open at the start of `line`, counted up to one past the limit. */
function containerDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (let match = CONTAINER_MARKER.exec(rest); match !== null && match[0].length > 0 && depth <= MAX_CONTAINER_DEPTH; match = CONTAINER_MARKER.exec(rest)) {
    depth++;
    rest = rest.slice(match[0].length);
  }
  return depth;
}
