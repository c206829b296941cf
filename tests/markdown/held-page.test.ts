import { describe, expect, it } from 'vitest';
import { heldPage, readPageHtml } from '../../src/markdown/held-page.js';
import { plainPage } from '../../src/markdown/render-failed.js';

const { html: _empty, ...data } = plainPage('a.md', '', []);

describe('held page HTML', () => {
  it('keeps typographic text as bytes and reads back the same text', () => {
    const text = '<p>“Curly” — quotes</p>';
    const page = heldPage(data, text);
    expect(typeof page.html).not.toBe('string');
    expect(readPageHtml(page)).toBe(text);
    expect(heldPage(data, '<p>plain</p>').html).toBe('<p>plain</p>');
  });

  it('reads HTML kept elsewhere on every readPageHtml, and only then', () => {
    let reads = 0;
    const page = heldPage(data, () => `<p>read ${++reads}</p>`);
    expect(reads).toBe(0);
    expect(readPageHtml(page)).toBe('<p>read 1</p>');
    expect(readPageHtml(page)).toBe('<p>read 2</p>');
  });
});
