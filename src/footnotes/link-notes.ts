/** Placeholder: resolves note numbers across an essay's chapters (being written). */
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import type { NavTree } from '../nav/nav-tree.js';

export interface LinkedNotes {
  /** Final body HTML per page path, with cross-page note links resolved. */
  html: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Placeholder: passes every page's HTML through unchanged. */
export function linkNotes(
  pages: readonly Page[],
  rendered: ReadonlyMap<string, RenderedPage>,
  _nav: NavTree,
  _baseurl: string,
): LinkedNotes {
  const html = new Map<string, string>();
  for (const page of pages) html.set(page.path, rendered.get(page.path)?.html ?? '');
  return { html, diagnostics: [] };
}
