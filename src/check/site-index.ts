/** What a built site holds, indexed for resolving links the way GitHub Pages serves them. */
import { closestMatch } from '../diagnostics.js';
import type { Page } from '../front-matter/page.js';
import type { RenderedPage } from '../markdown/page-data.js';
import { decodeEntities } from '../html-text.js';
import { encodeUrlPath } from '../url-path.js';

/** Where an href leads, as seen from one page. */
export type LinkTarget =
  | { kind: 'skip' }
  | { kind: 'external'; url: string }
  | { kind: 'malformed'; reason: string }
  | {
      kind: 'internal';
      /** Decoded site path without baseurl, e.g. `/docs/G/essay-1/`. */
      sitePath: string;
      /** Decoded fragment without `#`; undefined when the href has none. */
      fragment: string | undefined;
      /** The output file that serves the path, if any. */
      outputPath: string | undefined;
      /** An absolute path that does not start with the site's baseurl: broken once deployed. */
      outsideBaseurl: boolean;
    };

/** The output of a build, for link resolution: file set, pages by output file, ids per HTML file. */
export class SiteIndex {
  private readonly pageByOutput = new Map<string, Page>();
  private readonly byLowerCase = new Map<string, string>();
  private readonly idCache = new Map<string, ReadonlySet<string>>();
  /** Every page URL, for "did you mean" suggestions (made on the first broken link). */
  private pageUrls: string[] | undefined;

  constructor(
    readonly baseurl: string,
    private readonly files: ReadonlyMap<string, string | Uint8Array>,
    pages: readonly Page[],
    private readonly rendered: ReadonlyMap<string, RenderedPage>,
  ) {
    for (const page of pages) this.pageByOutput.set(page.outputPath, page);
    for (const file of files.keys()) {
      const lower = file.toLowerCase();
      if (!this.byLowerCase.has(lower)) this.byLowerCase.set(lower, file);
    }
  }

  /** Classifies `href` written on the page served at `pageUrl` and finds the file it reaches. */
  resolve(href: string, pageUrl: string): LinkTarget {
    const trimmed = href.trim();
    // Liquid is expanded by Jekyll, not by Dossier; its links cannot be judged from the source.
    if (trimmed === '' || trimmed.includes('{{') || trimmed.includes('{%')) return { kind: 'skip' };
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
    if (scheme === 'http' || scheme === 'https') return { kind: 'external', url: trimmed };
    if (scheme !== undefined) return { kind: 'skip' };
    if (trimmed.startsWith('//')) return { kind: 'external', url: `https:${trimmed}` };

    const base = new URL(`http://site.invalid${encodeUrlPath(`${this.baseurl}${pageUrl}`)}`);
    let url: URL;
    let pathname: string;
    let fragment: string | undefined;
    try {
      url = new URL(trimmed, base);
      pathname = decodeURIComponent(url.pathname);
      fragment = trimmed.includes('#') ? decodeURIComponent(url.hash.slice(1)) : undefined;
    } catch {
      return { kind: 'malformed', reason: `\`${href}\` is not a valid URL (bad percent-encoding?)` };
    }
    let sitePath = pathname;
    let outsideBaseurl = false;
    if (this.baseurl !== '') {
      if (pathname === this.baseurl || pathname.startsWith(`${this.baseurl}/`)) sitePath = pathname.slice(this.baseurl.length) || '/';
      else outsideBaseurl = true;
    }
    return { kind: 'internal', sitePath, fragment, outputPath: this.lookup(sitePath), outsideBaseurl };
  }

  /** The output file GitHub Pages serves for a site path (exact case), if any. */
  lookup(sitePath: string): string | undefined {
    const rel = sitePath.replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) return this.has(`${rel}index.html`);
    return this.has(rel) ?? this.has(`${rel}.html`) ?? this.has(`${rel}/index.html`);
  }

  /** The page written to `outputPath`, if that file is a page. */
  pageAt(outputPath: string): Page | undefined {
    return this.pageByOutput.get(outputPath);
  }

  /** Whether `fragment` names an element on the HTML file at `outputPath` (undefined: not an HTML file). */
  hasFragment(outputPath: string, fragment: string): boolean | undefined {
    if (!/\.html?$/i.test(outputPath)) return undefined;
    // Browsers scroll to the top for an empty fragment and for `#top` without any such element.
    if (fragment === '' || fragment.toLowerCase() === 'top') return true;
    return this.idsOf(outputPath).has(fragment);
  }

  /** A close existing URL for a broken site path: same path in another case, the other permalink form, or a near spelling. */
  suggest(sitePath: string): string | undefined {
    const rel = sitePath.replace(/^\/+/, '');
    const candidates = [rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel, `${rel}.html`, `${rel}/index.html`];
    if (rel.endsWith('.html')) candidates.push(`${rel.slice(0, -'.html'.length)}/index.html`);
    if (rel.endsWith('/')) candidates.push(`${rel.slice(0, -1)}.html`);
    for (const candidate of candidates) {
      const found = this.files.has(candidate) ? candidate : this.byLowerCase.get(candidate.toLowerCase());
      if (found !== undefined) return this.hrefFor(found);
    }
    this.pageUrls ??= [...this.pageByOutput.values()].map((p) => p.url);
    const near = closestMatch(sitePath, this.pageUrls);
    // The home page is "close" to every short path; suggesting it helps nobody.
    return near === undefined || near === '/' ? undefined : `${this.baseurl}${near}`;
  }

  /** The href (with baseurl) that reaches an output file. */
  hrefFor(outputPath: string): string {
    const page = this.pageByOutput.get(outputPath);
    const url = page?.url ?? `/${outputPath.replace(/(^|\/)index\.html$/, '$1')}`;
    return `${this.baseurl}${url}`;
  }

  private has(rel: string): string | undefined {
    return this.files.has(rel) ? rel : undefined;
  }

  private idsOf(outputPath: string): ReadonlySet<string> {
    let ids = this.idCache.get(outputPath);
    if (ids === undefined) {
      const set = new Set<string>();
      const page = this.pageByOutput.get(outputPath);
      for (const id of (page === undefined ? undefined : this.rendered.get(page.path))?.ids ?? []) set.add(id);
      // The written file is the truth: layout ids, linked notes and raw HTML anchors all count.
      const data = this.files.get(outputPath);
      const html = data === undefined ? '' : typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
      for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
        set.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
      }
      ids = set;
      this.idCache.set(outputPath, ids);
    }
    return ids;
  }
}
