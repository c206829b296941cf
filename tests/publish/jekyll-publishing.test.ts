/**
 * Dossier's build of tests/fixtures/sites/publishing against what Jekyll and its SEO, sitemap, feed and
 * redirect plugins wrote for the same folder (tests/fixtures/jekyll-publishing), both read by parsers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText as hastText } from 'hast-util-to-text';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { decodeEntities } from '../../src/html-text.js';
import { MemoryWriter } from '../../src/write/writer.js';

const SITE = path.resolve(import.meta.dirname, '../fixtures/sites/publishing');
const RECORDED = path.resolve(import.meta.dirname, '../fixtures/jekyll-publishing');
const SEO_PAGES = ['index.html', 'about/index.html', 'docs/alpha/index.html', 'docs/beta/index.html', 'docs/epsilon/index.html', 'docs/zeta/index.html', 'docs/external-image/index.html', 'docs/gamma/index.html', '404.html'];
const REDIRECTS = ['old-alpha/index.html', 'older/alpha.html', 'docs/delta/index.html', 'docs/moved/index.html'];

let files: ReadonlyMap<string, string | Uint8Array>;
let diagnostics: readonly { rule: string }[];
beforeAll(async () => {
  const writer = new MemoryWriter();
  const result = await buildSite({ sourceDir: SITE, writer });
  files = writer.files;
  diagnostics = result.diagnostics;
});

const ours = (rel: string): string => {
  const data = files.get(rel);
  if (data === undefined) throw new Error(`Dossier did not write ${rel}`);
  return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
};
const jekyll = (rel: string): string => readFileSync(path.join(RECORDED, rel), 'utf8');

function elements(tree: Root, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tag) found.push(child);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

/** The head as jekyll-seo-tag fills it: title, each meta by name/property, canonical and feed links, parsed JSON-LD. */
function seoOf(html: string) {
  const tree = fromHtml(html);
  const metas = elements(tree, 'meta')
    .map((m) => [String(m.properties['name'] ?? m.properties['property'] ?? ''), String(m.properties['content'] ?? '')] as const)
    .filter(([key]) => key !== '' && key !== 'generator' && key !== 'viewport' && key !== 'color-scheme');
  const links = elements(tree, 'link')
    .filter((l) => ['canonical', 'alternate'].includes(String((l.properties['rel'] as string[] | undefined)?.[0])))
    .map((l) => `${String((l.properties['rel'] as string[])[0])} ${String(l.properties['href'])}`);
  const script = elements(tree, 'script').find((s) => s.properties['type'] === 'application/ld+json');
  return { title: hastText(elements(tree, 'title')[0] as Element), metas: metas.sort(), links: links.sort(), jsonLd: script === undefined ? undefined : (JSON.parse(hastText(script)) as unknown) };
}

/** jekyll-seo-tag HTML-escapes strings inside its JSON-LD (`&amp;`); Dossier writes the text itself. */
function unescapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) return value.map(unescapeStrings);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeStrings(v)]));
  return value;
}

describe('SEO tags match jekyll-seo-tag 2.8 on the same site', () => {
  it.each(SEO_PAGES)('%s: title, every meta and link, JSON-LD', (rel) => {
    const mine = seoOf(ours(rel));
    const theirs = seoOf(jekyll(rel));
    expect(mine.title).toBe(theirs.title);
    expect(mine.metas).toEqual(theirs.metas);
    expect(mine.links).toEqual(theirs.links);
    expect(mine.jsonLd).toEqual(unescapeStrings(theirs.jsonLd));
  });

  it('prints a favicon link under baseurl and the logo in the header', () => {
    const tree = fromHtml(ours('docs/beta/index.html'));
    const icon = elements(tree, 'link').find((l) => (l.properties['rel'] as string[]).includes('icon'));
    expect(icon?.properties['href']).toBe('/review/favicon.ico');
    const logo = elements(tree, 'img').find((img) => (img.properties['className'] as string[] | undefined)?.includes('site-logo'));
    expect(logo?.properties['src']).toBe('/review/assets/logo.png');
  });
});

describe('redirects match jekyll-redirect-from', () => {
  it.each(REDIRECTS)('%s: canonical, refresh and link lead to the same address', (rel) => {
    const read = (html: string) => {
      const tree = fromHtml(html);
      return {
        canonical: elements(tree, 'link').find((l) => (l.properties['rel'] as string[]).includes('canonical'))?.properties['href'],
        refresh: elements(tree, 'meta').find((m) => m.properties['httpEquiv'] !== undefined)?.properties['content'],
        robots: elements(tree, 'meta').find((m) => m.properties['name'] === 'robots')?.properties['content'],
        link: elements(tree, 'a')[0]?.properties['href'],
      };
    };
    expect(read(ours(rel))).toEqual(read(jekyll(rel)));
  });

  it('writes redirects.json with the same map', () => {
    expect(JSON.parse(ours('redirects.json'))).toEqual(JSON.parse(jekyll('redirects.json')));
  });

  it('keeps redirect_to pages out of the search index', () => {
    const index = JSON.parse(ours('search/index.json')) as { pages: Array<[string, string]> };
    const urls = index.pages.map(([url]) => url);
    expect(urls).toContain('/review/docs/alpha/');
    expect(urls.filter((url) => url.includes('delta') || url.includes('moved'))).toEqual([]);
  });

  it('builds without warnings', () => {
    expect(diagnostics.map((d) => d.rule)).toEqual([]);
  });
});

describe('sitemap.xml and robots.txt match jekyll-sitemap', () => {
  const urls = (xml: string) => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    return [...doc.querySelectorAll('url')].map((url) => ({ loc: url.querySelector('loc')?.textContent, lastmod: url.querySelector('lastmod')?.textContent ?? undefined }));
  };

  it('lists the same URLs in the same order (no sitemap: false page, no 404, no redirects)', () => {
    expect(urls(ours('sitemap.xml')).map((u) => u.loc)).toEqual(urls(jekyll('sitemap.xml')).map((u) => u.loc));
  });

  it('dates a page by last_modified_date (Just the Docs) and a PDF by its file time', () => {
    const mine = urls(ours('sitemap.xml'));
    expect(mine.find((u) => u.loc?.endsWith('/docs/alpha/'))?.lastmod).toBe('2024-05-06T10:20:30+02:00');
    expect(mine.find((u) => u.loc?.endsWith('/report.pdf'))?.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(mine.find((u) => u.loc?.endsWith('/docs/beta/'))?.lastmod).toBeUndefined();
  });

  it('writes the same robots.txt', () => {
    expect(ours('robots.txt')).toBe(jekyll('robots.txt'));
  });
});

describe('the Atom feed matches jekyll-feed', () => {
  const feed = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

  it('has the same feed-level title, subtitle, author, id, language and links', () => {
    const head = (xml: string) => {
      const doc = feed(xml);
      const root = doc.querySelector('feed');
      return {
        lang: root?.getAttribute('xml:lang'),
        title: doc.querySelector('feed > title')?.textContent,
        subtitle: doc.querySelector('subtitle')?.textContent,
        author: doc.querySelector('feed > author > name')?.textContent,
        id: doc.querySelector('feed > id')?.textContent,
        links: [...doc.querySelectorAll('feed > link')].map((l) => `${l.getAttribute('rel')} ${l.getAttribute('href')}`),
      };
    };
    expect(head(ours('feed.xml'))).toEqual(head(jekyll('feed.xml')));
  });

  it('lists each dated page as an entry with its dates, author and summary', () => {
    const entries = [...feed(ours('feed.xml')).querySelectorAll('entry')];
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(entry?.querySelector('title')?.textContent).toBe('Alpha “Quoted” & Co');
    expect(entry?.querySelector('link')?.getAttribute('href')).toBe('https://example.org/review/docs/alpha/');
    expect(entry?.querySelector('published')?.textContent).toBe('2024-03-05T00:00:00+00:00');
    expect(entry?.querySelector('updated')?.textContent).toBe('2024-05-06T10:20:30+02:00');
    expect(entry?.querySelector('author > name')?.textContent).toBe('Bo Author');
    expect(entry?.querySelector('summary')?.textContent).toBe('A first essay about & more');
  });
});
