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
  if (typeof html === 'string') return withCompactText(page, 'html', html);
  return Object.defineProperty(page, 'html', { get: html, enumerable: true, configurable: true });
}
