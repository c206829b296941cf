/** Replaces the first list marked `{:toc}` with the page's table of contents, built exactly as kramdown builds it. */
import type { List, ListItem, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { SKIP, walk } from '../walk.js';
import { nodeClasses } from '../attribute-list.js';

interface Entry {
  depth: number;
  id: string;
  children: PhrasingContent[];
}

interface StackItem {
  depth: number;
  item: ListItem;
  sublist: List;
}

/** Swaps a `{:toc}` list for `<ol|ul id="markdown-toc">` entries linking `#id` with ids `markdown-toc-id`. */
export default function remarkKramdownToc(options: { tocLevels?: number[] } = {}) {
  const levels = new Set(options.tocLevels ?? [1, 2, 3, 4, 5, 6]);
  return (tree: Root) => {
    let toc: { list: List; parent: Parent; index: number } | undefined;
    const entries: Entry[] = [];
    walk<Nodes>(tree, (node, index, parent) => {
      if (node.type === 'list' && toc === undefined && parent !== undefined && index !== undefined && node.data?.kramdownRefs?.includes('toc')) {
        toc = { list: node, parent, index };
        return SKIP;
      }
      // Headings and lists are blocks: nothing inside a paragraph or table can be one.
      if (node.type === 'paragraph' || node.type === 'table') return SKIP;
      if (node.type === 'heading') {
        const id = node.data?.hProperties?.['id'];
        // A heading whose GFM id came out empty is listed (href `#`) but kramdown prints no empty id attribute.
        if (id === '') delete node.data?.hProperties?.['id'];
        if (typeof id === 'string' && levels.has(node.depth) && !nodeClasses(node).some((name) => /\bno_toc\b/.test(name))) {
          entries.push({ depth: node.depth, id, children: node.children });
        }
        return SKIP;
      }
      return undefined;
    });
    if (toc === undefined) return;
    const { list, parent, index } = toc;
    if (entries.length === 0) {
      parent.children.splice(index, 1);
      return;
    }
    parent.children.splice(index, 1, buildToc(entries, list) as RootContent);
  };
}

/** kramdown's generate_toc_tree: a stack of open items, each new entry nested under the last shallower one. */
function buildToc(entries: Entry[], original: List): List {
  const properties = { ...(original.data?.hProperties ?? {}) };
  const listId = typeof properties['id'] === 'string' ? properties['id'] : 'markdown-toc';
  properties['id'] = listId;
  const ordered = original.ordered === true;
  const root = newList(ordered);
  root.data = { hProperties: properties };
  const stack: StackItem[] = [];
  for (const entry of entries) {
    const sublist = newList(ordered);
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: `#${entry.id}`,
              children: tocEntryText(entry.children),
              // kramdown writes the id into href as is; the URL normaliser would percent-encode non-ASCII ids.
              data: { hProperties: { href: `#${entry.id}`, id: `${listId}-${entry.id}` } },
            },
          ],
        },
        sublist,
      ],
    };
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        root.children.push(item);
        break;
      }
      if (top.depth < entry.depth) {
        top.sublist.children.push(item);
        break;
      }
      stack.pop();
    }
    stack.push({ depth: entry.depth, item, sublist });
  }
  pruneEmptySublists(root);
  return root;
}

function newList(ordered: boolean): List {
  return { type: 'list', ordered, start: null, spread: false, children: [] };
}

function pruneEmptySublists(list: List): void {
  for (const item of list.children) {
    const last = item.children[item.children.length - 1];
    if (last?.type !== 'list') continue;
    if (last.children.length === 0) item.children.pop();
    else pruneEmptySublists(last);
  }
}

/** A deep copy of the heading's inline content with links unwrapped and footnote references removed, as kramdown's fix_for_toc_entry. */
function tocEntryText(children: PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type === 'footnoteReference') continue;
    if (child.type === 'link' || child.type === 'linkReference') {
      result.push(...tocEntryText(child.children));
      continue;
    }
    const copy = structuredClone(child);
    if ('children' in copy) copy.children = tocEntryText(copy.children as PhrasingContent[]) as typeof copy.children;
    result.push(copy);
  }
  return result;
}
