/** Placeholder: rehype-heading-anchors is being written. */
import type { Root } from 'hast';

/** Placeholder transformer; leaves the tree as it is. */
export default function plugin(_options?: { enabled?: boolean }) {
  return (_tree: Root) => {};
}
