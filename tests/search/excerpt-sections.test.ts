import { describe, expect, it } from 'vitest';
import { buildSearchIndex, excerptFile, type SearchIndexFile } from '../../src/search/build-search-index.js';
import { EXCERPT_WORDS } from '../../src/markdown/plugins/rehype-page-sections.js';
import { plainPage } from '../../src/markdown/render-failed.js';
import { pageTerms } from '../../src/markdown/page-terms.js';
// The browser module's pure half, fed the stored sections as search.js feeds them.
import { pageResult, queryWords, searchIndex } from '../../public/assets/search.js';

const body = [
  '<p>The opening asks who pays for <em>dredging</em>.<sup class="footnote-sup"><a class="footnote-ref" href="#fn-1">1</a></sup></p>',
  '<h2 id="tolls">Tolls <span aria-hidden="true">#</span></h2>',
  '<p>Lock keepers collected tolls from every barge.</p><script>var hidden = "scripted";</script>',
  '<aside data-search-ignore><p>A lighthouse advert.</p></aside>',
  '<h2 id="notes">Notes</h2>',
  '<p id="fn-1"><a class="footnote-number" role="doc-backlink" href="#r1">1</a>. Harbour board minutes.<a role="doc-backlink" href="#r1">↩</a></p>',
].join('');

/** The sections of an HTML body, read as a raw HTML page's are. */
const pageSections = (html: string) => plainPage('b.html', html, []).sections;

function text(file: SearchIndexFile): string {
  return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8');
}

describe('pageSections', () => {
  it('splits the text at headings with ids, leaving out scripts, hidden marks, note references and ignored blocks', () => {
    expect(pageSections(body)).toEqual([
      { id: '', title: '', text: 'The opening asks who pays for dredging.' },
      { id: 'tolls', title: 'Tolls', text: 'Lock keepers collected tolls from every barge.' },
      { id: 'notes', title: 'Notes', text: '1. Harbour board minutes.' },
    ]);
  });
});

describe('excerpts from the index', () => {
  it('stores each page\'s sections beside the shards, and search.js makes a marked excerpt from them', async () => {
    const pages = [
      { url: '/b/', title: 'Canal Work', terms: pageTerms(body), excerpts: excerptFile(pageSections(body)) },
      { url: '/a/', title: 'Empty', terms: pageTerms('<p>Nothing here about canals.</p>'), excerpts: excerptFile([]) },
    ];
    const files = new Map(buildSearchIndex(pages).map((f) => [f.path, text(f)]));
    const manifest = JSON.parse(files.get('search/index.json') ?? '') as { excerpts: string };
    // Pages are numbered in URL order: /a/ is 0 (no sections, no file), /b/ is 1.
    expect([...files.keys()].filter((p) => p.startsWith('search/x/'))).toEqual(['search/x/1.json']);
    const [hit] = (await searchIndex(manifest, (name: string) => Promise.resolve(JSON.parse(files.get(`search/t/${name}.json`) ?? '{}')), 'barge')) as Array<{ id: number; url: string; title: string }>;
    expect(hit?.url).toBe('/b/');
    const rows = JSON.parse(files.get(`search/${manifest.excerpts}/${hit?.id}.json`) ?? '[]') as string[][];
    const sections = rows.map(([id, title, t]) => ({ id, title: title || hit?.title, text: t }));
    const result = pageResult(manifest, hit, sections, queryWords(manifest, 'barge'), 30) as { excerpt: string; sub_results: Array<{ url: string }> };
    expect(result.excerpt).toBe('Lock keepers collected tolls from every <mark>barge</mark>.');
    expect(result.sub_results[0]?.url).toBe('/b/#tolls');
  });

  it('keeps the first EXCERPT_WORDS words of a long section, marked as cut', () => {
    const long = Array.from({ length: EXCERPT_WORDS + 50 }, (_, i) => `w${i}`).join(' ');
    const files = buildSearchIndex([{ url: '/l/', title: 'Long', terms: pageTerms(`<p>${long}</p>`), excerpts: excerptFile(pageSections(`<p>${long}</p>`)) }]);
    const rows = JSON.parse(text(files.find((f) => f.path === 'search/x/0.json') as SearchIndexFile)) as string[][];
    const words = (rows[0]?.[2] ?? '').split(' ');
    expect(words).toHaveLength(EXCERPT_WORDS + 1);
    expect(words.at(-2)).toBe(`w${EXCERPT_WORDS - 1}`);
    expect(words.at(-1)).toBe('…');
  });
});
