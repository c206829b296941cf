/** Just the Docs' sibling order: numeric `nav_order` first, then strings (`nav_order` or title). */
import type { NavSort } from '../config/site-config.js';
import type { Page } from '../front-matter/page.js';

/** The value a page sorts by among its siblings, and which of JtD's two groups it falls in. */
export type SortKey = { kind: 'number'; value: number } | { kind: 'string'; value: string };

/** The key JtD sorts a page by: its numeric `nav_order`, else its string `nav_order`, else its title. */
export function sortKeyOf(page: Page): SortKey {
  const order = page.data.navOrder;
  if (typeof order === 'number') return { kind: 'number', value: order };
  return { kind: 'string', value: order ?? page.data.title ?? '' };
}

/**
 * Compares by Unicode code point, as Ruby compares UTF-8 strings byte by byte (Liquid `sort`).
 * JavaScript's `<` compares UTF-16 units, which puts astral characters before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000–U+FFFF so that unit order matches code-point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Ruby's `casecmp` (behind Liquid `sort_natural`) folds only ASCII letters. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Compares two sort strings the way `nav_sort` asks: Liquid `sort` or `sort_natural`. */
export function compareSortStrings(a: string, b: string, navSort: NavSort): number {
  return navSort === 'case_insensitive' ? compareCodePoints(foldAscii(a), foldAscii(b)) : compareCodePoints(a, b);
}

/** Compares two sort keys; 0 means JtD would leave the two pages in an arbitrary order. */
export function compareSortKeys(a: SortKey, b: SortKey, navSort: NavSort): number {
  if (a.kind === 'number' && b.kind === 'number') return a.value - b.value;
  if (a.kind === 'number') return -1;
  if (b.kind === 'number') return 1;
  return compareSortStrings(a.value, b.value, navSort);
}

/**
 * Jekyll's page order (`site.pages`), which Liquid's sort keeps for equal keys (Ruby sorts with
 * glibc's merge sort, which is stable): by file name, then in reading order, where each folder's
 * subfolders are read before its own pages. Jekyll reads folders in the file system's order, which
 * differs between machines; Dossier takes them in code-point order.
 */
export function compareJekyllPageOrder(a: string, b: string): number {
  const aParts = a.split('/');
  const bParts = b.split('/');
  const byName = compareCodePoints(aParts[aParts.length - 1]!, bParts[bParts.length - 1]!);
  if (byName !== 0) return byName;
  for (let i = 0; i < Math.min(aParts.length, bParts.length); i++) {
    if (aParts[i] === bParts[i]) continue;
    const aIsFolder = i < aParts.length - 1;
    const bIsFolder = i < bParts.length - 1;
    if (aIsFolder !== bIsFolder) return aIsFolder ? -1 : 1;
    return compareCodePoints(aParts[i]!, bParts[i]!);
  }
  return aParts.length - bParts.length;
}

/** Sorts siblings in display order; equal keys keep Jekyll's page order, as Liquid's `sort` does there. */
export function sortSiblings<T extends { page: Page }>(items: T[], navSort: NavSort): T[] {
  const keyed = items.map((item) => ({ item, key: sortKeyOf(item.page) }));
  keyed.sort((a, b) => compareSortKeys(a.key, b.key, navSort) || compareJekyllPageOrder(a.item.page.path, b.item.page.path));
  return keyed.map((k) => k.item);
}
