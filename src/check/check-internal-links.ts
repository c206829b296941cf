/** Internal links: pages, files and `#fragments` that must exist in the built site. */
import type { Diagnostic } from '../diagnostics.js';
import { bodyText, type Page } from '../front-matter/page.js';
import type { PageLink, RenderedPage } from '../markdown/page-data.js';
import { positionAt, scanHtmlLinks } from '../markdown/plugins/remark-collect-links.js';
import type { SiteIndex } from './site-index.js';

/** An external link occurrence, kept for the optional `--external` pass. */
export interface ExternalLink {
  url: string;
  file: string;
  line: number;
  column: number;
}

export interface InternalLinkReport {
  diagnostics: Diagnostic[];
  external: ExternalLink[];
  /** Number of links looked at, for the summary. */
  checked: number;
}

/** Elements whose URL is loaded as a resource, so it must be a file, never "a page that might exist". */
const RESOURCE_ELEMENTS = new Set(['img', 'iframe', 'source', 'video', 'audio', 'track', 'embed', 'script', 'input', 'object', 'link']);

/** The links of a page with source positions: the renderer's for Markdown, a scan of the body for HTML pages. */
export function linksOfPage(page: Page, rendered: RenderedPage | undefined): PageLink[] {
  if (page.kind === 'markdown') return rendered?.links ?? [];
  const body = bodyText(page);
  return scanHtmlLinks(body).map((link) => {
    const p = positionAt(body, link.offset);
    return { href: link.href, element: link.element, line: page.bodyLine + p.line - 1, column: p.column };
  });
}

/** Checks every internal link of every page against the built site. */
export function checkInternalLinks(
  pages: readonly Page[],
  rendered: ReadonlyMap<string, RenderedPage>,
  index: SiteIndex,
  isIgnored: (href: string) => boolean,
): InternalLinkReport {
  const diagnostics: Diagnostic[] = [];
  const external: ExternalLink[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const link of linksOfPage(page, rendered.get(page.path))) {
      if (isIgnored(link.href)) continue;
      const report = (rule: string, message: string) =>
        diagnostics.push({ file: page.path, line: link.line, column: link.column, severity: 'error', rule, message });
      const target = index.resolve(link.href, page.url);
      if (target.kind === 'skip') continue;
      checked++;
      if (target.kind === 'external') {
        external.push({ url: target.url, file: page.path, line: link.line, column: link.column });
        continue;
      }
      if (target.kind === 'malformed') {
        report('links/malformed', target.reason);
        continue;
      }
      const { outputPath, fragment } = target;
      if (target.outsideBaseurl) {
        const inside = index.lookup(target.sitePath);
        const hint = inside === undefined ? '' : `: did you mean ${index.hrefFor(inside)}${fragment === undefined ? '' : `#${fragment}`}?`;
        report(ruleForMissing(link, target.sitePath), `${link.href} does not start with the site's baseurl ${index.baseurl}, so it is broken once published${hint}`);
        continue;
      }
      if (outputPath === undefined) {
        const near = index.suggest(target.sitePath);
        const rule = ruleForMissing(link, target.sitePath);
        const what = rule === 'links/missing-file' ? 'file' : 'page';
        const caseHint = near !== undefined && near.toLowerCase() === `${index.baseurl}${target.sitePath}`.toLowerCase() ? ' (URLs are case-sensitive on GitHub Pages)' : '';
        report(rule, `${link.href} links to a ${what} that does not exist${near === undefined ? '' : `: did you mean ${near}?${caseHint}`}`);
        continue;
      }
      if (fragment !== undefined && index.hasFragment(outputPath, fragment) === false) {
        const samePage = index.pageAt(outputPath)?.path === page.path;
        report('links/missing-anchor', `#${fragment} does not exist on ${samePage ? 'this page' : index.hrefFor(outputPath)}`);
      }
    }
  }
  return { diagnostics, external, checked };
}

/** A missing `<img>` or `.pdf` is a missing file; a missing extension-less or `.html` path is a missing page. */
function ruleForMissing(link: PageLink, sitePath: string): string {
  if (RESOURCE_ELEMENTS.has(link.element)) return 'links/missing-file';
  const last = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  return /\.(?!html?$)[a-z0-9]+$/i.test(last) ? 'links/missing-file' : 'links/missing-page';
}
