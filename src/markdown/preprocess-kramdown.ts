/** Rewrites kramdown-only block syntax into CommonMark that keeps kramdown's meaning, before parsing. */
import { ALD_LINE, BLOCK_IAL_LINE } from './attribute-list.js';
import { applyKramdownBlockRules } from './kramdown-html-blocks.js';

/** The CommonMark-friendly text and a map from its lines back to the original lines. */
export interface PreprocessedText {
  text: string;
  /** `lineMap[i]` is the 1-based original line of preprocessed line `i + 1`. */
  lineMap: number[];
  /**
   * Preprocessed line ranges `[first, last]` (1-based, inclusive) inside `markdown="1"` HTML blocks.
   * Jekyll's GFM parser gives headings there kramdown's ids and GFM ids everywhere else.
   */
  markdownBlocks: Array<[number, number]>;
  /** Block IALs right under a top-level block, taken out of the text (see TrailingIal). */
  trailingIals: TrailingIal[];
  /** Lines (1-based) of the other block IAL and ALD lines, left in the text for remark-attribute-list-syntax. */
  attributeListLines: number[];
}

/**
 * A block IAL directly under a top-level paragraph, heading or table, the commonest place for one
 * (`{: .fs-2}` under every note). Its line becomes a blank line, which ends that block exactly as
 * an attribute-list line would, and costs the parser less than a block of its own (as HTML
 * comments, such lines once made parsing about 5 % slower). remark-kramdown-ial applies it to the
 * top-level node ending on line `target`.
 */
export interface TrailingIal {
  /** The attribute list line as the author wrote it, trimmed. */
  text: string;
  /** Preprocessed line (1-based) and column of the IAL, for diagnostics. */
  line: number;
  column: number;
  /** Preprocessed line on which the block it belongs to ends. */
  target: number;
}

/** Which kramdown parser the site uses (`kramdown: input:` in `_config.yml`; Jekyll's default is GFM). */
export interface PreprocessOptions {
  input?: 'GFM' | 'kramdown';
}

/** A blank line inside raw block HTML: kramdown keeps the element whole, CommonMark would end it there. */
export const BLANK_MARKER = '<!--kramdown-blank:-->';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_BLOCK_OPEN = /^ {0,3}<(style|script|pre|textarea)(?=[\s>]|$)/i;
const TAG_OPEN = /^( {0,3})<([A-Za-z][\w-]*)(\s[^>]*)?>(.*)$/;
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;
const EXTENSION = /^ {0,3}\{::(\w+)(?:\s(?:\\\}|[^}])*?|)(\/)?\}\s*$/;
const EXTENSION_STOP = /^ {0,3}\{:\/(\w+)?\}\s*$/;
const ATX_WITHOUT_SPACE = /^(#{1,6})(?=[^\s#])/;
// kramdown's HTML_SPAN_ELEMENTS: a line opening with one of these is paragraph text, not block HTML.
const SPAN_TAGS = new Set('a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(' '));
const VOID_TAGS = new Set('area base br col command embed hr img input keygen link meta param source track wbr'.split(' '));
const BLOCK_TAG_LINE = /^ {0,3}<([A-Za-z][\w-]*)(?=[\s/>])[^>]*>/;
const LIST_OR_QUOTE = /^ {0,3}(?:[*+-]|\d+[.)])(?:[ \t]|$)|^ {0,3}>/;
const ORDERED_ITEM = /^ {0,3}(\d+)\.[ \t]/;
const BREAK_LINE = /^ {0,3}(?:\*{3,}|_{3,})[ \t]*$/;
const SETEXT_LINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

interface OpenMarkdownBlock {
  tag: string;
  /** Same-named raw tags opened inside, so the right closing tag ends the block. */
  depth: number;
  /** First preprocessed line of the block's content. */
  firstLine: number;
}

/**
 * Makes kramdown block syntax survive a CommonMark parse: IAL and ALD lines stay, trimmed, and are
 * listed in attributeListLines, so the parser reads them as nodes of their own (which end a
 * paragraph as kramdown's IALs do) for remark-kramdown-ial to apply; IALs right under a top-level
 * block become blank lines instead and are handed over as TrailingIals;
 * `markdown="1"` blocks get blank lines around their tags so the inside parses as Markdown;
 * `{::comment}` blocks and `{::options}` vanish; `#Heading` gets its space with kramdown input
 * (the GFM parser, Jekyll's default, wants the space as CommonMark does).
 * Line count only grows, and lineMap says where every line came from.
 */
export function preprocessKramdown(text: string, options: PreprocessOptions = {}): PreprocessedText {
  // kramdown's HTML block ends and column-1 headings first; `origin` maps its lines back to the page's.
  const { lines, origin } = applyKramdownBlockRules(text.split(/\r?\n/));
  const pass = new PrePass(lines, (options.input ?? 'GFM') === 'GFM');
  pass.source.forEach((line, index) => pass.processLine(line, index + 1));
  const result = pass.finish();
  return { ...result, lineMap: result.lineMap.map((line) => origin[line - 1]!) };
}

/** Where the top-level paragraph being read stands: what decides how kramdown reads its next line. */
interface ParagraphState {
  /** Lines of the top-level paragraph being read: 0 after a block boundary, -1 inside other blocks. */
  lines: number;
  /** The paragraph began after a blank line or IAL (kramdown's block boundary), where a setext underline may follow. */
  atBoundary: boolean;
  /**
   * The paragraph's first line starts at column 1, so it stands at the top level: an indented one
   * after a blank line may continue a list item, where a blank line in place of an IAL would join
   * the next item to the list (and make it loose) instead of ending the list as the marker does.
   */
  unindented: boolean;
}

/** What the pass is inside of, when not plain Markdown: each swallows lines until it ends. */
interface OpenRegion {
  /** The opening fence of a code block. */
  fence: string | undefined;
  /** The closing tag of a raw `<style>`, `<script>`, `<pre>` or `<textarea>` block. */
  rawClose: RegExp | undefined;
  /** Last source line of a raw block HTML element whose blank lines must not end it (0: none). */
  rawHtmlEnd: number;
  /** A `{::comment}` or `{::nomarkdown}` extension, whose lines are dropped or kept as they are. */
  extensionStop: { name: string; keep: boolean } | undefined;
}

/** One run of the pre-pass over a page: the lines written so far and the state that decides the next. */
class PrePass {
  readonly out: string[] = [];
  readonly lineMap: number[] = [];
  readonly markdownBlocks: Array<[number, number]> = [];
  readonly trailingIals: TrailingIal[] = [];
  readonly attributeListLines: number[] = [];
  private readonly paragraph: ParagraphState = { lines: 0, atBoundary: true, unindented: false };
  private readonly open: OpenRegion = { fence: undefined, rawClose: undefined, rawHtmlEnd: 0, extensionStop: undefined };
  /** `markdown="1"` blocks open around the current line, innermost last. */
  private readonly stack: OpenMarkdownBlock[] = [];

  constructor(
    readonly source: readonly string[],
    private readonly gfm: boolean,
  ) {}

  /** Handles one line (a source line, or part of one split off a markdown block's tags), `original` being its source line. */
  processLine(line: string, original: number): void {
    if (this.continueOpenRegion(line, original)) return;
    if (this.openRegion(line, original)) return;
    // Before the markdown-block tag scan, so a raw element's own tags never count toward its depth.
    if (line === this.source[original - 1] && this.openRawHtmlBlock(line, original)) return;
    if (this.closeMarkdownBlock(line, original)) return;
    if (this.openMarkdownBlock(line, original)) return;
    if (this.attributeListLine(line, original)) return;
    if (this.extensionLine(line, original)) return;
    const previous = this.out.length > 0 ? this.out[this.out.length - 1]! : '';
    // kramdown reads `#Heading` as a heading where a block may start; CommonMark wants the space.
    if (!this.gfm && ATX_WITHOUT_SPACE.test(line) && (previous.trim() === '' || previous === BLANK_MARKER || this.endsOnUnindentedList() || previous.startsWith('#'))) {
      this.emit(line.replace(ATX_WITHOUT_SPACE, '$1 '), original);
      return;
    }
    this.emitParagraphLine(line, original);
  }

  /** Ends the pass: kramdown closes blocks left open at the end of the document. */
  finish(): PreprocessedText {
    for (const open of this.stack) this.markdownBlocks.push([open.firstLine, this.out.length]);
    const { out, lineMap, markdownBlocks, trailingIals, attributeListLines } = this;
    return { text: out.join('\n'), lineMap, markdownBlocks, trailingIals, attributeListLines };
  }

  /** Writes one line; `attributeList` says it is an IAL or ALD line the parser is to read as one. */
  private emit(line: string, original: number, attributeList = false): void {
    this.out.push(line);
    this.lineMap.push(original);
    if (attributeList) this.attributeListLines.push(this.out.length);
    // Attribute lists and blank lines end a paragraph as kramdown's LAZY_END does; other blocks are not tracked.
    this.paragraph.lines = attributeList || line.trim() === '' || line === BLANK_MARKER ? 0 : -1;
    this.paragraph.atBoundary = this.paragraph.lines === 0;
  }

  /** Whether the last line written is an attribute list in column 1, after which a block may start. */
  private endsOnUnindentedList(): boolean {
    const lines = this.attributeListLines;
    return lines.length > 0 && lines[lines.length - 1] === this.out.length && this.out[this.out.length - 1]!.startsWith('{');
  }

  private ensureBlank(original: number): void {
    if (this.out.length > 0 && this.out[this.out.length - 1]!.trim() !== '') this.emit('', original);
  }

  /** A line inside raw block HTML, a code fence, a raw element or an extension: kept, blanked or dropped as that region wants. */
  private continueOpenRegion(line: string, original: number): boolean {
    const open = this.open;
    if (open.rawHtmlEnd >= original) {
      // kramdown would print an IAL line here as text; it is dropped instead, so `{:` never reaches readers.
      const ial = BLOCK_IAL_LINE.test(line) || ALD_LINE.test(line);
      this.emit(line.trim() === '' || ial ? BLANK_MARKER : line, original);
      return true;
    }
    if (open.fence !== undefined) {
      this.emit(line, original);
      const close = FENCE.exec(line);
      if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length && line.trim() === close[1]) open.fence = undefined;
      return true;
    }
    if (open.rawClose !== undefined) {
      this.emit(line, original);
      if (open.rawClose.test(line)) open.rawClose = undefined;
      return true;
    }
    if (open.extensionStop !== undefined) {
      const stop = EXTENSION_STOP.exec(line);
      if (stop && (stop[1] === undefined || stop[1] === open.extensionStop.name)) {
        open.extensionStop = undefined;
        this.emit('', original);
      } else this.emit(open.extensionStop.keep ? line : '', original);
      return true;
    }
    return false;
  }

  /** A code fence or a raw `<style>`/`<script>`/`<pre>`/`<textarea>` opening: kept, and later lines go through as they are. */
  private openRegion(line: string, original: number): boolean {
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      this.open.fence = fenceOpen[1]!;
      this.emit(line, original);
      return true;
    }
    const raw = RAW_BLOCK_OPEN.exec(line);
    if (raw) {
      const close = new RegExp(`</${raw[1]!}\\s*>`, 'i');
      if (!close.test(line.slice(raw[0].length))) this.open.rawClose = close;
      this.emit(line, original);
      return true;
    }
    return false;
  }

  /** An IAL or ALD line: a TrailingIal under a top-level block, otherwise a line the parser reads as an attribute list. */
  private attributeListLine(line: string, original: number): boolean {
    const ald = ALD_LINE.exec(line);
    if (!ald && !BLOCK_IAL_LINE.test(line)) return false;
    const indent = /^ */.exec(line)![0];
    // Under a top-level block, or under an IAL that was: the same block (kramdown stacks them).
    const last = this.trailingIals[this.trailingIals.length - 1];
    const topLevel = this.paragraph.lines >= 1 && this.paragraph.unindented && indent === '';
    const target = topLevel ? this.out.length : last !== undefined && last.line === this.out.length ? last.target : undefined;
    if (!ald && target !== undefined) {
      this.trailingIals.push({ text: line.trim(), line: this.out.length + 1, column: indent.length + 1, target });
      this.emit('', original);
      return true;
    }
    this.emit(`${indent}${line.trim()}`, original, true);
    return true;
  }

  /** `{::comment}`, `{::nomarkdown}`, `{::options … /}` and their stops: the tag lines vanish. */
  private extensionLine(line: string, original: number): boolean {
    const extension = EXTENSION.exec(line);
    if (extension) {
      const name = extension[1]!;
      if (extension[2] === undefined && (name === 'comment' || name === 'nomarkdown')) {
        this.open.extensionStop = { name, keep: name === 'nomarkdown' };
      }
      this.emit('', original);
      return true;
    }
    if (EXTENSION_STOP.test(line)) {
      this.emit('', original);
      return true;
    }
    return false;
  }

  /** Where kramdown and CommonMark split a paragraph differently, rewrites the line to kramdown's reading. */
  private emitParagraphLine(line: string, original: number): void {
    const paragraph = this.paragraph;
    const before = paragraph.lines;
    if (line.trim() === '') {
      this.emit(line, original);
      return;
    }
    if (before >= 1) {
      const ordered = ORDERED_ITEM.exec(line);
      // kramdown lets any numbered item end a paragraph; CommonMark only one numbered 1.
      if (ordered && Number(ordered[1]) !== 1) this.emit('', original);
      // Inside a paragraph kramdown reads `***` as text, and a setext underline only under one line that began at a block boundary.
      else if (BREAK_LINE.test(line) || ((before >= 2 || !paragraph.atBoundary) && SETEXT_LINE.test(line))) line = line.replace(/^( {0,3})(\S)/, '$1\\$2');
    }
    // The GFM parser turns `\` line ends into breaks in a pass that skips HTML elements: there the backslash stays.
    if (this.gfm && this.stack.length > 0) line = line.replace(/(^|[^\\])\\$/, '$1\\\\');
    const boundary = paragraph.atBoundary;
    this.emit(line, original);
    paragraph.atBoundary = boundary;
    const inline = /^ {0,3}<([A-Za-z][\w-]*)/.exec(line);
    if (LIST_OR_QUOTE.test(line) || /^ {0,3}(?:#{1,6}(?:[ \t]|$)|\||```|~~~)/.test(line) || (inline && !SPAN_TAGS.has(inline[1]!.toLowerCase()))) {
      // A paragraph may start right under a heading, but kramdown sees no block boundary there.
      paragraph.lines = /^ {0,3}#/.test(line) ? 0 : -1;
      paragraph.atBoundary = false;
    } else if (before >= 0 && !(before === 0 && /^(?: {4}|\t)/.test(line))) {
      if (before === 0) paragraph.unindented = !/^\s/.test(line);
      paragraph.lines = before + 1;
    }
  }

  /** kramdown keeps a block HTML element (no markdown attribute) whole up to its matching end tag. */
  private openRawHtmlBlock(line: string, original: number): boolean {
    const open = BLOCK_TAG_LINE.exec(line);
    const tag = open?.[1]?.toLowerCase();
    if (tag === undefined || SPAN_TAGS.has(tag) || VOID_TAGS.has(tag) || open![0].endsWith('/>') || MARKDOWN_ATTRIBUTE.test(open![0])) return false;
    const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
    let depth = 0;
    for (let i = original - 1; i < this.source.length; i++) {
      for (const match of this.source[i]!.matchAll(tags)) depth += match[1] === '/' ? -1 : match[0].endsWith('/>') ? 0 : 1;
      if (depth <= 0) {
        // Without an end tag CommonMark's reading is kept: it hides less of the page than kramdown's auto-close.
        if (i === original - 1) return false;
        this.open.rawHtmlEnd = i + 1;
        this.emit(line, original);
        return true;
      }
    }
    return false;
  }

  /** A tag with `markdown="1"` opens a block whose inside is parsed as Markdown; `markdown="0"` just loses the attribute. */
  private openMarkdownBlock(line: string, original: number): boolean {
    const open = TAG_OPEN.exec(line);
    const attributes = open?.[3];
    if (!open || attributes === undefined) return false;
    const markdown = MARKDOWN_ATTRIBUTE.exec(attributes);
    if (!markdown) return false;
    const value = markdown[1] ?? markdown[2] ?? markdown[3] ?? '';
    const tag = open[2]!;
    const kept = attributes.replace(MARKDOWN_ATTRIBUTE, '');
    const rest = open[4]!;
    if (value === '0' || attributes.trimEnd().endsWith('/')) {
      this.emit(`${open[1]!}<${tag}${kept}>${rest}`, original);
      return true;
    }
    this.ensureBlank(original);
    this.emit(`${open[1]!}<${tag}${kept}>`, original);
    this.emit('', original);
    this.stack.push({ tag: tag.toLowerCase(), depth: 0, firstLine: this.out.length + 1 });
    if (rest.trim() !== '') this.processLine(rest, original);
    return true;
  }

  /** The closing tag of the innermost markdown block: blank lines around it, and what shares its line processed on its own. */
  private closeMarkdownBlock(line: string, original: number): boolean {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || !line.toLowerCase().includes(top.tag)) return false;
    const tags = new RegExp(`<(/?)${top.tag}\\b[^>]*>`, 'gi');
    for (const match of line.matchAll(tags)) {
      if (match[1] === '') {
        if (!match[0].endsWith('/>') && !MARKDOWN_ATTRIBUTE.test(match[0])) top.depth++;
        continue;
      }
      if (top.depth > 0) {
        top.depth--;
        continue;
      }
      this.stack.pop();
      const before = line.slice(0, match.index);
      const after = line.slice(match.index + match[0].length);
      if (before.trim() !== '') this.processLine(before, original);
      this.ensureBlank(original);
      this.markdownBlocks.push([top.firstLine, this.out.length]);
      this.emit(match[0], original);
      this.emit('', original);
      if (after.trim() !== '') this.processLine(after, original);
      return true;
    }
    return false;
  }
}
