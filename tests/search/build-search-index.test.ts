import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchablePage, type SearchIndexFile } from '../../src/search/build-search-index.js';
import { pageTerms } from '../../src/markdown/page-terms.js';
// The browser module's pure half: the same ranking and excerpts readers get, run against a built index.
import { pageResult, queryWords, searchIndex, withinOneEdit } from '../../public/assets/search.js';
import { stemmer } from 'stemmer';

interface Manifest {
  pages: unknown[];
  shards: string[];
}
interface Hit {
  url: string;
  title: string;
  essay?: string;
}

function page(url: string, title: string, bodyHtml: string, essay?: string): SearchablePage {
  return { url, title, essay, terms: pageTerms(bodyHtml) };
}

function text(file: SearchIndexFile): string {
  return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8');
}

/** Builds the index and returns a search over it, reading shards the way the browser fetches them. */
function site(pages: SearchablePage[], stem?: (word: string) => string) {
  const files = buildSearchIndex(pages);
  const byPath = new Map(files.map((f) => [f.path, text(f)]));
  const manifest = JSON.parse(byPath.get('search/index.json') ?? 'null') as Manifest;
  const loaded: string[] = [];
  const loadShard = (name: string) => {
    loaded.push(name);
    return Promise.resolve(JSON.parse(byPath.get(`search/t/${name}.json`) ?? '{}') as unknown);
  };
  const search = async (query: string) => (await searchIndex(manifest, loadShard, query, stem)) as Hit[];
  const urls = async (query: string) => (await search(query)).map((hit) => hit.url);
  return { files, manifest, loaded, search, urls };
}

const tides = page(
  '/policy-essays/docs/tides/',
  'Tides and the Estuary',
  '<h2 id="dredging">Dredging</h2><p>Dredging the channel keeps the harbours open to grain barges.</p>',
  'Rivers and Ports',
);
const locks = page(
  '/policy-essays/docs/locks/',
  'Lock Keepers',
  '<p>The lock keepers logged every barge and every estuary crossing.</p><aside data-search-ignore>Unrelated sidebar about lighthouses.</aside>',
  'Rivers and Ports',
);
const tolls = page('/policy-essays/docs/tolls/', 'Bridge Tolls', '<p>Tolls on the Zürich bridge paid for the estuary survey, twice a year.</p>');

describe('buildSearchIndex + search.js', () => {
  it('finds a page by a word of its body, and only the pages containing it', async () => {
    const { urls } = site([tides, locks, tolls]);
    expect(await urls('channel')).toEqual(['/policy-essays/docs/tides/']);
    expect(await urls('qzxqzxnotaword')).toEqual([]);
  });

  it('keeps the baseurl-prefixed URL, title and essay of each result', async () => {
    const { search } = site([tides, tolls]);
    expect(await search('grain')).toEqual([
      expect.objectContaining({ url: '/policy-essays/docs/tides/', title: 'Tides and the Estuary', essay: 'Rivers and Ports' }),
    ]);
    expect((await search('bridge'))[0]?.essay).toBeUndefined();
  });

  it('does not find words from elements marked data-search-ignore', async () => {
    const { urls } = site([tides, locks, tolls]);
    expect(await urls('lighthouses')).toEqual([]);
  });

  it('needs every word of the query to appear', async () => {
    const { urls } = site([tides, locks, tolls]);
    expect((await urls('estuary')).sort()).toEqual(['/policy-essays/docs/locks/', '/policy-essays/docs/tides/', '/policy-essays/docs/tolls/']);
    expect(await urls('estuary survey')).toEqual(['/policy-essays/docs/tolls/']);
  });

  it('ranks the page with the word in its title above pages that only mention it', async () => {
    const { urls } = site([tides, locks, tolls]);
    // "estuary" is in all three bodies, once each, but only in the title of "Tides and the Estuary".
    expect((await urls('estuary'))[0]).toBe('/policy-essays/docs/tides/');
    // A word only in a title still finds its page.
    expect(await urls('keepers')).toEqual(['/policy-essays/docs/locks/']);
    expect(await urls('tides')).toEqual(['/policy-essays/docs/tides/']);
  });

  it('matches the word being typed as a prefix and longer words as stems', async () => {
    const { urls } = site([tides, locks, tolls]);
    expect(await urls('harb')).toEqual(['/policy-essays/docs/tides/']);
    // "harbour" is a finished word here, yet still finds "harbours"; a short finished word does not stretch.
    expect(await urls('harbour grain')).toEqual(['/policy-essays/docs/tides/']);
    expect(await urls('ba grain')).toEqual([]);
    expect(await urls('barge')).toEqual(expect.arrayContaining(['/policy-essays/docs/tides/', '/policy-essays/docs/locks/']));
  });

  it('with the stemmer, finds other forms of a word that a prefix would miss', async () => {
    const sanctions = page('/s/', 'Sanctions', '<p>The council sanctioned two carriers and studied deterrence at sea.</p>');
    const plain = site([tides, sanctions]);
    const stemmed = site([tides, sanctions], stemmer);
    // "sanctioning" is not a prefix of "sanctioned"; both stem to "sanction".
    expect(await plain.urls('sanctioning carriers')).toEqual([]);
    expect(await stemmed.urls('sanctioning carriers')).toEqual(['/s/']);
    expect(await stemmed.urls('studies')).toEqual(['/s/']);
  });

  it('tolerates one typo in a word of five or more letters that matches nothing as written', async () => {
    const sanctions = page('/s/', 'Sanctions', '<p>The council studied deterrence at sea.</p>');
    const { urls } = site([tides, sanctions]);
    expect(await urls('deterence')).toEqual(['/s/']);
    expect(await urls('deterrnece')).toEqual(['/s/']);
    expect(await urls('detxrrxnce')).toEqual([]);
    expect(await urls('chanel')).toEqual(['/policy-essays/docs/tides/']);
    expect(withinOneEdit('dredging', 'dredgign')).toBe(true);
    expect(withinOneEdit('dredging', 'dredgxxg')).toBe(false);
  });

  it('finds accented words with or without their accents', async () => {
    const { urls } = site([tides, locks, tolls]);
    expect(await urls('zurich')).toEqual(['/policy-essays/docs/tolls/']);
    expect(await urls('ZÜRICH')).toEqual(['/policy-essays/docs/tolls/']);
  });

  it('loads one small shard per query word, with file-safe names, also for other scripts', async () => {
    const athens = page('/athens/', 'Αθήνα', '<p>Το λιμάνι του Πειραιά.</p>');
    const { urls, loaded, files } = site([tides, athens]);
    expect(await urls('πειρ')).toEqual(['/athens/']);
    expect(await urls('dredging chan')).toEqual(['/policy-essays/docs/tides/']);
    expect(loaded).toEqual(['_3c0__3b5_', 'dr', 'ch']);
    for (const file of files) expect(file.path).toMatch(/^search\/(index|t\/[a-z0-9_]+)\.json$/);
  });

  it('writes byte-identical files whatever order the pages come in', () => {
    const one = site([tides, locks, tolls]).files.map((f) => [f.path, text(f)]);
    const two = site([tolls, tides, locks]).files.map((f) => [f.path, text(f)]);
    expect(two).toEqual(one);
  });

  it('writes an empty but searchable index for a site with nothing to search', async () => {
    const { urls, files } = site([]);
    expect(files.map((f) => f.path)).toEqual(['search/index.json']);
    expect(await urls('anything')).toEqual([]);
  });
});

describe('search.js excerpts', () => {
  const manifest = JSON.parse(text(buildSearchIndex([tides])[0] as SearchIndexFile)) as Manifest;
  const hit = { url: '/policy-essays/docs/tides/', title: 'Tides and the Estuary', essay: 'Rivers and Ports' };

  it('links the sections that mention the query, best first, with the matches marked', () => {
    const sections = [
      { id: '', title: 'Tides and the Estuary', text: 'An opening paragraph about silt.' },
      { id: 'dredging', title: 'Dredging', text: 'Dredging the channel keeps the harbours open; dredgers work at night.' },
      { id: 'costs', title: 'Costs', text: 'Harbour dues <rose> & fell.' },
    ];
    const result = pageResult(manifest, hit, sections, queryWords(manifest, 'harbo'), 6) as {
      url: string;
      meta: { title: string; essay?: string };
      excerpt: string;
      sub_results: Array<{ url: string; title: string; excerpt: string }>;
    };
    expect(result.meta).toEqual({ title: 'Tides and the Estuary', essay: 'Rivers and Ports' });
    expect(result.sub_results).toEqual([
      { url: '/policy-essays/docs/tides/#dredging', title: 'Dredging', excerpt: '… keeps the <mark>harbours</mark> open; dredgers work …' },
      { url: '/policy-essays/docs/tides/#costs', title: 'Costs', excerpt: '<mark>Harbour</mark> dues &lt;rose&gt; &amp; fell.' },
    ]);
    expect(result.excerpt).toBe(result.sub_results[0]?.excerpt);
  });

  it('keeps at most three sections', () => {
    const sections = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Part ${id}`, text: 'More silt in the channel.' }));
    const result = pageResult(manifest, hit, sections, queryWords(manifest, 'silt'), 10) as { sub_results: unknown[] };
    expect(result.sub_results).toHaveLength(3);
  });
});
