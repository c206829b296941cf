/**
 * Keys for laid-out files, so a rebuild keeps a page whose inputs are all unchanged without laying it
 * out again (see write/output-manifest.ts). A page's layout reads its own rendering and note links,
 * and, through the nav, breadcrumbs and chapter lists, every page's front matter and URL, and it reads
 * the citation styles and the sizes of the site's images: the site key takes in all of those shared
 * inputs, so any front-matter edit anywhere lays every page out again
 * (the writer then still replaces only files whose bytes changed).
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { byCodeUnits } from '../code-unit-order.js';
import type { SiteConfig } from '../config/site-config.js';
import type { Page } from '../front-matter/page.js';
import type { StaticFile } from '../discover/discover-source.js';
import { imageDimensions } from '../layout/image-sizes.js';
import type { TemplateEngine } from '../layout/template-engine.js';
import { NO_REUSE, type Reuse } from '../reuse.js';
import { dossierCodeHash } from './render-key.js';

/**
 * Digest of what every page's layout shares: Dossier's code, the config, the templates, every page's
 * front matter and URL. `reuse` keeps each page's part while its front matter is the same object, and the
 * digest while every part reads the same: a body edit in the dev server then serialises one page's front matter.
 */
function siteLayoutKey(shared: SharedLayoutInputs, reuse: Reuse): string {
  const { config, templates, pages, statics } = shared;
  const parts = pages.map((page) =>
    reuse.value(`layout key part:${page.path}`, () => [page.kind, page.url, page.outputPath, page.data], () => `\0${page.path}\0${page.kind}\0${page.url}\0${page.outputPath}\0${JSON.stringify(page.data)}`),
  );
  return reuse.value('site layout key', () => [config, templates, statics, shared.citationStyles, ...parts], () => {
    const hash = createHash('sha256').update(dossierCodeHash()).update(configText(config));
    for (const [name, text] of [...templates.sources].sort(([a], [b]) => byCodeUnits(a, b))) hash.update(`\0${name}\0${text}`);
    // Read by layout too: the citation styles ("Cite this") and the images' sizes (`width`, `height`).
    hash.update(`\0${shared.citationStyles}`);
    for (const file of statics) if (IMAGE.test(file.path)) hash.update(`\0${file.path}\0${JSON.stringify(imageDimensions(file.absPath) ?? null)}`);
    for (const part of parts) hash.update(part);
    return hash.digest('hex');
  });
}

/** What every page's layout reads besides its own rendering and note links. */
export interface SharedLayoutInputs {
  config: SiteConfig;
  templates: TemplateEngine;
  pages: readonly Page[];
  statics: readonly StaticFile[];
  /** Digest of the citation styles the "Cite this" blocks are formatted in (scholar/), '' for a site without citable works. */
  citationStyles: string;
}

/** Files layout may read the size of (layout/image-sizes.ts). */
const IMAGE = /\.(?:apng|avif|bmp|gif|ico|jpe?g|png|svg|tiff?|webp)$/i;

/**
 * The config as the key reads it: its folders relative to the source folder, so a checkout in another
 * folder (a CI job with the cache restored) has the same keys; what the folders hold is keyed apart.
 * The check settings (with the link cache's absolute path) are left out: layout never reads them, and
 * `_config.yml`'s text is in `raw`.
 */
function configText(config: SiteConfig): string {
  const inSource = (dir: string | undefined) => (dir === undefined ? null : relative(config.sourceDir, dir).split(sep).join('/'));
  return JSON.stringify({ ...config, sourceDir: '.', templatesDir: inSource(config.templatesDir), publicDir: inSource(config.publicDir), check: null });
}

/** Digest of a file's parts (the site key, render keys, note-link signatures…). */
function layoutKey(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The key of a file of some kind made from the given source pages (a page; an essay and its chapters;
 * every searchable page): the site's layout key, then each page's render key and note links.
 * Undefined when a page has no render key (no cache).
 */
export function layoutKeys(
  shared: SharedLayoutInputs,
  renderKey: (path: string) => string | undefined,
  noteLinks: (path: string) => string,
  reuse: Reuse = NO_REUSE,
): (kind: string, paths: readonly string[]) => string | undefined {
  let site: string | undefined;
  // A page's note links go into its page's key, its print page's and the search index's: serialised once.
  const links = new Map<string, string>();
  const linksOf = (path: string): string => {
    let known = links.get(path);
    if (known === undefined) {
      known = noteLinks(path);
      // Nothing before its essay is linked: asked again then.
      if (known !== '') links.set(path, known);
    }
    return known;
  };
  return (kind, paths) => {
    const parts = [kind];
    for (const path of paths) {
      const key = renderKey(path);
      if (key === undefined) return undefined;
      parts.push(path, key, linksOf(path));
    }
    site ??= siteLayoutKey(shared, reuse);
    return layoutKey([site, ...parts]);
  };
}
