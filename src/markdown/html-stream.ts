/**
 * A page's hast tree read as the browser will read its HTML: elements and the tags inside raw HTML
 * nodes, in document order, with the elements open around each. The chain keeps raw HTML as strings
 * (no rehype-raw: re-serialising would change authors' markup), so steps that need the page's real
 * structure (paragraph ids, search sections, print bodies) read raw nodes with htmlparser2's tokenizer
 * here instead of parsing the finished page again.
 */
import type { Element, Root, RootContent } from 'hast';
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { find, html as htmlSchema, type Info } from 'property-information';

/** An open element: a hast element, or a start tag read from a raw node (with where its `<` is). */
export interface StreamTag {
  tagName: string;
  /** An HTML attribute's value ('' for a bare attribute), or undefined when it is not there. */
  attribute(name: string): string | undefined;
  element?: Element;
  /** In its raw node: where the start tag begins and ends, and where an attribute (name, `=` and value) is in it. */
  raw?: { node: { value: string }; offset: number; end: number; extent(name: string): { startOffset: number; endOffset: number } | undefined };
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
/**
 * Elements whose content HTML reads as text, beyond those the tokenizer knows (`script`, `style`,
 * `title`, `textarea`, `xmp`).
 */
const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'plaintext']);

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

/** An attribute of a raw start tag: its value, and where it is in its node (name to the value's end). */
interface RawAttribute {
  name: string;
  value: string;
  start: number;
  end: number;
}

/** Raw HTML's tokens, as start tags, end tags and text. */
class RawReader implements TokenizerCallbacks {
  private node: { value: string } = { value: '' };
  /** Where the chunk being tokenized starts in the node (a raw text element's end restarts the tokenizer there). */
  private base = 0;
  private tokenizer = new Tokenizer({ decodeEntities: true }, this);
  /** The start tag being read, with its attributes so far (the first of a repeated name only, as the parser keeps it). */
  private tag: { name: string; offset: number; attrs: RawAttribute[] } | undefined;
  private attribute: RawAttribute | undefined;
  /** Set by a start tag whose content is raw text the tokenizer does not know of: where to go on from. */
  private resumeAt: number | undefined;

  constructor(
    private readonly onStart: (tag: StreamTag, selfClosing: boolean) => void,
    private readonly onEnd: (tagName: string, from: number, to: number) => void,
    private readonly onText: (value: string) => void,
  ) {}

  read(node: { value: string }): void {
    this.node = node;
    this.base = 0;
    // Offsets count from the node's start: each raw node holds whole tags.
    for (;;) {
      this.resumeAt = undefined;
      this.tokenizer = new Tokenizer({ decodeEntities: true }, this);
      this.tokenizer.write(this.base === 0 ? node.value : node.value.slice(this.base));
      if (this.resumeAt === undefined) break;
      this.base = this.resumeAt;
    }
    this.tokenizer.end();
  }

  private slice(start: number, end: number): string {
    return this.node.value.slice(this.base + start, this.base + end);
  }

  onopentagname(start: number, end: number): void {
    this.tag = { name: this.slice(start, end).toLowerCase(), offset: this.base + start - 1, attrs: [] };
  }

  onattribname(start: number, end: number): void {
    this.attribute = { name: this.slice(start, end).toLowerCase(), value: '', start: this.base + start, end: 0 };
  }

  onattribdata(start: number, end: number): void {
    if (this.attribute !== undefined) this.attribute.value += this.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.attribute !== undefined) this.attribute.value += String.fromCodePoint(codepoint);
  }

  onattribend(_quote: QuoteType, end: number): void {
    const { tag, attribute } = this;
    this.attribute = undefined;
    if (tag === undefined || attribute === undefined || tag.attrs.some((a) => a.name === attribute.name)) return;
    attribute.end = this.base + end;
    tag.attrs.push(attribute);
  }

  onopentagend(end: number): void {
    this.startTag(end, false);
  }

  onselfclosingtag(end: number): void {
    this.startTag(end, true);
  }

  private startTag(end: number, selfClosing: boolean): void {
    const read = this.tag;
    this.tag = undefined;
    if (read === undefined) return;
    const { attrs, name } = read;
    const tagEnd = this.base + end + 1;
    const tag: StreamTag = {
      tagName: name,
      attribute: (wanted) => attrs.find((a) => a.name === wanted)?.value,
      raw: {
        node: this.node,
        offset: read.offset,
        end: tagEnd,
        extent: (wanted) => {
          const found = attrs.find((a) => a.name === wanted);
          return found === undefined ? undefined : { startOffset: found.start, endOffset: found.end };
        },
      },
    };
    this.onStart(tag, selfClosing);
    if (!selfClosing && RAW_TEXT.has(name)) this.skipRawText(name, tagEnd);
  }

  /** The content of a raw text element the tokenizer reads as markup is text up to its end tag; reading goes on from there. */
  private skipRawText(name: string, from: number): void {
    const value = this.node.value;
    const close = name === 'plaintext' ? -1 : endTagAt(value, name, from);
    const to = close === -1 ? value.length : close;
    if (to > from) this.onText(value.slice(from, to));
    this.resumeAt = to;
    this.tokenizer.pause();
  }

  onclosetag(start: number, end: number): void {
    const from = this.base + start - 2;
    const close = this.node.value.indexOf('>', this.base + end);
    this.onEnd(this.slice(start, end).toLowerCase(), from, close === -1 ? this.node.value.length : close + 1);
  }

  ontext(start: number, end: number): void {
    this.onText(this.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    this.onText(String.fromCodePoint(codepoint));
  }

  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

/** Where `</name` (any case, then a space, `/` or `>`) starts in `html` at or after `from`, or -1. */
function endTagAt(html: string, name: string, from: number): number {
  const lower = html.toLowerCase();
  for (let at = lower.indexOf(`</${name}`, from); at !== -1; at = lower.indexOf(`</${name}`, at + 1)) {
    const next = html.charAt(at + 2 + name.length);
    if (next === '' || next === '>' || next === '/' || /\s/.test(next)) return at;
  }
  return -1;
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

/**
 * Schema entries by attribute name. `find` builds a new entry on every call for names the schema does
 * not list (`data-*`), and readers ask about the same few names on every element of every page.
 */
const infos = new Map<string, Info>();

/** A hast property read by its HTML attribute name, as the serialiser would write it. */
function propertyValue(element: Element, name: string): string | undefined {
  let info = infos.get(name);
  if (info === undefined) {
    info = find(htmlSchema, name);
    infos.set(name, info);
  }
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
