/** The one recursive file listing: templates, public assets, the output folder and Dossier's own code use it. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { byCodeUnits } from './code-unit-order.js';

/** Every file under `dir` (anything but a folder, at any depth), as `/`-separated paths relative to it, in code-unit order. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort(byCodeUnits);
}
