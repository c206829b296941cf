/** mdast nodes that render as note markup (see note-markup.ts for the markup itself). */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { anchorProperties, BACKREFS_ALL_CLASS, BACKREFS_CLASS, NUMBER_CLASS, refProperties } from './note-markup.js';
import type { RefPart } from './note-state.js';

type Properties = Record<string, string | string[]>;

/** An inline element the Markdown stage renders as-is (an emphasis node renamed), so later plugins see no link or text to rewrite. */
export function element(tagName: string, properties: Properties, children: PhrasingContent[], noteRef = false): PhrasingContent {
  return { type: 'emphasis', data: { hName: tagName, hProperties: properties, ...(noteRef ? { noteRef: true } : {}) }, children };
}

/** Whether a node is one of ours: a reference built by referenceNode, not to be read again. */
export function isNoteRefNode(node: { data?: unknown }): boolean {
  return (node.data as { noteRef?: boolean } | undefined)?.noteRef === true;
}

/** A block element built from a blockquote renamed, keeping its Markdown children for remark-rehype to convert. */
export function block(tagName: string, properties: Properties, children: readonly (BlockContent | RootContent)[]): BlockContent {
  return { type: 'blockquote', data: { hName: tagName, hProperties: properties }, children: children as BlockContent[] };
}

/** The nodes of a reference's parts; `cite` marks bracketed citations. */
export function partNodes(parts: readonly RefPart[], cite: boolean): PhrasingContent[] {
  return parts.map((part) => {
    if (part.kind === 'text') return { type: 'text', value: part.value };
    if (part.kind === 'anchor') return element('span', anchorProperties(part.id, cite), []);
    return element('a', refProperties(part.label, part.id, cite), [{ type: 'text', value: part.text }]);
  });
}

/** A `<sup>` reference: `<sup class="footnote-sup">` around its parts. */
export function supReferenceNode(parts: readonly RefPart[]): PhrasingContent {
  return element('sup', { className: ['footnote-sup'] }, partNodes(parts, false), true);
}

/** A note's number element: a link to its first reference, or a plain span. */
export function numberNode(id: string, children: PhrasingContent[], firstRefHref: string | undefined): PhrasingContent {
  return firstRefHref === undefined
    ? element('span', { className: [NUMBER_CLASS], dataFor: id }, children)
    : element('a', { className: [NUMBER_CLASS], dataFor: id, href: firstRefHref, role: 'doc-backlink' }, children);
}

/** A note's back links: one per citation when cited twice or more (or always, with `all`). */
export function backrefsNode(id: string, refHrefs: readonly string[], all: boolean): PhrasingContent {
  const links = refHrefs.length < (all ? 1 : 2) ? [] : refHrefs.flatMap((href, i): PhrasingContent[] => [
    { type: 'text', value: ' ' },
    element('a', { className: ['footnote-backref'], href, role: 'doc-backlink', ariaLabel: `Back to citation ${i + 1}` }, [
      { type: 'text', value: '↩' },
      ...(i === 0 ? [] : [element('sup', {}, [{ type: 'text', value: String(i + 1) }])]),
    ]),
  ]);
  return element('span', { className: all ? [BACKREFS_CLASS, BACKREFS_ALL_CLASS] : [BACKREFS_CLASS], dataFor: id }, links);
}
