/** Stage 4: resolve `parent` / `grand_parent` / `ancestor` titles into one navigation tree, as Just the Docs does. */
import type { SiteConfig } from '../config/site-config.js';
import { closestMatch, type Diagnostic, type Severity } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { NavNode, NavTree } from './nav-tree.js';
import { checkSiblings } from './check-siblings.js';
import { compareCodePoints, sortSiblings } from './sort-siblings.js';

/** A titled page that made it into the tree, with its node. */
interface Placement {
  page: Page;
  node: NavNode;
}

/**
 * Builds the navigation tree with JtD's matching rules (components/nav/children.html):
 * a page is a child of a node titled like its `parent` when its `grand_parent` (if given)
 * equals that node's own `parent`, its `ancestor` (if given) names the node or one of the
 * node's ancestors, and — for old three-level sites — a page without either whose parent
 * title is a top-level title only hangs under the top-level page. JtD lists a page under
 * every node that matches; Dossier places it once and reports the ambiguity.
 */
export function buildNavTree(pages: readonly Page[], config: Pick<SiteConfig, 'navSort'>): NavTree {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (page, key, severity, rule, message) => {
    const at = page.data.places[key] ?? page.data.places['title'] ?? { line: 1, column: 1 };
    diagnostics.push({ file: page.path, line: at.line, column: at.column, severity, rule, message });
  };
  const titled = titledPages(pages, report);
  const tops = titled.filter((page) => parentOf(page) === undefined);
  const { candidates, failures } = parentCandidates(titled, tops, report);
  // Phase A: which pages JtD reaches from the top at all, and how deep it first meets them.
  const childrenOf = new Map<Page, Page[]>();
  for (const [page, list] of candidates) {
    for (const candidate of list) push(childrenOf, candidate, page);
  }
  const firstDepth = depthsFromTop(tops, childrenOf);
  reportCycles(titled, candidates, firstDepth, failures, report);
  // Phase B: choose one parent per page; `ancestor` needs the candidate's own chain.
  const { placements, kids, roots } = placePages(titled, parentChooser(candidates, firstDepth, failures, report));
  const byPath = new Map<string, NavNode>();
  const link = (list: Placement[], parent: NavNode | undefined, parentPage: Page | undefined, depth: number): NavNode[] => {
    const sorted = sortSiblings(list, config.navSort);
    checkSiblings(sorted, config.navSort, report);
    // Modern JtD lets a parent page list its children last-first (newest letters on top).
    if (parentPage?.data.childNavOrder === 'desc') sorted.reverse();
    return sorted.map(({ page, node }) => {
      node.parent = parent;
      node.depth = depth;
      byPath.set(page.path, node);
      node.children = link(kids.get(page) ?? [], node, page, depth + 1);
      return node;
    });
  };
  const rootNodes = link(roots, undefined, undefined, 0);
  reportTitlesLikeAncestors(rootNodes, placements, report);

  for (const [page, emit] of failures) {
    if (!placements.has(page)) emit(leftOutNote(page, childrenOf, placements));
  }
  return { roots: rootNodes, byPath, diagnostics };
}

/** Reports a problem at a front-matter key of a page. */
type Report = (page: Page, key: string, severity: Severity, rule: string, message: string) => void;

/** A page's chosen parent: a page, `null` for the top level, `'out'` when it has no place in the tree. */
type Choice = Page | null | 'out';

/** Pages with a title, in path order; an untitled page with a parent is reported (it cannot be in the nav). */
function titledPages(pages: readonly Page[], report: Report): Page[] {
  const titled: Page[] = [];
  for (const page of [...pages].sort((a, b) => compareCodePoints(a.path, b.path))) {
    if (titleOf(page) !== undefined) titled.push(page);
    else if (parentOf(page) !== undefined) {
      report(page, 'parent', 'warning', 'nav/untitled', `this page has \`parent: ${parentOf(page)}\` but no title, so it is not in the nav; give it a \`title\``);
    }
  }
  return titled;
}

/**
 * Each page's possible parents: pages titled like its `parent` that pass the checks needing no
 * placement, looked up by (title, parent) so that a title shared by a thousand chapters costs nothing.
 * A page with none gets a failure, reported only if it ends up out of the tree.
 */
function parentCandidates(titled: readonly Page[], tops: readonly Page[], report: Report) {
  const byTitle = groupBy(titled, (page) => titleOf(page) ?? '');
  const topTitles = new Set(tops.map((page) => titleOf(page) ?? ''));
  const byParent = groupBy(titled, (page) => parentOf(page) ?? '');
  // A typo'd parent is most likely one of the pages under the given grand_parent; only then try every title.
  const suggestParent = (page: Page, parent: string): string => {
    const grandParent = grandParentOf(page);
    const near = grandParent === undefined ? '' : didYouMean(parent, (byParent.get(grandParent) ?? []).map((p) => titleOf(p) ?? ''));
    return near !== '' ? near : didYouMean(parent, byTitle.keys());
  };
  const byTitleAndParent = groupBy(titled, (page) => pairKey(titleOf(page) ?? '', parentOf(page)));
  const candidates = new Map<Page, Page[]>();
  const failures = new Map<Page, (lost: string) => void>();
  for (const page of titled) {
    const parent = parentOf(page);
    if (parent === undefined) continue;
    const named = byTitle.get(parent) ?? [];
    if (named.length === 0 || (named.length === 1 && named[0] === page)) {
      failures.set(page, (lost) =>
        named.length > 0
          ? report(page, 'parent', 'error', 'nav/cycle', `this page names itself as its parent (\`${parent}\`); ${lost}`)
          : report(page, 'parent', 'error', 'nav/unknown-parent', `no page is titled \`${parent}\`${suggestParent(page, parent)}; ${lost}`),
      );
      continue;
    }
    const local = localCandidates(page, parent, named, byTitleAndParent, topTitles);
    candidates.set(page, local);
    const grandParent = grandParentOf(page);
    if (local.length === 0 && grandParent !== undefined) {
      const others = named.filter((other) => other !== page);
      const known = listSome(others.map((other) => `${describeParent(parentOf(other))} (${other.path})`));
      const suggestion = didYouMean(grandParent, new Set(others.map((other) => parentOf(other) ?? '').filter((p) => p !== '')));
      failures.set(page, (lost) =>
        report(page, 'grand_parent', 'error', 'nav/unknown-grand-parent', `no page titled \`${parent}\` has parent \`${grandParent}\`${suggestion}; pages titled \`${parent}\` sit under ${known}; ${lost}`),
      );
    }
  }
  return { candidates, failures };
}

/** How deep JtD first meets each page reachable from the top-level pages (breadth first). */
function depthsFromTop(tops: readonly Page[], childrenOf: ReadonlyMap<Page, Page[]>): Map<Page, number> {
  const firstDepth = new Map<Page, number>();
  const queue = [...tops];
  for (const top of tops) firstDepth.set(top, 0);
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    for (const child of childrenOf.get(current) ?? []) {
      if (firstDepth.has(child)) continue;
      firstDepth.set(child, firstDepth.get(current)! + 1);
      queue.push(child);
    }
  }
  return firstDepth;
}

/** Chooses each page's one parent among its reachable candidates: the shallowest, then by path; `ancestor` filters by the candidate's own chain. */
function parentChooser(
  candidates: ReadonlyMap<Page, Page[]>,
  firstDepth: ReadonlyMap<Page, number>,
  failures: Map<Page, (lost: string) => void>,
  report: Report,
): (page: Page) => Choice {
  const chosen = new Map<Page, Choice>();
  const pending = new Set<Page>();
  const choose = (page: Page): Choice => {
    const memo = chosen.get(page);
    if (memo !== undefined) return memo;
    const parent = parentOf(page);
    if (parent === undefined) return null;
    if (!firstDepth.has(page)) return 'out';
    pending.add(page);
    let list = (candidates.get(page) ?? []).filter((c) => firstDepth.has(c) && !pending.has(c) && choose(c) !== 'out');
    const ancestor = page.data.ancestor;
    if (ancestor !== undefined && ancestor !== parent && list.length > 0) {
      const before = list;
      list = list.filter((c) => chainTitles(c, choose).includes(ancestor));
      if (list.length === 0) {
        const chains = before.map((c) => `${chainTitles(c, choose).reverse().join(' › ')} (${c.path})`).join(', ');
        failures.set(page, (lost) =>
          report(page, 'ancestor', 'error', 'nav/unknown-ancestor', `no page titled \`${parent}\` has an ancestor titled \`${ancestor}\`; the pages titled so are ${chains}; ${lost}`),
        );
      }
    }
    list.sort((a, b) => firstDepth.get(a)! - firstDepth.get(b)! || compareCodePoints(a.path, b.path));
    if (list.length > 1) reportAmbiguous(page, list, report);
    pending.delete(page);
    const result = list[0] ?? 'out';
    chosen.set(page, result);
    return result;
  };
  return choose;
}

/** Gives every page with a place in the tree its node, under its chosen parent or at the top level. */
function placePages(titled: readonly Page[], choose: (page: Page) => Choice) {
  const placements = new Map<Page, Placement>();
  const kids = new Map<Page, Placement[]>();
  const roots: Placement[] = [];
  for (const page of titled) {
    const parentPage = choose(page);
    if (parentPage === 'out') continue;
    const placement: Placement = { page, node: newNode(page) };
    placements.set(page, placement);
    if (parentPage === null) roots.push(placement);
    else push(kids, parentPage, placement);
  }
  return { placements, kids, roots };
}

function titleOf(page: Page): string | undefined {
  const title = page.data.title;
  return title === undefined || title === '' ? undefined : title;
}

/** Jekyll groups pages by `parent | to_s`, so an empty parent is the top level too. */
function parentOf(page: Page): string | undefined {
  const parent = page.data.parent;
  return parent === undefined || parent === '' ? undefined : parent;
}

function newNode(page: Page): NavNode {
  return {
    path: page.path,
    title: titleOf(page) ?? '',
    url: page.url,
    navExclude: page.data.navExclude,
    hasToc: page.data.hasToc,
    essay: page.data.essay,
    children: [],
    parent: undefined,
    depth: 0,
  };
}

/**
 * The checks of JtD's children.html that depend only on the two pages' front matter:
 * `grand_parent`, when given, must be the candidate's own parent; and, for backwards
 * compatibility with three-level sites, a bare `parent: X` where X is a top-level title
 * means only that top-level page.
 */
function localCandidates(
  page: Page,
  parent: string,
  named: readonly Page[],
  byTitleAndParent: ReadonlyMap<string, Page[]>,
  topTitles: ReadonlySet<string>,
): Page[] {
  const grandParent = grandParentOf(page);
  let list: readonly Page[];
  if (grandParent !== undefined) list = byTitleAndParent.get(pairKey(parent, grandParent)) ?? [];
  else if (page.data.ancestor === undefined && topTitles.has(parent)) list = byTitleAndParent.get(pairKey(parent, undefined)) ?? [];
  else list = named;
  return list.filter((other) => other !== page);
}

function pairKey(title: string, parent: string | undefined): string {
  return `${title}\u0000${parent ?? ''}`;
}

/** An empty `grand_parent:` decides nothing; treat it as absent rather than as a title no page has. */
function grandParentOf(page: Page): string | undefined {
  const grandParent = page.data.grandParent;
  return grandParent === undefined || grandParent === '' ? undefined : grandParent;
}

/** A readable list that stays short when a title is shared by hundreds of pages. */
function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** Titles from `page` up to the top, following already chosen parents. */
function chainTitles(page: Page, choose: (page: Page) => Page | null | 'out'): string[] {
  const titles: string[] = [];
  const seen = new Set<Page>();
  for (let at: Page | null | 'out' = page; at !== null && at !== 'out' && !seen.has(at); at = choose(at)) {
    seen.add(at);
    titles.push(titleOf(at) ?? '');
  }
  return titles;
}

function reportAmbiguous(
  page: Page,
  list: readonly Page[],
  report: (page: Page, key: string, severity: Severity, rule: string, message: string) => void,
): void {
  const parent = parentOf(page) ?? '';
  const where = listSome(list.map((c) => `${c.path} (under ${describeParent(parentOf(c))})`));
  const grandParents = [...new Set(list.map((c) => parentOf(c)))];
  const fix =
    grandParentOf(page) === undefined && grandParents.length === list.length && list.length <= 5 && grandParents.every((g) => g !== undefined)
      ? `add \`grand_parent:\` (${grandParents.map((g) => `\`${g}\``).join(' or ')}) to say which`
      : 'grand_parent does not tell them apart: add `ancestor:` with the title of a higher page, or rename one';
  report(page, 'parent', 'error', 'nav/ambiguous-parent', `\`parent: ${parent}\` matches ${list.length} pages: ${where}; Just the Docs lists this page under each of them; ${fix}. Placed under ${list[0]?.path ?? ''} for now`);
}

function describeParent(parent: string | undefined): string {
  return parent === undefined ? 'the top level' : `\`${parent}\``;
}

function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const match = closestMatch(wanted, candidates);
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
}

/** Reports pages that name each other as parents in a loop (strongly connected among unreachable pages). */
function reportCycles(
  titled: readonly Page[],
  candidates: ReadonlyMap<Page, Page[]>,
  reached: ReadonlyMap<Page, number>,
  failures: Map<Page, (lost: string) => void>,
  report: (page: Page, key: string, severity: Severity, rule: string, message: string) => void,
): void {
  const unreachable = titled.filter((page) => !reached.has(page) && candidates.has(page));
  const edges = (page: Page) => (candidates.get(page) ?? []).filter((c) => !reached.has(c) && candidates.has(c));
  for (const component of stronglyConnected(unreachable, edges)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    // Walk inside the component from its first member until a page repeats: that is a loop to show.
    const walk: Page[] = [];
    let at: Page | undefined = component[0];
    while (at !== undefined && !walk.includes(at)) {
      walk.push(at);
      at = edges(at).find((c) => members.has(c));
    }
    const loop = at === undefined ? walk : [...walk.slice(walk.indexOf(at)), at];
    const shown = loop.map((p) => `${p.path} (\`${titleOf(p) ?? ''}\`)`).join(' → ');
    for (const page of component) {
      failures.set(page, (lost) =>
        report(page, 'parent', 'error', 'nav/cycle', `parent titles form a loop that never reaches a top-level page: ${shown}; ${lost}`),
      );
    }
  }
}

/** Tarjan's algorithm; components come out with members in input order. */
function stronglyConnected(nodes: readonly Page[], edges: (page: Page) => Page[]): Page[][] {
  const index = new Map<Page, number>();
  const low = new Map<Page, number>();
  const stack: Page[] = [];
  const onStack = new Set<Page>();
  const order = new Map(nodes.map((node, i) => [node, i]));
  const result: Page[][] = [];
  let counter = 0;
  const visit = (node: Page): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: Page[] = [];
      let member: Page | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      result.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}

/** JtD shows a page titled like one of its ancestors as a looping `∞` link; say which ancestor. */
function reportTitlesLikeAncestors(
  roots: readonly NavNode[],
  placements: ReadonlyMap<Page, Placement>,
  report: (page: Page, key: string, severity: Severity, rule: string, message: string) => void,
): void {
  const pageOf = new Map<NavNode, Page>();
  for (const { page, node } of placements.values()) pageOf.set(node, page);
  const chain = new Map<string, NavNode[]>();
  const visit = (node: NavNode): void => {
    const same = chain.get(node.title);
    const ancestor = same?.[same.length - 1];
    const page = pageOf.get(node);
    if (ancestor !== undefined && page !== undefined) {
      report(page, 'title', 'error', 'nav/title-like-ancestor', `this page is titled \`${node.title}\` like its ancestor ${ancestor.path}; Just the Docs then shows a looping "∞" link in the nav instead of it and its children; rename one of them`);
    }
    push(chain, node.title, node);
    for (const child of node.children) visit(child);
    chain.get(node.title)?.pop();
  };
  for (const root of roots) visit(root);
}

/** What the author loses: the page and every page hanging below it stay out of the nav, though all are built. */
function leftOutNote(page: Page, childrenOf: ReadonlyMap<Page, Page[]>, placed: ReadonlyMap<Page, Placement>): string {
  const seen = new Set<Page>([page]);
  const queue = [page];
  for (let i = 0; i < queue.length; i++) {
    for (const child of childrenOf.get(queue[i]!) ?? []) {
      if (seen.has(child) || placed.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  const below = seen.size - 1;
  if (below === 0) return 'the page is still built but left out of the nav';
  return `the page and ${below} page${below === 1 ? '' : 's'} below it are still built but left out of the nav`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
