/**
 * What a citation is formatted from, without loading citation-js: a work's CSL-JSON item, the CSL
 * styles in use (read from their files), and a key of both, so formatted citations can be kept by
 * content and found again in a later build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATES_DIR } from '../config/dossier-dirs.js';
import type { CitableWork } from './citable-works.js';

/** A CSL style: its XML, or none for a style citation-js ships (by name). */
export interface CitationStyleSource {
  name: string;
  xml: string | undefined;
}

/** The styles every work is formatted in, and the locale. */
export interface CitationStyleSources {
  chicago: CitationStyleSource;
  apa: CitationStyleSource;
  mla: CitationStyleSource;
  locale: string;
}

/**
 * The Chicago and MLA styles: a site's own CSL file (`<templates>/csl/chicago.csl`, `mla.csl`, e.g.
 * the official ones) wins over Dossier's compact styles in `templates/csl/`. APA is the official style
 * plugin-csl ships.
 */
export function citationStyleSources(siteTemplatesDir: string | undefined): CitationStyleSources {
  const read = (name: string, ownFile: string): CitationStyleSource => {
    const site = siteTemplatesDir === undefined ? undefined : path.join(siteTemplatesDir, 'csl', `${name}.csl`);
    const file = site !== undefined && existsSync(site) ? site : path.join(DEFAULT_TEMPLATES_DIR, 'csl', ownFile);
    return { name, xml: readFileSync(file, 'utf8') };
  };
  return { chicago: read('chicago', 'dossier-chicago.csl'), apa: { name: 'apa', xml: undefined }, mla: read('mla', 'dossier-mla.csl'), locale: 'en-US' };
}

/** Digest of the styles' text and the locale: what every citation's key shares. */
export function stylesDigest(sources: CitationStyleSources): string {
  const hash = createHash('sha256').update(sources.locale);
  for (const style of [sources.chicago, sources.apa, sources.mla]) hash.update(`\0${style.name}\0${style.xml ?? '(built in)'}`);
  return hash.digest('hex');
}

/** Key of one item's citations: the styles' digest and the item's JSON, nothing else (no paths, no times). */
export function citationCacheKey(digest: string, item: Record<string, unknown>): string {
  return createHash('sha256').update(digest).update('\0').update(JSON.stringify(item)).digest('hex');
}

/** The CSL-JSON item of an essay (a report, or an article when it has a journal) or of a chapter (a part of the essay). */
export function cslItem(work: CitableWork): Record<string, unknown> {
  const { meta } = work;
  const key = citationKey(work);
  const item: Record<string, unknown> = {
    id: key,
    'citation-key': key,
    title: work.title,
    author: (meta.authors ?? []).map((a) => (a.given === '' ? { literal: a.name } : { given: a.given, family: a.family })),
    URL: work.url,
  };
  if (meta.date !== undefined) item['issued'] = { 'date-parts': [meta.date.split('-').map(Number)] };
  // A chapter shares the essay's DOI by inheritance; citing the chapter by it would name the essay.
  const doi = work.kind === 'chapter' && meta.doi === work.essay.meta.doi ? undefined : meta.doi;
  if (doi !== undefined) item['DOI'] = doi;
  if (meta.abstract !== undefined) item['abstract'] = meta.abstract;
  if (meta.keywords !== undefined) item['keyword'] = meta.keywords.join(',');
  if (work.kind === 'chapter') {
    item['type'] = 'chapter';
    item['container-title'] = work.essay.title;
    item['chapter-number'] = String(work.chapterNumber);
    item['publisher'] = meta.journal?.title ?? meta.publisher;
  } else if (meta.journal !== undefined) {
    item['type'] = 'article-journal';
    item['container-title'] = meta.journal.title;
    for (const [key, value] of [['volume', meta.journal.volume], ['issue', meta.journal.issue], ['page', meta.journal.pages]] as const) {
      if (value !== undefined) item[key] = value;
    }
    if (meta.publisher !== undefined) item['publisher'] = meta.publisher;
  } else {
    item['type'] = 'report';
    if (meta.publisher !== undefined) item['publisher'] = meta.publisher;
  }
  return item;
}

/** `Ribeiro2024Paying`: first author's family name, year, first word of the title (short enough for RIS's ID). */
function citationKey(work: CitableWork): string {
  const family = work.meta.authors?.[0]?.family ?? 'Anon';
  const word = work.title.split(/\s+/).find((w) => !/^(a|an|the)$/i.test(w)) ?? '';
  return [family, work.meta.date?.slice(0, 4) ?? 'nd', word].map((part) => part.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')).join('');
}
