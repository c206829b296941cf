/** Copies asset folders (Dossier's `public/`, then the site's own) into the output root. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../list-files.js';
import { DEFAULT_TEMPLATES_DIR } from '../layout/template-engine.js';
import type { Writer } from './writer.js';

/** Dossier's own static assets (CSS, scripts), copied into every site before the site's own. */
export const DEFAULT_PUBLIC_DIR = path.resolve(DEFAULT_TEMPLATES_DIR, '../public');

/** Copies every file of each folder, later folders overriding earlier ones at the same path. */
export function copyPublicAssets(writer: Writer, dirs: ReadonlyArray<string | undefined>): void {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    if (dir === undefined || !existsSync(dir)) continue;
    for (const rel of listFiles(dir)) files.set(rel, path.join(dir, rel));
  }
  for (const rel of [...files.keys()].sort()) writer.copy(rel, files.get(rel)!);
}
