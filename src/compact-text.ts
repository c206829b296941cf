/**
 * Long texts kept as UTF-8 bytes behind a property getter. Typographic text (curly quotes, dashes)
 * makes a JavaScript string two bytes a character, so a 10,000-page site's sources and rendered
 * bodies take half the memory as bytes. Each read decodes (about 20 µs for 25 KB): callers read once.
 * (Page bodies are held as bytes in plain sight instead: see bodyText in front-matter/page.ts.)
 */

/**
 * Sets `target[key]` to `text`, held as bytes when that is smaller (a string) or given as bytes
 * (read straight from a file, never decoded unless asked for); returns `target`.
 */
export function withCompactText<T extends object>(target: T, key: keyof T & string, text: string | Uint8Array): T {
  // Text without characters above U+00FF is already one byte a character.
  if (typeof text === 'string' && !WIDE.test(text)) return Object.assign(target, { [key]: text });
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  return Object.defineProperty(target, key, { get: () => decoder.decode(bytes), enumerable: true, configurable: true });
}

const WIDE = /[^\x00-\xff]/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
