/** Stylesheets and scripts a site's Just the Docs settings call for, beyond Dossier's own. */
import type { SiteConfig } from '../config/site-config.js';

/** Asset names under `/assets/` for the head, in order. */
export interface SiteFeatures {
  stylesheets: string[];
  scripts: string[];
}

/** KaTeX's stylesheet when `kramdown.math_engine` is set, callout colours for `callouts:`, the copy button for `enable_copy_code_button`. */
export function siteFeatures(config: Pick<SiteConfig, 'callouts' | 'copyCodeButton' | 'kramdownMath'>): SiteFeatures {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  if (config.kramdownMath) stylesheets.push('katex/katex.min.css');
  if (config.callouts !== undefined) stylesheets.push('callouts.css');
  if (config.copyCodeButton) scripts.push('copy-code.js');
  return { stylesheets, scripts };
}
