/** Applies kramdown attribute lists (block IALs, ALDs, span IALs) to the mdast nodes kramdown would apply them to. */
import type { Html, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { ALD_LINE, applyAttributeList, BLOCK_IAL_LINE, parseAttributeList, type AttributeList } from '../attribute-list.js';
import type { KramdownAttributeList } from '../attribute-list-syntax.js';
import { BLANK_MARKER } from '../preprocess-kramdown.js';
import { walk } from '../walk.js';

/** An attribute-list node of the tree, with where it stands. */
interface Marker {
  node: KramdownAttributeList;
  parent: Parent;
  index: number;
  kind: 'ial' | 'ald';
  /** The attribute list line as the author wrote it. */
  line: string;
}

const BLANK_LINES = new RegExp(`${BLANK_MARKER}\n?`, 'g');
// The attribute list on an attribute-list line that raw HTML swallowed, with whatever came before it kept.
const SWALLOWED = /\{:.*$/;
const SPAN_IAL = /\{:(?![:/])((?:\\\}|[^}])+)\}/g;
// Names kramdown itself reads from a list's references instead of looking up a definition.
const SPECIAL_REFS = new Set(['toc', 'footnotes']);

/** Attaches `{: … }` lists to the block before (no blank line between) or after them, and warns about malformed ones. */
export default function remarkKramdownIal() {
  return (tree: Root, file: VFile) => {
    const markers: Marker[] = [];
    const spanTexts: { node: Text; parent: Parent; index: number }[] = [];
    const rawHtml: Html[] = [];
    collect(tree, markers, spanTexts, rawHtml);
    cleanRawHtml(rawHtml, swallowedLines(file.data.attributeListLines ?? [], markers));
    const trailing = file.data.trailingIals ?? [];
    if (markers.length === 0 && spanTexts.length === 0 && trailing.length === 0) return;

    const definitions = new Map<string, AttributeList>();
    for (const marker of markers) {
      const ald = marker.kind === 'ald' ? ALD_LINE.exec(marker.line) : null;
      if (ald) {
        const list = parseAttributeList(ald[2]!);
        definitions.set(ald[1]!, list);
        warnIfMalformed(file, markerPlace(marker.node), marker.line, list, undefined);
      }
    }

    // Block IALs in document order: the attribute-list nodes and those the preprocessor took out of the text.
    // An IAL directly under another IAL shares its target; an IAL after a blank line waits for the next block.
    const targets = new Map<KramdownAttributeList, Nodes | undefined>();
    const endingOn = new Map<number, RootContent>();
    if (trailing.length > 0) for (const child of tree.children) if (child.position !== undefined) endingOn.set(child.position.end.line, child);
    let next = 0;
    const applyTrailingBefore = (line: number) => {
      for (; next < trailing.length && trailing[next]!.line < line; next++) {
        const ial = trailing[next]!;
        const target = endingOn.get(ial.target);
        applyBlockList(ial.text, { line: ial.line, column: ial.column }, target);
      }
    };
    const applyBlockList = (text: string, place: Point, target: Nodes | undefined) => {
      const list = parseAttributeList(BLOCK_IAL_LINE.exec(text)?.[1] ?? '');
      warnIfMalformed(file, place, text, list, definitions);
      if (target !== undefined && target.type !== 'html') applyAttributeList(target, list, definitions);
    };
    for (const marker of markers) {
      if (marker.kind !== 'ial' || !BLOCK_IAL_LINE.test(marker.line)) continue;
      const place = markerPlace(marker.node);
      applyTrailingBefore(place.line);
      const target = findTarget(marker, targets);
      targets.set(marker.node, target);
      applyBlockList(marker.line, place, target);
    }
    applyTrailingBefore(Infinity);

    for (const { node, parent, index } of spanTexts) applySpanLists(node, parent, index, definitions, file);

    removeMarkers(markers);
  };
}

function collect(tree: Root, markers: Marker[], spanTexts: { node: Text; parent: Parent; index: number }[], rawHtml: Html[]): void {
  walk<Nodes>(tree, (child, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    if (child.type === 'kramdownAttributeList') {
      markers.push({ node: child, parent, index, kind: ALD_LINE.test(child.value) ? 'ald' : 'ial', line: child.value });
    } else if (child.type === 'html') {
      rawHtml.push(child);
    } else if (child.type === 'text') {
      if (child.value.includes('{:')) spanTexts.push({ node: child, parent, index });
    }
    return undefined;
  });
}

function findTarget(marker: Marker, targets: Map<KramdownAttributeList, Nodes | undefined>): Nodes | undefined {
  const siblings = marker.parent.children;
  const previous = siblings[marker.index - 1];
  const line = marker.node.position?.start.line ?? 0;
  if (previous !== undefined && previous.position !== undefined && previous.position.end.line === line - 1) {
    if (previous.type !== 'kramdownAttributeList') return previous;
    if (targets.has(previous)) return targets.get(previous);
  }
  for (let i = marker.index + 1; i < siblings.length; i++) {
    const next = siblings[i]!;
    if (next.type !== 'kramdownAttributeList') return next;
  }
  return undefined;
}

/** Attribute-list lines the parser read as part of raw HTML (a block the preprocessor did not see end), in order. */
function swallowedLines(lines: readonly number[], markers: readonly Marker[]): number[] {
  if (lines.length === markers.length) return [];
  const read = new Set(markers.map((marker) => marker.node.position?.start.line));
  return lines.filter((line) => !read.has(line));
}

/** Takes the blank-line markers and swallowed attribute lists out of raw HTML: they have no block to attach to, but must not reach the page. */
function cleanRawHtml(rawHtml: readonly Html[], swallowed: readonly number[]): void {
  let next = 0;
  for (const node of rawHtml) {
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? 0;
    while (next < swallowed.length && swallowed[next]! < start) next++;
    if (next < swallowed.length && swallowed[next]! <= end) {
      const from = next;
      while (next < swallowed.length && swallowed[next]! <= end) next++;
      node.value = withoutLines(node.value, start, new Set(swallowed.slice(from, next)));
    }
    if (node.value.includes(BLANK_MARKER)) node.value = node.value.replace(BLANK_LINES, '');
  }
}

/** `value` (starting on line `start`) with the attribute list and line end of each line in `lines` removed. */
function withoutLines(value: string, start: number, lines: ReadonlySet<number>): string {
  const parts = value.split('\n');
  let result = '';
  parts.forEach((part, i) => {
    const match = lines.has(start + i) ? SWALLOWED.exec(part) : null;
    if (match) result += part.slice(0, match.index);
    else result += i < parts.length - 1 ? `${part}\n` : part;
  });
  return result;
}

function markerPlace(node: KramdownAttributeList): Point {
  return node.position?.start ?? { line: 1, column: 1 };
}

function warnIfMalformed(file: VFile, place: Point, line: string, list: AttributeList, definitions: ReadonlyMap<string, AttributeList> | undefined): void {
  const problems: string[] = [];
  if (list.ignored.length > 0) problems.push(`ignored ${list.ignored.map((part) => `\`${part}\``).join(', ')}`);
  if (definitions !== undefined) {
    for (const ref of list.refs) {
      if (SPECIAL_REFS.has(ref) || definitions.has(ref)) continue;
      problems.push(`\`${ref}\` names no attribute list definition (did you mean \`.${ref}\`?)`);
    }
  }
  if (problems.length === 0) return;
  file.message(`Malformed attribute list \`${line}\`: ${problems.join('; ')}`, {
    place,
    ruleId: 'malformed-ial',
    source: 'kramdown',
  });
}

function applySpanLists(node: Text, parent: Parent, index: number, definitions: ReadonlyMap<string, AttributeList>, file: VFile): void {
  const previous: RootContent | undefined = parent.children[index - 1];
  node.value = node.value.replace(SPAN_IAL, (whole: string, content: string, offset: number) => {
    const list = parseAttributeList(content);
    const ownLine = (offset === 0 || node.value[offset - 1] === '\n') && /^[ \t]*(\n|$)/.test(node.value.slice(offset + whole.length));
    if (offset === 0 && previous !== undefined && previous.type !== 'text' && previous.type !== 'break') {
      applyAttributeList(previous, list, definitions);
    } else if (ownLine && parent.type === 'paragraph' && (offset > 0 || index > 0)) {
      // A block IAL kept inside a paragraph by a container the preprocessor leaves alone.
      applyAttributeList(parent, list, definitions);
    } else {
      file.message(`Attribute list \`${whole}\` follows plain text, so it applies to nothing; it was removed`, {
        place: node.position?.start ?? { line: 1, column: 1 },
        ruleId: 'misplaced-ial',
        source: 'kramdown',
      });
    }
    return '';
  });
  if (node.value.endsWith('\n')) node.value = node.value.trimEnd();
}

function removeMarkers(markers: Marker[]): void {
  const byParent = new Map<Parent, Set<RootContent>>();
  for (const marker of markers) {
    let set = byParent.get(marker.parent);
    if (!set) byParent.set(marker.parent, (set = new Set()));
    set.add(marker.node);
  }
  for (const [parent, set] of byParent) parent.children = parent.children.filter((child) => !set.has(child));
}
