/** Test helpers: turn fixture chapters into rendered pages, a small nav tree, and note-link assertions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrontMatter, Page } from '../../src/front-matter/page.js';
import { noteLinker } from '../../src/footnotes/link-notes.js';
import { essayGroups } from '../../src/footnotes/resolve-notes.js';
import type { RenderedPage } from '../../src/markdown/page-data.js';
import { createMarkdownRenderer, type RenderMarkdown } from '../../src/markdown/render-markdown.js';
import type { NavNode, NavTree } from '../../src/nav/nav-tree.js';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

const frontMatter: FrontMatter = {
  layout: 'default', title: undefined, parent: undefined, grandParent: undefined, ancestor: undefined, navOrder: undefined,
  navExclude: false, hasChildren: false, hasToc: true, permalink: undefined, description: undefined,
  lastModifiedDate: undefined, searchExclude: false, redirectFrom: [], redirectTo: undefined, childNavOrder: 'asc', raw: {}, places: {},
};

/** A page from Markdown with optional `---` front matter; its url is `/docs/<name>/`. */
export function pageFrom(pagePath: string, text: string): Page {
  const lines = text.split('\n');
  let bodyStart = 0;
  if (lines[0] === '---') bodyStart = lines.indexOf('---', 1) + 1;
  const title = lines.slice(0, bodyStart).find((l) => l.startsWith('title:'))?.slice(6).trim();
  const name = path.basename(pagePath, '.md');
  return {
    path: pagePath, kind: 'markdown', data: { ...frontMatter, title }, body: lines.slice(bodyStart).join('\n'),
    bodyLine: bodyStart + 1, url: `/docs/${name}/`, outputPath: `docs/${name}/index.html`,
  };
}

/** Reads fixture chapters from `fixtures/<dir>/`, in the order given. */
export function fixturePages(dir: string, files: readonly string[]): Page[] {
  return files.map((file) => pageFrom(`docs/${dir}/${file}`, readFileSync(path.join(FIXTURES, dir, file), 'utf8')));
}

/** A nav tree holding one essay page whose chapters are `chapters`, plus `loose` top-level pages. */
export function essayNav(chapters: readonly Page[], loose: readonly Page[] = []): NavTree {
  const node = (page: Page, parent: NavNode | undefined, depth: number): NavNode => ({
    path: page.path, title: page.data.title ?? page.path, url: page.url, navExclude: false, hasToc: true, children: [], parent, depth,
  });
  const essay: NavNode = { path: 'docs/essay.md', title: '§ Essay', url: '/docs/essay/', navExclude: false, hasToc: true, children: [], parent: undefined, depth: 0 };
  essay.children = chapters.map((p) => node(p, essay, 1));
  const roots = [essay, ...loose.map((p) => node(p, undefined, 0))];
  const byPath = new Map<string, NavNode>();
  for (const n of [...roots, ...essay.children]) byPath.set(n.path, n);
  return { roots, byPath, diagnostics: [] };
}

let renderer: RenderMarkdown | undefined;

/** Renders pages through the real Markdown chain. */
export function renderAll(pages: readonly Page[]): Map<string, RenderedPage<string>> {
  renderer ??= createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' });
  return new Map(pages.map((p) => [p.path, renderer!(p)]));
}

/** Start tags in `html` whose class list holds `className`, with their attributes. */
export function elementsWithClass(html: string, className: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)) {
    const attrs: Record<string, string> = { tag: m[1]! };
    for (const a of (m[2] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = (a[2] ?? '').replace(/&amp;/g, '&');
    if ((attrs['class'] ?? '').split(/\s+/).includes(className)) out.push(attrs);
  }
  return out;
}

/** The start tag with this id on a page, if any. */
export function elementById(html: string, id: string): Record<string, string> | undefined {
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)) {
    const attrs: Record<string, string> = { tag: m[1]! };
    for (const a of (m[2] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    if (attrs['id'] === id) return attrs;
  }
  return undefined;
}

/** Where an href lands: the page path (by url under `baseurl`) and the fragment id. */
export function landing(href: string, fromPage: string, pages: readonly Page[], baseurl: string): { page: string; id: string } | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  const id = decodeURIComponent(href.slice(hash + 1));
  if (hash === 0) return { page: fromPage, id };
  const url = decodeURI(href.slice(0, hash));
  const page = pages.find((p) => `${baseurl}${p.url}` === url);
  return page === undefined ? undefined : { page: page.path, id };
}

/** Every essay of `pages` linked, as a build links them one by one: each page's final HTML and every note finding. */
export function linkAllNotes(pages: readonly Page[], rendered: ReadonlyMap<string, RenderedPage>, nav: NavTree, baseurl: string) {
  const linker = noteLinker(pages, rendered, nav, baseurl);
  const diagnostics = essayGroups(pages, nav).flatMap((group) => linker.link(group));
  return { html: linker.html, printHtml: linker.printHtml, diagnostics };
}
