/**
 * The no-change shortcut of `dossier build`. A cached build records, beside the render cache, the
 * file stats of everything it read (size, modification and change times, inode: what git's index
 * keeps), the stats of everything it wrote, and what it reported. The next build that finds the same
 * Dossier, every input with the same stats (no file added, removed or touched) and the output folder
 * exactly as it was left has nothing to do: it reports the same findings again without reading a page.
 * Any difference at all, or no record, and the build runs as usual.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

interface Recorded extends BuildReport {
  version: number;
  inputs: string;
  outputs: string;
}

const VERSION = 1;

/** The site's inputs as they are now, and the last build's record of them, for one output folder. */
export class SiteSnapshot {
  private readonly inputs: string;

  /** Reads the stats of every input now, before the build reads any: an edit made during the build is then seen by the next one. */
  constructor(
    private readonly file: string,
    private readonly outDir: string,
    config: SiteConfig,
  ) {
    this.inputs = inputStats(config);
  }

  /** The last build's report when nothing it read or wrote has changed since; otherwise undefined. */
  unchanged(): BuildReport | undefined {
    let recorded: Recorded;
    try {
      recorded = JSON.parse(readFileSync(this.file, 'utf8')) as Recorded;
    } catch {
      return undefined;
    }
    if (recorded.version !== VERSION || recorded.inputs !== this.inputs || recorded.outputs !== outputStats(this.outDir)) return undefined;
    return { pages: recorded.pages, files: recorded.files, diagnostics: recorded.diagnostics };
  }

  /** Records a finished build: the inputs as they were when it started, the outputs as it left them. */
  record(report: BuildReport): void {
    const recorded: Recorded = { version: VERSION, ...report, inputs: this.inputs, outputs: outputStats(this.outDir) };
    writeFileSync(this.file, JSON.stringify(recorded));
  }
}

/** Where the snapshot of a build of `outDir` lives in `cacheDir`. */
export function siteSnapshotFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `site-${folderId(outDir)}.snapshot`);
}

/** One line per input: Dossier's code, the config file, every source file the build walks, the templates and public folders (the site's and Dossier's). */
function inputStats(config: SiteConfig): string {
  const lines = [`code\t${dossierCodeStamp()}`, statLine(path.join(config.sourceDir, '_config.yml'))];
  for (const abs of listSourceFiles(config)) lines.push(statLine(abs));
  const folders = [DEFAULT_TEMPLATES_DIR, DEFAULT_PUBLIC_DIR, config.templatesDir, config.publicDir];
  for (const dir of folders) {
    if (dir === undefined) continue;
    for (const rel of listFiles(dir)) lines.push(statLine(path.join(dir, rel)));
  }
  return lines.join('\n');
}

/** One line per file of the output folder, or nothing when it is missing. */
function outputStats(outDir: string): string {
  try {
    return listFiles(outDir)
      .map((rel) => statLine(path.join(outDir, rel)))
      .join('\n');
  } catch {
    return '';
  }
}

/** One line of the record: a file and its stamp. */
function statLine(abs: string): string {
  return `${abs}\t${fileStamp(abs)}`;
}
