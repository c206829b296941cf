/** The page's one `<h1>` and its document title: what a reader, a tab strip and a screen reader see first. */
import type { Heading } from '../markdown/page-data.js';
import type { PageNav } from '../nav/nav-tree.js';

/** How the layout gives the page its `<h1>`. */
export type TitleHeading =
  /** The body has its own `<h1>`: the layout adds none. */
  | { kind: 'body' }
  /** The layout prints the title as `<h1>`. */
  | { kind: 'layout' }
  /** The body opens with a heading equal to the title (Just the Docs chapters do): it becomes the `<h1>`. */
  | { kind: 'promote'; heading: Heading; shift: number }
  /** An untitled page with no heading of its own. */
  | { kind: 'none' };

/** Decides where the page's single `<h1>` comes from. */
export function titleHeading(title: string, headings: readonly Heading[]): TitleHeading {
  if (headings.some((h) => h.depth === 1)) return { kind: 'body' };
  const first = headings[0];
  if (first !== undefined && title.trim() !== '' && sameText(first.text, title)) {
    return { kind: 'promote', heading: first, shift: headingShift(headings.slice(1)) };
  }
  return title.trim() === '' ? { kind: 'none' } : { kind: 'layout' };
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Turns the body's heading with `heading.id` into an `<h1 class="page-title">`, keeping its id, anchor
 * and text, and raises the headings after it `shift` levels (see headingShift). The body is finished HTML from the Markdown stage, whose serialiser writes `id="…"` with
 * double quotes; the heading is found by its (unique) id, so no other markup is touched.
 */
export function promoteHeading(html: string, heading: Heading, shift = 0): string {
  const tag = `h${heading.depth}`;
  const id = heading.id.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const open = new RegExp(`<${tag}((?:\\s[^>]*)?\\sid="${escapeRegExp(id)}"[^>]*)>`);
  const match = open.exec(html);
  if (match === null) return html;
  const close = html.indexOf(`</${tag}>`, match.index);
  if (close === -1) return html;
  const attributes = (match[1] ?? '').replace(/\sclass="([^"]*)"/, ' class="$1 page-title"');
  const opened = attributes.includes('page-title') ? `<h1${attributes}>` : `<h1 class="page-title"${attributes}>`;
  const inner = html.slice(match.index + match[0].length, close);
  const rest = raiseHeadings(html.slice(close + tag.length + 3), shift);
  return html.slice(0, match.index) + opened + inner + '</h1>' + rest;
}

/** Levels the headings after the title must rise so the outline goes h1 → h2 without a gap (0 when one already is an h2). */
export function headingShift(later: readonly Heading[]): number {
  if (later.length === 0) return 0;
  return Math.max(0, Math.min(...later.map((h) => h.depth)) - 2);
}

/** Moves every `<hN>` in `html` up `shift` levels (h3 → h2 for 1), keeping attributes. */
function raiseHeadings(html: string, shift: number): string {
  if (shift === 0) return html;
  return html.replace(/<(\/?)h([2-6])(?=[\s>])/g, (_all, slash: string, level: string) => `<${slash}h${Math.max(2, Number(level) - shift)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The essay's short name: `§ Name - Subtitle` → `Name`. */
export function essayName(title: string): string {
  const bare = title.replace(/^§\s*/, '');
  const dash = bare.search(/\s[-–—]\s/);
  return (dash === -1 ? bare : bare.slice(0, dash)).trim();
}

/** `<title>` text: page, then its essay on chapter pages, then the site. */
export function documentTitle(pageTitle: string, siteTitle: string, nav: PageNav): string {
  if (pageTitle.trim() === '') return siteTitle;
  const essay = nav.chapter?.essay.title;
  return essay === undefined ? `${pageTitle} | ${siteTitle}` : `${pageTitle} · ${essayName(essay)} | ${siteTitle}`;
}
