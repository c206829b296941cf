/** kramdown `[^name]` footnotes as kramdown renders them: numbered by first reference, listed at the end. */
import type { BlockContent, FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { SKIP, walk } from '../walk.js';
import { block, element } from './note-nodes.js';
import type { NoteState } from './note-state.js';

/** Prefix of the labels of kramdown `[^name]` notes in page data: they are page-local, never linked across chapters. */
export const KRAMDOWN_LABEL_PREFIX = '^';

/** kramdown footnotes: numbered by first reference, ids `fn:name` / `fnref:name` / `fnref:name:1`, listed at the end. */
export function convertKramdownNotes(tree: Root, state: NoteState): RootContent | undefined {
  const definitions = new Map<string, FootnoteDefinition>();
  walk<Nodes>(tree, (node, index, parent) => {
    // Definitions are blocks: nothing inside a paragraph, heading or table can be one.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return SKIP;
    if (node.type !== 'footnoteDefinition') return undefined;
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  const order: FootnoteDefinition[] = [];
  // Each cited definition's number (1-based), so a reference finds it without searching `order`.
  const numbers = new Map<FootnoteDefinition, number>();
  const backrefs = new Map<FootnoteDefinition, string[]>();
  walk<Nodes>(tree, (node, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    if (node.type === 'text' && node.value.includes('[^')) {
      // remark-gfm leaves a reference without definition as text, as kramdown does; record it so `check` can report it.
      for (const m of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const offset = node.value.slice(0, m.index).split('\n');
        const line = (node.position?.start.line ?? 1) + offset.length - 1;
        const column = offset.length > 1 ? (offset[offset.length - 1]?.length ?? 0) + 1 : (node.position?.start.column ?? 1) + m.index;
        state.refs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${m[1] ?? ''}`, id: '', line, column });
      }
      return;
    }
    if (node.type !== 'footnoteReference') return;
    const definition = definitions.get(node.identifier);
    if (definition === undefined) return;
    if (!numbers.has(definition)) numbers.set(definition, order.push(definition));
    const name = definition.label ?? definition.identifier;
    const ids = backrefs.get(definition) ?? [];
    const id = ids.length === 0 ? `fnref:${name}` : `fnref:${name}:${ids.length}`;
    ids.push(id);
    backrefs.set(definition, ids);
    state.used.add(id);
    const place = node.position?.start;
    state.refs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${name}`, id, line: place?.line ?? 1, column: place?.column ?? 1 });
    const link = element('a', { href: `#fn:${name}`, className: ['footnote', 'footnote-ref'], rel: ['footnote'] }, [{ type: 'text', value: String(numbers.get(definition)) }]);
    (parent as Parent).children.splice(index, 1, element('sup', { id, role: 'doc-noteref' }, [link]));
    return index + 1;
  });
  for (const definition of definitions.values()) {
    const name = definition.label ?? definition.identifier;
    const used = numbers.has(definition);
    const place = definition.position?.start;
    // kramdown drops notes nobody cites; they are still recorded (without an id) so `check` can report them.
    // No text: a kramdown note is cited only on its own page, whose previews read it from the page itself.
    state.defs.push({ label: `${KRAMDOWN_LABEL_PREFIX}${name}`, id: used ? `fn:${name}` : '', line: place?.line ?? 1, column: place?.column ?? 1, html: '' });
  }
  if (order.length === 0) return undefined;
  const items = order.map((definition) => {
    const name = definition.label ?? definition.identifier;
    const links: PhrasingContent[] = (backrefs.get(definition) ?? []).flatMap((id, i) => [
      { type: 'text' as const, value: ' ' },
      element('a', { href: `#${id}`, className: ['reversefootnote'], role: 'doc-backlink' }, [
        { type: 'text', value: '↩' },
        ...(i === 0 ? [] : [element('sup', {}, [{ type: 'text', value: String(i + 1) }])]),
      ]),
    ]);
    const children: BlockContent[] = [...(definition.children as BlockContent[])];
    const last = children[children.length - 1];
    if (last?.type === 'paragraph') children[children.length - 1] = { ...last, children: [...last.children, ...links] };
    else children.push({ type: 'paragraph', children: links });
    state.used.add(`fn:${name}`);
    return block('li', { id: `fn:${name}`, role: 'doc-endnote' }, children);
  });
  return block('div', { className: ['footnotes'], role: 'doc-endnotes' }, [block('ol', {}, items)]);
}
