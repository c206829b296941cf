import { describe, expect, it } from 'vitest';
import { htmlText, streamHtml, type StreamTag } from '../../src/markdown/html-stream.js';

/** Every event of reading `html` as one raw node: `<tag` (with the open elements), `</tag@at`, and text. */
function events(html: string): string[] {
  const out: string[] = [];
  streamHtml({ type: 'root', children: [{ type: 'raw', value: html }] }, {
    start: (tag, open) => out.push(`<${tag.tagName} in ${open.map((t) => t.tagName).join('>') || '-'}`),
    end: (tag, at) => out.push(`</${tag.tagName}@${at ?? '?'}`),
    text: (value) => {
      if (out.at(-1)?.startsWith('"') === true) out[out.length - 1] = `${(out.at(-1) ?? '').slice(0, -1)}${value}"`;
      else out.push(`"${value}"`);
    },
  });
  return out;
}

function startTags(html: string): StreamTag[] {
  const tags: StreamTag[] = [];
  streamHtml({ type: 'root', children: [{ type: 'raw', value: html }] }, { start: (tag) => void tags.push(tag) });
  return tags;
}

describe('reading raw HTML as the browser does', () => {
  it('decodes entities in text and attribute values', () => {
    expect(htmlText('<p>Fish &amp; chips &eacute;t&#233; &#x2014; &copy</p>')).toBe('Fish & chips été — ©');
    const [link] = startTags('<a title="R&amp;D &quot;x&quot;" href=\'/a?b=1&amp;c=2\'>x</a>');
    expect(link?.attribute('title')).toBe('R&D "x"');
    expect(link?.attribute('href')).toBe('/a?b=1&c=2');
  });

  it('reads the content of script, style, textarea-like and embedded-frame elements as text, not tags', () => {
    expect(events('<script>if (a<b) { x = "<p>"; }</script><p>after</p>')).toEqual([
      '<script in -', '"if (a<b) { x = "<p>"; }"', '</script@40', '<p in -', '"after"', '</p@52',
    ]);
    expect(events('<iframe src="/v"><p>fallback</p></iframe><p>next</p>')).toEqual([
      '<iframe in -', '"<p>fallback</p>"', '</iframe@41', '<p in -', '"next"', '</p@52',
    ]);
    expect(events('<NOEMBED><b>x</b></noembed>')).toEqual(['<noembed in -', '"<b>x</b>"', '</noembed@27']);
  });

  it('lowercases tag and attribute names, and keeps the first of a repeated attribute', () => {
    const [div] = startTags('<DIV Class="a" class="b" DATA-X>y</DIV>');
    expect(div?.tagName).toBe('div');
    expect(div?.attribute('class')).toBe('a');
    expect(div?.attribute('data-x')).toBe('');
    expect(div?.attribute('id')).toBeUndefined();
  });

  it('gives where each start tag and attribute is, so callers can splice', () => {
    const html = 'x <a  class="c d" href=/p>y</a> <img src="i.png"/>';
    const [a, img] = startTags(html);
    expect(html.slice(a?.raw?.offset, a?.raw?.end)).toBe('<a  class="c d" href=/p>');
    const cls = a?.raw?.extent('class');
    expect(html.slice(cls?.startOffset, cls?.endOffset)).toBe('class="c d"');
    const href = a?.raw?.extent('href');
    expect(html.slice(href?.startOffset, href?.endOffset)).toBe('href=/p');
    expect(html.slice(img?.raw?.offset, img?.raw?.end)).toBe('<img src="i.png"/>');
  });

  it('closes elements as the parser does: implied ends, void and self-closed foreign elements, end tags with spaces', () => {
    expect(events('<p>one<div>two</div ><ul><li>a<li>b</ul><br><svg><path/></svg>')).toEqual([
      '<p in -', '"one"', '</p@6', '<div in -', '"two"', '</div@21',
      '<ul in -', '<li in ul', '"a"', '</li@30', '<li in ul', '"b"', '</li@35', '</ul@40',
      '<br in -', '</br@44', '<svg in -', '<path in svg', '</path@56', '</svg@62',
    ]);
  });

  it('leaves comments and character data out of the text', () => {
    expect(htmlText('a<!-- <p>hidden</p> -->b<![CDATA[c]]>d')).toBe('abd');
  });
});
