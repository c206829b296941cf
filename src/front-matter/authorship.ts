/**
 * Who wrote a page and when, read from front matter the way Jekyll's plugins read it. Shared by every
 * module that prints authors or dates (SEO tags, the feed, the sitemap, citation metadata).
 */

/** A page's author as jekyll-seo-tag resolves it: `author`, else the first of `authors`, else the site's `author`. */
export interface PageAuthor {
  name: string;
  /** Handle without `@`; jekyll-seo-tag falls back to the name. */
  twitter: string | undefined;
  url: string | undefined;
  email: string | undefined;
  /** `Person` or `Organization` when the author mapping says so. */
  type: string | undefined;
}

/** A front-matter date: the instant, and Jekyll's `date_to_xmlschema` text for it. */
export interface PageDate {
  /** Milliseconds since the epoch, for sorting. */
  time: number;
  /** `2024-03-05T00:00:00+00:00`; a written offset is kept, a missing one is UTC. */
  xmlschema: string;
}

export interface Authorship {
  author: PageAuthor | undefined;
  /** `date:` (publication). */
  date: PageDate | undefined;
  /** `last_modified_date:` (Just the Docs) or `last_modified_at:` (jekyll-last-modified-at), the latter first. */
  lastModified: PageDate | undefined;
}

type Raw = Readonly<Record<string, unknown>>;

/** Author and dates of a page, from its front matter and the site's `author:` (`SiteConfig.seoSite.author`). */
export function pageAuthorship(page: Raw, siteAuthor: unknown): Authorship {
  return {
    author: resolveAuthor(page, siteAuthor),
    date: readDate(page['date']),
    lastModified: readDate(page['last_modified_at']) ?? readDate(page['last_modified_date']),
  };
}

/** The first non-empty of page `author`, page `authors[0]`, site `author`; a list or a mapping without a name gives none. */
export function resolveAuthor(page: Raw, siteAuthor: unknown): PageAuthor | undefined {
  const authors = page['authors'];
  const sources = [page['author'], Array.isArray(authors) ? authors[0] : undefined, siteAuthor];
  const found = sources.find((s) => s !== undefined && s !== null && String(s) !== '');
  if (typeof found === 'string' || typeof found === 'number') return fromMapping({ name: String(found) });
  if (typeof found === 'object' && found !== null && !Array.isArray(found)) return fromMapping(found as Raw);
  return undefined;
}

function fromMapping(map: Raw): PageAuthor | undefined {
  const text = (key: string): string | undefined => {
    const value = map[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const name = text('name');
  if (name === undefined || name === '') return undefined;
  return { name, twitter: (text('twitter') ?? name).replace(/^@/, ''), url: text('url'), email: text('email'), type: text('type') };
}

const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A YAML timestamp (already a Date) or date text as Jekyll accepts it; anything else gives none. */
export function readDate(value: unknown): PageDate | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { time: value.getTime(), xmlschema: formatXmlSchema(value.getTime(), 0) };
  if (typeof value !== 'string') return undefined;
  const m = DATE_TEXT.exec(value.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(local)) return undefined;
  return { time: local - offset * 60_000, xmlschema: formatXmlSchema(local - offset * 60_000, offset) };
}

function zoneMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** `YYYY-MM-DDTHH:MM:SS±HH:MM` for an instant shown at a UTC offset in minutes. */
function formatXmlSchema(time: number, offset: number): string {
  const shifted = new Date(time + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shifted}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
