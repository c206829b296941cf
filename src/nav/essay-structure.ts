/** Which pages are essays, found from the shape of the nav tree rather than from how deep a page sits. */
import type { NavNode } from './nav-tree.js';

const visibleChildren = (node: NavNode) => node.children.filter((child) => !child.navExclude);

/**
 * An essay is a page with chapters under it and no essay above it. Under a top-level letter
 * (letter → essay → chapter) that is any page with children; elsewhere, a page all of whose chapters
 * are single pages, so a letter of essays with chapters of their own is not mistaken for one. A
 * top-level section of plain pages (an About page and its subpages) has the same shape as an essay:
 * `essay: false` in its front matter says so (and `essay: true` makes any page with children one).
 */
export function isEssay(node: NavNode): boolean {
  const chapters = visibleChildren(node);
  if (chapters.length === 0 || node.essay === false) return false;
  for (let at = node.parent; at !== undefined; at = at.parent) if (isEssay(at)) return false;
  if (node.depth === 1 || node.essay === true) return true;
  return chapters.every((chapter) => visibleChildren(chapter).length === 0);
}

/** The essay a page belongs to: itself or its nearest essay ancestor. */
export function essayOf(node: NavNode): NavNode | undefined {
  for (let at: NavNode | undefined = node; at !== undefined; at = at.parent) if (isEssay(at)) return at;
  return undefined;
}

/** Site URL of an essay's print page: `/docs/G/essay/` → `/docs/G/essay/print/`. */
export function essayPrintUrl(essay: NavNode): string {
  const base = essay.url.endsWith('/') ? essay.url : `${essay.url.replace(/\.html?$/, '')}/`;
  return `${base}print/`;
}
