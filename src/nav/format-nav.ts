/** The nav tree as text and JSON: for authors (`dossier nav`) and for the site's lazy sidebar. */
import type { NavNode, NavTree } from './nav-tree.js';
import { visibleChildren } from './visible-children.js';
import { encodeUrlPath } from '../url-path.js';

/** One entry of `dossier nav --format json`. */
export interface NavJsonEntry {
  title: string;
  url: string;
  children: NavJsonEntry[];
}

/** An indented outline (two spaces a level, title then URL) that diffs well; hidden pages are marked, not dropped. */
export function formatNavText(tree: NavTree): string {
  const lines: string[] = [];
  const visit = (node: NavNode): void => {
    const hidden = node.navExclude ? '  [nav_exclude]' : '';
    lines.push(`${'  '.repeat(node.depth)}${node.title}  ${node.url}${hidden}`);
    for (const child of node.children) visit(child);
  };
  for (const root of tree.roots) visit(root);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The sidebar as plain data, in display order, without nav-excluded pages. */
export function navToJson(tree: NavTree): NavJsonEntry[] {
  const convert = (nodes: readonly NavNode[]): NavJsonEntry[] =>
    visibleChildren(nodes).map((node) => ({ title: node.title, url: node.url, children: convert(node.children) }));
  return convert(tree.roots);
}

/**
 * The whole sidebar, shipped once as /assets/nav.json so the browser can open closed branches:
 * `{"b": baseurl, "n": [[title, url, [children…]?], …]}` with percent-encoded URLs (href = b + url).
 * A `data-nav-path="0.3.1"` in the page HTML indexes into `n`, then into each entry's children.
 */
export function siteNavJson(tree: NavTree, baseurl: string): string {
  type Entry = [string, string] | [string, string, Entry[]];
  const convert = (nodes: readonly NavNode[]): Entry[] =>
    visibleChildren(nodes).map((node): Entry => {
      const children = convert(node.children);
      return children.length === 0 ? [node.title, encodeUrlPath(node.url)] : [node.title, encodeUrlPath(node.url), children];
    });
  return JSON.stringify({ b: encodeURI(baseurl), n: convert(tree.roots) });
}
