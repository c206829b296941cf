/**
 * "Cite this essay": a work's CSL-JSON item, formatted by citation-js (citeproc-js underneath) in
 * Chicago, APA and MLA, and exported as BibTeX and RIS. The only module that loads citation-js; the
 * Markdown workers never do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { DEFAULT_TEMPLATES_DIR } from '../config/dossier-dirs.js';
import type { CitableWork } from './citable-works.js';

/** One formatted reference: HTML (italics kept) for the page, text for copying and plain contexts. */
export interface FormattedCitation {
  html: string;
  text: string;
}

export interface Citations {
  chicago: FormattedCitation;
  apa: FormattedCitation;
  mla: FormattedCitation;
  bibtex: string;
  ris: string;
}

/** The citation styles in use and where each came from, for docs and messages. */
export interface CitationStyles {
  chicago: string;
  apa: string;
  mla: string;
}

const LOCALE = 'en-US';

/**
 * Registers the Chicago and MLA styles with citation-js: a site's own CSL file
 * (`<templates>/csl/chicago.csl`, `mla.csl`, e.g. the official ones) wins over Dossier's compact
 * styles in `templates/csl/`. APA is the official style plugin-csl ships.
 */
export function loadCitationStyles(siteTemplatesDir: string | undefined): CitationStyles {
  const styles = plugins.config.get('@csl').styles;
  const register = (name: string, ownFile: string): string => {
    const site = siteTemplatesDir === undefined ? undefined : path.join(siteTemplatesDir, 'csl', `${name}.csl`);
    const file = site !== undefined && existsSync(site) ? site : path.join(DEFAULT_TEMPLATES_DIR, 'csl', ownFile);
    const id = `dossier-${name}:${file}`;
    if (!styles.has(id)) styles.add(id, readFileSync(file, 'utf8'));
    return id;
  };
  return { chicago: register('chicago', 'dossier-chicago.csl'), apa: 'apa', mla: register('mla', 'dossier-mla.csl') };
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

/** Formats one work in every style and export format. */
export function formatCitations(work: CitableWork, styles: CitationStyles): Citations {
  const cite = new Cite([cslItem(work)]);
  const styled = (template: string): FormattedCitation => ({
    html: entryHtml(cite.format('bibliography', { format: 'html', template, lang: LOCALE })),
    text: cite.format('bibliography', { format: 'text', template, lang: LOCALE }).trim(),
  });
  return {
    chicago: styled(styles.chicago),
    apa: styled(styles.apa),
    mla: styled(styles.mla),
    bibtex: cite.format('bibtex', { format: 'text' }).trim(),
    // RIS closes with `ER  - `, trailing space included: only the blank lines after it go.
    ris: cite.format('ris', { format: 'text' }).replace(/\n+$/, ''),
  };
}

/** The inside of citeproc's single `csl-entry` div: the reference with its `<i>`, without the wrappers. */
function entryHtml(html: string): string {
  const open = html.indexOf('>', html.indexOf('class="csl-entry"')) + 1;
  const close = html.lastIndexOf('</div>', html.lastIndexOf('</div>') - 1);
  return html.slice(open, close).trim();
}

/** `Ribeiro2024Paying`: first author's family name, year, first word of the title (short enough for RIS's ID). */
function citationKey(work: CitableWork): string {
  const family = work.meta.authors?.[0]?.family ?? 'Anon';
  const word = work.title.split(/\s+/).find((w) => !/^(a|an|the)$/i.test(w)) ?? '';
  return [family, work.meta.date?.slice(0, 4) ?? 'nd', word].map((part) => part.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')).join('');
}
