/** Where an imported essay goes in a site: its parent page, folder, nav_order, title convention. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import { discoverSource } from '../discover/discover-source.js';
import type { Page } from '../front-matter/page.js';
import { parseFrontMatter } from '../front-matter/parse-front-matter.js';
import { buildNavTree } from '../nav/build-nav-tree.js';
import type { NavNode } from '../nav/nav-tree.js';
import { ImportError } from './import-error.js';

/** What the writer needs to know about the site. */
export interface SiteTarget {
  /** Folder for the essay's files, relative to the source folder, forward slashes ('' for the root). */
  folder: string;
  /** The first free nav_order after the parent's existing children, in steps of 10. */
  navOrder: number;
  /** Every sibling essay's title starts with "§ ": the new one should too. */
  sectionMark: boolean;
  /** Titles already used on the site, to refuse a second page of the same title. */
  titles: ReadonlySet<string>;
}

/** Reads the site with the project's own discovery, front matter and nav; throws for an unknown parent. */
export function findSiteTarget(config: SiteConfig, parent: string | undefined, grandParent: string | undefined): SiteTarget {
  const pages = parseFrontMatter(discoverSource(config).pages, config).pages;
  const tree = buildNavTree(pages, config);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const titles = new Set(pages.flatMap((p) => (p.data.title === undefined ? [] : [p.data.title.trim()])));
  if (parent === undefined) return { folder: existsSync(path.join(config.sourceDir, 'docs')) ? 'docs' : '', navOrder: nextNavOrder(tree.roots, byPath), sectionMark: false, titles };
  const node = [...tree.byPath.values()].find((n) => n.title.trim() === parent.trim() && (grandParent === undefined || n.parent?.title.trim() === grandParent.trim()));
  if (node === undefined) {
    throw new ImportError(`no page titled "${parent}"${grandParent === undefined ? '' : ` under "${grandParent}"`} in ${config.sourceDir}.`, {
      hint: 'give --parent the exact title of an existing page (see `dossier nav --source DIR`)',
    });
  }
  const siblings = node.children;
  return {
    folder: childFolder(config.sourceDir, node.path),
    navOrder: nextNavOrder(siblings, byPath),
    sectionMark: siblings.length > 0 && siblings.every((s) => s.title.startsWith('§ ')),
    titles,
  };
}

/** Children of `docs/G/index.md` live in `docs/G/`; of `docs/W.md` in `docs/W/` when it exists. */
function childFolder(sourceDir: string, parentPath: string): string {
  const dir = path.posix.dirname(parentPath);
  const stem = path.posix.basename(parentPath, path.posix.extname(parentPath));
  const base = dir === '.' ? '' : dir;
  if (stem === 'index') return base;
  const named = base === '' ? stem : `${base}/${stem}`;
  return existsSync(path.join(sourceDir, named)) ? named : base;
}

/** Ten past the largest numeric nav_order among `siblings`, rounded to a multiple of 10. */
function nextNavOrder(siblings: readonly NavNode[], byPath: ReadonlyMap<string, Page>): number {
  const orders = siblings.flatMap((s) => {
    const order = byPath.get(s.path)?.data.navOrder;
    return typeof order === 'number' ? [order] : [];
  });
  return orders.length === 0 ? 10 : (Math.floor(Math.max(...orders) / 10) + 1) * 10;
}
