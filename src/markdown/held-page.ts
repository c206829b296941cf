/** Rendered pages as a one-off build holds them until layout: small, since a 10,000-page site's HTML would not fit twice. */
import { withCompactText } from '../compact-text.js';
import type { RenderedPage } from './page-data.js';

/**
 * The page with its HTML held as UTF-8 bytes or, given a function, read back by it each time it is
 * asked for. Note texts stay strings: a note is a few hundred characters, and a getter over bytes
 * costs each of the 100,000 notes of a 10,000-page site more than its text.
 */
export function heldPage(data: Omit<RenderedPage, 'html'>, html: string | (() => string)): RenderedPage {
  const page: RenderedPage = { ...data, html: '' };
  return typeof html === 'string' ? withCompactText(page, 'html', html) : readingHtml(page, html);
}

/** The page with its HTML read back by `read` each time it is asked for. */
function readingHtml(page: RenderedPage, read: () => string): RenderedPage {
  return Object.defineProperty(page, 'html', { get: read, enumerable: true, configurable: true });
}
