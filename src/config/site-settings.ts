/**
 * Settings of Just the Docs features and Jekyll plugins (callouts, logo, copy buttons, collections,
 * essay PDFs, `defaults:`, the site keys jekyll-seo-tag and jekyll-feed read), resolved from
 * `_config.yml` once. They are read as leniently as Jekyll reads them: a value of an unexpected
 * type is left out rather than reported, so a site Jekyll builds builds here too.
 */

/** Just the Docs' colour names for callouts: the strong shade (border, title) of each. */
const CALLOUT_COLOURS: Readonly<Record<string, string>> = {
  'grey-dk': 'var(--jtd-grey-dk-100)',
  'grey-lt': 'var(--jtd-grey-dk-000)',
  purple: 'var(--jtd-purple-200)',
  blue: 'var(--jtd-blue-200)',
  green: 'var(--jtd-green-200)',
  yellow: 'var(--jtd-yellow-300)',
  red: 'var(--jtd-red-200)',
};

/** One declared callout: its class name, title and colour. */
export interface Callout {
  name: string;
  title: string | undefined;
  colour: string;
}

/** One `defaults:` scope: front-matter values for pages under `path` (and of `type`, when given). */
export interface FrontMatterDefault {
  path: string;
  type: string | undefined;
  values: Record<string, unknown>;
}

/**
 * The site keys jekyll-seo-tag and jekyll-feed read, as written: those plugins take a string, a
 * number or a mapping for most of them, so `src/seo/` reads each value the way they do.
 */
export interface SeoSite {
  title: unknown;
  name: unknown;
  tagline: unknown;
  description: unknown;
  lang: unknown;
  locale: unknown;
  author: unknown;
  twitter: unknown;
  facebook: unknown;
  social: unknown;
  logo: unknown;
  webmasterVerifications: unknown;
  googleSiteVerification: unknown;
}

/** The keys `src/scholar/` reads from `_config.yml` as the metadata every essay inherits. */
const SCHOLAR_KEYS = ['author', 'authors', 'date', 'last_modified_date', 'doi', 'publisher', 'journal', 'abstract', 'keywords', 'license', 'pdf'] as const;

export interface SiteSettings {
  /** `logo:`, when it names a file or URL. */
  logo: string | undefined;
  /** `callouts:` in its order; undefined when the key is not a mapping or list (no callout stylesheet). */
  callouts: Callout[] | undefined;
  /** `enable_copy_code_button: true`. */
  copyCodeButton: boolean;
  /** Jekyll collections, which Dossier does not build: their folder's parent and their labels. */
  collections: { dir: string; labels: string[] };
  /** `dossier.pdf: true`: every essay gets a PDF during build. */
  pdf: boolean;
  /** `defaults:`, malformed entries left out as Jekyll does. */
  frontMatterDefaults: FrontMatterDefault[];
  seoSite: SeoSite;
  /** The scholarly metadata keys (`author`, `publisher`, `journal`, `license`, …) as written; `src/scholar/` validates them as it does front matter. */
  scholarSite: Readonly<Record<string, unknown>>;
}

type Raw = Readonly<Record<string, unknown>>;

/** A YAML mapping (not a list, a date or a scalar). */
export const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** The settings above, from the whole `_config.yml`. */
export function readSiteSettings(raw: Raw): SiteSettings {
  const logo = raw['logo'];
  const dossier = raw['dossier'];
  return {
    logo: typeof logo === 'string' && logo !== '' ? logo : undefined,
    callouts: typeof raw['callouts'] === 'object' && raw['callouts'] !== null ? readCallouts(raw['callouts']) : undefined,
    copyCodeButton: raw['enable_copy_code_button'] === true,
    collections: { dir: typeof raw['collections_dir'] === 'string' ? raw['collections_dir'] : '', labels: collectionLabels(raw) },
    pdf: dossier !== null && typeof dossier === 'object' && (dossier as Raw)['pdf'] === true,
    frontMatterDefaults: readDefaults(raw['defaults']),
    seoSite: {
      title: raw['title'],
      name: raw['name'],
      tagline: raw['tagline'],
      description: raw['description'],
      lang: raw['lang'],
      locale: raw['locale'],
      author: raw['author'],
      twitter: raw['twitter'],
      facebook: raw['facebook'],
      social: raw['social'],
      logo: raw['logo'],
      webmasterVerifications: raw['webmaster_verifications'],
      googleSiteVerification: raw['google_site_verification'],
    },
    scholarSite: Object.fromEntries(SCHOLAR_KEYS.filter((key) => key in raw).map((key) => [key, raw[key]])),
  };
}

/** The callouts `_config.yml` declares, in its order; an unknown colour name falls back to grey. */
function readCallouts(value: object): Callout[] {
  if (Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, spec]) => {
    if (!/^[A-Za-z][\w-]*$/.test(name)) return [];
    const fields = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
    const title = typeof fields['title'] === 'string' ? fields['title'] : undefined;
    const grey = CALLOUT_COLOURS['grey-dk'] ?? '';
    const colour = typeof fields['color'] === 'string' ? (CALLOUT_COLOURS[fields['color']] ?? grey) : grey;
    return [{ name, title, colour }];
  });
}

/** Collection labels named in `collections` (a mapping or a list) and `just_the_docs.collections`. */
function collectionLabels(raw: Raw): string[] {
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

/** Reads the `defaults:` list; malformed entries are left out (Jekyll ignores them too). */
function readDefaults(raw: unknown): FrontMatterDefault[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (!isMapping(entry) || !isMapping(entry['values'])) return [];
    const scope = isMapping(entry['scope']) ? entry['scope'] : {};
    const path = typeof scope['path'] === 'string' ? scope['path'].replace(/^\/+/, '') : '';
    const type = typeof scope['type'] === 'string' ? scope['type'] : undefined;
    return [{ path, type, values: entry['values'] }];
  });
}
