/** Builds pages for nav tests from front matter text, through the real front-matter parser (so positions are real). */
import type { Diagnostic } from '../../src/diagnostics.js';
import { parsePage } from '../../src/front-matter/parse-front-matter.js';
import type { Page } from '../../src/front-matter/page.js';

/**
 * One page per entry: path → front matter lines (without the `---` fences).
 * The first front-matter line is line 2 of the file.
 */
export function navPages(files: Record<string, string>): Page[] {
  const diagnostics: Diagnostic[] = [];
  const pages: Page[] = [];
  for (const [path, frontMatter] of Object.entries(files)) {
    const text = `---\n${frontMatter.replace(/^\n+|\s+$/g, '')}\n---\nSome text.\n`;
    const page = parsePage({ path, kind: 'markdown', text }, { permalink: 'pretty' }, diagnostics);
    if (page === undefined) throw new Error(`test page ${path} did not parse`);
    pages.push(page);
  }
  if (diagnostics.length > 0) throw new Error(`test front matter has problems: ${JSON.stringify(diagnostics)}`);
  return pages;
}

/** A small two-essay letter site as Just the Docs essay repositories lay it out. */
export function letterSite(): Record<string, string> {
  return {
    'index.md': 'title: Home\nnav_order: 1',
    'docs/L/index.md': 'title: L\nnav_order: 2\nhas_children: true',
    'docs/L/water.md': 'title: § Water Rights in Dry Cities\nparent: L\nnav_order: 10',
    'docs/L/water-1.md': 'title: Who Owns the River\nparent: § Water Rights in Dry Cities\ngrand_parent: L\nnav_order: 10',
    'docs/L/water-2.md': 'title: Meters and Prices\nparent: § Water Rights in Dry Cities\ngrand_parent: L\nnav_order: 20',
    'docs/L/water-3.md': 'title: Conclusion\nparent: § Water Rights in Dry Cities\ngrand_parent: L\nnav_order: 30',
    'docs/L/fibre.md': 'title: § Fibre for Farm Towns\nparent: L\nnav_order: 20',
    'docs/L/fibre-1.md': 'title: The Last Mile\nparent: § Fibre for Farm Towns\ngrand_parent: L\nnav_order: 10',
    'docs/L/fibre-2.md': 'title: Conclusion\nparent: § Fibre for Farm Towns\ngrand_parent: L\nnav_order: 20',
    'about.md': 'title: About\nnav_order: 3',
  };
}
