/** Stage 6: resolves note numbers across each essay's chapters and rewrites the note links in the rendered HTML. */
import { remember, type BuildMemo } from '../cache/build-memo.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import { noteBackrefsHtml, noteNumberHtml } from '../markdown/plugins/remark-hand-numbered-notes.js';
import type { NavTree } from '../nav/nav-tree.js';
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

/** How many pages' linked HTML a linker keeps: more than an essay's chapters, a few MB at most. */
const RECENT_PAGES = 64;

/** Links the notes of one essay at a time, so a build can lay out an essay as soon as its chapters are rendered. */
export interface NoteLinker {
  /** Links one essay group (see essayGroups) whose pages are all in `rendered` by now; returns its note findings. */
  link(group: readonly string[]): Diagnostic[];
  /**
   * A page's final body HTML, with cross-page note links resolved. Made when asked for (by layout,
   * then by the print edition), so a 10,000-page build never holds every page's HTML twice.
   */
  html(path: string): string;
  /** What html(path) changes in the page's rendered HTML, as a string: a layout key takes it in. */
  signature(path: string): string;
  /** Drops what is kept for `path` (its links and recent HTML), once nothing will ask for it again. */
  forget(path: string): void;
}

/** A linker over `rendered`, which may still be filling up: html(path) and signature(path) hold once path's group is linked. */
export function noteLinker(
  pages: readonly Page[],
  rendered: ReadonlyMap<string, RenderedPage>,
  nav: NavTree,
  baseurl: string,
  memo?: BuildMemo,
): NoteLinker {
  const urls = new Map(pages.map((p) => [p.path, p.url]));
  const hrefTo = (from: string, to: string, id: string) => (from === to ? `#${id}` : `${encodeUrlPath(`${baseurl}${urls.get(to) ?? '/'}`)}#${id}`);
  const links = new Map<string, PageLinks>();
  const link = (group: readonly string[]): Diagnostic[] => {
    // An essay's links depend on its chapters' rendered notes and their URLs (which the nav holds) only.
    const linked = remember(memo, `notes:${group.join('\0')}`, () => [nav, baseurl, ...group.map((path) => rendered.get(path))], () => {
      const essay = resolveEssayNotes(group, rendered);
      return { diagnostics: essayNoteDiagnostics(essay), links: pageLinks(essay, hrefTo) };
    });
    for (const [path, page] of linked.links) links.set(path, page);
    return linked.diagnostics;
  };
  // Layout asks for a page's HTML, and its essay's print page asks again right after: the last few
  // pages' results are kept, so each is read back and rewritten once, without holding the whole site.
  const recent = new Map<string, string>();
  const html = (path: string): string => {
    const kept = recent.get(path);
    if (kept !== undefined) return kept;
    const body = rendered.get(path)?.html ?? '';
    const page = links.get(path);
    if (page === undefined) return body;
    const out = remember(memo, `note links:${path}`, () => [body, page], () => rewriteNoteLinks(body, page));
    recent.set(path, out);
    if (recent.size > RECENT_PAGES) recent.delete(recent.keys().next().value as string);
    return out;
  };
  const signature = (path: string): string => {
    const page = links.get(path);
    return page === undefined ? '' : JSON.stringify([[...page.refHref], [...page.backHrefs], [...page.previews]]);
  };
  const forget = (path: string): void => {
    links.delete(path);
    recent.delete(path);
  };
  return { link, html, signature, forget };
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
 * The note markup the Markdown stage emits (see remark-hand-numbered-notes), found in one pass: a
 * reference's `<a class="footnote-ref">` tag; a note's number element (group 2: its id, group 3: its
 * content); a note's back-link list (group 4: its id).
 */
const NOTE_MARKUP =
  /<a\b[^>]*\bclass="footnote-ref"[^>]*>|<(a|span) class="footnote-number" data-for="([^"]*)"[^>]*>([\s\S]*?)<\/\1>|<span class="footnote-backrefs" data-for="([^"]*)">[\s\S]*?<\/span>/g;

/** Rewrites the note markup the Markdown stage emitted: string work only, no parsing, one pass over the page. */
function rewriteNoteLinks(html: string, links: PageLinks): string {
  const out = html.replace(NOTE_MARKUP, (tag: string, _name?: string, numberId?: string, inner?: string, backrefsId?: string) => {
    if (numberId !== undefined) {
      const hrefs = links.backHrefs.get(numberId);
      return hrefs === undefined ? tag : noteNumberHtml(numberId, inner ?? '', hrefs[0]);
    }
    if (backrefsId !== undefined) {
      const hrefs = links.backHrefs.get(backrefsId);
      return hrefs === undefined ? tag : noteBackrefsHtml(backrefsId, hrefs);
    }
    const id = /\sid="([^"]*)"/.exec(tag)?.[1];
    if (id === undefined || !links.refHref.has(id)) return tag;
    const href = links.refHref.get(id);
    // A reference to a note that exists nowhere stays visible but is no longer a link to nothing.
    if (href === undefined) return tag.replace(/\shref="[^"]*"/, '').replace('class="footnote-ref"', 'class="footnote-ref footnote-missing"');
    return tag.replace(/\shref="[^"]*"/, ` href="${escapeHtml(href)}"`);
  });
  if (links.previews.size === 0) return out;
  const entries = [...links.previews].map(([href, note]) => `<div data-href="${escapeHtml(href)}">${note}</div>`);
  // Inert until the preview script reads it: cross-chapter notes show on hover without fetching the other page.
  return `${out}\n<template class="footnote-templates">${entries.join('')}</template>\n`;
}
