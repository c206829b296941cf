/**
 * Notes in an extracted article, whatever the source wrote: a "Notes" / "References" heading with a
 * list or numbered paragraphs after it, or paragraphs opening with `<sup>N</sup>`. They leave the body
 * and become the article's notes; references in the body end up as bare `<sup>N</sup>`.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Article, ArticleBlock, ArticleNote } from './article.js';
import { NOTES_HEADING } from './infer-headings.js';
import { noteOpening, supNode } from './note-refs.js';

/** Moves the notes of `article.blocks` into `article.notes` and tidies references. */
export function collectNotes(article: Article): void {
  const kept: ArticleBlock[] = [];
  let inNotes = false;
  for (const block of article.blocks) {
    const node = block.node;
    if (node.type === 'heading') inNotes = NOTES_HEADING.test(block.text.trim());
    if (node.type === 'heading' && inNotes) continue;
    const notes = inNotes ? notesFromSection(node) : notesFromSupParagraph(node);
    if (notes.length > 0) article.notes.push(...notes);
    else if (!(inNotes && node.type === 'thematicBreak') && !isKramdownAttributeLine(block)) kept.push(block);
  }
  article.blocks = kept.filter((b, i) => b.node.type !== 'thematicBreak' || (i > 0 && i < kept.length - 1 && kept[i - 1]!.node.type !== 'thematicBreak'));
  for (const block of article.blocks) unwrapRefLinks(block.node);
}

/** A list or paragraph in a notes section: an ordered list counts from its start. */
function notesFromSection(node: RootContent): ArticleNote[] {
  if (node.type === 'list' && node.ordered === true) {
    return node.children.map((item, i) => {
      const paragraph: Paragraph = { type: 'paragraph', children: trimEnd(item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])).filter((c) => !isBackLink(c))) };
      return { number: (node.start ?? 1) + i, node: paragraph, text: toString(paragraph) };
    });
  }
  if (node.type === 'paragraph') {
    const sup = notesFromSupParagraph(node);
    if (sup.length > 0) return sup;
    const opening = noteOpening(toString(node));
    const first = node.children[0];
    if (opening !== undefined && first?.type === 'text') {
      const children = [{ ...first, value: first.value.replace(/^\s*(?:\[\d+\]|\d+[.)]?)\s+/, '') }, ...node.children.slice(1)];
      return [{ number: opening.number, node: { type: 'paragraph', children }, text: opening.rest }];
    }
  }
  return [];
}

/** `<sup>N</sup>. text` (the site's own form, also `<sup>N</sup> text`, `<sup>N.</sup> text`). */
function notesFromSupParagraph(node: RootContent): ArticleNote[] {
  if (node.type !== 'paragraph') return [];
  const [first, ...rest] = node.children;
  const number = first === undefined ? undefined : supNumber(first);
  if (number === undefined) return [];
  const head = rest[0];
  const children = head?.type === 'text' ? [{ ...head, value: head.value.replace(/^\.?\s*/, '') }, ...rest.slice(1)] : rest;
  const paragraph: Paragraph = { type: 'paragraph', children };
  return [{ number, node: paragraph, text: toString(paragraph) }];
}

/** The number of a `<sup>N</sup>` raw-HTML node. */
function supNumber(node: PhrasingContent): number | undefined {
  if (node.type !== 'html') return undefined;
  const match = /^<sup>\s*\[?(\d{1,3})\.?\]?\s*<\/sup>$/i.exec(node.value);
  return match === null ? undefined : Number(match[1]);
}

/** Kramdown's `{: .fs-2}` lines under notes are the site's styling, re-added when writing. */
function isKramdownAttributeLine(block: ArticleBlock): boolean {
  return block.node.type === 'paragraph' && /^\{:.*\}$/.test(block.text.trim());
}

/** Spacing left where a back link was cut would be written as `&#x20;`. */
function trimEnd(children: PhrasingContent[]): PhrasingContent[] {
  const last = children.at(-1);
  if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.trimEnd() };
  return children;
}

function isBackLink(node: PhrasingContent): boolean {
  return node.type === 'link' && /^[↩↑^]\uFE0E?$/.test(toString(node).trim());
}

/** `[<sup>1</sup>](#fn1)` from HTML becomes `<sup>1</sup>`: the site links notes itself. */
function unwrapRefLinks(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (child.type === 'link' && child.children.length === 1 && child.children[0] !== undefined) {
      const number = supNumber(child.children[0]);
      if (number !== undefined) return supNode(number);
    }
    unwrapRefLinks(child);
    return child;
  }) as typeof node.children;
}
