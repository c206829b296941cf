/**
 * Scholarly metadata of an essay or chapter: who wrote it, when, where it was published, under which
 * identifiers and licence. Read from `_config.yml` defaults, then the essay's front matter, then the
 * chapter's, each layer overriding the one before key by key.
 */

export interface Author {
  name: string;
  /** Split for citation styles; `given` is empty for a one-word (institutional) name. */
  given: string;
  family: string;
  affiliation: string | undefined;
  /** Bare ORCID iD, `0000-0002-1825-0097`. */
  orcid: string | undefined;
  url: string | undefined;
}

export interface Journal {
  title: string;
  volume: string | undefined;
  issue: string | undefined;
  pages: string | undefined;
}

/** The fields one layer (config, essay or chapter) may set; undefined means "inherit". */
export interface MetadataFields {
  authors: Author[] | undefined;
  /** ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | undefined;
  lastModified: string | undefined;
  /** Bare DOI, `10.5555/abc`. */
  doi: string | undefined;
  publisher: string | undefined;
  journal: Journal | undefined;
  abstract: string | undefined;
  keywords: string[] | undefined;
  license: string | undefined;
  /** true: make a PDF; false: none; a string: the URL of the author's own PDF. */
  pdf: boolean | string | undefined;
}

/** Reports a bad value of a top-level key; the caller knows where the key sits. */
export type ReportField = (key: string, message: string) => void;

const DOI = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const ORCID_PREFIX = /^https?:\/\/orcid\.org\//i;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/;

/** Reads the scholarly keys of one front matter or config mapping, reporting malformed values. */
export function readMetadataFields(raw: Readonly<Record<string, unknown>>, report: ReportField): MetadataFields {
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (typeof value === 'number') return String(value);
    report(key, `${key} should be text`);
    return undefined;
  };
  const authorsKey = raw['authors'] !== undefined ? 'authors' : 'author';
  return {
    authors: readAuthors(raw[authorsKey], (message) => report(authorsKey, message)),
    date: readDate(raw['date'], (message) => report('date', message)),
    lastModified: readDate(raw['last_modified_date'], (message) => report('last_modified_date', message)),
    doi: readDoi(raw['doi'], (message) => report('doi', message)),
    publisher: text('publisher'),
    journal: readJournal(raw['journal'], (message) => report('journal', message)),
    abstract: text('abstract'),
    keywords: readKeywords(raw['keywords'], (message) => report('keywords', message)),
    license: text('license'),
    pdf: readPdf(raw['pdf'], (message) => report('pdf', message)),
  };
}

/** Layers later in the list override earlier ones key by key. */
export function mergeFields(layers: readonly MetadataFields[]): MetadataFields {
  const merged: MetadataFields = emptyFields();
  for (const layer of layers) {
    for (const key of Object.keys(merged) as Array<keyof MetadataFields>) {
      if (layer[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = layer[key];
    }
  }
  return merged;
}

/** A layer that sets nothing. */
export function emptyFields(): MetadataFields {
  return { authors: undefined, date: undefined, lastModified: undefined, doi: undefined, publisher: undefined, journal: undefined, abstract: undefined, keywords: undefined, license: undefined, pdf: undefined };
}

/** `author: Name`, `author: {name, affiliation, orcid, url}`, or a list of either. */
function readAuthors(value: unknown, warn: (message: string) => void): Author[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const authors: Author[] = [];
  for (const entry of list) {
    if (typeof entry === 'string' && entry.trim() !== '') {
      authors.push(author(entry.trim(), {}, warn));
    } else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      const fields = entry as Record<string, unknown>;
      const name = typeof fields['name'] === 'string' ? fields['name'].trim() : '';
      if (name === '') warn('an author needs a name');
      else authors.push(author(name, fields, warn));
    } else {
      warn('author should be a name, a mapping with name, affiliation, orcid and url, or a list of those');
    }
  }
  return authors;
}

function author(name: string, fields: Record<string, unknown>, warn: (message: string) => void): Author {
  const str = (key: string) => (typeof fields[key] === 'string' && fields[key].trim() !== '' ? fields[key].trim() : undefined);
  const words = name.split(/\s+/);
  const family = str('family') ?? words[words.length - 1] ?? name;
  const given = str('given') ?? words.slice(0, -1).join(' ');
  let orcid = str('orcid')?.replace(ORCID_PREFIX, '');
  if (orcid !== undefined && !validOrcid(orcid)) {
    warn(`ORCID "${orcid}" of ${name} is not a valid ORCID iD (0000-0000-0000-000X with a correct check digit); left out`);
    orcid = undefined;
  }
  return { name, given, family, affiliation: str('affiliation'), orcid, url: str('url') };
}

/** ORCID iDs end in an ISO 7064 MOD 11-2 check digit. */
export function validOrcid(id: string): boolean {
  if (!ORCID.test(id)) return false;
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const ch of digits.slice(0, -1)) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.slice(-1) === (check === 10 ? 'X' : String(check));
}

function readDoi(value: unknown, warn: (message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  const doi = String(value).trim().replace(DOI_PREFIX, '');
  if (DOI.test(doi)) return doi;
  warn(`DOI "${String(value)}" is not a DOI (10.NNNN/suffix); left out`);
  return undefined;
}

/** YAML gives dates as Date objects; text must be an ISO date, as Jekyll writes them. */
function readDate(value: unknown, warn: (message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const match = ISO_DATE.exec(String(value).trim());
  const [, year, month, day] = match ?? [];
  if (year === undefined || !validDay(Number(year), Number(month ?? 1), Number(day ?? 1))) {
    warn(`date "${String(value)}" does not parse; write it as YYYY-MM-DD`);
    return undefined;
  }
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readJournal(value: unknown, warn: (message: string) => void): Journal | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { title: value.trim(), volume: undefined, issue: undefined, pages: undefined };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>;
    const str = (key: string) => (typeof fields[key] === 'string' || typeof fields[key] === 'number' ? String(fields[key]).trim() : undefined);
    const title = str('title');
    if (title !== undefined && title !== '') return { title, volume: str('volume'), issue: str('issue'), pages: str('pages')?.replace(/-+/g, '–') };
  }
  warn('journal should be a title or a mapping with title, volume, issue and pages');
  return undefined;
}

function readKeywords(value: unknown, warn: (message: string) => void): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/[,;]/).map((k) => k.trim()).filter((k) => k !== '');
  if (Array.isArray(value)) return value.map((k) => String(k).trim()).filter((k) => k !== '');
  warn('keywords should be a list or a comma-separated text');
  return undefined;
}

function readPdf(value: unknown, warn: (message: string) => void): boolean | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  warn('pdf should be true, false or the address of a PDF');
  return undefined;
}

/** The web address of a licence given as a Creative Commons SPDX id (`CC-BY-4.0`); other values are kept as written. */
export function licenseUrl(license: string): string | undefined {
  if (/^https?:\/\//.test(license)) return license;
  const cc = /^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)$/i.exec(license);
  if (cc?.[1] !== undefined && cc[2] !== undefined) return `https://creativecommons.org/licenses/${cc[1].toLowerCase()}/${cc[2]}/`;
  if (/^CC0-1\.0$/i.test(license)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}
