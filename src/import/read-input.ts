/** Reads the INPUT argument (a file or `-` for stdin) and decides whether it is text, HTML or Markdown. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InputFormat } from './article.js';
import { ImportError } from './import-error.js';

/** Largest input accepted: a long essay's saved page is well under this; anything bigger is not one article. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** The input's text, where it came from and its format. */
export interface ImportInput {
  text: string;
  /** The file name, or `stdin`, for messages. */
  label: string;
  format: InputFormat;
}

/** Reads INPUT; refuses URLs, empty, binary and huge input with one clear message each. */
export function readImportInput(input: string, readStdin: () => Buffer = () => readFileSync(0)): ImportInput {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw new ImportError(`${input} is a web address; dossier import reads no network.`, {
      hint: 'save the page from your browser (or copy its text into a file) and import that file',
    });
  }
  const label = input === '-' ? 'stdin' : input;
  const bytes = input === '-' ? readStdin() : readFile(input);
  return { text: decode(bytes, label), label, format: detectFormat(input, bytes.toString('utf8', 0, 4096)) };
}

function readFile(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportError(`${file} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_INPUT_BYTES) throw tooBig(file, size);
  return readFileSync(file);
}

function tooBig(label: string, size: number): ImportError {
  return new ImportError(`${label} is ${(size / 1024 / 1024).toFixed(1)} MB; an article page is far smaller (limit ${MAX_INPUT_BYTES / 1024 / 1024} MB).`, {
    hint: 'import one article at a time',
  });
}

/** UTF-8 text, or an ImportError for empty, binary or oversized bytes. */
function decode(bytes: Buffer, label: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw tooBig(label, bytes.length);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new ImportError(`${label} is empty.`);
  if (looksBinary(bytes)) {
    throw new ImportError(`${label} is binary data, not text, HTML or Markdown.`, { hint: 'for a PDF, copy its text into a .txt file first' });
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** NUL bytes or many control characters in the first 8 KB: what `file` and git call binary. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / head.length > 0.05;
}

/** Extension first; otherwise an HTML document's opening, or Markdown front matter / ATX headings. */
function detectFormat(input: string, head: string): InputFormat {
  const ext = path.extname(input).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt') return 'text';
  const start = head.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(body|article|main)[\s>]/.test(head)) return 'html';
  if (start.startsWith('---\n') || /^#{1,3} \S/m.test(head)) return 'markdown';
  return 'text';
}
