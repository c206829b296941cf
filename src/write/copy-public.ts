/** Asset folders (Dossier's `public/`, then the site's own) as the files the build copies into the output root. */
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { DEFAULT_TEMPLATES_DIR } from '../config/dossier-dirs.js';
import { listFiles } from '../list-files.js';

/** Dossier's own static assets (CSS, scripts), copied into every site before the site's own. */
export const DEFAULT_PUBLIC_DIR = path.resolve(DEFAULT_TEMPLATES_DIR, '../public');

/** Output path → file, for every file of each folder (later folders win). */
export function publicAssets(dirs: ReadonlyArray<string | undefined>): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    if (dir === undefined || !existsSync(dir)) continue;
    for (const rel of listFiles(dir)) files.set(rel, assetFile(dir, rel));
  }
  return files;
}

/**
 * The file to copy for `rel`. A linked folder is refused rather than followed: it may lead anywhere on
 * the disk (a home folder, say), and everything under it would be published.
 */
function assetFile(dir: string, rel: string): string {
  const abs = path.join(dir, rel);
  if (lstatSync(abs).isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new OutputError(`${abs} is a symbolic link to a folder; Dossier does not publish linked folders`, {
      hint: 'copy the files into the folder, or remove the link',
    });
  }
  return abs;
}
