import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/layout/reading-time.js';
import { seededRandom } from '../helpers/seeded-random.js';

describe('readingMinutes', () => {
  it('counts the words of the text, not of the markup, at 200 a minute', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(`<p>${words(1000)}</p>`)).toBe(5);
    expect(readingMinutes(`<p class="a b c d e f">${words(10)}</p><style>.x { color: red }</style>`)).toBe(1);
    expect(readingMinutes('<hr>')).toBe(0);
  });
});

describe('countWords', () => {
  it('breaks words at tags and skips script and style elements with their contents', () => {
    expect(countWords('one<sup>2</sup>three')).toBe(3);
    expect(countWords('<p title="not counted">a b</p><SCRIPT type="x">var one = two;</script >c')).toBe(3);
    expect(countWords('<style>p { color: red }</style>')).toBe(0);
    // An opening script tag without its end is only a tag: what follows is text.
    expect(countWords('<script>one two')).toBe(2);
  });

  it('reads a `<` with no `>` after it as text', () => {
    expect(countWords('a < b and c <d')).toBe(5);
  });

  it('counts letters and digits of every script, astral ones included, and breaks at marks and punctuation', () => {
    expect(countWords('Ελλάδα, Россия; 中文 — 𝐀𝐁 x')).toBe(5);
    expect(countWords('don’t co-op 3.5')).toBe(6);
    // A combining mark is not a letter: kramdown's NFC text rarely has one, but it splits the word.
    expect(countWords('cafe\u0301s')).toBe(2);
  });

  it('agrees with the definition (tags to spaces, then [\\p{L}\\p{N}]+) on generated markup', () => {
    const reference = (html: string) => html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    const pieces = ['word', ' ', '<p>', '</p>', '<a href="x">', '<', '>', '<script>', '</script>', '<Style a=1>', '</STYLE >', 'é', '\u0301', '𝐀', '\ud800', '—', '9', '&amp;', '\n', '<!-- c -->'];
    const next = seededRandom(7);
    for (let round = 0; round < 2000; round++) {
      const length = next() % 40;
      const html = Array.from({ length }, () => pieces[next() % pieces.length]).join('');
      expect(countWords(html), JSON.stringify(html)).toBe(reference(html));
    }
  });
});
