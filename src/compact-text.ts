/**
 * Long texts kept as UTF-8 bytes behind a property getter. Typographic text (curly quotes, dashes)
 * makes a JavaScript string two bytes a character, so a 10,000-page site's sources and rendered
 * bodies take half the memory as bytes. Each read decodes (about 20 µs for 25 KB): callers read once,
 * and those that only hash or search the text take the bytes themselves (compactBytes).
 */

/**
 * Sets `target[key]` to `text`, held as bytes when that is smaller (a string) or given as bytes
 * (read straight from a file, never decoded unless asked for); returns `target`.
 */
export function withCompactText<T extends object>(target: T, key: keyof T & string, text: string | Uint8Array): T {
  // Text without characters above U+00FF is already one byte a character.
  if (typeof text === 'string' && !WIDE.test(text)) return Object.assign(target, { [key]: text });
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  let held = heldBytes.get(target);
  if (held === undefined) heldBytes.set(target, (held = new Map()));
  held.set(key, bytes);
  return Object.defineProperty(target, key, { get: () => decoder.decode(bytes), enumerable: true, configurable: true });
}

/** The UTF-8 bytes behind `target[key]` when withCompactText holds it so; undefined for a plain string. */
export function compactBytes(target: object, key: string): Uint8Array | undefined {
  return heldBytes.get(target)?.get(key);
}

/**
 * Lets go of `target[key]`: a one-off build drops each page's source once its essay is written.
 * Reading it afterwards throws (with `reason`), so a later reader is a loud bug, not an empty page.
 */
export function releaseText(target: object, key: string, reason: string): void {
  heldBytes.get(target)?.delete(key);
  Object.defineProperty(target, key, {
    get: () => {
      throw new Error(`${key} was released: ${reason}`);
    },
    enumerable: false,
    configurable: true,
  });
}

const heldBytes = new WeakMap<object, Map<string, Uint8Array>>();
const WIDE = /[^\x00-\xff]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
