/**
 * A rendered page as one file: its data as a line of JSON, then its HTML. Render workers write these
 * themselves (the HTML then never crosses to the main thread); the disk render store keeps them.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { RenderedPage } from './page-data.js';

const NEWLINE = 0x0a;
/** Marks this process's half-written entries (its worker threads' too). */
export const OWN_TMP = `.tmp-${process.pid}-`;

/** Writes one page file: the page's data as a line of JSON, then its HTML. Returns the data and the byte offset of the HTML. */
export function writePageFile(file: string, page: RenderedPage<string>): { data: Omit<RenderedPage, 'html'>; htmlAt: number } {
  const { html, ...data } = page;
  const head = Buffer.from(`${JSON.stringify(data)}\n`);
  // Write then rename, so a concurrent build never reads half an entry.
  const tmp = `${file}${OWN_TMP}${threadId}`;
  writeFileSync(tmp, Buffer.concat([head, Buffer.from(html)]));
  renameSync(tmp, file);
  return { data, htmlAt: head.length };
}

/** An entry's first line (the page data) and where its HTML starts, read in chunks so the HTML is not read; undefined when there is no newline. */
export function readEntryHead(file: string): { data: Buffer; htmlAt: number } | undefined {
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.allocUnsafe(HEAD_CHUNK);
      const read = readSync(fd, chunk, 0, HEAD_CHUNK, bytes.length);
      if (read === 0) return undefined;
      bytes = bytes.length === 0 ? chunk.subarray(0, read) : Buffer.concat([bytes, chunk.subarray(0, read)]);
      const newline = bytes.indexOf(NEWLINE);
      if (newline !== -1) return { data: bytes.subarray(0, newline), htmlAt: newline + 1 };
    }
  } finally {
    closeSync(fd);
  }
}

/** Page data is a few KB (headings, links, note texts); one read usually takes it all. */
const HEAD_CHUNK = 32 * 1024;

/** Reads an entry's HTML, which starts at byte `offset` of its file. */
export function readHtml(file: string, offset: number): string {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(Math.max(0, fstatSync(fd).size - offset));
      readSync(fd, bytes, 0, bytes.length, offset);
      return bytes.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new Error(`the render cache entry ${file} vanished during the build (${(error as Error).message}); build again`);
  }
}
