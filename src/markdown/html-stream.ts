/**
 * A page's hast tree read as the browser will read its HTML: elements and the tags inside raw HTML
 * nodes, in document order, with the elements open around each. The chain keeps raw HTML as strings
 * (no rehype-raw: re-serialising would change authors' markup), so steps that need the page's real
 * structure (paragraph ids, search sections) read raw nodes with parse5's tokenizer here instead of
 * parsing the finished page again.
 */
import type { Element, Root, RootContent } from 'hast';
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import { find, html as htmlSchema } from 'property-information';

/** An open element: a hast element, or a start tag read from a raw node (with where its `<` is). */
export interface StreamTag {
  tagName: string;
  /** An HTML attribute's value ('' for a bare attribute), or undefined when it is not there. */
  attribute(name: string): string | undefined;
  element?: Element;
  /** In its raw node: where the start tag begins and ends, and each attribute's extent. */
  raw?: { node: { value: string }; offset: number; end: number; attrs: Readonly<Record<string, { startOffset: number; endOffset: number }>> };
}

/** What a reader of the stream is told; `open` is the elements around the tag or text, outermost first. */
export interface HtmlVisitor {
  start?(tag: StreamTag, open: readonly StreamTag[]): void;
  /** `at`: for a tag from a raw node, where its element ends in that node (after its end tag, or where it was implied). */
  end?(tag: StreamTag, at?: number): void;
  text?(value: string, open: readonly StreamTag[]): void;
}

const FOREIGN = new Set(['svg', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Start tags that end an open `<p>`, as the HTML parser ends it. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** Elements whose content the tokenizer must read as text, as the parser tells it to. */
const TEXT_MODES: Record<string, number> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Visits `tree` in document order; raw HTML's tags open and close elements as the parser would, in the common cases. */
export function streamHtml(tree: Root, visitor: HtmlVisitor): void {
  const open: StreamTag[] = [];
  const popTo = (depth: number, at?: number): void => {
    while (open.length > depth) {
      const tag = open.pop() as StreamTag;
      visitor.end?.(tag, tag.raw === undefined ? undefined : (at ?? tag.raw.node.value.length));
    }
  };
  const start = (tag: StreamTag, selfClosing: boolean): void => {
    const at = tag.raw?.offset;
    // `<div/>` is a start tag in HTML: only void elements and foreign (SVG, MathML) ones close themselves.
    const keepsOpen = !VOID.has(tag.tagName) && !(selfClosing && (FOREIGN.has(tag.tagName) || open.some((t) => FOREIGN.has(t.tagName))));
    if (CLOSES_P.has(tag.tagName)) closeRawP(open, (depth) => popTo(depth, at));
    if (tag.tagName === 'li') closeRawLi(open, (depth) => popTo(depth, at));
    visitor.start?.(tag, open);
    if (keepsOpen) open.push(tag);
    else visitor.end?.(tag, tag.raw?.end);
  };
  const end = (tagName: string, from: number, to: number): void =>
    closeRaw(open, tagName, (depth) => {
      popTo(depth + 1, from);
      popTo(depth, to);
    });
  const raw = new RawReader(start, end, (value) => visitor.text?.(value, open));
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') visitor.text?.(node.value, open);
      else if (node.type === 'raw') raw.read(node);
      else if (node.type === 'element') {
        const depth = open.length;
        start(elementTag(node), false);
        visit(node.children);
        popTo(depth);
      }
    }
  };
  visit(tree.children);
  popTo(0);
}

/** Raw HTML's tokens, as start tags, end tags and text. */
class RawReader implements TokenHandler {
  private tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, this);
  private node: { value: string } = { value: '' };

  constructor(
    private readonly onStart: (tag: StreamTag, selfClosing: boolean) => void,
    private readonly onEnd: (tagName: string, from: number, to: number) => void,
    private readonly onText: (value: string) => void,
  ) {}

  read(node: { value: string }): void {
    this.node = node;
    // A tokenizer per node (they are cheap): each raw node holds whole tags, and offsets count from its start.
    this.tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, this);
    this.tokenizer.write(node.value, true);
  }

  onStartTag(token: Token.TagToken): void {
    const attrs = token.attrs;
    const at = token.location;
    const tag: StreamTag = {
      tagName: token.tagName,
      attribute: (name) => attrs.find((a) => a.name === name)?.value,
      raw: { node: this.node, offset: at?.startOffset ?? 0, end: at?.endOffset ?? 0, attrs: at?.attrs ?? {} },
    };
    const mode = TEXT_MODES[token.tagName];
    if (mode !== undefined) this.tokenizer.state = mode as typeof this.tokenizer.state;
    this.onStart(tag, token.selfClosing);
  }

  onEndTag(token: Token.TagToken): void {
    this.onEnd(token.tagName, token.location?.startOffset ?? 0, token.location?.endOffset ?? 0);
  }

  onCharacter(token: Token.CharacterToken): void {
    this.onText(token.chars);
  }

  onWhitespaceCharacter(token: Token.CharacterToken): void {
    this.onText(token.chars);
  }

  onNullCharacter(): void {}
  onComment(): void {}
  onDoctype(): void {}
  onEof(): void {
    // The parser, not the tokenizer, ends the reading loop at the end of input.
    this.tokenizer.active = false;
  }
}

/** Index just above the innermost hast element: raw tags never close the elements around them. */
function rawFloor(open: readonly StreamTag[]): number {
  for (let i = open.length - 1; i >= 0; i--) if ((open[i] as StreamTag).element !== undefined) return i + 1;
  return 0;
}

function closeRaw(open: readonly StreamTag[], tagName: string, popTo: (depth: number) => void): void {
  for (let i = open.length - 1; i >= rawFloor(open); i--) {
    if ((open[i] as StreamTag).tagName === tagName) return popTo(i);
  }
}

function closeRawP(open: readonly StreamTag[], popTo: (depth: number) => void): void {
  const floor = rawFloor(open);
  for (let i = open.length - 1; i >= floor; i--) if ((open[i] as StreamTag).tagName === 'p') return popTo(i);
}

/** A new `<li>` ends the open one of the same list. */
function closeRawLi(open: readonly StreamTag[], popTo: (depth: number) => void): void {
  const floor = rawFloor(open);
  for (let i = open.length - 1; i >= floor; i--) {
    const name = (open[i] as StreamTag).tagName;
    if (name === 'li') return popTo(i);
    if (name === 'ul' || name === 'ol') return;
  }
}

function elementTag(element: Element): StreamTag {
  return { tagName: element.tagName, attribute: (name) => propertyValue(element, name), element };
}

/** A hast property read by its HTML attribute name, as the serialiser would write it. */
function propertyValue(element: Element, name: string): string | undefined {
  const info = find(htmlSchema, name);
  const value = element.properties[info.property];
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return '';
  return Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
}

/** The text of an HTML fragment as a browser shows it, entities decoded, tags left out. */
export function htmlText(html: string): string {
  let text = '';
  streamHtml({ type: 'root', children: [{ type: 'raw', value: html }] }, { text: (value) => (text += value) });
  return text;
}
