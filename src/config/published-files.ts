/** Which of Jekyll's plugin outputs a site publishes: what `plugins:` lists, or what `dossier.*` turns on or off. */
export interface PublishedFiles {
  /** `sitemap.xml` and `robots.txt` (jekyll-sitemap). */
  sitemap: boolean;
  /** Site path of the Atom feed (jekyll-feed), or undefined when there is none. */
  feedPath: string | undefined;
  /** How many dated pages the feed lists (`feed.posts_limit`, 10 by default). */
  feedLimit: number;
  /** `redirects.json` beside the redirect pages (jekyll-redirect-from; `redirect_from.json: false` turns it off). */
  redirectsJson: boolean;
}

/** Reads `plugins` (and Jekyll 3's `gems`), `dossier.sitemap`, `dossier.feed`, `feed.path`, `feed.posts_limit` and `redirect_from.json`. */
export function readPublishedFiles(raw: Readonly<Record<string, unknown>>): PublishedFiles {
  const plugins = new Set([...list(raw['plugins']), ...list(raw['gems'])]);
  const dossier = mapping(raw['dossier']);
  const feed = mapping(raw['feed']);
  const wants = (key: string, plugin: string): boolean => (typeof dossier[key] === 'boolean' ? dossier[key] === true : plugins.has(plugin));
  const path = typeof feed['path'] === 'string' && feed['path'] !== '' ? feed['path'] : 'feed.xml';
  const limit = feed['posts_limit'];
  return {
    sitemap: wants('sitemap', 'jekyll-sitemap'),
    feedPath: wants('feed', 'jekyll-feed') ? `/${path.replace(/^\/+/, '')}` : undefined,
    feedLimit: typeof limit === 'number' && limit >= 0 ? Math.floor(limit) : 10,
    redirectsJson: plugins.has('jekyll-redirect-from') && mapping(raw['redirect_from'])['json'] !== false,
  };
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function mapping(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
