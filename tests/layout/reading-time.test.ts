import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/layout/reading-time.js';

describe('readingMinutes', () => {
  it('counts the words of the text, not of the markup, at 200 a minute', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(`<p>${words(1000)}</p>`)).toBe(5);
    expect(readingMinutes(`<p class="a b c d e f">${words(10)}</p><style>.x { color: red }</style>`)).toBe(1);
    expect(readingMinutes('<hr>')).toBe(0);
  });
});
