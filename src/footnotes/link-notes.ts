/** Stage 6: resolves note numbers across each essay's chapters and rewrites the note links in the rendered HTML. */
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import { readPageHtml } from '../markdown/held-page.js';
import { anchorHtml, defAttributesHtml, kramdownAttributeHtml, noteBackrefsHtml, noteNumberHtml, refHtml, rewriteNoteMarkup, type NoteMarkup } from '../markdown/notes/note-markup.js';
import type { NavTree } from '../nav/nav-tree.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import { essayNoteDiagnostics } from './note-diagnostics.js';
import { isKramdownLabel, resolveEssayNotes, type EssayNotes } from './resolve-notes.js';
import { escapeHtml } from '../html-text.js';
import { encodeUrlPath } from '../url-path.js';

/** What one page's HTML needs changed: where each reference and each note's back links point. */
interface PageLinks {
  /** Reference id → href of its note, or undefined when the essay has no such note. */
  refHref: Map<string, string | undefined>;
  /** Note id → hrefs of the references citing it, in reading order. */
  backHrefs: Map<string, string[]>;
  /** Notes on other pages this page cites, by the reference's href: their HTML for previews without fetching. */
  previews: Map<string, string>;
}

/** Links the notes of one essay at a time, so a build can lay out an essay as soon as its chapters are rendered. */
export interface NoteLinker {
  /** Links one essay group (see essayGroups) whose pages are all in `rendered` by now; returns its note findings. */
  link(group: readonly string[]): Diagnostic[];
  /**
   * A page's final body HTML, with cross-page note links resolved. Made each time layout asks for
   * it, so a 10,000-page build never holds every page's HTML twice.
   */
  html(path: string): string;
  /**
   * A page's body as its essay's print edition shows it: notes linked within the one document (ids
   * prefixed by the page's place in its essay, so chapters never repeat an id), no preview templates.
   */
  printHtml(path: string): string;
  /** What html(path) changes in the page's rendered HTML, as a string: a layout key takes it in. */
  signature(path: string): string;
  /** Drops what is kept for `path` (its links), once nothing will ask for it again. */
  forget(path: string): void;
}

/** A linker over `rendered`, which may still be filling up: html(path) and signature(path) hold once path's group is linked. */
export function noteLinker(
  pages: readonly Page[],
  rendered: ReadonlyMap<string, RenderedPage>,
  nav: NavTree,
  baseurl: string,
  reuse: Reuse = NO_REUSE,
): NoteLinker {
  const urls = new Map(pages.map((p) => [p.path, p.url]));
  const hrefTo = (from: string, to: string, id: string) => (from === to ? `#${id}` : `${encodeUrlPath(`${baseurl}${urls.get(to) ?? '/'}`)}#${id}`);
  const links = new Map<string, PageLinks>();
  const groupOf = new Map<string, readonly string[]>();
  const link = (group: readonly string[]): Diagnostic[] => {
    for (const path of group) groupOf.set(path, group);
    // An essay's links depend on its chapters' rendered notes and their URLs (which the nav holds) only.
    const linked = reuse.value(`notes:${group.join('\0')}`, () => [nav, baseurl, ...group.map((path) => rendered.get(path))], () => {
      const essay = resolveEssayNotes(group, rendered);
      return { diagnostics: essayNoteDiagnostics(essay), links: pageLinks(essay, hrefTo) };
    });
    for (const [path, page] of linked.links) links.set(path, page);
    return linked.diagnostics;
  };
  // Made when layout asks, once a page: a long essay's chapters are never all held as linked HTML.
  const html = (path: string): string => {
    const held = rendered.get(path);
    const body = held === undefined ? '' : readPageHtml(held);
    const page = links.get(path);
    if (page === undefined) return body;
    return reuse.value(`note links:${path}`, () => [body, page], () => rewriteNoteLinks(body, page));
  };
  // The print edition asks for an essay's pages one after another: its links are kept for the last essay only.
  let printed: { group: readonly string[]; links: Map<string, PageLinks> } | undefined;
  const printHtml = (path: string): string => {
    const group = groupOf.get(path) ?? [path];
    const prefixOf = (page: string) => `p${group.indexOf(page)}-`;
    if (printed?.group !== group) {
      const inPrint = (from: string, to: string, id: string) => (group.includes(to) ? `#${prefixOf(to)}${id}` : hrefTo(from, to, id));
      printed = { group, links: pageLinks(resolveEssayNotes(group, rendered), inPrint) };
    }
    const held = rendered.get(path);
    const body = held === undefined ? '' : readPageHtml(held);
    const page = printed.links.get(path) ?? { refHref: new Map(), backHrefs: new Map(), previews: new Map() };
    const prefix = prefixOf(path);
    // A dev edit to one chapter links the others' notes as before: their print text is kept.
    return reuse.value(`print note links:${path}`, () => [body, prefix, printSignature(page)], () => rewriteNoteLinks(body, page, prefix));
  };
  const signature = (path: string): string => {
    const page = links.get(path);
    return page === undefined ? '' : JSON.stringify([[...page.refHref], [...page.backHrefs], [...page.previews]]);
  };
  const forget = (path: string): void => {
    links.delete(path);
    groupOf.delete(path);
  };
  return { link, html, printHtml, signature, forget };
}

/** What a page's print text takes from its links (previews are not printed). */
function printSignature(page: PageLinks): string {
  return JSON.stringify([[...page.refHref], [...page.backHrefs]]);
}

function pageLinks(essay: EssayNotes, hrefTo: (from: string, to: string, id: string) => string): Map<string, PageLinks> {
  const out = new Map<string, PageLinks>();
  const forPage = (path: string) => {
    let links = out.get(path);
    if (links === undefined) {
      links = { refHref: new Map(), backHrefs: new Map(), previews: new Map() };
      out.set(path, links);
    }
    return links;
  };
  for (const placed of essay.refs) {
    if (placed.ref.id === '' || isKramdownLabel(placed.ref.label)) continue;
    const note = essay.target.get(placed.ref);
    const href = note === undefined ? undefined : hrefTo(placed.page, note.page, note.def.id);
    const links = forPage(placed.page);
    // A `[N]` citation with nothing to land on is left out, so the rewrite turns it back into text.
    if (placed.ref.cite === true && href === undefined) continue;
    links.refHref.set(placed.ref.id, href);
    if (note !== undefined && href !== undefined && note.page !== placed.page) links.previews.set(href, note.def.html);
  }
  for (const placed of essay.defs) {
    if (isKramdownLabel(placed.def.label)) continue;
    const citing = essay.citedBy.get(placed.def) ?? [];
    forPage(placed.page).backHrefs.set(placed.def.id, citing.map((r) => hrefTo(placed.page, r.page, r.ref.id)));
  }
  return out;
}

/**
 * Rewrites the note markup the Markdown stage wrote (see note-markup.ts) in one pass over the page.
 * With `prefix` (the print edition) every note id takes it, so chapters put together keep their ids apart.
 */
function rewriteNoteLinks(html: string, links: PageLinks, prefix = ''): string {
  const out = rewriteNoteMarkup(html, (found) => rewritePiece(found, links, prefix));
  if (prefix !== '' || links.previews.size === 0) return out;
  const entries = [...links.previews].map(([href, note]) => `<div data-href="${escapeHtml(href)}">${note}</div>`);
  // Inert until the preview script reads it: cross-chapter notes show on hover without fetching the other page.
  return `${out}\n<template class="footnote-templates">${entries.join('')}</template>\n`;
}

function rewritePiece(found: NoteMarkup, links: PageLinks, prefix: string): string | undefined {
  const local = (href: string) => (href.startsWith('#') ? `#${prefix}${href.slice(1)}` : href);
  switch (found.kind) {
    case 'number': {
      const hrefs = links.backHrefs.get(found.id);
      if (hrefs === undefined && prefix === '') return undefined;
      return noteNumberHtml(prefix + found.id, found.inner, hrefs === undefined ? found.href && local(found.href) : hrefs[0]);
    }
    case 'backrefs': {
      const hrefs = links.backHrefs.get(found.id);
      if (hrefs === undefined && prefix === '') return undefined;
      return noteBackrefsHtml(prefix + found.id, hrefs ?? found.hrefs.map(local), found.all);
    }
    case 'anchor':
      // A citation range the essay has no reference list for is plain text: its anchors go.
      if (found.cite && !links.refHref.has(found.id)) return '';
      return prefix === '' ? undefined : anchorHtml(prefix + found.id, found.cite);
    case 'ref':
      if (!links.refHref.has(found.id)) {
        // `[N]` without a reference list in the essay stays the text the author wrote.
        if (found.cite) return found.text;
        return prefix === '' ? undefined : refHtml(prefix + found.id, found.text, local(found.href), false);
      }
      // A reference to a note that exists nowhere stays visible but is no longer a link to nothing.
      return refHtml(prefix + found.id, found.text, links.refHref.get(found.id), found.cite);
    case 'def':
      return prefix === '' ? undefined : defAttributesHtml(prefix + found.id, found.classes, found.classFirst);
    case 'kramdown':
      return prefix === '' ? undefined : kramdownAttributeHtml(found.attribute, prefix + found.value);
  }
}
