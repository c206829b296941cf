/** Rendered pages as a one-off build holds them until layout: small, since a 10,000-page site's HTML would not fit twice. */
import type { HeldHtml, RenderedPage } from './page-data.js';

/**
 * The page with its HTML held as UTF-8 bytes (when smaller than the string) or, given a function,
 * read back by it on each `readPageHtml`. Note texts stay strings: a note is a few hundred characters, and
 * decoding bytes costs each of the 100,000 notes of a 10,000-page site more than its text.
 */
export function heldPage(data: Omit<RenderedPage, 'html'>, html: HeldHtml | (() => string)): RenderedPage {
  if (typeof html === 'function') return { ...data, html: { read: html } };
  if (typeof html !== 'string') return { ...data, html };
  // Text without characters above U+00FF is already one byte a character.
  return { ...data, html: WIDE.test(html) ? { utf8: encoder.encode(html) } : html };
}

/** The page's HTML text: the string, the bytes decoded, or the page file read (each call reads). */
export function readPageHtml(page: Pick<RenderedPage, 'html'>): string {
  const { html } = page;
  if (typeof html === 'string') return html;
  return 'utf8' in html ? decoder.decode(html.utf8) : html.read();
}

const WIDE = /[^\x00-\xff]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
