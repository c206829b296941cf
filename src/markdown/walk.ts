/**
 * The tree walk every plugin of ours uses. unist-util-visit allocates a parent list per node and
 * is the hottest loop of a cold build (about a third of our plugins' time), so this walk
 * allocates nothing: depth first, children read live so visitors may splice their parent.
 */

/** Return from a visitor to leave the node's children unvisited. */
export const SKIP = Symbol('skip');

/**
 * What a visitor returns: nothing (go on, into the children), `SKIP`, or the index in the
 * parent's children to continue at after the visitor replaced or removed nodes there (the
 * node's own children are not visited then either).
 */
export type WalkResult = void | typeof SKIP | number;

interface Tree {
  type: string;
  children?: readonly Tree[];
}

/** A node of `N` that has children (mdast `Parent`, hast `Element`/`Root`). */
export type ParentOf<N> = Extract<N, { children: unknown }>;

/** Visits `tree` and every descendant in document order, as `N` (mdast `Nodes`, hast `Nodes`). */
export function walk<N>(tree: N, visitor: (node: N, index: number | undefined, parent: ParentOf<N> | undefined) => WalkResult): void {
  const visit = visitor as unknown as (node: Tree, index: number | undefined, parent: Tree | undefined) => WalkResult;
  const into = (parent: Tree): void => {
    const children = parent.children;
    if (children === undefined) return;
    let i = 0;
    while (i < children.length) {
      const child = children[i] as Tree;
      const result = visit(child, i, parent);
      if (typeof result === 'number') {
        i = result;
        continue;
      }
      if (result !== SKIP && child.children !== undefined) into(child);
      i++;
    }
  };
  const root = tree as unknown as Tree;
  if (visit(root, undefined, undefined) === undefined) into(root);
}
