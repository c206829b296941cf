/** What rendering one page's Markdown yields besides HTML: serialisable, so workers and caches can carry it. */
import type { Diagnostic } from '../diagnostics.js';
import type { SearchTerms } from './page-terms.js';

/** A heading of the rendered page, for "On this page" lists and anchor checks. */
export interface Heading {
  depth: number;
  id: string;
  /** Plain text of the heading. */
  text: string;
  /** Marked `.no_toc`: left out of `{:toc}` lists. */
  noToc: boolean;
}

/** A numbered note reference (`<sup>N</sup>`, `[^N]`) as found in the source. */
export interface NoteRef {
  /** Note label as written: `"12"`, or a kramdown name such as `"note"`. */
  label: string;
  /** The id of the rendered reference element, unique on the page. */
  id: string;
  line: number;
  column: number;
  /** A bracketed `[N]` citation: linked only when the essay has a numbered reference list. */
  cite?: boolean;
}

/** A note definition (a paragraph opening with `<sup>N</sup>.`, or `[^N]: …`). */
export interface NoteDef {
  label: string;
  /** The id of the rendered note element, unique on the page. */
  id: string;
  line: number;
  column: number;
  /** The note's text as HTML, for previews of notes on other chapter pages (empty for kramdown `[^n]` notes, which are page-local). */
  html: string;
  /** An entry of a numbered reference list (under a References heading, or `[N] …` entries): `[N]` citations may land on it, and it need not be cited. */
  list?: boolean;
}

/** A link or embedded resource the page points at, with its position in the Markdown source. */
export interface PageLink {
  href: string;
  line: number;
  column: number;
  /** `img`/`iframe`/`source`… resources are files that must exist; `a` links may be pages. */
  element: string;
}

/** One stretch of a page for search excerpts: the heading that opens it (`id` '' and `title` '' before the first heading) and its text, whitespace collapsed. */
export interface PageSection {
  id: string;
  title: string;
  text: string;
}

/**
 * A page's HTML as the build holds it: the text itself; the text as UTF-8 bytes (typographic text is
 * half the size so), decoded on each `readPageHtml`; or `read`, which reads it from the page file on disk
 * on each call. The renderer always gives text; the other two come from `heldPage`.
 */
export type HeldHtml = string | { readonly utf8: Uint8Array } | { readonly read: () => string };

/** Everything the Markdown stage produces for one page; the renderer's own output holds its HTML as a string. */
export interface RenderedPage<Html extends HeldHtml = HeldHtml> {
  path: string;
  /** Read it with `readPageHtml` (`held-page.ts`), once per use: it may be decoded or read from disk. */
  html: Html;
  headings: Heading[];
  /** Every element id on the rendered page (headings, notes, raw HTML ids). */
  ids: string[];
  notes: { refs: NoteRef[]; defs: NoteDef[] };
  links: PageLink[];
  /** Words of the body and how often each occurs, for the search index. */
  terms: SearchTerms;
  /** The body's text split at its headings, for search excerpts. */
  sections: PageSection[];
  diagnostics: Diagnostic[];
}

/** The part of a page the Markdown stage reads: enough to cache and to send to a worker. */
export interface MarkdownInput {
  path: string;
  kind: 'markdown' | 'html';
  /** The body's text, or its UTF-8 bytes (how one-off builds hold it and send it to workers). */
  body: string | Uint8Array;
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number;
}
