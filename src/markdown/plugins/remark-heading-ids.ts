/** Placeholder: remark-heading-ids is being written. */
import type { Root } from 'mdast';

/** Placeholder transformer; leaves the tree as it is. */
export default function plugin() {
  return (_tree: Root) => {};
}
