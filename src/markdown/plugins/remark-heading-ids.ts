/** Gives every heading kramdown's id (explicit `{#id}` or IAL id first, else auto_ids) and records the page's headings. */
import type { Heading as MdastHeading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { nodeClasses } from '../attribute-list.js';
import { createKramdownIdGenerator } from '../kramdown-id.js';
import type { Heading } from '../page-data.js';

// kramdown's HEADER_ID: ` {#id}` closing the header line, id an XML name.
const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*)\}$/;

/** Sets `hProperties.id` on headings and fills `file.data.headings` in document order. */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const nextId = createKramdownIdGenerator();
    const source = String(file.value);
    const headings: Heading[] = [];
    visit(tree, 'heading', (node: MdastHeading) => {
      let raw = rawHeadingText(node, source);
      const explicit = HEADER_ID.exec(raw);
      if (explicit) {
        raw = raw.slice(0, explicit.index).trimEnd();
        stripTrailingId(node, explicit[0]);
      }
      const data = (node.data ??= {});
      const properties = (data.hProperties ??= {});
      if (explicit && properties['id'] === undefined) properties['id'] = explicit[1]!;
      // kramdown counts only generated ids toward `-1`, `-2`…; explicit ones do not reserve a name.
      if (typeof properties['id'] !== 'string') properties['id'] = nextId(raw);
      headings.push({
        depth: node.depth,
        id: properties['id'] as string,
        text: toString(node),
        noToc: nodeClasses(node).includes('no_toc'),
      });
    });
    file.data.headings = headings;
  };
}

/** The heading's source text between its markers, as kramdown's raw_text: link URLs and tags included. */
function rawHeadingText(node: MdastHeading, source: string): string {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return toString(node);
  return source.slice(first, last).trim();
}

function stripTrailingId(node: MdastHeading, suffix: string): void {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') return;
  const text: Text = last;
  if (text.value.trimEnd().endsWith(suffix.trim())) {
    text.value = text.value.trimEnd().slice(0, -suffix.trim().length).trimEnd();
    if (text.value === '') node.children.pop();
  }
}
