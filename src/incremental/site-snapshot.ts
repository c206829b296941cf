/**
 * The no-change shortcut of `dossier build`. A cached build records, beside the render cache, the
 * file stats of everything it read (size, modification and change times, inode: what git's index
 * keeps), the stats of every folder of the site it published, and what it reported. The next build
 * that finds the same Dossier, every input with the same stats (no file added, removed or touched) and
 * every output folder as it was left (no file added, removed, renamed or replaced in any of them, the
 * output path still the same link) has nothing to do: it reports the same findings again without
 * reading a page. Any difference at all, or no record, and the build runs as usual.
 *
 * Output files are not stat'ed one by one: a site has several per page (41,790 at 10,000 pages, a
 * third of a second of stats), and a folder's times move whenever an entry in it is added, removed or
 * renamed (as saving with most tools does). Only bytes rewritten inside an existing output file go
 * unnoticed by the shortcut; any build that runs replaces such a file.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { listSourceFiles } from '../discover/discover-source.js';
import { DEFAULT_TEMPLATES_DIR } from '../config/dossier-dirs.js';
import { fileStamp, listFiles } from '../list-files.js';
import { DEFAULT_PUBLIC_DIR } from '../write/copy-public.js';
import { folderId } from './disk-build-caches.js';
import { dossierCodeStamp } from './render-key.js';

/** What a kept build reports, as the build that made the site reported it. */
export interface BuildReport {
  pages: number;
  files: number;
  diagnostics: Diagnostic[];
}

/** What the source walk read: every folder it listed and every file it found, absolute paths. */
interface SourceList {
  folders: string[];
  files: string[];
}

interface Recorded extends BuildReport {
  version: number;
  /** Digest of the inputs' stats. */
  inputs: string;
  sources: SourceList;
  /** Digest of the stats of the walk's folders, taken after the build when the walk then still found `sources`; '' to walk again. */
  sourceFolders: string;
  /** The published site's folders (relative to the output path, '' for its root). */
  folders: string[];
  /** Digest of the output path's and those folders' stats. */
  outputs: string;
}

const VERSION = 2;

/** The site's inputs as they are now, and the last build's record of them, for one output folder. */
export class SiteSnapshot {
  private readonly recorded: Recorded | undefined;
  private readonly sources: SourceList;
  private readonly inputs: string;

  /**
   * Reads the stats of every input now, before the build reads any: an edit made during the build is
   * then seen by the next one. The source walk is not run again while every folder it listed last time
   * has the stats the last build left it with (a folder's times move whenever an entry in it is added,
   * removed or renamed) and `_config.yml` (its `exclude` and `include`) is unchanged: it would find the same files.
   */
  constructor(
    private readonly file: string,
    private readonly outDir: string,
    private readonly config: SiteConfig,
  ) {
    this.recorded = readRecord(file);
    const listed = this.recorded?.sources;
    const same = listed !== undefined && this.recorded?.sourceFolders !== '' && this.folderDigest(listed) === this.recorded?.sourceFolders;
    this.sources = same ? listed : walkSources(config);
    this.inputs = inputDigest(config, this.sources);
  }

  /** The last build's report when nothing it read or wrote has changed since; otherwise undefined. */
  unchanged(): BuildReport | undefined {
    const recorded = this.recorded;
    if (recorded === undefined || recorded.inputs !== this.inputs || recorded.outputs !== outputStats(this.outDir, recorded.folders)) return undefined;
    return { pages: recorded.pages, files: recorded.files, diagnostics: recorded.diagnostics };
  }

  /** Records a finished build: the inputs as they were when it started, the outputs as it left them. */
  record(report: BuildReport): void {
    const folders = outputFolders(this.outDir);
    const recorded: Recorded = { version: VERSION, ...report, inputs: this.inputs, sources: this.sources, sourceFolders: this.sourceFolders(), folders, outputs: outputStats(this.outDir, folders) };
    writeFileSync(this.file, JSON.stringify(recorded));
  }

  /**
   * The stats of the walk's folders as the build left them (publishing into the source folder changes
   * its times), taken before walking again: when that walk finds the files the build read, the next
   * build may trust the list while those stats hold; otherwise it walks.
   */
  private sourceFolders(): string {
    const stats = this.folderDigest(this.sources);
    const now = walkSources(this.config);
    const same = sameList(now.folders, this.sources.folders) && sameList(now.files, this.sources.files);
    return same ? stats : '';
  }

  /** Digest of the stats of the config file and of the walk's folders. */
  private folderDigest(sources: SourceList): string {
    const hash = createHash('sha1');
    for (const abs of [path.join(this.config.sourceDir, '_config.yml'), ...sources.folders]) hash.update(`${abs}\t${fileStamp(abs)}\n`);
    return hash.digest('hex');
  }
}

/** The record at `file`, when there is one this version of Dossier wrote. */
function readRecord(file: string): Recorded | undefined {
  try {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as Partial<Recorded>;
    const valid =
      recorded.version === VERSION && Array.isArray(recorded.folders) && typeof recorded.sourceFolders === 'string' && Array.isArray(recorded.sources?.folders) && Array.isArray(recorded.sources.files);
    return valid ? (recorded as Recorded) : undefined;
  } catch {
    return undefined;
  }
}

/** Where the snapshot of a build of `outDir` lives in `cacheDir`. */
export function siteSnapshotFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `site-${folderId(outDir)}.snapshot`);
}

/** The source walk's folders and files now. */
function walkSources(config: SiteConfig): SourceList {
  const folders: string[] = [];
  const files = listSourceFiles(config, folders);
  return { folders, files };
}

/**
 * Digest of every input's stats: Dossier's code, the config file, the files of the source walk, the
 * templates and public folders (the site's and Dossier's). Hashed line by line, so a 10,000-page
 * site's stats are never held at once.
 */
function inputDigest(config: SiteConfig, sources: SourceList): string {
  const hash = createHash('sha1').update(`code\t${dossierCodeStamp()}\n`);
  const stamp = (abs: string) => hash.update(`${abs}\t${fileStamp(abs)}\n`);
  stamp(path.join(config.sourceDir, '_config.yml'));
  for (const abs of sources.files) stamp(abs);
  const folders = [DEFAULT_TEMPLATES_DIR, DEFAULT_PUBLIC_DIR, config.templatesDir, config.publicDir];
  for (const dir of folders) {
    if (dir === undefined) continue;
    for (const rel of listFiles(dir)) stamp(path.join(dir, rel));
  }
  return hash.digest('hex');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Every folder of the site at `outDir` ('' for its root), relative to it; none when it is missing. */
function outputFolders(outDir: string): string[] {
  try {
    const entries = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory());
    return ['', ...entries.map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))];
  } catch {
    return [];
  }
}

/** Digest of the output path's own stats (the link a publish replaces) and of each folder's. */
function outputStats(outDir: string, folders: readonly string[]): string {
  const link = lstatSync(outDir, { throwIfNoEntry: false });
  const hash = createHash('sha1').update(link === undefined ? 'missing' : `${link.ctimeMs}\t${link.ino}`);
  for (const rel of folders) hash.update(`\n${rel}\t${fileStamp(path.join(outDir, rel))}`);
  return hash.digest('hex');
}
