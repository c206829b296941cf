/** Jekyll collections (`collections:`, `just_the_docs.collections:`) are not built: each dropped file gets a warning. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { listFiles } from '../list-files.js';

export const COLLECTION_RULE = 'collections/not-built';

/** One warning per page of a collection folder (`_<label>/`), which Dossier leaves out of the site. */
export function droppedCollectionFiles(config: SiteConfig): Diagnostic[] {
  const collectionsDir = config.collections.dir;
  return config.collections.labels.flatMap((label) => {
    const folder = path.join(config.sourceDir, collectionsDir, `_${label}`);
    if (!existsSync(folder)) return [];
    return listFiles(folder)
      .filter((rel) => /\.(md|markdown|html)$/i.test(rel))
      .map((rel) => ({
        file: path.posix.join(collectionsDir, `_${label}`, rel.split(path.sep).join('/')),
        line: 1,
        column: 1,
        severity: 'warning' as const,
        rule: COLLECTION_RULE,
        message: `not built: this page belongs to the collection "${label}", and Dossier does not build collections yet; move it out of _${label}/ to publish it`,
      }));
  });
}
