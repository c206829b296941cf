import { describe, expect, it } from 'vitest';
import { printBody } from '../../src/layout/print-body.js';

const essayHrefs = new Set(['/docs/L/Ledgers/', '/docs/L/Ledgers-1/', '/docs/L/Ledgers-2/']);

describe('printBody', () => {
  it('replaces an embed and its empty responsive box with a link', () => {
    const html = '<div class="box"><iframe src="https://v.example.org/e/1" title="Talk"></iframe></div>';
    expect(printBody(html, { essayHrefs, demoteH1: false })).toBe(
      '<p class="print-embed">Embedded media: <a href="https://v.example.org/e/1">Talk</a></p>',
    );
  });

  it('marks links whose text is their address, and only those', () => {
    const out = printBody('<p><a href="https://a.example.org/x/">a.example.org/x</a> <a href="https://a.example.org/y">why</a></p>', { essayHrefs, demoteH1: false });
    expect(out).toContain('<a href="https://a.example.org/x/" class="url-shown">');
    expect(out).toContain('<a href="https://a.example.org/y">why</a>');
  });

  it('drops a hand-written list of the essay\'s chapters with its heading, keeps other lists', () => {
    const html =
      '<p>Before.</p>\n<h4 class="no_toc">Table of Contents</h4>\n<ul><li><a href="/docs/L/Ledgers-1/">One</a></li><li><a href="/docs/L/Ledgers-2/">Two</a></li></ul>\n' +
      '<ul><li><a href="/docs/L/Ledgers-1/">One</a></li><li><a href="/elsewhere/">Other</a></li></ul>';
    const out = printBody(html, { essayHrefs, demoteH1: false });
    expect(out).not.toContain('Table of Contents');
    expect(out).toContain('<p>Before.</p>');
    expect(out).toContain('/elsewhere/');
    expect(out.match(/<ul>/g)).toHaveLength(1);
  });

  it('demotes <h1> when asked', () => {
    expect(printBody('<h1 id="t">T</h1>', { essayHrefs, demoteH1: true })).toBe('<h2 id="t">T</h2>');
  });

  it('keeps the rest of a chapter\'s markup byte for byte', () => {
    const html = "<p class='lead'>Tom &amp; Jerry<br/>said &#x27;hi&#x27;</p>\n<h1 id=\"a\" class=x>Top</h1>\n<p>A <a href='https://b.example.org'>https://b.example.org</a></p>";
    expect(printBody(html, { essayHrefs, demoteH1: true })).toBe(
      "<p class='lead'>Tom &amp; Jerry<br/>said &#x27;hi&#x27;</p>\n<h2 id=\"a\" class=x>Top</h2>\n<p>A <a href='https://b.example.org' class=\"url-shown\">https://b.example.org</a></p>",
    );
  });
});
