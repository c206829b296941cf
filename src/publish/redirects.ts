/** Redirect pages as jekyll-redirect-from writes them: `redirect_from` adds small pages, `redirect_to` replaces one. */
import type { SiteConfig } from '../config/site-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import { absoluteUrl } from '../seo/site-url.js';

/** One redirect: the output file written at the old address and the absolute address it sends readers to. */
export interface Redirect {
  /** Site path readers arrive at, e.g. `/old-alpha/`. */
  from: string;
  /** Output file, e.g. `old-alpha/index.html`. */
  outputPath: string;
  to: string;
  /** The page that asked for it. */
  source: string;
}

/** The output file Jekyll writes for a permalink: `…/` → `…/index.html`, otherwise `.html` added unless there. */
export function redirectOutputPath(from: string): string {
  const rel = decodeURIComponent(from).replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  return rel.endsWith('.html') ? rel : `${rel}.html`;
}

/**
 * Every `redirect_from` of every page; one that would overwrite a page, a file or an earlier redirect
 * is left out with a warning (Jekyll would silently publish whichever it wrote last).
 */
export function collectRedirects(pages: readonly Page[], taken: ReadonlySet<string>, config: Pick<SiteConfig, 'url' | 'baseurl'>): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const redirects: Redirect[] = [];
  const diagnostics: Diagnostic[] = [];
  const written = new Set(taken);
  for (const page of pages) {
    for (const path of page.data.redirectFrom) {
      const from = path.startsWith('/') ? path : `/${path}`;
      const outputPath = redirectOutputPath(from);
      const at = page.data.places['redirect_from'] ?? { line: 1, column: 1 };
      if (written.has(outputPath)) {
        diagnostics.push({ file: page.path, line: at.line, column: at.column, severity: 'warning', rule: 'redirect/conflict', message: `redirect_from "${path}" would overwrite ${outputPath}, which the site already publishes; left out` });
        continue;
      }
      written.add(outputPath);
      redirects.push({ from, outputPath, to: absoluteUrl(config, page.url), source: page.path });
    }
  }
  return { redirects, diagnostics };
}
