/** Rendered pages as a one-off build holds them until layout: small, since a 10,000-page site's HTML would not fit twice. */
import { withCompactText } from '../compact-text.js';
import type { RenderedPage } from '../markdown/page-data.js';

/**
 * The page with its note texts held as UTF-8 bytes (an essay page has dozens, read only for previews)
 * and its HTML either the same way or, given a function, read back by it each time it is asked for.
 */
export function heldPage(data: Omit<RenderedPage, 'html'>, html: string | (() => string)): RenderedPage {
  const defs = data.notes.defs.map(({ html: noteHtml, ...def }) => withCompactText({ ...def, html: '' }, 'html', noteHtml));
  const page: RenderedPage = { ...data, notes: { refs: data.notes.refs, defs }, html: '' };
  return typeof html === 'string' ? withCompactText(page, 'html', html) : readingHtml(page, html);
}

/** The page with its HTML read back by `read` each time it is asked for. */
export function readingHtml(page: RenderedPage, read: () => string): RenderedPage {
  return Object.defineProperty(page, 'html', { get: read, enumerable: true, configurable: true });
}
