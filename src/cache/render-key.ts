/** Cache keys for rendered Markdown: the page's own input, salted with everything else the output depends on. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { listFiles } from '../list-files.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessorOptions } from '../markdown/processor.js';
import type { MarkdownInput } from '../markdown/render-markdown.js';

const codeHashes = new Map<string, string>();

/**
 * Hash of Dossier's version, its lockfile and the code under `folders` (relative to the code root,
 * as compiled JS or TS sources) plus single modules `modules`: a new Dossier or a new unified never
 * reuses old output.
 */
function codeHash(folders: readonly string[], modules: readonly string[] = []): string {
  const id = [...folders, '|', ...modules].join('\0');
  const known = codeHashes.get(id);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of ['package.json', 'package-lock.json']) {
    const abs = path.resolve(codeRoot, '..', file);
    if (existsSync(abs)) hash.update(`${file}\0`).update(readFileSync(abs)).update('\0');
  }
  for (const folder of folders) {
    const dir = path.join(codeRoot, folder);
    for (const file of listCode(dir)) hash.update(`${folder}/${file}\0`).update(readFileSync(path.join(dir, file))).update('\0');
  }
  for (const name of modules) {
    for (const ext of ['.js', '.ts']) {
      const abs = path.join(codeRoot, name + ext);
      if (existsSync(abs)) hash.update(`${name}\0`).update(readFileSync(abs)).update('\0');
    }
  }
  const digest = hash.digest('hex');
  codeHashes.set(id, digest);
  return digest;
}

/** The code that renders Markdown (the markdown/ folder and the modules it imports from outside it) and stores its results. */
export function rendererCodeHash(): string {
  // The cache's own modules too: they decide the entries' format.
  return codeHash(['markdown'], ['diagnostics', 'html-text', 'search/page-terms', 'cache/render-cache', 'cache/held-page', 'compact-text']);
}

/** All of Dossier's code: what lays a page out reaches into most of it. */
export function dossierCodeHash(): string {
  return codeHash(['.']);
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

/** Dossier's code files under `dir`: compiled JS or TS sources, without declaration files and without the worker bundle (made from the others). */
function listCode(dir: string): string[] {
  return listFiles(dir).filter((file) => /\.(?:js|ts)$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.bundle.js'));
}
