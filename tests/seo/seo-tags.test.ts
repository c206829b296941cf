import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { pageAuthorship, readDate } from '../../src/front-matter/authorship.js';
import { seoHead, type HeadTag } from '../../src/seo/seo-tags.js';
import { markdownText, seoText } from '../../src/seo/seo-text.js';
import { siteIcons } from '../../src/seo/site-icons.js';
import { tempSite } from '../helpers/temp-site.js';
import { seededRandom } from '../helpers/seeded-random.js';

const configOf = (yaml: string, files: Record<string, string> = {}) => loadConfig(tempSite({ '_config.yml': yaml, ...files }));
const meta = (tags: readonly HeadTag[], key: string): string | undefined => {
  const tag = tags.find((t) => t.kind === 'meta' && t.key === key);
  return tag?.kind === 'meta' ? tag.content : undefined;
};
const link = (tags: readonly HeadTag[], rel: string) =>
  tags.find((t): t is Extract<HeadTag, { kind: 'link' }> => t.kind === 'link' && t.attributes.some(([n, v]) => n === 'rel' && v === rel));

describe('SEO head', () => {
  it('has no canonical or og:url without `url`, and JSON-LD urls are baseurl paths', () => {
    const config = configOf('title: T\nbaseurl: /b\n');
    const head = seoHead({ url: '/docs/x/', data: { title: 'X' } }, config);
    expect(link(head.tags, 'canonical')).toBeUndefined();
    expect(meta(head.tags, 'og:url')).toBeUndefined();
    expect(head.jsonLd['url']).toBe('/b/docs/x/');
  });

  it('prints site verification and facebook keys from _config.yml', () => {
    const config = configOf('title: T\nwebmaster_verifications:\n  google: g1\n  bing: b1\nfacebook:\n  app_id: 42\n  publisher: https://fb.example/p\n');
    const head = seoHead({ url: '/', data: {} }, config);
    expect(meta(head.tags, 'google-site-verification')).toBe('g1');
    expect(meta(head.tags, 'msvalidate.01')).toBe('b1');
    expect(meta(head.tags, 'fb:app_id')).toBe('42');
    expect(meta(head.tags, 'article:publisher')).toBe('https://fb.example/p');
  });

  it('uses google_site_verification when webmaster_verifications is absent', () => {
    const head = seoHead({ url: '/', data: {} }, configOf('google_site_verification: abc\n'));
    expect(meta(head.tags, 'google-site-verification')).toBe('abc');
  });

  it('takes seo.type, seo.name and seo.links over the defaults; a date makes a BlogPosting with its dates', () => {
    const config = configOf('title: T\nurl: https://x.org\n');
    const typed = seoHead({ url: '/a/', data: { title: 'A', seo: { type: 'Organization', name: 'Org *Inc*', links: ['https://a.example'] } } }, config);
    expect(typed.jsonLd).toMatchObject({ '@type': 'Organization', name: 'Org Inc', sameAs: ['https://a.example'] });
    const dated = seoHead({ url: '/b/', data: { title: 'B', date: new Date(Date.UTC(2024, 0, 2)), last_modified_at: '2024-02-03 10:00:00 -0500' } }, config);
    expect(dated.jsonLd).toMatchObject({ '@type': 'BlogPosting', datePublished: '2024-01-02T00:00:00+00:00', dateModified: '2024-02-03T10:00:00-05:00' });
    expect(meta(dated.tags, 'og:type')).toBe('article');
  });

  it('titles a page "Page | Site" and an untitled page "Site | description"', () => {
    const config = configOf('title: Site\ndescription: About things\n');
    expect(seoHead({ url: '/p/', data: { title: 'Page' } }, config).title).toBe('Page | Site');
    expect(seoHead({ url: '/q/', data: {} }, config).title).toBe('Site | About things');
  });

  it('adds the Atom feed link when the site publishes a feed', () => {
    const config = configOf('title: T\nurl: https://x.org\n');
    const head = seoHead({ url: '/', data: {}, feedPath: '/feed.xml' }, config);
    expect(link(head.tags, 'alternate')?.attributes).toEqual(expect.arrayContaining([['href', 'https://x.org/feed.xml'], ['type', 'application/atom+xml']]));
  });
});

describe('SEO text and shared author/date front matter', () => {
  it('renders Markdown, strips tags and collapses whitespace like jekyll-seo-tag', () => {
    expect(seoText('*Bold*  "claims" -- <b>tagged</b>\n\nsecond')).toBe('Bold “claims” – tagged second');
    expect(seoText('   ')).toBeUndefined();
  });

  it('reads a plain one-line title without a parse exactly as Markdown would read it', () => {
    // Lines that look plain but are Markdown: a list, a heading, a code block, emphasis, an entity.
    expect(seoText('2024. The year')).toBe('The year');
    expect(seoText('Rates and "risk" -- a primer')).toBe('Rates and “risk” – a primer');
    const letters = ['a', 'Z', 'é', '1', ' ', '  ', ',', '.', ':', '?', "'", '"', '’', '-', '--', '---', '–', '(', ')', '/', '*', '_', '[', ']', '<', '&', '#', '>', '`', '\\', '\n', '\t', '!'];
    const next = seededRandom(11);
    for (let round = 0; round < 3000; round++) {
      // Mostly the characters a plain line may hold (so the fast path is taken often), sometimes any.
      const pick = () => letters[next() % (next() % 4 === 0 ? letters.length : 21)];
      const source = (next() % 2 === 0 ? 'T' : '') + Array.from({ length: 1 + (next() % 14) }, pick).join('');
      const parsed = markdownText(source).replace(/\s+/g, ' ').trim() || undefined;
      expect(seoText(source), JSON.stringify(source)).toBe(parsed);
    }
  });

  it('resolves the author from author, authors[0], then the site author; a list under author gives none', () => {
    expect(pageAuthorship({ author: '@Ann' }, undefined).author?.twitter).toBe('Ann');
    expect(pageAuthorship({ authors: ['Bea', 'Cy'] }, undefined).author?.name).toBe('Bea');
    expect(pageAuthorship({}, { name: 'Site', twitter: '@s' }).author).toMatchObject({ name: 'Site', twitter: 's' });
    expect(pageAuthorship({ author: ['A', 'B'] }, 'Site').author).toBeUndefined();
  });

  it('reads dates with and without a zone, keeping a written offset', () => {
    expect(readDate('2024-05-06 10:20:30 +0200')?.xmlschema).toBe('2024-05-06T10:20:30+02:00');
    expect(readDate('2024-05-06')?.xmlschema).toBe('2024-05-06T00:00:00+00:00');
    expect(readDate('not a date')).toBeUndefined();
    expect(pageAuthorship({ last_modified_date: '2023-01-02' }, undefined).lastModified?.xmlschema).toBe('2023-01-02T00:00:00+00:00');
  });
});

describe('favicon and logo', () => {
  it('links favicon.ico when the site has one, or favicon_ico when set, under baseurl', () => {
    expect(siteIcons(configOf('baseurl: /b\n', { 'favicon.ico': 'x' })).favicon).toBe('/b/favicon.ico');
    expect(siteIcons(configOf('baseurl: /b\nfavicon_ico: /img/icon.png\n')).favicon).toBe('/b/img/icon.png');
    expect(siteIcons(configOf('baseurl: /b\n')).favicon).toBeUndefined();
    expect(siteIcons(configOf('logo: /assets/l.svg\n')).logo).toBe('/assets/l.svg');
  });
});
