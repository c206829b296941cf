import { describe, expect, test } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';
import { scanHtmlLinks } from '../../src/markdown/plugins/remark-collect-links.js';

const render = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' });
/** Links of a Markdown body that starts on source line `bodyLine`, as `line:col element href`. */
function linksOf(body: string, bodyLine = 1): string[] {
  return render({ path: 'page.md', kind: 'markdown', body, bodyLine }).links.map((l) => `${l.line}:${l.column} ${l.element} ${l.href}`);
}

describe('remark-collect-links', () => {
  test('records Markdown links, images and reference links at their source positions', () => {
    const body = ['Read [the plan](/docs/plan/) first.', '', '![Tide chart](../img/tides.png)', '', 'See [the annex][annex].', '', '[annex]: /docs/annex/#table-2', ''].join('\n');
    expect(linksOf(body, 6)).toEqual(['6:6 a /docs/plan/', '8:1 img ../img/tides.png', '10:5 a /docs/annex/#table-2']);
  });

  test('records href and src in raw HTML, inline and across the lines of a block', () => {
    const body = [
      'Inline <a href="/one/">one</a> and <img src="/two.png" alt="">.',
      '',
      '<figure>',
      '  <img class="wide"',
      '       src="/three.png">',
      '  <figcaption><a href=\'/four/\'>four</a></figcaption>',
      '</figure>',
      '',
    ].join('\n');
    expect(linksOf(body)).toEqual(['1:11 a /one/', '1:41 img /two.png', '5:8 img /three.png', '6:18 a /four/']);
  });

  test('keeps columns right for raw HTML inside list items and quotes', () => {
    const body = ['- item', '', '  <div>', '  <a href="/in-list/">x</a>', '  </div>', '', '> <iframe src="/video/"></iframe>', ''].join('\n');
    expect(linksOf(body)).toEqual(['4:6 a /in-list/', '7:11 iframe /video/']);
  });
});

describe('scanHtmlLinks', () => {
  test('skips comments and style contents, decodes entities, splits srcset', () => {
    const html = [
      '<!-- <a href="/old/">old</a> -->',
      '<style>.x { background: url(/bg.png) } a[href="/nope/"] {}</style>',
      '<a href="/search/?q=sea&amp;page=2">search</a>',
      '<img srcset="/small.png 1x, /big.png 2x" src="/small.png">',
      '<a name="anchor-only">no href</a>',
    ].join('\n');
    expect(scanHtmlLinks(html).map((l) => `${l.element} ${l.href}`)).toEqual([
      'a /search/?q=sea&page=2',
      'img /small.png',
      'img /big.png',
      'img /small.png',
    ]);
  });

  test('reports the offset of the attribute, so findings point at it', () => {
    const html = '<p>See <a class="x" href="/y/">y</a></p>';
    const [link] = scanHtmlLinks(html);
    expect(html.slice(link!.offset)).toMatch(/^href="\/y\/"/);
  });
});
