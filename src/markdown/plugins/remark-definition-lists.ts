/**
 * kramdown definition lists: a paragraph whose later lines start with `: ` is a `<dl>`, its lines
 * before the first `: ` the terms (`<dt>`), each `: ` line a definition (`<dd>`) that runs on to the next
 * one. Lists separated only by blank lines are one list, as in kramdown. A definition after a blank
 * line (kramdown's `<dd><p>…</p></dd>`) is not handled.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

const DEFINITION = /^:[ \t]+/;

/** Splits a paragraph's inline content at its line breaks (newlines inside text nodes). */
function lines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const result: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      result[result.length - 1]!.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, i) => {
      if (i > 0) result.push([]);
      if (part !== '') result[result.length - 1]!.push({ type: 'text', value: part } satisfies Text);
    });
  }
  return result;
}

const startsDefinition = (line: readonly PhrasingContent[]) => line[0]?.type === 'text' && DEFINITION.test(line[0].value);

/** Inline content of several lines joined again with the newlines between them. */
function joined(group: PhrasingContent[][]): PhrasingContent[] {
  return group.flatMap((line, i) => (i === 0 ? line : [{ type: 'text', value: '\n' } satisfies Text, ...line]));
}

/** The `<dl>` a paragraph stands for, or undefined when it is no definition list. */
function definitionList(paragraph: Paragraph): Blockquote | undefined {
  const all = lines(paragraph.children);
  const first = all.findIndex(startsDefinition);
  if (first < 1) return undefined;
  const items: Paragraph[] = all.slice(0, first).map((term) => ({ type: 'paragraph', children: term, data: { hName: 'dt' } }));
  let current: PhrasingContent[][] = [];
  const flush = () => {
    if (current.length > 0) items.push({ type: 'paragraph', children: joined(current), data: { hName: 'dd' } });
    current = [];
  };
  for (const line of all.slice(first)) {
    if (startsDefinition(line)) {
      flush();
      const head = line[0] as Text;
      line[0] = { type: 'text', value: head.value.replace(DEFINITION, '') };
    }
    current.push(line);
  }
  flush();
  const list: Blockquote = { type: 'blockquote', children: items, data: { hName: 'dl' } };
  if (paragraph.position !== undefined) list.position = paragraph.position;
  return list;
}

const isDefinitionList = (node: RootContent | undefined): node is Blockquote => node?.type === 'blockquote' && node.data?.hName === 'dl';

/** Turns top-level definition-list paragraphs into `<dl>` elements and merges neighbouring lists. */
export default function remarkDefinitionLists() {
  return (tree: Root): void => {
    const children: RootContent[] = [];
    for (const node of tree.children) {
      const list = node.type === 'paragraph' ? definitionList(node) : undefined;
      const previous = children[children.length - 1];
      if (list !== undefined && isDefinitionList(previous)) previous.children.push(...list.children);
      else children.push(list ?? node);
    }
    tree.children = children;
  };
}
