/**
 * The one place that knows what note markup looks like: the Markdown stage writes it with these
 * functions, and the cross-chapter linker reads and rewrites it with readNoteMarkup. A round-trip
 * test (tests/footnotes/note-markup.test.ts) holds the two sides together.
 */
import { decodeEntities, escapeHtml } from '../../html-text.js';

/** Class of a reference link (`<a class="footnote-ref">`). */
export const REF_CLASS = 'footnote-ref';
/** Extra class of a bracketed `[N]` citation: linked only when its essay has a numbered reference list. */
export const CITE_CLASS = 'footnote-cite';
/** Class of the empty anchor standing for a number inside a cited range (`7–9` cites 8). */
export const ANCHOR_CLASS = 'footnote-anchor';
/** Class of the element that holds a note. */
export const DEF_CLASS = 'footnote-def';
/** Class of a further paragraph of a note that runs over several paragraphs. */
export const CONTINUATION_CLASS = 'footnote-cont';
/** Class of a note's number element. */
export const NUMBER_CLASS = 'footnote-number';
/** Class of the list of back links a note ends with. */
export const BACKREFS_CLASS = 'footnote-backrefs';
/** Extra class of a back-link list shown even for a single citation (notes whose number is not a link: list items). */
export const BACKREFS_ALL_CLASS = 'footnote-backrefs-all';

/** Id of the note labelled `label` (`7`, or `t2:7` for a table's own notes). */
export function noteId(label: string): string {
  return `fn-${label.replace(':', '-')}`;
}

/** First id a reference to `label` gets on a page. */
export function refId(label: string): string {
  return `fnref-${label.replace(':', '-')}`;
}

/** The properties of a reference link to note `label`, in the order they are written. */
export function refProperties(label: string, id: string, cite: boolean): Record<string, string | string[]> {
  return { href: `#${noteId(label)}`, id, className: cite ? [REF_CLASS, CITE_CLASS] : [REF_CLASS], role: 'doc-noteref' };
}

/** The properties of the empty anchor of a number inside a range. */
export function anchorProperties(id: string, cite: boolean): Record<string, string | string[]> {
  return { id, className: cite ? [ANCHOR_CLASS, CITE_CLASS] : [ANCHOR_CLASS] };
}

/** The element holding a note's number: a link back to its first reference, or plain when nothing cites it. */
export function noteNumberHtml(id: string, inner: string, firstRefHref: string | undefined): string {
  return firstRefHref === undefined
    ? `<span class="${NUMBER_CLASS}" data-for="${id}">${inner}</span>`
    : `<a class="${NUMBER_CLASS}" data-for="${id}" href="${escapeHtml(firstRefHref)}" role="doc-backlink">${inner}</a>`;
}

/** The "↩" links a note ends with: empty unless cited twice (the number links to the first), or always with `all`. */
export function noteBackrefsHtml(id: string, refHrefs: readonly string[], all = false): string {
  const links =
    refHrefs.length < (all ? 1 : 2)
      ? ''
      : refHrefs.map((href, i) => ` <a class="footnote-backref" href="${escapeHtml(href)}" role="doc-backlink" aria-label="Back to citation ${i + 1}">↩${i === 0 ? '' : `<sup>${i + 1}</sup>`}</a>`).join('');
  return `<span class="${BACKREFS_CLASS}${all ? ` ${BACKREFS_ALL_CLASS}` : ''}" data-for="${id}">${links}</span>`;
}

/** One piece of note markup found in a page's HTML, with what it links to now. */
export type NoteMarkup =
  | { kind: 'ref'; id: string; cite: boolean; text: string; href: string }
  | { kind: 'anchor'; id: string; cite: boolean }
  | { kind: 'number'; id: string; inner: string; href: string | undefined }
  | { kind: 'backrefs'; id: string; all: boolean; hrefs: string[] }
  | { kind: 'def'; id: string; classes: string; classFirst: boolean }
  | { kind: 'kramdown'; attribute: 'id' | 'href'; value: string };

/**
 * Every piece of markup the writers above produce, in one pattern: a reference link (groups 1–4),
 * a range anchor (5–6), a number element (7–10), a back-link list (11–13), a note's id and classes (14–15),
 * a kramdown note's id or link (16–17), a note's classes and id when an attribute list put the class first (18–19).
 * References hold only their number.
 */
const NOTE_MARKUP = new RegExp(
  [
    '<a href="([^"]*)" id="([^"]*)" class="footnote-ref( footnote-cite)?" role="doc-noteref">([^<]*)</a>',
    '<span id="([^"]*)" class="footnote-anchor( footnote-cite)?"></span>',
    '<(a|span) class="footnote-number" data-for="([^"]*)"(?: href="([^"]*)" role="doc-backlink")?>([\\s\\S]*?)</\\7>',
    '<span class="footnote-backrefs( footnote-backrefs-all)?" data-for="([^"]*)">((?:[^<]|<(?!/span>))*)</span>',
    ' id="([^"]*)" class="((?:[^"]* )?footnote-def(?: [^"]*)?)"',
    ' (id|href)="#?(fn(?:ref)?:[^"]*)"',
    ' class="((?:[^"]* )?footnote-def(?: [^"]*)?)" id="([^"]*)"',
  ].join('|'),
  'g',
);

/** Rewrites each piece of note markup in `html` with what `rewrite` returns for it (undefined: keep as is). */
export function rewriteNoteMarkup(html: string, rewrite: (found: NoteMarkup) => string | undefined): string {
  return html.replace(NOTE_MARKUP, (whole: string, ...g: Array<string | undefined>) => rewrite(markupOf(g)) ?? whole);
}

function markupOf(g: ReadonlyArray<string | undefined>): NoteMarkup {
  const [refHref, refIdFound, refCite, refText, anchorId, anchorCite, , numberId, numberHref, numberInner, backAll, backId, backInner, defId, defClasses, kramdownAttribute, kramdownValue, firstClasses, lastId] = g;
  if (refIdFound !== undefined) return { kind: 'ref', id: refIdFound, cite: refCite !== undefined, text: refText ?? '', href: decodeEntities(refHref ?? '') };
  if (anchorId !== undefined) return { kind: 'anchor', id: anchorId, cite: anchorCite !== undefined };
  if (numberId !== undefined) return { kind: 'number', id: numberId, inner: numberInner ?? '', href: numberHref === undefined ? undefined : decodeEntities(numberHref) };
  if (defId !== undefined) return { kind: 'def', id: defId, classes: defClasses ?? '', classFirst: false };
  if (lastId !== undefined) return { kind: 'def', id: lastId, classes: firstClasses ?? '', classFirst: true };
  if (kramdownAttribute !== undefined) return { kind: 'kramdown', attribute: kramdownAttribute === 'id' ? 'id' : 'href', value: kramdownValue ?? '' };
  const hrefs = [...(backInner ?? '').matchAll(/ href="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
  return { kind: 'backrefs', id: backId ?? '', all: backAll !== undefined, hrefs };
}

/** A reference link to `href`, or an unlinked but visible reference (`footnote-missing`) when there is none. */
export function refHtml(id: string, text: string, href: string | undefined, cite: boolean): string {
  const classes = `${REF_CLASS}${cite ? ` ${CITE_CLASS}` : ''}`;
  return href === undefined
    ? `<a id="${id}" class="${classes} footnote-missing" role="doc-noteref">${text}</a>`
    : `<a href="${escapeHtml(href)}" id="${id}" class="${classes}" role="doc-noteref">${text}</a>`;
}

/** A note element's id and classes as written. */
export function defAttributesHtml(id: string, classes: string, classFirst: boolean): string {
  return classFirst ? ` class="${classes}" id="${id}"` : ` id="${id}" class="${classes}"`;
}

/** A kramdown note's id, or its link to another (`#fn:1`), as written. */
export function kramdownAttributeHtml(attribute: 'id' | 'href', value: string): string {
  return ` ${attribute}="${attribute === 'href' ? '#' : ''}${value}"`;
}

/** A range anchor as written. */
export function anchorHtml(id: string, cite: boolean): string {
  return `<span id="${id}" class="${ANCHOR_CLASS}${cite ? ` ${CITE_CLASS}` : ''}"></span>`;
}
