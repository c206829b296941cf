/** Records each hand-numbered note's text, read from the finished hast tree, for previews on other chapter pages. */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import type { VFile } from 'vfile';
import { KRAMDOWN_LABEL_PREFIX } from '../notes/kramdown-notes.js';
import { BACKREFS_CLASS, CONTINUATION_CLASS, DEF_CLASS, NUMBER_CLASS } from '../notes/note-markup.js';
import { parseFragment, printHast } from '../notes/raw-html-notes.js';
import { SKIP, walk } from '../walk.js';

/** Sets `html` on each of `file.data.notes.defs`: the note's content without its number, back links or the `.` after the number. */
export default function rehypeNoteTexts() {
  return (tree: Root, file: VFile) => {
    const defs = file.data.notes?.defs;
    if (defs === undefined || defs.length === 0) return;
    const texts = new Map<string, ElementContent[]>();
    const collect = (root: Root) =>
      walk<Nodes>(root, (node) => {
        if (node.type === 'raw' && node.value.includes(DEF_CLASS)) collect(parseFragment(node.value));
        if (node.type !== 'element') return undefined;
        const id = hasClass(node, DEF_CLASS) ? node.properties['id'] : hasClass(node, CONTINUATION_CLASS) ? node.properties['dataFor'] : undefined;
        if (typeof id !== 'string') return undefined;
        const before = texts.get(id);
        const content = noteContent(node);
        // A note's further paragraphs keep their own paragraphs; a one-paragraph note is bare text.
        texts.set(id, before === undefined ? content : [...wrapped(before), { ...node, properties: {}, children: content }]);
        return SKIP;
      });
    collect(tree);
    for (const def of defs) {
      const content = texts.get(def.id);
      if (content !== undefined && !def.label.startsWith(KRAMDOWN_LABEL_PREFIX)) def.html = printHast(content).trim();
    }
  };
}

/** Asked of every element of the page, so it makes no class list. */
function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.some((c) => String(c) === name);
}

function classList(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function wrapped(content: ElementContent[]): ElementContent[] {
  return content.length === 1 && content[0]?.type === 'element' && content[0].tagName === 'p' ? content : [{ type: 'element', tagName: 'p', properties: {}, children: content }];
}

/** A note element's children without its number and back links; a list item's single paragraph is unwrapped. */
function noteContent(node: Element): ElementContent[] {
  const kept = withoutMarkers(node.children);
  const first = kept.findIndex((c) => !(c.type === 'text' && c.value.trim() === ''));
  const lead = kept[first];
  if (lead?.type === 'text') kept[first] = { ...lead, value: lead.value.replace(/^[\s.:)\]]+/, '') };
  const blocks = kept.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return blocks.length === 1 && blocks[0]?.type === 'element' && blocks[0].tagName === 'p' ? blocks[0].children : kept;
}

function withoutMarkers(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    const classes = classList(child);
    if (classes.includes(NUMBER_CLASS) || classes.includes(BACKREFS_CLASS)) return [];
    return [{ ...child, children: withoutMarkers(child.children) }];
  });
}
