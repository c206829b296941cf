/**
 * kramdown's block rules where CommonMark reads the same lines differently, applied to source lines
 * before the rest of the kramdown pre-pass: a block HTML element ends at its own end tag, a span tag
 * alone on a line starts a paragraph, and ATX headings start in column 1.
 */
import { ALD_LINE, BLOCK_IAL_LINE } from './attribute-list.js';

/** Source lines rewritten to kramdown's block structure, and for each the 1-based line it came from. */
export interface KramdownBlockLines {
  lines: string[];
  origin: number[];
}

/**
 * Appended to a span tag alone on a line: the line is then no CommonMark HTML block (type 7) but a
 * paragraph, as in kramdown. remark-kramdown-ial removes the comment as it does every stray marker.
 */
export const SPAN_LINE_MARKER = '<!--kramdown-blank:-->';

// kramdown's HTML_SPAN_ELEMENTS: a line opening with one of these is paragraph text, not block HTML.
const SPAN_TAGS = new Set('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '));
// kramdown's HTML_ELEMENTS_WITHOUT_BODY: the open tag is the whole element.
const VOID_TAGS = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
// Elements whose content kramdown never reads as Markdown, whatever their attributes say.
const RAW_TAGS = new Set(['script', 'style', 'pre', 'textarea']);
const OPEN_TAG = /^ {0,3}<([A-Za-z][\w-]*)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/;
const SPAN_TAG_ALONE = /^ {0,3}<\/?([A-Za-z][\w-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>\s*$/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Regions whose lines are never Markdown: a multi-line HTML comment, kramdown's comment and nomarkdown extensions.
const VERBATIM_OPEN = /^ {0,3}(?:<!--(?!.*-->)|\{::(?:comment|nomarkdown)\}\s*$)/;
const VERBATIM_CLOSE = (opening: string) => (opening.includes('<!--') ? /-->/ : /^ {0,3}\{:\/(?:comment|nomarkdown)?\}\s*$/);
const INDENTED_ATX = /^( {1,3})(#{1,6}(?:[ \t]|$))/;
const LIST_START = /^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)|^ {0,3}>/;

/** The end (line index, column just past it) of the block HTML element opened at the start of `lines[index]`. */
export function htmlBlockEnd(lines: readonly string[], index: number): { line: number; column: number } | undefined {
  const open = OPEN_TAG.exec(lines[index]!);
  const tag = open?.[1]?.toLowerCase();
  if (open === undefined || open === null || tag === undefined || SPAN_TAGS.has(tag)) return undefined;
  if (VOID_TAGS.has(tag) || open[0].endsWith('/>')) return { line: index, column: open[0].length };
  const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');
  let depth = 0;
  for (let i = index; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(tags)) {
      depth += match[1] === '/' ? -1 : match[0].endsWith('/>') ? 0 : 1;
      if (depth === 0) return { line: i, column: match.index + match[0].length };
    }
  }
  return undefined;
}

/** Whether kramdown reads the element opened on this line as Markdown (`markdown="1"`, `"block"`, `"span"`). */
function parsesMarkdown(line: string): boolean {
  const open = OPEN_TAG.exec(line);
  if (!open || RAW_TAGS.has(open[1]!.toLowerCase())) return false;
  const value = MARKDOWN_ATTRIBUTE.exec(open[0]);
  return value !== null && (value[1] ?? value[2] ?? value[3]) !== '0';
}

/** Whether `previous` is a line of paragraph text, which kramdown ends at a block tag and CommonMark may not. */
function interruptsParagraph(previous: string | undefined): boolean {
  return previous !== undefined && /^[^\s<#|`~]/.test(previous) && !isIalLine(previous) && !LIST_START.test(previous);
}

const isIalLine = (line: string) => BLOCK_IAL_LINE.test(line) || ALD_LINE.test(line);

/**
 * Rewrites lines so CommonMark ends block HTML where kramdown does: a blank line goes after an
 * element's end tag (text after it on the same line moves to a line of its own) and before an
 * element that interrupts a paragraph; a span tag alone on a line gets SPAN_LINE_MARKER; an ATX
 * heading mark after 1-3 spaces outside lists is escaped, since kramdown reads that line as text.
 */
export function applyKramdownBlockRules(source: readonly string[]): KramdownBlockLines {
  const lines: string[] = [];
  const origin: number[] = [];
  // Working copy: the rest of an end tag's line replaces that line and is read again.
  const work = [...source];
  const from = source.map((_, i) => i + 1);
  const push = (line: string, at: number) => {
    lines.push(line);
    origin.push(from[at]!);
  };
  let fence: string | undefined;
  let verbatimEnd: RegExp | undefined;
  let inList = false;
  let afterBlank = true;
  for (let i = 0; i < work.length; i++) {
    const line = work[i]!;
    if (fence !== undefined) {
      push(line, i);
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
      continue;
    }
    if (verbatimEnd !== undefined) {
      push(line, i);
      if (verbatimEnd.test(line)) verbatimEnd = undefined;
      continue;
    }
    if (VERBATIM_OPEN.test(line)) {
      verbatimEnd = VERBATIM_CLOSE(line);
      push(line, i);
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen || line.trim() === '') {
      if (fenceOpen) fence = fenceOpen[1]!;
      afterBlank = !fenceOpen;
      push(line, i);
      continue;
    }
    if (afterBlank && /^\S/.test(line)) inList = LIST_START.test(line);
    else if (LIST_START.test(line)) inList = true;
    afterBlank = false;
    const end = parsesMarkdown(line) ? undefined : htmlBlockEnd(work, i);
    if (end === undefined) {
      push(rewriteTextLine(line, inList), i);
      continue;
    }
    if (interruptsParagraph(lines[lines.length - 1])) push('', i);
    for (; i < end.line; i++) push(work[i]!, i);
    const last = work[i]!;
    const rest = last.slice(end.column);
    push(rest.trim() === '' ? last : last.slice(0, end.column), i);
    const next = rest.trim() !== '' ? rest : work[i + 1];
    if (next === undefined || next.trim() === '' || isIalLine(next)) continue;
    push('', i);
    if (rest.trim() !== '') {
      work[i] = rest;
      i--;
    }
  }
  return { lines, origin };
}

/** A line of text as kramdown reads it: a span tag alone opens a paragraph, an indented `#` is text. */
function rewriteTextLine(line: string, inList: boolean): string {
  const span = SPAN_TAG_ALONE.exec(line);
  if (span && SPAN_TAGS.has(span[1]!.toLowerCase())) return `${line.trimEnd()}${SPAN_LINE_MARKER}`;
  if (!inList && INDENTED_ATX.test(line)) return line.replace(INDENTED_ATX, '$1\\$2');
  return line;
}
