/** Records every element id on the rendered page, including ids written in raw HTML. */
import type { Nodes, Root } from 'hast';
import { walk } from '../walk.js';
import type { VFile } from 'vfile';

// Raw HTML stays a string (no rehype-raw, for speed), so its ids are read with a scan of the markup.
const RAW_ID = /<[A-Za-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Sets `file.data.ids` to the page's ids in document order, duplicates kept so `check` can report them. */
export default function rehypeCollectIds() {
  return (tree: Root, file: VFile) => {
    const ids: string[] = [];
    walk<Nodes>(tree, (node) => {
      if (node.type === 'element') {
        const id = node.properties['id'];
        if (typeof id === 'string' && id !== '') ids.push(id);
      } else if (node.type === 'raw' && node.value.includes('id')) {
        for (const match of node.value.matchAll(RAW_ID)) {
          const id = match[1] ?? match[2] ?? match[3];
          if (id) ids.push(id);
        }
      }
    });
    file.data.ids = ids;
  };
}
