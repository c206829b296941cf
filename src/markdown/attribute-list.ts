/** kramdown attribute lists (`{: .class #id key="value" ref}`): parsing, merging and applying them to mdast nodes. */
import type { Node } from 'unist';

/** What one `{: … }` list says, before references to definitions are resolved. */
export interface AttributeList {
  classes: string[];
  id?: string;
  /** Other `key="value"` pairs, in source order. */
  attributes: Record<string, string>;
  /** Bare names: references to `{:name: …}` definitions, or the special `toc`. */
  refs: string[];
  /** Text kramdown could not read as an attribute and so ignored. */
  ignored: string[];
}

declare module 'mdast' {
  interface Data {
    /** Attribute-list references (`toc`) kept after the list was applied, for later plugins. */
    kramdownRefs?: string[];
  }
}

// kramdown's ALD_TYPE_ANY, ported: `key="v"`, a bare reference name, or `.class`/`#id` runs.
const ATTRIBUTE = /(?:^|\s)(?:(\w[\w-]*)=(["'])((?:\\\}|\\["']|[^}])*?)\2|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)/g;
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;

/** A block IAL line as kramdown's IAL_BLOCK_START reads it (ALDs and `{::ext}` excluded). */
export const BLOCK_IAL_LINE = /^ {0,3}\{:(?![:/])((?:\\\}|[^}])+)\}\s*$/;
/** An attribute list definition line: `{:name: .class}`. */
export const ALD_LINE = /^ {0,3}\{:(\w[\w-]*):((?:\\\}|[^}])+)\}\s*$/;

/** Reads the inside of `{: … }` the way kramdown's parse_attribute_list does, noting what it ignored. */
export function parseAttributeList(source: string): AttributeList {
  const list: AttributeList = { classes: [], attributes: {}, refs: [], ignored: [] };
  let last = 0;
  const ignoredParts: string[] = [];
  for (const match of source.matchAll(ATTRIBUTE)) {
    ignoredParts.push(source.slice(last, match.index));
    last = match.index + match[0].length;
    const [, key, quote, value, ref, idOrClass] = match;
    if (ref !== undefined) list.refs.push(ref);
    else if (idOrClass !== undefined) {
      for (const part of idOrClass.matchAll(ID_OR_CLASS)) {
        if (part[2] !== undefined) list.classes.push(part[2]);
        else if (part[1] !== undefined) list.id = part[1];
      }
    } else if (key !== undefined && quote !== undefined && value !== undefined) {
      list.attributes[key] = value.replace(new RegExp(`\\\\(\\}|${quote})`, 'g'), '$1');
    }
  }
  ignoredParts.push(source.slice(last));
  for (const part of ignoredParts) {
    const trimmed = part.trim();
    if (trimmed !== '') list.ignored.push(trimmed);
  }
  return list;
}

/** Adds `extra` onto `base` as kramdown does: classes append, an id or key replaces. */
export function mergeAttributeLists(base: AttributeList, extra: AttributeList): void {
  base.classes.push(...extra.classes);
  if (extra.id !== undefined) base.id = extra.id;
  Object.assign(base.attributes, extra.attributes);
  base.refs.push(...extra.refs);
  base.ignored.push(...extra.ignored);
}

/** Writes resolved attributes into `node.data.hProperties`, where remark-rehype picks them up. */
export function applyAttributeList(node: Node, list: AttributeList, definitions: ReadonlyMap<string, AttributeList>): void {
  const resolved: AttributeList = { classes: [], attributes: {}, refs: [], ignored: [] };
  // kramdown applies referenced definitions first, then the list's own attributes.
  for (const ref of list.refs) {
    const definition = definitions.get(ref);
    if (definition) mergeAttributeLists(resolved, { ...definition, refs: [], ignored: [] });
  }
  mergeAttributeLists(resolved, { ...list, refs: [], ignored: [] });
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown>; kramdownRefs?: string[] };
  const properties = (data.hProperties ??= {});
  for (const [key, value] of Object.entries(resolved.attributes)) {
    if (key === 'class') resolved.classes.unshift(...value.split(/\s+/).filter(Boolean));
    else properties[key] = value;
  }
  if (resolved.classes.length > 0) {
    const existing = properties['className'];
    const before = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? existing.split(/\s+/) : [];
    properties['className'] = [...before, ...resolved.classes];
  }
  if (resolved.id !== undefined) properties['id'] = resolved.id;
  if (list.refs.length > 0) data.kramdownRefs = [...(data.kramdownRefs ?? []), ...list.refs];
}

/** The classes an mdast node will carry in HTML, as set by attribute lists. */
export function nodeClasses(node: Node): string[] {
  const properties = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;
  const value = properties?.['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
