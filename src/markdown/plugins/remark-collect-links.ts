/** Records every link and embedded resource of a page, with its Markdown position, for `dossier check`. */
import type { Definition, Html, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { decodeEntities } from '../../html-text.js';
import { walk } from '../walk.js';
import type { PageLink } from '../page-data.js';

/** A URL found in raw HTML, at a 0-based offset into the scanned text. */
export interface HtmlLink {
  href: string;
  element: string;
  /** Offset of the attribute's name in the scanned text. */
  offset: number;
}

/** Which attributes of which elements point at another resource. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  script: ['src'],
  input: ['src'],
  object: ['data'],
};

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Collects `href`/`src`/`srcset`… URLs from raw HTML, skipping comments and style/script contents. */
export function scanHtmlLinks(html: string): HtmlLink[] {
  // Blank out what is not markup but keep every offset, so positions stay exact.
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)|(<(style|script)\b[^>]*>)([\s\S]*?)(?=<\/\2\s*>|$)/gi, (match, open?: string) =>
    open === undefined ? blank(match) : open + blank(match.slice(open.length)),
  );
  const out: HtmlLink[] = [];
  for (const tag of text.matchAll(TAG)) {
    const element = tag[1]!.toLowerCase();
    const wanted = URL_ATTRIBUTES[element];
    const attributes = tag[2];
    if (wanted === undefined || attributes === undefined) continue;
    const attributesStart = tag.index + 1 + tag[1]!.length;
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      if (!wanted.includes(name)) continue;
      const raw = attribute[2] ?? attribute[3] ?? attribute[4];
      if (raw === undefined) continue;
      const offset = attributesStart + attribute.index;
      const value = decodeEntities(raw).trim();
      if (name === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url !== undefined && url !== '') out.push({ href: url, element, offset });
        }
      } else {
        out.push({ href: value, element, offset });
      }
    }
  }
  return out;
}

/** Line and column (1-based) of `offset` in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** unified plugin: fills `file.data.links` with every link, image and raw-HTML URL of the page. */
export default function remarkCollectLinks() {
  return (tree: Root, file: VFile) => {
    const links: PageLink[] = [];
    const definitions = new Map<string, Definition>();
    // References may come before their definitions: they are resolved once the walk has seen every definition.
    const references: Array<{ at: number; identifier: string; line: number; column: number; element: string }> = [];
    let sourceLines: string[] | undefined;
    const lineText = (line: number) => (sourceLines ??= String(file.value).split('\n'))[line - 1] ?? '';

    walk<Nodes>(tree, (node) => {
      const start = node.position?.start;
      // Nodes made by earlier plugins (TOC entries, note links) have no source position and point inside the site by design.
      if (start === undefined) return;
      switch (node.type) {
        case 'definition':
          if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
          break;
        case 'link':
        case 'image':
          links.push({ href: node.url, line: start.line, column: start.column, element: node.type === 'link' ? 'a' : 'img' });
          break;
        case 'linkReference':
        case 'imageReference':
          references.push({ at: links.length, identifier: node.identifier, line: start.line, column: start.column, element: node.type === 'linkReference' ? 'a' : 'img' });
          break;
        case 'html':
          for (const found of scanHtmlLinks(node.value)) {
            links.push({ href: found.href, element: found.element, ...htmlPosition(node, found.offset, lineText) });
          }
          break;
        default:
      }
    });
    for (const reference of references.reverse()) {
      const definition = definitions.get(reference.identifier);
      if (definition !== undefined) links.splice(reference.at, 0, { href: definition.url, line: reference.line, column: reference.column, element: reference.element });
    }
    file.data.links = links;
  };
}

/** Maps an offset inside an html node's value to the source position, across container prefixes. */
function htmlPosition(node: Html, offset: number, lineText: (line: number) => string): { line: number; column: number } {
  const start = node.position!.start;
  const inValue = positionAt(node.value, offset);
  if (inValue.line === 1) return { line: start.line, column: start.column + inValue.column - 1 };
  const line = start.line + inValue.line - 1;
  // Later lines of a block inside a list or quote lose their indentation in `value`; the source line ends the same way.
  const valueLine = node.value.split('\n')[inValue.line - 1] ?? '';
  const source = lineText(line);
  const shift = source.endsWith(valueLine) ? source.length - valueLine.length : Math.max(0, source.indexOf(valueLine));
  return { line, column: shift + inValue.column };
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}
