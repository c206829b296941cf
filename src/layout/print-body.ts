/**
 * Makes a chapter body fit paper: embeds become links, addresses print once, hand-written chapter lists
 * go. The body is read as a stream of tags (markdown/html-stream.ts) and edited in place, so a
 * chapter's markup is kept as rendered and no page is parsed into a tree again.
 */
import { escapeHtml } from '../html-text.js';
import { streamHtml, type StreamTag } from '../markdown/html-stream.js';

/** Class on links whose text already is their address, so print CSS does not print the address twice. */
export const URL_SHOWN_CLASS = 'url-shown';

const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);
const HEADING = /^h[1-6]$/;

/** What the print pass needs to know about the essay a body belongs to. */
export interface PrintContext {
  /** Hrefs (with and without baseurl) of the essay's pages: a list of links to only these is a hand-written contents list. */
  essayHrefs: ReadonlySet<string>;
  /** Demote `<h1>` to `<h2>`: the print page has one `<h1>`, the essay's title. */
  demoteH1: boolean;
}

/** One change to the body: replace [from, to) with `text`. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

/** What is known of an open element while its content streams by. */
interface Open {
  tag: StreamTag;
  /** Text inside it, kept for links and headings only. */
  text: string;
  /** Link targets inside it (lists). */
  hrefs: string[];
  /** Its element children so far, and whether any text other than whitespace sits directly in it (embed boxes). */
  children: Array<{ tagName: string; embed: boolean }>;
  blankText: boolean;
  /** The element child that closed last, with only whitespace after it so far (a list's label heading). */
  last: { tagName: string; from: number; text: string } | undefined;
}

/** Rewrites one body's HTML for the print edition. */
export function printBody(html: string, context: PrintContext): string {
  const edits: Edit[] = [];
  const opened = (tag: StreamTag): Open => ({ tag, text: '', hrefs: [], children: [], blankText: true, last: undefined });
  // The body itself is the first open element: lists at its top level have labels too.
  const stack: Open[] = [opened({ tagName: '#body', attribute: () => undefined })];
  streamHtml({ type: 'root', children: [{ type: 'raw', value: html }] }, {
    start(tag) {
      const raw = rawOf(tag);
      stack.at(-1)?.children.push({ tagName: tag.tagName, embed: EMBEDS.has(tag.tagName) });
      stack.push(opened(tag));
      if (tag.tagName === 'a') for (const open of stack) open.hrefs.push(tag.attribute('href') ?? '');
      if (tag.tagName === 'h1' && context.demoteH1) edits.push({ from: raw.offset + 2, to: raw.offset + 3, text: '2' });
    },
    end(tag, at = html.length) {
      const open = stack.pop() as Open;
      const raw = rawOf(tag);
      const from = raw.offset;
      const parent = stack.at(-1);
      if (tag.tagName === 'h1' && context.demoteH1 && html.slice(at - 5, at).toLowerCase() === '</h1>') edits.push({ from: at - 2, to: at - 1, text: '2' });
      if (EMBEDS.has(tag.tagName)) edits.push({ from, to: at, text: embedLink(tag) });
      else if (tag.tagName === 'div' && isEmbedBox(open)) edits.push({ from, to: at, text: embedLinkIn(edits, from, at) });
      else if ((tag.tagName === 'ul' || tag.tagName === 'ol') && isContentsList(open.hrefs, context.essayHrefs)) {
        const label = parent?.last;
        const labelled = label !== undefined && HEADING.test(label.tagName) && /contents/i.test(label.text);
        edits.push({ from: labelled ? label.from : from, to: at, text: '' });
      } else if (tag.tagName === 'a' && linkShowsItsAddress(tag.attribute('href') ?? '', open.text)) edits.push(urlShown(tag, html));
      if (parent !== undefined) parent.last = { tagName: tag.tagName, from, text: open.text };
    },
    text(value) {
      for (const open of stack) if (open.tag.tagName === 'a' || HEADING.test(open.tag.tagName)) open.text += value;
      const parent = stack.at(-1);
      if (parent !== undefined && value.trim() !== '') {
        parent.blankText = false;
        parent.last = undefined;
      }
    },
  });
  return applyEdits(html, edits);
}

function rawOf(tag: StreamTag): NonNullable<StreamTag['raw']> {
  return tag.raw as NonNullable<StreamTag['raw']>;
}

/** Authors' responsive wrappers (`padding-bottom: 56.25%`) around an embed alone would leave an empty box around the link. */
function isEmbedBox(open: Open): boolean {
  return open.blankText && open.children.length === 1 && open.children[0]?.embed === true;
}

/** The link an embed inside [from, to) became (the box gives way to it). */
function embedLinkIn(edits: readonly Edit[], from: number, to: number): string {
  return edits.find((edit) => edit.from >= from && edit.to <= to && edit.text.startsWith('<p class="print-embed">'))?.text ?? '';
}

/** `<p class="print-embed">Embedded media: <a href=src>title</a></p>`, in place of a box paper cannot play. */
function embedLink(tag: StreamTag): string {
  const src = tag.attribute('src') ?? tag.attribute('data') ?? '';
  const title = (tag.attribute('title') ?? '').trim();
  const link = src === '' ? '' : `<a href="${escapeHtml(src)}">${escapeHtml(title || src)}</a>`;
  return `<p class="print-embed">Embedded media: ${link}</p>`;
}

/** A list of two or more links, every one to a page of this essay: the chapter list authors paste into each chapter. */
function isContentsList(hrefs: readonly string[], essayHrefs: ReadonlySet<string>): boolean {
  return hrefs.length >= 2 && hrefs.every((href) => essayHrefs.has(href.replace(/#.*$/, '')));
}

/** A link whose text is its own address (bare URLs, pasted addresses), with or without the scheme. */
function linkShowsItsAddress(href: string, text: string): boolean {
  if (!/^https?:/i.test(href)) return false;
  const bare = (url: string) => url.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '').toLowerCase();
  return bare(text) === bare(href);
}

/** The edit that adds URL_SHOWN_CLASS to a link's start tag. */
function urlShown(tag: StreamTag, html: string): Edit {
  const raw = rawOf(tag);
  const at = raw.extent('class');
  const classes = tag.attribute('class');
  if (at !== undefined && classes !== undefined) {
    return { from: at.startOffset, to: at.endOffset, text: `class="${escapeHtml(classes === '' ? URL_SHOWN_CLASS : `${classes} ${URL_SHOWN_CLASS}`)}"` };
  }
  const close = html.slice(raw.end - 2, raw.end) === '/>' ? raw.end - 2 : raw.end - 1;
  return { from: close, to: close, text: ` class="${URL_SHOWN_CLASS}"` };
}

/** `html` with the edits made; an edit inside a range another one replaces is dropped. */
function applyEdits(html: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.from < at) continue;
    out += html.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return out + html.slice(at);
}
