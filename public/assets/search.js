/*
 * Dossier's search, loaded by dossier.js on first use. It reads the index `dossier build` writes
 * under search/ (format: src/search/build-search-index.ts), ranks pages with BM25 plus a title
 * boost, and builds excerpts from the sections text the build stored per page (search/x/<id>.json):
 * a query downloads index files only, never the result pages.
 *
 * Matching: every query word must match (AND). The last word matches as a prefix, since readers
 * type as they go; other words match whole, or as a prefix when four or more characters long, so
 * "harbour" also finds "harbours" and "harbour's". With a stemmer (the `stemmer` package, copied
 * beside this file by the build), words with the same Porter stem match too ("sanction" finds
 * "sanctioned"). A word of five or more characters that matches nothing in its shard matches terms
 * one edit away ("deterence" finds "deterrence"). Exact matches weigh more than prefix, stem and
 * typo ones. Words of one character are ignored, as the index leaves them out.
 *
 * The top half (tokenizer, searchIndex, excerpt) is pure and runs in Node for tests; the DOM is
 * touched only by the functions below it, and only when called.
 */

const K1 = 1.2;
const B = 0.75;
// A title hit counts as much as a word used often in the body (BM25's tf part never exceeds K1 + 1).
const TITLE_BOOST = 2;
const PREFIX_WEIGHT = 0.8;
const STEM_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.4;
const TYPO_MIN_LENGTH = 5;
const MIN_TERM_LENGTH = 2;
const STEM_PREFIX_LENGTH = 4;
const DELTA_UNIT = 32;
const TITLE_BIT = 16;
const COUNT_MASK = 15;

/* ---------- Pure: tokenizing, ranking, excerpts ---------- */

/** Lowercase, without diacritics, with straight apostrophes: what the index did to page text. */
export function normalize(text) {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}+/gu, '').replace(/’/g, "'");
}

const tokenRegexes = new WeakMap();

/** The manifest's word regex, compiled once per manifest. */
export function tokenRegex(manifest) {
  let re = tokenRegexes.get(manifest);
  if (re === undefined) {
    re = new RegExp(manifest.token, manifest.flags);
    tokenRegexes.set(manifest, re);
  }
  return re;
}

/** The words of `text` as the index sees them. */
export function tokenize(manifest, text) {
  return normalize(text).match(tokenRegex(manifest)) || [];
}

/** The shard file holding terms that start like `term` (same rule as the build: two UTF-16 units, a–z/0–9 kept, others `_<hex>_`). */
export function shardName(term, length) {
  let name = '';
  for (let i = 0; i < length && i < term.length; i += 1) {
    const char = term.charAt(i);
    name += /^[a-z0-9]$/.test(char) ? char : '_' + term.charCodeAt(i).toString(16) + '_';
  }
  return name;
}

/**
 * The query's words, each with whether it may match as a prefix and, given a `stem` function, its
 * stem; repeated words count once.
 */
export function queryWords(manifest, query, stem) {
  const tokens = tokenize(manifest, query);
  const words = [];
  tokens.forEach(function (word, i) {
    if (word.length < MIN_TERM_LENGTH) return;
    const prefix = i === tokens.length - 1 || word.length >= STEM_PREFIX_LENGTH;
    const known = words.find(function (w) {
      return w.word === word;
    });
    if (known) known.prefix = known.prefix || prefix;
    else words.push({ word: word, prefix: prefix, stem: stem ? stemOf(stem, word) : null, typo: false });
  });
  return words;
}

const stems = new Map();

/** `stem(term)`, remembered: a shard's terms are stemmed once, not on every keystroke. */
function stemOf(stem, term) {
  let known = stems.get(term);
  if (known === undefined) {
    known = stem(term);
    stems.set(term, known);
  }
  return known;
}

/**
 * How strongly an indexed term answers a query word: 1 for the word itself, less for a longer word it
 * begins, for a word with the same stem, or (once the word is marked `typo`) a word one edit away; 0 otherwise.
 */
export function matchWeight(word, term, stem) {
  if (term === word.word) return 1;
  if (word.prefix && term.startsWith(word.word)) return PREFIX_WEIGHT;
  if (word.stem && stem && stemOf(stem, term) === word.stem) return STEM_WEIGHT;
  if (word.typo && withinOneEdit(word.word, term)) return TYPO_WEIGHT;
  return 0;
}

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours (Damerau). */
export function withinOneEdit(a, b) {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Ranks the pages matching every word of `query`, best first (ties in index order).
 * `loadShard(name)` resolves to a shard's parsed JSON; only shards the manifest lists are asked for.
 */
export async function searchIndex(manifest, loadShard, query, stem, queried) {
  // The caller may pass the query's words to learn which were matched as typos (for excerpts).
  const words = queried || queryWords(manifest, query, stem);
  if (words.length === 0) return [];
  const known = new Set(manifest.shards);
  const shards = await Promise.all(
    words.map(function (w) {
      const name = shardName(w.word, manifest.shardLength);
      return known.has(name) ? loadShard(name) : {};
    }),
  );
  const lengths = manifest.lengths;
  const pageCount = lengths.length;
  let total = 0;
  for (let i = 0; i < pageCount; i += 1) total += lengths[i];
  const avgLength = total / Math.max(pageCount, 1) || 1;

  let scores = null;
  words.forEach(function (word, w) {
    const shard = shards[w];
    const best = new Map();
    const terms = Object.keys(shard);
    // A long word that matches nothing is likely mistyped: try the terms one edit away.
    if (word.word.length >= TYPO_MIN_LENGTH && !terms.some((term) => matchWeight(word, term, stem) > 0)) word.typo = true;
    for (const term of terms) {
      const weight = matchWeight(word, term, stem);
      if (weight === 0) continue;
      const postings = shard[term];
      const df = postings.length;
      const idf = Math.log(1 + (pageCount - df + 0.5) / (df + 0.5));
      let id = 0;
      for (let i = 0; i < postings.length; i += 1) {
        const value = postings[i];
        id += Math.floor(value / DELTA_UNIT);
        const count = value & COUNT_MASK;
        const norm = K1 * (1 - B + (B * (lengths[id] || 0)) / avgLength);
        const tf = count === 0 ? 0 : (count * (K1 + 1)) / (count + norm);
        const score = weight * idf * (tf + (value & TITLE_BIT ? TITLE_BOOST : 0));
        if (score > (best.get(id) || 0)) best.set(id, score);
      }
    }
    if (scores === null) scores = best;
    else {
      const both = new Map();
      scores.forEach(function (score, id) {
        const more = best.get(id);
        if (more !== undefined) both.set(id, score + more);
      });
      scores = both;
    }
  });

  return Array.from(scores)
    .sort(function (a, b) {
      return b[1] - a[1] || a[0] - b[0];
    })
    .map(function (entry) {
      const page = manifest.pages[entry[0]];
      const essay = page.length > 2 ? manifest.essays[page[2]] : undefined;
      return { id: entry[0], score: entry[1], url: page[0], title: page[1], essay: essay };
    });
}

/** Whether a word of page text (as found, not normalised) answers any of the query's words. */
export function wordMatcher(words, stem) {
  return function (token) {
    const term = normalize(token);
    return words.some(function (w) {
      return matchWeight(w, term, stem) > 0;
    });
  };
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

/**
 * About `length` words of `text` around its first matching word, HTML-escaped, matches in `<mark>`;
 * `…` marks cut ends. Without a match it is the opening of the text.
 */
export function excerpt(manifest, text, isMatch, length) {
  const re = new RegExp(tokenRegex(manifest).source, 'gu');
  const spans = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, hit: isMatch(m[0]) });
  }
  if (spans.length === 0) return escapeHtml(text.slice(0, 200));
  const first = Math.max(
    0,
    spans.findIndex(function (s) {
      return s.hit;
    }),
  );
  const end = Math.min(spans.length, Math.max(first - Math.floor(length / 3), 0) + length);
  const start = Math.max(0, end - length);
  let out = start > 0 ? '… ' : escapeHtml(text.slice(0, spans[0].start));
  let at = spans[start].start;
  for (let i = start; i < end; i += 1) {
    const s = spans[i];
    const word = escapeHtml(text.slice(s.start, s.end));
    out += escapeHtml(text.slice(at, s.start)) + (s.hit ? '<mark>' + word + '</mark>' : word);
    at = s.end;
  }
  out += end < spans.length ? ' …' : escapeHtml(text.slice(at));
  return out.trim();
}

/**
 * What a result shows, from the page's sections (`[{id, title, text}]`, id '' before the first
 * heading): the best three sections that mention a query word, each with an excerpt.
 */
export function pageResult(manifest, hit, sections, words, excerptLength, stem) {
  const isMatch = wordMatcher(words, stem);
  const re = new RegExp(tokenRegex(manifest).source, 'gu');
  const scored = [];
  sections.forEach(function (section, order) {
    const found = new Set();
    let hits = 0;
    for (const token of (section.title + ' ' + section.text).match(re) || []) {
      if (!isMatch(token)) continue;
      hits += 1;
      found.add(normalize(token));
    }
    if (hits > 0) scored.push({ section: section, order: order, distinct: found.size, hits: hits });
  });
  scored.sort(function (a, b) {
    return b.distinct - a.distinct || b.hits - a.hits || a.order - b.order;
  });
  const subResults = scored.slice(0, 3).map(function (s) {
    return {
      url: s.section.id ? hit.url + '#' + s.section.id : hit.url,
      title: s.section.title || hit.title,
      excerpt: excerpt(manifest, s.section.text, isMatch, excerptLength),
    };
  });
  // The page's excerpt is its best section's (already made), or its first section's when none matched.
  const lead = subResults[0] ? subResults[0].excerpt : sections[0] ? excerpt(manifest, sections[0].text, isMatch, excerptLength) : '';
  return {
    url: hit.url,
    meta: { title: hit.title, essay: hit.essay },
    excerpt: lead,
    sub_results: subResults,
  };
}

/* ---------- Browser: loading the index and the excerpt files ---------- */

const settings = { excerptLength: 30, indexUrl: null };
let manifestLoad = null;
let stemmerLoad = null;
const shardLoads = new Map();
const pageSections = new Map();
let pending = null;

/** Sets `excerptLength` (words) and optionally `indexUrl` (default: search/index.json beside this site's assets/). */
export function options(opts) {
  Object.assign(settings, opts || {});
}

function indexUrl() {
  // search.js is served from <site>/assets/, the index from <site>/search/, so this holds under any baseurl.
  return new URL(settings.indexUrl || '../search/index.json', import.meta.url);
}

/** Starts loading the manifest; resolves to it. */
export function init() {
  if (manifestLoad === null) {
    manifestLoad = fetchJson(indexUrl()).then(function (manifest) {
      if (manifest.version !== 2) throw new Error('search index version ' + manifest.version + ' is not supported');
      return manifest;
    });
    manifestLoad.catch(function () {
      manifestLoad = null;
    });
  }
  return manifestLoad;
}

function fetchJson(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error('could not load ' + url + ': ' + response.status);
    return response.json();
  });
}

function loadShard(name) {
  let load = shardLoads.get(name);
  if (load === undefined) {
    load = fetchJson(new URL('t/' + name + '.json', indexUrl()));
    load.catch(function () {
      shardLoads.delete(name);
    });
    shardLoads.set(name, load);
  }
  return load;
}

/** The stemmer the build copies beside this file; null (no stemming) when it cannot be loaded. */
function loadStemmer() {
  if (stemmerLoad === null) {
    stemmerLoad = import(new URL('stemmer.js', import.meta.url).href).then(
      function (module) {
        return module.stemmer;
      },
      function () {
        return null;
      },
    );
  }
  return stemmerLoad;
}

/** Runs `query`; each result's `data()` fetches its page's excerpt file once and resolves to what the UI shows. */
export async function search(query) {
  const [manifest, stem] = await Promise.all([init(), loadStemmer()]);
  // The same words searchIndex ranks with, typo marks included, so excerpts mark what matched.
  const words = queryWords(manifest, query, stem);
  const hits = await searchIndex(manifest, loadShard, query, stem, words);
  return {
    results: hits.map(function (hit) {
      return {
        id: hit.id,
        score: hit.score,
        data: function () {
          return sectionsOf(hit).then(
            function (sections) {
              return pageResult(manifest, hit, sections, words, settings.excerptLength, stem);
            },
            function () {
              return { url: hit.url, meta: { title: hit.title, essay: hit.essay }, excerpt: '', sub_results: [] };
            },
          );
        },
      };
    }),
  };
}

/** `search` after `ms` of quiet; a call overtaken by a newer one resolves to null. */
export function debouncedSearch(query, _opts, ms) {
  if (pending !== null) {
    clearTimeout(pending.timer);
    pending.resolve(null);
  }
  return new Promise(function (resolve, reject) {
    const mine = { resolve: resolve, timer: 0 };
    mine.timer = setTimeout(function () {
      if (pending === mine) pending = null;
      search(query).then(resolve, reject);
    }, ms || 0);
    pending = mine;
  });
}

/** The page's sections (`[{id, title, text}]`) from its excerpt file; the untitled opening one takes the page's title. */
function sectionsOf(hit) {
  let load = pageSections.get(hit.id);
  if (load === undefined) {
    load = init()
      .then(function (manifest) {
        return fetchJson(new URL(manifest.excerpts + '/' + hit.id + '.json', indexUrl()));
      })
      .then(function (rows) {
        return rows.map(function (row) {
          return { id: row[0], title: row[1] || hit.title, text: row[2] };
        });
      });
    load.catch(function () {
      pageSections.delete(hit.id);
    });
    pageSections.set(hit.id, load);
  }
  return load;
}
