/** The sidebar for one page: top level, the open branch down to the page, and the page's children; the rest loads from nav.json. */
import { escapeHtml } from '../html-text.js';
import type { NavNode, NavTree } from './nav-tree.js';
import { visibleChildren } from './visible-children.js';

/** Per-node facts every page's sidebar needs, computed once per tree and baseurl. */
interface Prepared {
  children: Map<NavNode, NavNode[]>;
  roots: NavNode[];
  navPath: Map<NavNode, string>;
  /** The `<a>` of each node, escaped, without `aria-current`; reused by every page. */
  link: Map<NavNode, string>;
  /** A closed `<li>` per node, built the first time a page needs it. */
  closed: Map<NavNode, string>;
}

const preparedByTree = new WeakMap<NavTree, Map<string, Prepared>>();

/**
 * Renders the sidebar `<ul class="nav-list">` for the page at `path`. Only what grows with the page's
 * depth and siblings is written: every top-level entry, the children of each ancestor and of the page.
 * Other branches are closed `<li class="nav-item has-children" data-nav-path="…">` entries whose
 * `button.nav-expand` client script can fill from /assets/nav.json. Links work without script.
 */
export function renderNavHtml(tree: NavTree, path: string, baseurl: string): string {
  const prepared = prepare(tree, baseurl);
  const node = tree.byPath.get(path);
  // The branch to open: the page's ancestors and the page itself, as far as the sidebar shows them.
  const chain: NavNode[] = [];
  for (let at = node; at !== undefined; at = at.parent) chain.push(at);
  chain.reverse();
  const hiddenAt = chain.findIndex((n) => n.navExclude);
  const open = hiddenAt === -1 ? chain : chain.slice(0, hiddenAt);
  const current = hiddenAt === -1 ? node : undefined;
  return renderList(prepared.roots, 0, open, current, prepared);
}

function renderList(nodes: readonly NavNode[], level: number, open: readonly NavNode[], current: NavNode | undefined, prepared: Prepared): string {
  let html = '<ul class="nav-list">';
  const opened = open[level];
  for (const node of nodes) {
    html += node === opened ? renderOpen(node, level, open, current, prepared) : closedItem(node, prepared);
  }
  return `${html}</ul>`;
}

function renderOpen(node: NavNode, level: number, open: readonly NavNode[], current: NavNode | undefined, prepared: Prepared): string {
  const children = prepared.children.get(node) ?? [];
  const isCurrent = node === current;
  const classes = `nav-item${children.length > 0 ? ' has-children is-open' : ''}${isCurrent ? ' is-current' : ''}`;
  const link = prepared.link.get(node) ?? '';
  const anchor = isCurrent ? link.replace('<a ', '<a aria-current="page" ') : link;
  if (children.length === 0) return `<li class="${classes}">${anchor}</li>`;
  const title = escapeHtml(node.title);
  return (
    `<li class="${classes}" data-nav-path="${prepared.navPath.get(node) ?? ''}">` +
    `<button class="nav-expand" type="button" aria-expanded="true" aria-label="Hide children of ${title}"><span aria-hidden="true"></span></button>` +
    anchor +
    renderList(children, level + 1, open, current, prepared) +
    '</li>'
  );
}

function closedItem(node: NavNode, prepared: Prepared): string {
  const cached = prepared.closed.get(node);
  if (cached !== undefined) return cached;
  const link = prepared.link.get(node) ?? '';
  const html =
    (prepared.children.get(node) ?? []).length === 0
      ? `<li class="nav-item">${link}</li>`
      : `<li class="nav-item has-children" data-nav-path="${prepared.navPath.get(node) ?? ''}">` +
        `<button class="nav-expand" type="button" aria-expanded="false" aria-label="Show children of ${escapeHtml(node.title)}"><span aria-hidden="true"></span></button>` +
        `${link}</li>`;
  prepared.closed.set(node, html);
  return html;
}

/** One pass over the visible tree per (tree, baseurl); every page render then costs only what it shows. */
function prepare(tree: NavTree, baseurl: string): Prepared {
  let perBase = preparedByTree.get(tree);
  if (perBase === undefined) {
    perBase = new Map();
    preparedByTree.set(tree, perBase);
  }
  const existing = perBase.get(baseurl);
  if (existing !== undefined) return existing;
  const prepared: Prepared = { children: new Map(), roots: visibleChildren(tree.roots), navPath: new Map(), link: new Map(), closed: new Map() };
  const visit = (nodes: readonly NavNode[], prefix: string): void => {
    nodes.forEach((node, i) => {
      const navPath = prefix === '' ? String(i) : `${prefix}.${i}`;
      const children = visibleChildren(node.children);
      prepared.navPath.set(node, navPath);
      prepared.children.set(node, children);
      prepared.link.set(node, `<a class="nav-link" href="${escapeHtml(encodeURI(`${baseurl}${node.url}`))}">${escapeHtml(node.title)}</a>`);
      visit(children, navPath);
    });
  };
  visit(prepared.roots, '');
  perBase.set(baseurl, prepared);
  return prepared;
}
