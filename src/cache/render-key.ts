/** Cache keys for rendered Markdown: the page's own input, salted with everything else the output depends on. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessorOptions } from '../markdown/processor.js';
import type { MarkdownInput } from '../markdown/render-markdown.js';

let codeHash: string | undefined;

/**
 * Hash of the code that renders Markdown (the markdown/ folder, as compiled JS or TS sources),
 * Dossier's version and the lockfile: a new Dossier or a new unified never reuses old HTML.
 */
export function rendererCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../..');
  for (const file of ['package.json', 'package-lock.json']) {
    const abs = path.join(root, file);
    if (existsSync(abs)) hash.update(`${file}\0`).update(readFileSync(abs)).update('\0');
  }
  const markdownDir = path.resolve(here, '../markdown');
  for (const file of listCode(markdownDir)) {
    hash.update(`${file}\0`).update(readFileSync(path.join(markdownDir, file))).update('\0');
  }
  // The renderer's imports outside markdown/.
  for (const name of ['diagnostics', 'html-text', 'search/page-terms']) {
    for (const ext of ['.js', '.ts']) {
      const abs = path.resolve(here, '..', name + ext);
      if (existsSync(abs)) hash.update(`${name}\0`).update(readFileSync(abs)).update('\0');
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The part of every key shared by all pages of one build: code version plus renderer options. */
export function renderSalt(options: ProcessorOptions): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(rendererCodeHash()).update(JSON.stringify(sorted)).digest('hex');
}

/** Key of one page's rendering: salt + path + kind + body line + body. */
export function renderKey(salt: string, input: MarkdownInput): string {
  return createHash('sha1')
    .update(salt)
    .update(`\0${input.path}\0${input.kind}\0${input.bodyLine}\0`)
    .update(input.body)
    .digest('hex');
}

function listCode(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listCode(dir, child));
    else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(child);
  }
  return out.sort();
}
