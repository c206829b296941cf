/** Rewrites kramdown-only block syntax into CommonMark that keeps kramdown's meaning, before parsing. */
import { ALD_LINE, BLOCK_IAL_LINE } from './attribute-list.js';

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
}

/** Which kramdown parser the site uses (`kramdown: input:` in `_config.yml`; Jekyll's default is GFM). */
export interface PreprocessOptions {
  input?: 'GFM' | 'kramdown';
}

/** Prefix of the HTML comments that carry a block IAL to remark-kramdown-ial. */
export const IAL_MARKER = 'kramdown-ial:';
/** Prefix of the HTML comments that carry an attribute list definition (`{:name: …}`). */
export const ALD_MARKER = 'kramdown-ald:';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_BLOCK_OPEN = /^ {0,3}<(style|script|pre|textarea)(?=[\s>]|$)/i;
const TAG_OPEN = /^( {0,3})<([A-Za-z][\w-]*)(\s[^>]*)?>(.*)$/;
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;
const EXTENSION = /^ {0,3}\{::(\w+)(?:\s(?:\\\}|[^}])*?|)(\/)?\}\s*$/;
const EXTENSION_STOP = /^ {0,3}\{:\/(\w+)?\}\s*$/;
const ATX_WITHOUT_SPACE = /^(#{1,6})(?=[^\s#])/;

interface OpenMarkdownBlock {
  tag: string;
  /** Same-named raw tags opened inside, so the right closing tag ends the block. */
  depth: number;
  /** First preprocessed line of the block's content. */
  firstLine: number;
}

/**
 * Makes kramdown block syntax survive a CommonMark parse: IAL and ALD lines become one-line HTML
 * comments (which end a paragraph as kramdown's IALs do) for remark-kramdown-ial to apply;
 * `markdown="1"` blocks get blank lines around their tags so the inside parses as Markdown;
 * `{::comment}` blocks and `{::options}` vanish; `#Heading` gets its space with kramdown input
 * (the GFM parser, Jekyll's default, wants the space as CommonMark does).
 * Line count only grows, and lineMap says where every line came from.
 */
export function preprocessKramdown(text: string, options: PreprocessOptions = {}): PreprocessedText {
  const gfm = (options.input ?? 'GFM') === 'GFM';
  const markdownBlocks: Array<[number, number]> = [];
  const source = text.split(/\r?\n/);
  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (line: string, original: number) => {
    out.push(line);
    lineMap.push(original);
  };
  const ensureBlank = (original: number) => {
    if (out.length > 0 && out[out.length - 1]!.trim() !== '') emit('', original);
  };

  let fence: string | undefined;
  let rawClose: RegExp | undefined;
  let extensionStop: { name: string; keep: boolean } | undefined;
  const stack: OpenMarkdownBlock[] = [];

  // Lines split off a markdown block's tags are processed again as lines of their own.
  const processLine = (line: string, original: number): void => {
    if (fence !== undefined) {
      emit(line, original);
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
      return;
    }
    if (rawClose !== undefined) {
      emit(line, original);
      if (rawClose.test(line)) rawClose = undefined;
      return;
    }
    if (extensionStop !== undefined) {
      const stop = EXTENSION_STOP.exec(line);
      if (stop && (stop[1] === undefined || stop[1] === extensionStop.name)) {
        extensionStop = undefined;
        emit('', original);
      } else emit(extensionStop.keep ? line : '', original);
      return;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      emit(line, original);
      return;
    }
    const raw = RAW_BLOCK_OPEN.exec(line);
    if (raw) {
      const close = new RegExp(`</${raw[1]!}\\s*>`, 'i');
      if (!close.test(line.slice(raw[0].length))) rawClose = close;
      emit(line, original);
      return;
    }
    if (closeMarkdownBlock(line, original)) return;
    if (openMarkdownBlock(line, original)) return;
    const ald = ALD_LINE.exec(line);
    if (ald || BLOCK_IAL_LINE.test(line)) {
      const indent = /^ */.exec(line)![0];
      emit(`${indent}<!--${ald ? ALD_MARKER : IAL_MARKER}${encodeURIComponent(line.trim())}-->`, original);
      return;
    }
    const extension = EXTENSION.exec(line);
    if (extension) {
      const name = extension[1]!;
      if (extension[2] === undefined && (name === 'comment' || name === 'nomarkdown')) {
        extensionStop = { name, keep: name === 'nomarkdown' };
      }
      emit('', original);
      return;
    }
    if (EXTENSION_STOP.test(line)) {
      emit('', original);
      return;
    }
    const previous = out.length > 0 ? out[out.length - 1]! : '';
    // kramdown reads `#Heading` as a heading where a block may start; CommonMark wants the space.
    if (!gfm && ATX_WITHOUT_SPACE.test(line) && (previous.trim() === '' || previous.startsWith('<!--kramdown-') || previous.startsWith('#'))) {
      emit(line.replace(ATX_WITHOUT_SPACE, '$1 '), original);
      return;
    }
    emit(line, original);
  };

  const openMarkdownBlock = (line: string, original: number): boolean => {
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
      emit(`${open[1]!}<${tag}${kept}>${rest}`, original);
      return true;
    }
    ensureBlank(original);
    emit(`${open[1]!}<${tag}${kept}>`, original);
    emit('', original);
    stack.push({ tag: tag.toLowerCase(), depth: 0, firstLine: out.length + 1 });
    if (rest.trim() !== '') processLine(rest, original);
    return true;
  };

  const closeMarkdownBlock = (line: string, original: number): boolean => {
    const top = stack[stack.length - 1];
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
      stack.pop();
      const before = line.slice(0, match.index);
      const after = line.slice(match.index + match[0].length);
      if (before.trim() !== '') processLine(before, original);
      ensureBlank(original);
      markdownBlocks.push([top.firstLine, out.length]);
      emit(match[0], original);
      emit('', original);
      if (after.trim() !== '') processLine(after, original);
      return true;
    }
    return false;
  };

  source.forEach((line, index) => processLine(line, index + 1));
  // kramdown closes blocks left open at the end of the document.
  for (const open of stack) markdownBlocks.push([open.firstLine, out.length]);
  return { text: out.join('\n'), lineMap, markdownBlocks };
}
