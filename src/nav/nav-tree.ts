/** Types of the resolved navigation tree (stage 4). */
import type { Diagnostic } from '../diagnostics.js';

/** One titled page in the navigation, with its children in display order. */
export interface NavNode {
  /** Source path of the page (its identity). */
  path: string;
  title: string;
  /** Site URL without baseurl. */
  url: string;
  /** `nav_exclude: true`: hidden from the sidebar, still in breadcrumbs and child lists. */
  navExclude: boolean;
  /** `has_toc: false` hides the automatic child list on this page. */
  hasToc: boolean;
  /** `essay:` from front matter: overrides what the tree's shape says (nav/essay-structure.ts). */
  essay?: boolean | undefined;
  /** Children in display order, nav-excluded ones included. */
  children: NavNode[];
  parent: NavNode | undefined;
  /** 0 for top-level pages. */
  depth: number;
}

export interface NavTree {
  /** Top-level pages in display order. */
  roots: NavNode[];
  /** Every page that has a place in the tree, by source path. */
  byPath: ReadonlyMap<string, NavNode>;
  diagnostics: Diagnostic[];
}

/** What one page shows of the tree: breadcrumbs, children, and chapter reading order. */
export interface PageNav {
  node: NavNode | undefined;
  /** Ancestors from the top level down, not including the page itself. */
  breadcrumbs: NavNode[];
  /** Children to list on a parent page ("Table of contents"); empty when `has_toc: false`. */
  children: NavNode[];
  /** Set on chapters: pages that sit two or more levels deep, read in order with their siblings. */
  chapter: ChapterNav | undefined;
}

export interface ChapterNav {
  /** The essay page (the chapters' parent). */
  essay: NavNode;
  /** All chapters of the essay in reading order, the current one included. */
  chapters: NavNode[];
  /** Index of the current chapter in `chapters`. */
  index: number;
  previous: NavNode | undefined;
  next: NavNode | undefined;
}
