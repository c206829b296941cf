/** Gives every heading kramdown's id (explicit `{#id}` or IAL id first, else auto_ids) and records the page's headings. */
import type { Heading as MdastHeading, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { nodeClasses } from '../attribute-list.js';
import { SKIP, walk } from '../walk.js';
import { createGfmIdGenerator, createKramdownIdGenerator } from '../kramdown-id.js';
import type { Heading } from '../page-data.js';
import { kramdownTypography } from './remark-typography.js';

export interface HeadingIdsOptions {
  /** Jekyll's `kramdown: input:`; `GFM` (Jekyll's default) strips markup before making ids and uses GFM ids outside HTML blocks. */
  input?: 'GFM' | 'kramdown';
  /** `kramdown: auto_ids:`; false leaves headings without an explicit id bare. */
  autoIds?: boolean;
}

// kramdown's HEADER_ID: ` {#id}` closing the header line, id an XML name.
const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*)\}$/;

/**
 * Sets `hProperties.id` on headings and fills `file.data.headings` in document order.
 * With GFM input (Jekyll's default) kramdown-parser-gfm names headings itself, but its pass skips
 * HTML elements, so headings inside `markdown="1"` blocks get kramdown's converter ids: two
 * algorithms and two repeat counters on one page, as the real sites show.
 */
export default function remarkHeadingIds(options: HeadingIdsOptions = {}) {
  const gfm = (options.input ?? 'GFM') === 'GFM';
  const autoIds = options.autoIds ?? true;
  return (tree: Root, file: VFile) => {
    const nextKramdownId = createKramdownIdGenerator();
    const nextGfmId = createGfmIdGenerator();
    const blocks = file.data.markdownBlocks ?? [];
    const source = String(file.value);
    const headings: Heading[] = [];
    walk<Nodes>(tree, (node) => {
      // Headings are blocks: nothing inside a paragraph or table can be one.
      if (node.type === 'paragraph' || node.type === 'table') return SKIP;
      if (node.type !== 'heading') return undefined;
      const raw = rawHeadingText(node, source);
      const explicit = HEADER_ID.exec(raw);
      if (explicit) stripTrailingId(node, explicit[0]);
      const data = (node.data ??= {});
      const properties = (data.hProperties ??= {});
      if (explicit && properties['id'] === undefined) properties['id'] = explicit[1]!;
      // kramdown counts only generated ids toward `-1`, `-2`…; explicit ones do not reserve a name.
      if (typeof properties['id'] !== 'string' && autoIds) {
        const line = node.position?.start.line ?? 0;
        const inBlock = blocks.some(([first, last]) => line >= first && line <= last);
        // The GFM parser sets auto_id_stripping: ids come from the heading's text, not its source.
        const text = gfm ? strippedText(node.children) : explicit ? raw.slice(0, explicit.index).trimEnd() : raw;
        properties['id'] = gfm && !inBlock ? nextGfmId(text) : nextKramdownId(text);
      }
      headings.push({
        depth: node.depth,
        id: typeof properties['id'] === 'string' ? properties['id'] : '',
        text: toString(node),
        noToc: nodeClasses(node).includes('no_toc'),
      });
      return SKIP;
    });
    file.data.headings = headings;
  };
}

/** kramdown-parser-gfm's update_raw_text: text, code and entity characters with typography applied; tags, images and notes add nothing. */
function strippedText(children: PhrasingContent[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text') text += kramdownTypography(child.value);
    else if (child.type === 'inlineCode') text += child.value;
    else if ('children' in child) text += strippedText(child.children);
  }
  return text;
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
