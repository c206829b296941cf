/** The favicon and logo Just the Docs puts in every page's head and header. */
import type { SiteConfig } from '../config/site-config.js';
import { siteHref } from '../url-path.js';

export interface SiteIcons {
  /** Href of the favicon (`favicon_ico`, or `/favicon.ico` when the site has one), baseurl-aware. */
  favicon: string | undefined;
  /** Href of the header logo (`logo`), baseurl-aware. */
  logo: string | undefined;
}

/** Hrefs of the site's favicon and logo; a full URL is kept as written. */
export function siteIcons(config: Pick<SiteConfig, 'favicon' | 'baseurl' | 'logo'>): SiteIcons {
  return {
    favicon: config.favicon === undefined ? undefined : siteHref(config.baseurl, config.favicon),
    logo: config.logo === undefined ? undefined : siteHref(config.baseurl, config.logo),
  };
}
