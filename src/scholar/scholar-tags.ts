/**
 * What an essay or chapter page tells indexers: Google Scholar's Highwire Press tags, Dublin Core and
 * a schema.org ScholarlyArticle. Data only; `templates/partials/scholar-meta.eta` prints it.
 */
import type { CitableWork } from './citable-works.js';
import { licenseUrl, type Author } from './metadata.js';

/** One `<meta name content>` tag. */
export interface MetaTag {
  name: string;
  content: string;
}

export interface ScholarTags {
  meta: MetaTag[];
  /** A schema.org ScholarlyArticle, chapters as `hasPart` on the essay, the essay as `isPartOf` on a chapter. */
  jsonLd: Record<string, unknown>;
}

/** The meta tags and JSON-LD of one work, built together so they never disagree. */
export function scholarTags(work: CitableWork): ScholarTags {
  const { meta } = work;
  const authors = meta.authors ?? [];
  const doi = work.kind === 'chapter' && meta.doi === work.essay.meta.doi ? undefined : meta.doi;
  const license = meta.license === undefined ? undefined : (licenseUrl(meta.license) ?? meta.license);
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined) => {
    if (content !== undefined && content !== '') tags.push({ name, content });
  };

  add('citation_title', work.title);
  for (const author of authors) {
    add('citation_author', author.name);
    add('citation_author_institution', author.affiliation);
    add('citation_author_orcid', author.orcid === undefined ? undefined : `https://orcid.org/${author.orcid}`);
  }
  add('citation_publication_date', meta.date?.replace(/-/g, '/'));
  if (work.kind === 'chapter') add('citation_inbook_title', work.essay.title);
  add('citation_journal_title', meta.journal?.title);
  add('citation_volume', meta.journal?.volume);
  add('citation_issue', meta.journal?.issue);
  const [first, last] = (meta.journal?.pages ?? '').split('–');
  add('citation_firstpage', first);
  add('citation_lastpage', last);
  add('citation_publisher', meta.publisher);
  add('citation_doi', doi);
  add('citation_keywords', meta.keywords?.join('; '));
  add('citation_pdf_url', work.pdfUrl);
  add('citation_fulltext_html_url', work.url);
  add('citation_abstract_html_url', work.kind === 'essay' || meta.abstract !== work.essay.meta.abstract ? work.url : work.essay.url);

  add('DC.title', work.title);
  for (const author of authors) add('DC.creator', author.name);
  add('DC.date', meta.date);
  add('DC.publisher', meta.publisher);
  add('DC.identifier', doi === undefined ? work.url : `https://doi.org/${doi}`);
  add('DC.description', meta.abstract);
  for (const keyword of meta.keywords ?? []) add('DC.subject', keyword);
  add('DC.rights', license);
  add('DC.type', 'Text');
  if (work.kind === 'chapter') add('DC.relation.isPartOf', work.essay.url);

  return { meta: tags, jsonLd: scholarlyArticle(work, authors, doi, license) };
}

function scholarlyArticle(work: CitableWork, authors: readonly Author[], doi: string | undefined, license: string | undefined): Record<string, unknown> {
  const { meta } = work;
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': work.url,
    url: work.url,
    headline: work.title,
    name: work.title,
  };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) article[key] = value;
  };
  set('author', authors.map(person));
  set('datePublished', meta.date);
  set('dateModified', meta.lastModified);
  set('publisher', meta.publisher === undefined ? undefined : { '@type': 'Organization', name: meta.publisher });
  set('abstract', meta.abstract);
  set('keywords', meta.keywords?.join(', '));
  set('license', license);
  if (doi !== undefined) {
    set('identifier', { '@type': 'PropertyValue', propertyID: 'DOI', value: doi });
    set('sameAs', `https://doi.org/${doi}`);
  }
  if (work.pdfUrl !== undefined) set('encoding', { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: work.pdfUrl });
  if (work.kind === 'chapter') {
    set('position', work.chapterNumber);
    set('isPartOf', { '@type': 'ScholarlyArticle', '@id': work.essay.url, name: work.essay.title });
  } else if (meta.journal !== undefined) {
    set('isPartOf', { '@type': 'Periodical', name: meta.journal.title });
    set('volumeNumber', meta.journal.volume);
    set('issueNumber', meta.journal.issue);
    set('pagination', meta.journal.pages);
  }
  set('hasPart', work.chapters.map((chapter, index) => ({ '@type': 'ScholarlyArticle', '@id': chapter.url, url: chapter.url, name: chapter.title, position: index + 1 })));
  return article;
}

function person(author: Author): Record<string, unknown> {
  const sameAs = [author.orcid === undefined ? undefined : `https://orcid.org/${author.orcid}`, author.url].filter((u): u is string => u !== undefined);
  return {
    '@type': 'Person',
    name: author.name,
    ...(author.affiliation === undefined ? {} : { affiliation: { '@type': 'Organization', name: author.affiliation } }),
    ...(sameAs.length === 0 ? {} : { sameAs }),
  };
}
