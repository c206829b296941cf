/** Escaping text into HTML and reading text back out of it, done one way for every module. */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Decodes the entities our own output and hand-written HTML use: numeric ones and the five basic names plus `&nbsp;`. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&#x([0-9a-f]{1,6});/gi, (m, hex: string) => codePoint(Number.parseInt(hex, 16), m))
    .replace(/&#([0-9]{1,7});/g, (m, dec: string) => codePoint(Number.parseInt(dec, 10), m))
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function codePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
