/** The one recursive file listing (templates, public assets, the output folder and Dossier's own code use it) and the one file stamp. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { byCodeUnits } from './code-unit-order.js';

/** Every file under `dir` (anything but a folder, at any depth), as `/`-separated paths relative to it, in code-unit order. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort(byCodeUnits);
}

/**
 * A file's identity and version as git's index sees it (size, modification and change times, inode),
 * or `missing`: the change time moves on every write and no tool can set it back.
 */
export function fileStamp(abs: string): string {
  const stats = statSync(abs, { throwIfNoEntry: false });
  return stats === undefined ? 'missing' : `${stats.size}\t${stats.mtimeMs}\t${stats.ctimeMs}\t${stats.ino}`;
}
