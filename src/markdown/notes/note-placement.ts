/** Moving note paragraphs about: splitting stacked notes apart, gathering notes at the end of the page. */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { walk } from '../walk.js';
import { openerOf } from './markers.js';
import { block } from './note-nodes.js';

/**
 * Splits each paragraph of stacked notes (one per line) among a block container's children into one
 * paragraph per note, so each note is its own element with an id a reference can land on. kramdown splits
 * them only where an IAL line (`{: .fs-2}`) stands between; without one it prints a single paragraph
 * (kramdown 2.4, GFM and kramdown parsers alike). The split is Dossier's own; scripts/parity/FINDINGS.md
 * lists it among the deliberate differences.
 */
export function splitStackedNotes(parent: Parent): void {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (child?.type !== 'paragraph' || openerOf(child.children, false) === undefined) continue;
    const [head, ...tail] = splitParagraph(child);
    if (head !== undefined && tail.length > 0) parent.children.splice(i, 1, head, ...tail);
  }
}

function splitParagraph(node: Paragraph): Paragraph[] {
  const out: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  node.children.forEach((child, i) => {
    const previous = current[current.length - 1];
    const lineStart = previous === undefined || previous.type === 'break' || (previous.type === 'text' && /\n[ \t]*$/.test(previous.value));
    if (current.length > 0 && lineStart && openerOf(node.children.slice(i, i + 8), false) !== undefined) {
      if (previous?.type === 'text') current[current.length - 1] = { ...previous, value: previous.value.replace(/\s+$/, '') };
      out.push(paragraphOf(current, node));
      current = [];
    }
    current.push(child);
  });
  out.push(paragraphOf(current, node));
  return out;
}

function paragraphOf(children: PhrasingContent[], from: Paragraph): Paragraph {
  const start = children[0]?.position?.start;
  const end = children[children.length - 1]?.position?.end;
  const paragraph: Paragraph = { type: 'paragraph', children };
  if (from.data !== undefined) paragraph.data = structuredClone(from.data);
  if (start !== undefined && end !== undefined) paragraph.position = { start, end };
  return paragraph;
}

/** Placement `end`: moves the notes into one section at the end, dropping the `***` fences left empty. */
export function gatherAtEnd(tree: Root, notes: ReadonlySet<Paragraph>): void {
  const moved: Paragraph[] = [];
  walk<Nodes>(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    const kept: RootContent[] = [];
    let removed = false;
    for (const child of parent.children) {
      if (child.type === 'paragraph' && notes.has(child)) {
        moved.push(child);
        removed = true;
      } else if (child.type === 'thematicBreak' && removed && kept[kept.length - 1]?.type === 'thematicBreak') {
        kept.pop();
        removed = false;
      } else {
        kept.push(child);
        if (child.type !== 'thematicBreak') removed = false;
      }
    }
    parent.children = kept;
  });
  tree.children.push(block('section', { className: ['footnotes', 'footnotes-end'], role: 'doc-endnotes', ariaLabel: 'Notes' }, moved));
}
