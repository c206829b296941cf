/** Stage 2: walk the source folder the way Jekyll does and sort files into pages and static files. */
import { byCodeUnits } from '../code-unit-order.js';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { NO_REUSE, type Reuse } from '../reuse.js';
import { fileStamp } from '../list-files.js';
import type { SiteConfig } from '../config/site-config.js';

/** A text file that opens with front matter: Jekyll renders it. */
export interface SourcePage {
  /** Path relative to the source folder, with forward slashes; the page's identity. */
  path: string;
  kind: 'markdown' | 'html';
  /** The file's text: a string in the dev server, the file's bytes in one-off builds (decoded only where needed). */
  text: string | Uint8Array;
}

/** A file Jekyll copies unchanged (images, PDFs, CNAME, Markdown without front matter…). */
export interface StaticFile {
  path: string;
  absPath: string;
}

export interface SourceTree {
  pages: SourcePage[];
  statics: StaticFile[];
  /** Size of the pages' files together, in bytes (characters in the dev server): how heavy rendering will be. */
  pageBytes: number;
}

const MARKDOWN_EXT = new Set(['.md', '.markdown', '.mkd', '.mkdn', '.mdown']);
const HTML_EXT = new Set(['.html', '.htm']);

/** Lists every page and static file under the source folder, in sorted order. */
export function discoverSource(config: SiteConfig, reuse: Reuse = NO_REUSE): SourceTree {
  const filter = createEntryFilter(config);
  const pages: SourcePage[] = [];
  const statics: StaticFile[] = [];
  let pageBytes = 0;
  walk(config.sourceDir, '', filter, (rel, abs) => {
    const ext = path.extname(rel).toLowerCase();
    const kind = MARKDOWN_EXT.has(ext) ? 'markdown' : HTML_EXT.has(ext) ? 'html' : undefined;
    if (kind !== undefined && reuse.keepsResults) {
      // The dev server keeps texts: a file whose size and times did not change is not read again.
      const text = reuse.value(sourceMemoKey(rel), () => [fileStamp(abs)], () => readFileSync(abs, 'utf8'));
      if (hasFrontMatter(text)) {
        pages.push({ path: rel, kind, text });
        pageBytes += text.length;
        return;
      }
    } else if (kind !== undefined) {
      // A one-off build reads each text when the front-matter stage asks for it, so a big site's
      // sources are never all in memory at once.
      const bytes = bytesIfFrontMatter(abs);
      if (bytes !== undefined) {
        pageBytes += bytes;
        pages.push(Object.defineProperty({ path: rel, kind, text: '' }, 'text', { get: () => readFileSync(abs), enumerable: true }));
        return;
      }
    } else if (isTemplatedAsset(abs)) {
      // Sass and feeds with front matter are Liquid templates for Jekyll plugins; Dossier has its own.
      return;
    }
    statics.push({ path: rel, absPath: abs });
  });
  return { pages, statics, pageBytes };
}

/**
 * Every file discoverSource looks at (pages, static files and skipped templated assets alike), as absolute
 * paths in walk order; `folders`, when given, gets every folder the walk reads, the source folder first.
 */
export function listSourceFiles(config: SiteConfig, folders?: string[]): string[] {
  const files: string[] = [];
  walk(config.sourceDir, '', createEntryFilter(config), (_rel, abs) => files.push(abs), folders);
  return files;
}

/** The memo entry of a source file's text; the dev server forgets it when the watcher reports the file. */
export function sourceMemoKey(rel: string): string {
  return `source:${rel}`;
}

/** True when the text opens with a `---` front-matter fence, as Jekyll requires. */
function hasFrontMatter(text: string): boolean {
  return /^(?:\uFEFF)?---[ \t]*\r?\n/.test(text);
}

function isTemplatedAsset(abs: string): boolean {
  const ext = path.extname(abs).toLowerCase();
  return ['.scss', '.sass', '.css', '.xml', '.json', '.js', '.txt'].includes(ext) && bytesIfFrontMatter(abs) !== undefined;
}

/**
 * The file's size when it opens with front matter (hasFrontMatter, reading only its start unless the
 * opening line is longer than that), else undefined.
 */
function bytesIfFrontMatter(abs: string): number | undefined {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(abs, 'r');
  let length: number;
  let size: number;
  try {
    length = readSync(fd, head, 0, HEAD_BYTES, 0);
    size = fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
  const text = head.toString('utf8', 0, length);
  // `---` and a run of spaces filling the whole head: only the full text can tell.
  const page = hasFrontMatter(text) || (length === HEAD_BYTES && /^(?:\uFEFF)?---[ \t]*\r?$/.test(text) && hasFrontMatter(readFileSync(abs, 'utf8')));
  return page ? size : undefined;
}

const HEAD_BYTES = 64;

type EntryFilter = (rel: string, isDir: boolean) => boolean;

/** Jekyll's rules: skip `.`/`_`/`#` names and `~` backups unless included, then honour `exclude`. */
function createEntryFilter(config: Pick<SiteConfig, 'exclude' | 'include'>): EntryFilter {
  const toMatcher = (patterns: string[]) =>
    patterns.map((pattern) => {
      const p = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      const glob = picomatch(p, { dot: true });
      return (rel: string) => rel === p || rel.startsWith(`${p}/`) || glob(rel);
    });
  const excluded = toMatcher(config.exclude);
  const included = toMatcher(config.include);
  return (rel, isDir) => {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (isDir && (name === 'node_modules' || name === '.git')) return false;
    // Jekyll skips every entry whose name ends with a dot, whatever `include` says.
    if (name.endsWith('.')) return false;
    const special = /^[._#]/.test(name) || name.endsWith('~');
    if (included.some((m) => m(rel))) return true;
    if (special) return false;
    return !excluded.some((m) => m(rel));
  };
}

function walk(
  root: string,
  rel: string,
  keep: EntryFilter,
  onFile: (rel: string, abs: string) => void,
  folders?: string[],
): void {
  const dir = rel === '' ? root : path.join(root, rel);
  folders?.push(dir);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const isDir = entry.isDirectory();
    if (!keep(childRel, isDir)) continue;
    if (isDir) walk(root, childRel, keep, onFile, folders);
    else if (entry.isFile()) onFile(childRel, path.join(root, childRel));
  }
}
