/** The sidebar's view of the tree: `nav_exclude` hides a page and everything under it. */
import type { NavNode } from './nav-tree.js';

/** Children the sidebar lists, in display order; their positions are the indexes in `data-nav-path` and nav.json. */
export function visibleChildren(nodes: readonly NavNode[]): NavNode[] {
  return nodes.filter((node) => !node.navExclude);
}
