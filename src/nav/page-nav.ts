/** What one page shows of the tree: breadcrumbs, its child list, and previous/next chapter links. */
import { essayOf } from './essay-structure.js';
import type { ChapterNav, NavNode, NavTree, PageNav } from './nav-tree.js';

/** The nav a page shows; pages outside the tree (untitled, orphaned) get empty nav. */
export function pageNavFor(tree: NavTree, path: string): PageNav {
  const node = tree.byPath.get(path);
  if (node === undefined) return { node: undefined, breadcrumbs: [], children: [], chapter: undefined };
  const breadcrumbs: NavNode[] = [];
  for (let at = node.parent; at !== undefined; at = at.parent) breadcrumbs.push(at);
  breadcrumbs.reverse();
  return {
    node,
    breadcrumbs,
    children: node.hasToc ? node.children : [],
    chapter: chapterOf(node),
  };
}

/** Pages inside an essay are read in order with their nav-visible siblings; a hidden chapter gets no prev/next. */
function chapterOf(node: NavNode): ChapterNav | undefined {
  const essay = node.parent;
  if (essay === undefined || essayOf(essay) === undefined) return undefined;
  const chapters = essay.children.filter((child) => !child.navExclude);
  const index = chapters.indexOf(node);
  if (index === -1) return undefined;
  return { essay, chapters, index, previous: chapters[index - 1], next: chapters[index + 1] };
}
