import { describe, expect, it } from 'vitest';
import { forEachTerm, pageTerms, tokenize } from '../../src/markdown/page-terms.js';

function terms(html: string): Record<string, number> {
  const found: Record<string, number> = {};
  forEachTerm(pageTerms(html), (term, count) => (found[term] = count));
  return found;
}

describe('pageTerms', () => {
  it('counts the words of the text, lowercased, not the markup', () => {
    const found = terms('<h2 id="locks">Locks</h2><p class="lead">Tidal <em>barrage</em> or a barrage of <a href="/docs/weirs/">weirs</a>?</p>');
    expect(found).toEqual({ locks: 1, tidal: 1, barrage: 2, or: 1, of: 1, weirs: 1 });
  });

  it('leaves out scripts, styles, comments and elements marked data-search-ignore, nested ones included', () => {
    const found = terms(
      '<p>Sluice gates</p><script>const floodgate = 1;</script><style>.spillway{}</style><!-- culvert -->' +
        '<div class="aside" data-search-ignore><div>reservoir <div>aqueduct</div></div> levee</div><p>after embankment</p>',
    );
    expect(Object.keys(found).sort()).toEqual(['after', 'embankment', 'gates', 'sluice']);
  });

  it('does not glue a word to a footnote number that follows it', () => {
    const found = terms('<p>dredging<sup class="footnote-sup"><a href="#fn-12">12</a></sup> costs</p>');
    expect(found).toMatchObject({ dredging: 1, '12': 1, costs: 1 });
    expect(found).not.toHaveProperty('dredging12');
  });

  it('decodes entities and folds accents, so "Zürich" and "cafe" are found however they were written', () => {
    const found = terms('<p>Z&#252;rich caf&#xe9; CAFÉ na\u0308ive &lt;tag&gt; R&amp;D</p>');
    expect(found).toMatchObject({ zurich: 1, cafe: 2, naive: 1, tag: 1 });
    expect(found).not.toHaveProperty('lt');
    expect(found).not.toHaveProperty('amp');
  });

  it('treats curly and straight apostrophes alike and keeps them inside words', () => {
    expect(terms('<p>The port’s dues don’t fall; the port\'s don\'t.</p>')).toMatchObject({ "port's": 2, "don't": 2 });
  });

  it('drops one-character words and keeps words in other scripts', () => {
    const found = terms('<p>a 7 I x Αθήνα Москва</p>');
    expect(found).toEqual({ αθηνα: 1, москва: 1 });
  });

  it('agrees with tokenize on plain ASCII text, apostrophes and digits included', () => {
    // Plain ASCII pages are read by character codes rather than with TOKEN: both must find the same words.
    const text = "Rock'n'roll don't's 9a a9 it''s 'quoted' x'y 12'ab ab'12 o' Port'S 3'd end'";
    const counts: Record<string, number> = {};
    for (const word of tokenize(text)) if (word.length > 1) counts[word] = (counts[word] ?? 0) + 1;
    expect(terms(`<p>${text}</p>`)).toEqual(counts);
  });

  it('agrees with tokenize, the tokenizer the browser mirrors, on mixed text', () => {
    const text = 'Ports — “Rotterdam’s” 2024 levy, São Paulo’s ﬁnes, Straße, ŒUVRE, x² and 𝐁old façades… fine';
    const counts: Record<string, number> = {};
    for (const word of tokenize(text)) if (word.length > 1) counts[word] = (counts[word] ?? 0) + 1;
    expect(terms(`<p>${text}</p>`)).toEqual(counts);
    expect(tokenize('Façade DON’T')).toEqual(['facade', "don't"]);
  });
});
