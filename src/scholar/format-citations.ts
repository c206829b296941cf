/**
 * "Cite this essay": a work's CSL-JSON item (csl-item.ts), formatted by citation-js (citeproc-js
 * underneath) in Chicago, APA and MLA, and exported as BibTeX and RIS. The only module that loads
 * citation-js; the Markdown workers never do.
 */
import { createHash } from 'node:crypto';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationStyleSource, CitationStyleSources } from './csl-item.js';
import { htmlText } from '../markdown/html-stream.js';

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

/** The registered names of the styles in use, and the locale. */
export interface CitationStyles {
  chicago: string;
  apa: string;
  mla: string;
  locale: string;
}

/**
 * Registers the styles with citation-js under names made from their text, so each style's citeproc
 * engine (which plugin-csl builds once per name and locale, the costly part) serves every build of
 * this process, and an edited style file gets an engine of its own.
 */
export function loadCitationStyles(sources: CitationStyleSources): CitationStyles {
  const styles = plugins.config.get('@csl').styles;
  const register = (style: CitationStyleSource): string => {
    if (style.xml === undefined) return style.name;
    const id = `dossier-${style.name}:${createHash('sha1').update(style.xml).digest('hex').slice(0, 16)}`;
    if (!styles.has(id)) styles.add(id, style.xml);
    return id;
  };
  return { chicago: register(sources.chicago), apa: register(sources.apa), mla: register(sources.mla), locale: sources.locale };
}

/** Builds each style's engine now (the APA one takes about a second), rather than on the first item. */
export function prepareEngines(styles: CitationStyles): void {
  for (const template of [styles.chicago, styles.apa, styles.mla]) plugins.config.get('@csl').engine([], template, styles.locale, 'html');
}

/** Formats one CSL item in every style and export format. */
export function formatCitations(item: Record<string, unknown>, styles: CitationStyles): Citations {
  const cite = new Cite([item]);
  // The cleaned data citation-js would hand each of its formatters.
  const data = cite.format('data', { format: 'object' });
  const styled = (template: string): FormattedCitation => {
    const html = entryHtml(bibliography(data, template, styles.locale));
    // The text is the HTML's, as citeproc's text format would give it: formatting the entry again costs as much as the first time.
    return { html, text: htmlText(html).trim() };
  };
  return {
    chicago: styled(styles.chicago),
    apa: styled(styles.apa),
    mla: styled(styles.mla),
    bibtex: cite.format('bibtex', { format: 'text' }).trim(),
    // RIS closes with `ER  - `, trailing space included: only the blank lines after it go.
    ris: cite.format('ris', { format: 'text' }).replace(/\n+$/, ''),
  };
}

/** The HTML bibliography of `data` in one style, as citation-js's `bibliography` output makes it. */
function bibliography(data: readonly Record<string, unknown>[], template: string, locale: string): string {
  const engine = plugins.config.get('@csl').engine(data, template, locale, 'html');
  // A bibliography of one item has nothing to sort: skipping citeproc's sort keys saves a tenth or more of its time (same output, checked on every work of the bench site).
  const ids = engine.updateItems(data.map((entry) => String(entry['id'])), data.length === 1);
  const [{ bibstart, bibend }, entries] = engine.makeBibliography();
  // citation-js marks each entry with its item id; kept so the output stays the same.
  return bibstart + entries.map((entry, index) => entry.replace(/^\s*<[a-z]+/i, `$& data-csl-entry-id="${ids[index] ?? ''}"`)).join('') + bibend;
}

/** The inside of citeproc's single `csl-entry` div: the reference with its `<i>`, without the wrappers. */
function entryHtml(html: string): string {
  const open = html.indexOf('>', html.indexOf('class="csl-entry"')) + 1;
  const close = html.lastIndexOf('</div>', html.lastIndexOf('</div>') - 1);
  return html.slice(open, close).trim();
}
