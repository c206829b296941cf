/** FORMAT.md §5: hand-written "Table of Contents" chapter lists must agree with the nav tree. */
import type { Diagnostic } from '../diagnostics.js';
import { bodyText, type Page } from '../front-matter/page.js';
import { positionAt, scanHtmlLinks } from '../markdown/plugins/remark-collect-links.js';
import type { NavNode, NavTree } from '../nav/nav-tree.js';
import type { SiteIndex } from './site-index.js';
import { decodeEntities } from '../html-text.js';

/** Rule id for a hand-written chapter list that disagrees with the nav tree. */
export const CHAPTER_LIST_RULE = 'nav/chapter-list-mismatch';

/** One entry of a hand-written list, positioned in the source file. */
export interface ChapterListEntry {
  href: string;
  text: string;
  line: number;
  column: number;
}

/** A hand-written list found after a `Table of Contents` heading. */
export interface ChapterList {
  /** Line of the heading, for findings about the list as a whole. */
  line: number;
  entries: ChapterListEntry[];
}

const TOC_HEADING = /^ {0,3}#{2,6}[ \t]+table of contents[ \t#]*$/i;
const IAL_LINE = /^[ \t]*\{:.*\}[ \t]*$/;

/** Finds hand-written chapter lists in a page body (`bodyLine` is the body's first source line). */
export function findChapterLists(body: string, bodyLine: number): ChapterList[] {
  const lines = body.split('\n');
  const lists: ChapterList[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!TOC_HEADING.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || IAL_LINE.test(lines[j]!))) j++;
    const first = lines[j]?.trimStart() ?? '';
    let end = j;
    if (/^<[uo]l\b/i.test(first)) {
      while (end < lines.length && !/<\/[uo]l\s*>/i.test(lines[end]!)) end++;
    } else if (/^([-*+]|\d+[.)])[ \t]+\[/.test(first)) {
      while (end + 1 < lines.length && /^\s*([-*+]|\d+[.)])[ \t]+/.test(lines[end + 1]!)) end++;
    } else {
      continue;
    }
    const block = lines.slice(j, end + 1).join('\n');
    const entries = /^</.test(first) ? htmlEntries(block) : markdownEntries(block);
    const at = (offset: number) => {
      const p = positionAt(block, offset);
      return { line: bodyLine + j + p.line - 1, column: p.column };
    };
    lists.push({ line: bodyLine + i, entries: entries.map((e) => ({ href: e.href, text: e.text, ...at(e.offset) })) });
    i = end;
  }
  return lists;
}

/** Compares each hand-written chapter list with the chapters the nav tree gives that essay. */
export function checkChapterLists(pages: readonly Page[], nav: NavTree, index: SiteIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const page of pages) {
    const lists = findChapterLists(bodyText(page), page.bodyLine);
    if (lists.length === 0) continue;
    const expected = expectedChapters(nav.byPath.get(page.path));
    if (expected === undefined) continue;
    for (const list of lists) out.push(...compareList(page, list, expected, index));
  }
  return out;
}

/** A chapter's list names its siblings; an essay page's list names its children. */
function expectedChapters(node: NavNode | undefined): NavNode[] | undefined {
  if (node === undefined) return undefined;
  if (node.depth >= 2 && node.parent !== undefined) return node.parent.children;
  return node.children.length > 0 ? node.children : undefined;
}

function compareList(page: Page, list: ChapterList, expected: readonly NavNode[], index: SiteIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (line: number, column: number, message: string) =>
    out.push({ file: page.path, line, column, severity: 'error', rule: CHAPTER_LIST_RULE, message });
  const byPath = new Map(expected.map((node) => [node.path, node]));
  const listed: NavNode[] = [];
  const listedEntries: ChapterListEntry[] = [];
  // A chapter an entry plainly meant (same title, wrong URL) is reported at that entry, not again as left out.
  const meantPaths = new Set<string>();
  for (const entry of list.entries) {
    const target = index.resolve(entry.href, page.url);
    const reached = target.kind === 'internal' && target.outputPath !== undefined ? index.pageAt(target.outputPath) : undefined;
    const node = reached === undefined ? undefined : byPath.get(reached.path);
    if (node === undefined) {
      const meant = expected.find((c) => sameText(c.title, entry.text));
      // A dead link that names no chapter is already a links/missing-page finding; saying it twice adds nothing.
      if (meant === undefined && reached === undefined) continue;
      if (meant !== undefined) meantPaths.add(meant.path);
      const hint = meant === undefined ? '' : `; the chapter "${meant.title}" is at ${index.baseurl}${meant.url}`;
      report(entry.line, entry.column, `chapter list links "${entry.text}" to ${entry.href}, which is not a chapter of this essay${hint}`);
      continue;
    }
    if (listed.includes(node)) {
      report(entry.line, entry.column, `chapter list names "${node.title}" twice`);
      continue;
    }
    listed.push(node);
    listedEntries.push(entry);
    if (!sameText(node.title, entry.text)) {
      report(entry.line, entry.column, `chapter list calls ${entry.href} "${entry.text}", but its title is "${node.title}"`);
    }
  }
  const seen = new Set(listed.map((n) => n.path));
  const missing = expected.filter((c) => !c.navExclude && !seen.has(c.path) && !meantPaths.has(c.path));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.title}" (${index.baseurl}${c.url})`).join(', ');
    report(list.line, 1, `chapter list leaves out ${missing.length === 1 ? 'chapter' : 'chapters'} ${names}`);
  }
  // Order only means something once the same chapters are listed.
  const order = expected.filter((c) => seen.has(c.path));
  const firstWrong = listed.findIndex((node, i) => order[i]?.path !== node.path);
  if (missing.length === 0 && meantPaths.size === 0 && firstWrong !== -1) {
    const entry = listedEntries[firstWrong]!;
    report(entry.line, entry.column, `chapter list order differs from the nav: "${order[firstWrong]!.title}" comes here, not "${listed[firstWrong]!.title}"`);
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

interface RawEntry {
  href: string;
  text: string;
  offset: number;
}

function htmlEntries(block: string): RawEntry[] {
  const out: RawEntry[] = [];
  for (const anchor of block.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi)) {
    const link = scanHtmlLinks(anchor[0]).find((l) => l.element === 'a');
    if (link === undefined) continue;
    out.push({ href: link.href, text: plainText(anchor[1] ?? ''), offset: anchor.index + link.offset });
  }
  return out;
}

function markdownEntries(block: string): RawEntry[] {
  const out: RawEntry[] = [];
  for (const m of block.matchAll(/\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) {
    out.push({ href: m[2]!, text: plainText(m[1]!), offset: m.index });
  }
  return out;
}

function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
