/** The sidebar for one page: top level, the open branch down to the page, and the page's children; the rest loads from nav.json. */
import { escapeHtml } from '../html-text.js';
import type { NavNode, NavTree } from './nav-tree.js';
import { visibleChildren } from './visible-children.js';
import { encodeUrlPath } from '../url-path.js';

/** Lists longer than this show only a window of entries, so a page's HTML stays the same size however many siblings it has. */
export const NAV_WINDOW_MAX = 15;
/** Entries a windowed list shows on each side of its open entry (11 in all, with at most two "more" links). */
const NAV_WINDOW_SIDE = 5;

/** Per-node facts every page's sidebar needs, computed once per tree and baseurl. */
interface Prepared {
  children: Map<NavNode, NavNode[]>;
  roots: NavNode[];
  navPath: Map<NavNode, string>;
  /** Position of each node among its visible siblings (the last part of its nav path). */
  index: Map<NavNode, number>;
  /** Escaped href of each node's page (where a "more" link of its children goes without script). */
  href: Map<NavNode, string>;
  /** The `<a>` of each node, escaped, without `aria-current`; reused by every page. */
  link: Map<NavNode, string>;
  /** A closed `<li>` per node, built the first time a page needs it. */
  closed: Map<NavNode, string>;
}

const preparedByTree = new WeakMap<NavTree, Map<string, Prepared>>();

/**
 * Renders the sidebar `<ul class="nav-list">` for the page at `path`. Only the page's surroundings are
 * written: the top-level entries, the children of each ancestor and of the page.
 * Other branches are closed `<li class="nav-item has-children" data-nav-path="…">` entries whose
 * `button.nav-expand` client script can fill from /assets/nav.json. Links work without script.
 * A list longer than NAV_WINDOW_MAX shows a window around its open entry and a "more" link for each
 * hidden run, pointing to the parent page (whose table of contents lists them all) and to the run's
 * indexes in nav.json, from which the client script inserts them in place.
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
  return renderList(prepared.roots, undefined, 0, open, current, prepared);
}

function renderList(
  nodes: readonly NavNode[],
  parent: NavNode | undefined,
  level: number,
  open: readonly NavNode[],
  current: NavNode | undefined,
  prepared: Prepared,
): string {
  const opened = open[level];
  // The top level stays whole: sites keep it short (letters, a few pages), and without script the
  // site root could not list what a window hides. Lists below it grow with the site, so they are windowed.
  const [start, end] = parent === undefined ? [0, nodes.length] : windowOf(nodes.length, opened === undefined ? undefined : prepared.index.get(opened));
  let html = '<ul class="nav-list">';
  if (parent !== undefined && start > 0) html += moreItem(parent, 0, start - 1, prepared);
  for (const node of nodes.slice(start, end)) {
    html += node === opened ? renderOpen(node, level, open, current, prepared) : closedItem(node, prepared);
  }
  if (parent !== undefined && end < nodes.length) html += moreItem(parent, end, nodes.length - 1, prepared);
  return `${html}</ul>`;
}

/** The entries `[start, end)` a list of `length` shows: all of a short list, else a window around the open entry, or its start. */
function windowOf(length: number, openAt: number | undefined): [number, number] {
  if (length <= NAV_WINDOW_MAX) return [0, length];
  const size = 2 * NAV_WINDOW_SIDE + 1;
  const start = openAt === undefined ? 0 : Math.min(Math.max(openAt - NAV_WINDOW_SIDE, 0), length - size);
  return [start, start + size];
}

/** A link standing for the hidden entries `first`…`last` of the parent's list (inclusive, full-list indexes). */
function moreItem(parent: NavNode, first: number, last: number, prepared: Prepared): string {
  const count = last - first + 1;
  const label = `Show ${count} more ${count === 1 ? 'page' : 'pages'} in ${escapeHtml(parent.title)}`;
  const href = prepared.href.get(parent) ?? '';
  const navPath = prepared.navPath.get(parent) ?? '';
  return (
    `<li class="nav-item nav-more"><a class="nav-link nav-more-link" href="${href}" data-nav-more="${navPath}" ` +
    `data-nav-range="${first}-${last}" aria-label="${label}">${count} more…</a></li>`
  );
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
    `<button class="nav-expand" type="button" aria-expanded="true" aria-label="Hide children of ${title}"></button>` +
    anchor +
    renderList(children, node, level + 1, open, current, prepared) +
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
        `<button class="nav-expand" type="button" aria-expanded="false" aria-label="Show children of ${escapeHtml(node.title)}"></button>` +
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
  const prepared: Prepared = {
    children: new Map(),
    roots: visibleChildren(tree.roots),
    navPath: new Map(),
    index: new Map(),
    href: new Map(),
    link: new Map(),
    closed: new Map(),
  };
  const visit = (nodes: readonly NavNode[], prefix: string): void => {
    nodes.forEach((node, i) => {
      const navPath = prefix === '' ? String(i) : `${prefix}.${i}`;
      const children = visibleChildren(node.children);
      const href = escapeHtml(encodeUrlPath(`${baseurl}${node.url}`));
      prepared.navPath.set(node, navPath);
      prepared.index.set(node, i);
      prepared.href.set(node, href);
      prepared.children.set(node, children);
      prepared.link.set(node, `<a class="nav-link" href="${href}">${escapeHtml(node.title)}</a>`);
      visit(children, navPath);
    });
  };
  visit(prepared.roots, '');
  perBase.set(baseurl, prepared);
  return prepared;
}
