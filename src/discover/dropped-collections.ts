/** Jekyll collections (`collections:`, `just_the_docs.collections:`) are not built: each dropped file gets a warning. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { listFiles } from '../list-files.js';

export const COLLECTION_RULE = 'collections/not-built';

/** Collection labels named in `collections` (a mapping or a list) and `just_the_docs.collections`. */
export function collectionLabels(raw: Readonly<Record<string, unknown>>): string[] {
  const labels = new Set<string>();
  const add = (value: unknown) => {
    if (Array.isArray(value)) for (const label of value) if (typeof label === 'string') labels.add(label);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const label of Object.keys(value)) labels.add(label);
  };
  add(raw['collections']);
  const theme = raw['just_the_docs'];
  if (theme !== null && typeof theme === 'object' && !Array.isArray(theme)) add((theme as Record<string, unknown>)['collections']);
  // Jekyll's built-in collections are not pages of a Just the Docs site.
  labels.delete('posts');
  labels.delete('drafts');
  return [...labels].sort();
}

/** One warning per page of a collection folder (`_<label>/`), which Dossier leaves out of the site. */
export function droppedCollectionFiles(config: SiteConfig): Diagnostic[] {
  const collectionsDir = typeof config.raw['collections_dir'] === 'string' ? config.raw['collections_dir'] : '';
  return collectionLabels(config.raw).flatMap((label) => {
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
