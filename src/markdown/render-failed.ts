/** Pages published as their own text: raw HTML pages, and pages the Markdown chain could not render in time or at all. Light enough for the main thread. */
import type { Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../html-text.js';
import { pageTerms } from './page-terms.js';
import type { MarkdownInput, RenderedPage } from './page-data.js';
import type { Root } from 'hast';
import { pageSections } from './plugins/rehype-page-sections.js';

/** A page published as its own text, with a `markdown/render-failed` error at `line` (default: its first). */
export function renderFailedPage(input: MarkdownInput, text: string | undefined, reason: string, line = input.bodyLine): RenderedPage<string> {
  const body = text ?? (typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body));
  const diagnostic: Diagnostic = {
    file: input.path,
    line,
    column: 1,
    severity: 'error',
    rule: 'markdown/render-failed',
    message: `this page could not be rendered (${reason}); it is published as plain text until it is fixed`,
  };
  return plainPage(input.path, `<pre class="render-failed">${escapeHtml(body)}</pre>\n`, [diagnostic]);
}

/** A page whose body is published as given: raw HTML pages, and pages the chain could not render. */
export function plainPage(path: string, html: string, diagnostics: Diagnostic[]): RenderedPage<string> {
  // Its text is split for search as a rendered page's is.
  const tree: Root = { type: 'root', children: [{ type: 'raw', value: html }] };
  return { path, html, headings: [], ids: [], notes: { refs: [], defs: [] }, links: [], terms: pageTerms(html), sections: pageSections(tree), diagnostics };
}
