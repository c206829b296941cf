/** Finds text that is not UTF-8 (Latin-1 or Windows-1252 exports, say), which would otherwise turn into U+FFFD without a word. */
import { isUtf8 } from 'node:buffer';

const REPLACEMENT = '\uFFFD';

/**
 * The 1-based line of the first byte sequence in `text` that is not UTF-8, or undefined. Text already
 * decoded (a string) can only show where decoding put U+FFFD.
 */
export function invalidUtf8Line(text: string | Uint8Array): number | undefined {
  if (typeof text !== 'string' && isUtf8(text)) return undefined;
  const decoded = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  const at = decoded.indexOf(REPLACEMENT);
  if (at === -1) return undefined;
  let line = 1;
  for (let i = decoded.indexOf('\n'); i !== -1 && i < at; i = decoded.indexOf('\n', i + 1)) line++;
  return line;
}
