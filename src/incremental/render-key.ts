/** Cache keys for rendered Markdown: the page's own input, salted with everything else the output depends on. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileStamp, listFiles } from '../list-files.js';
import type { ProcessorOptions } from '../markdown/processor.js';
import type { MarkdownInput } from '../markdown/render-markdown.js';
import { reachableModules } from './module-graph.js';

/** The compiled (or, under vitest, source) code folder: `dist/` or `src/`. */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What a rendering is made by: the render worker and everything it imports (the whole Markdown
 * chain), and the stores that write and read renderings back. Taken from the import graph, so a
 * module newly imported by the renderer is in the key without anyone listing it.
 */
const RENDERER_ENTRIES = ['markdown/render-worker.js', 'markdown/render-pool.js', 'incremental/render-store.js', 'incremental/render-cache.js'];

const codeHashes = new Map<string, string>();

/**
 * Hash of Dossier's version and lockfile (a new unified never reuses old output) and of the given
 * code files, relative to the code root.
 */
function codeHash(id: string, files: () => readonly string[]): string {
  const known = codeHashes.get(id);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const abs = path.resolve(CODE_ROOT, '..', file);
    if (existsSync(abs)) hash.update(`${file}\0`).update(readFileSync(abs)).update('\0');
  }
  for (const rel of files()) hash.update(`${rel}\0`).update(readFileSync(path.join(CODE_ROOT, rel))).update('\0');
  const digest = hash.digest('hex');
  codeHashes.set(id, digest);
  return digest;
}

/** The code that renders Markdown and stores its results, found by following imports from the render worker. */
export function rendererCodeHash(): string {
  return codeHash('renderer', () =>
    reachableModules(RENDERER_ENTRIES.map((entry) => path.join(CODE_ROOT, entry))).map((abs) => path.relative(CODE_ROOT, abs).split(path.sep).join('/')),
  );
}

/** All of Dossier's code: what lays a page out reaches into most of it. */
export function dossierCodeHash(): string {
  return codeHash('all', () => listFiles(CODE_ROOT).filter(isCode));
}

/**
 * Sizes and times of Dossier's code files and package files, hashed: enough for the no-change check,
 * which compares stamps of everything it watches, and it reads no file. Never a key kept in the cache:
 * those come from content (dossierCodeHash), so a fresh install elsewhere reuses them.
 */
export function dossierCodeStamp(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(`${file}\t${fileStamp(path.resolve(CODE_ROOT, '..', file))}\n`);
  for (const rel of listFiles(CODE_ROOT).filter(isCode)) hash.update(`${rel}\t${fileStamp(path.join(CODE_ROOT, rel))}\n`);
  return hash.digest('hex');
}

/** The part of every key shared by all pages of one build: code version plus renderer options. */
export function renderSalt(options: ProcessorOptions): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(rendererCodeHash()).update(JSON.stringify(sorted)).digest('hex');
}

/** Key of one page's rendering: salt + path + kind + body line + body (its text, or that text's UTF-8 bytes: the same key). */
export function renderKey(salt: string, input: Omit<MarkdownInput, 'body'>, body: string | Uint8Array): string {
  return createHash('sha1').update(salt).update(`\0${input.path}\0${input.kind}\0${input.bodyLine}\0`).update(body).digest('hex');
}

/** Dossier's code files: compiled JS or TS sources, without declaration files and without the worker bundle (made from the others). */
function isCode(file: string): boolean {
  return /\.(?:js|ts)$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.bundle.js');
}
