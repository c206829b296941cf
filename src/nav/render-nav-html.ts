/**
 * The sidebar for one page: top level, the open branch down to the page, and the page's children; the rest
 * loads from nav.json. Item markup comes from one place, `navItemHtml`, which also writes the
 * `<template id="nav-item-template">` the client script clones for entries it adds, so both always agree.
 */
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
  /** A closed `<li>` per node, built the first time a page needs it. */
  closed: Map<NavNode, string>;
}

const preparedByTree = new WeakMap<NavTree, Map<string, Prepared>>();

/** One sidebar entry, already escaped: what `navItemHtml` needs. */
export interface NavItemParts {
  title: string;
  href: string;
  /** Nav path of an entry with children (`data-nav-path`); empty for a leaf. */
  navPath: string;
  /** The entry is the current page. */
  current: boolean;
  /** The `<ul class="nav-list">` of its children, when it has any; shown open when `open`. */
  list: string | undefined;
  open: boolean;
}

/**
 * The one markup of a sidebar entry. An entry with children carries a `<details>` whose `<summary>` is the
 * expand arrow: it opens and closes without script. The summary follows the link in the source so the
 * link comes first for screen readers; CSS puts the arrow at the end of the link's row.
 */
export function navItemHtml(item: NavItemParts): string {
  const classes = `nav-item${item.list === undefined ? '' : ' has-children'}${item.open ? ' is-open' : ''}${item.current ? ' is-current' : ''}`;
  const current = item.current ? ' aria-current="page"' : '';
  const href = item.href === '' ? '' : ` href="${item.href}"`;
  const link = `<a${current} class="nav-link"${href} data-slot="title">${item.title}</a>`;
  if (item.list === undefined) return `<li class="${classes}">${link}</li>`;
  return (
    `<li class="${classes}" data-nav-path="${item.navPath}">${link}` +
    `<details class="nav-branch"${item.open ? ' open' : ''}><summary class="nav-expand">` +
    `<span class="visually-hidden">Pages under <span data-slot="title">${item.title}</span></span></summary>` +
    `${item.list}</details></li>`
  );
}

/**
 * A link standing for entries `first`…`last` of a list (inclusive, full-list indexes) that the page does not
 * write out. Without script it goes to the parent's page, whose table of contents lists them all; with
 * script dossier.js puts the entries in its place from nav.json (`data-nav-more` names the list).
 */
export function navMoreHtml(parentHref: string, parentPath: string, first: number, last: number, label: string, text: string): string {
  const href = parentHref === '' ? '' : ` href="${parentHref}"`;
  const named = label === '' ? '' : ` aria-label="${label}"`;
  return (
    `<li class="nav-item nav-more"><a class="nav-link nav-more-link"${href} data-nav-more="${parentPath}" ` +
    `data-nav-range="${first}-${last}"${named}>${text}</a></li>`
  );
}

/** The entry the client script clones for entries it adds from nav.json: `navItemHtml` with empty slots. */
export function navItemTemplate(): string {
  const placeholder = `<ul class="nav-list">${navMoreHtml('', '', 0, 0, '', allText(''))}</ul>`;
  return `<template id="nav-item-template">${navItemHtml({ title: '', href: '', navPath: '', current: false, list: placeholder, open: false })}</template>`;
}

/**
 * Renders the sidebar `<ul class="nav-list">` for the page at `path`, followed by the item template.
 * Only the page's surroundings are written: the top-level entries, the children of each ancestor and of
 * the page. Other branches are closed entries whose list holds one link to the branch's own page ("Show
 * all N"), which dossier.js replaces with the entries from /assets/nav.json when the branch is opened.
 * A list longer than NAV_WINDOW_MAX shows a window around its open entry and a "more" link for each
 * hidden run.
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
  return renderList(prepared.roots, undefined, 0, open, current, prepared) + navItemTemplate();
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

/** A "N more…" link for the hidden entries `first`…`last` of the parent's list. */
function moreItem(parent: NavNode, first: number, last: number, prepared: Prepared): string {
  const count = last - first + 1;
  const label = `Show ${count} more ${count === 1 ? 'page' : 'pages'} in ${escapeHtml(parent.title)}`;
  return navMoreHtml(prepared.href.get(parent) ?? '', prepared.navPath.get(parent) ?? '', first, last, label, `${count} more…`);
}

/** Text of the link a closed branch holds; the client fills the count slot of the template's copy. */
function allText(count: string): string {
  return `Show all <span data-slot="count">${count}</span>`;
}

/** The list of a closed branch: one link standing for all its entries (inside the branch's "Pages under …" group). */
function closedList(node: NavNode, count: number, prepared: Prepared): string {
  return `<ul class="nav-list">${navMoreHtml(prepared.href.get(node) ?? '', prepared.navPath.get(node) ?? '', 0, count - 1, '', allText(String(count)))}</ul>`;
}

function renderOpen(node: NavNode, level: number, open: readonly NavNode[], current: NavNode | undefined, prepared: Prepared): string {
  const children = prepared.children.get(node) ?? [];
  return navItemHtml({
    title: escapeHtml(node.title),
    href: prepared.href.get(node) ?? '',
    navPath: prepared.navPath.get(node) ?? '',
    current: node === current,
    list: children.length === 0 ? undefined : renderList(children, node, level + 1, open, current, prepared),
    open: children.length > 0,
  });
}

function closedItem(node: NavNode, prepared: Prepared): string {
  const cached = prepared.closed.get(node);
  if (cached !== undefined) return cached;
  const count = (prepared.children.get(node) ?? []).length;
  const html = navItemHtml({
    title: escapeHtml(node.title),
    href: prepared.href.get(node) ?? '',
    navPath: prepared.navPath.get(node) ?? '',
    current: false,
    list: count === 0 ? undefined : closedList(node, count, prepared),
    open: false,
  });
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
      visit(children, navPath);
    });
  };
  visit(prepared.roots, '');
  perBase.set(baseurl, prepared);
  return prepared;
}
