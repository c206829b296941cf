/** Warnings about sibling order that Just the Docs gets away with silently: shared and quoted `nav_order`s. */
import type { NavSort } from '../config/site-config.js';
import type { Severity } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import { compareSortKeys, sortKeyOf } from './sort-siblings.js';

type Report = (page: Page, key: string, severity: Severity, rule: string, message: string) => void;

const NUMERIC_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*$/;

/** Checks one sibling list, already in display order, for duplicate and number-as-string `nav_order`s. */
export function checkSiblings(sorted: readonly { page: Page }[], navSort: NavSort, report: Report): void {
  for (let i = 1; i < sorted.length; i++) {
    const page = sorted[i]!.page;
    if (page.data.navOrder === undefined) continue;
    // Equal keys sit next to each other once sorted; name the first page of the run.
    let first = i - 1;
    while (first >= 0 && sameOrder(sorted[first]!.page, page, navSort)) first--;
    const other = sorted[first + 1]!.page;
    if (other === page) continue;
    report(
      page,
      'nav_order',
      'warning',
      'nav/duplicate-nav-order',
      `nav_order ${show(page.data.navOrder)} is also used by its sibling ${other.path} (\`${other.data.title ?? ''}\`); Just the Docs may show the two in either order (Jekyll's build shows them by file name; Dossier does the same); give each a distinct nav_order`,
    );
  }

  const numeric = sorted.filter(({ page }) => typeof page.data.navOrder === 'number');
  const lastNumeric = numeric[numeric.length - 1]?.page;
  if (lastNumeric === undefined) return;
  for (const { page } of sorted) {
    const order = page.data.navOrder;
    if (typeof order !== 'string' || !NUMERIC_TEXT.test(order)) continue;
    report(
      page,
      'nav_order',
      'warning',
      'nav/mixed-nav-order',
      `nav_order ${show(order)} is a string, so it sorts after all ${numeric.length} sibling${numeric.length === 1 ? '' : 's'} with a numeric nav_order (after \`${lastNumeric.data.title ?? ''}\`, nav_order ${show(lastNumeric.data.navOrder)}); write \`nav_order: ${order.trim()}\` without quotes`,
    );
  }
}

function sameOrder(a: Page, b: Page, navSort: NavSort): boolean {
  return a.data.navOrder !== undefined && compareSortKeys(sortKeyOf(a), sortKeyOf(b), navSort) === 0;
}

function show(order: number | string | undefined): string {
  return typeof order === 'string' ? JSON.stringify(order) : String(order);
}
