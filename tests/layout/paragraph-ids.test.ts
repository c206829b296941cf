import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { numberParagraphs } from '../../src/layout/paragraph-ids.js';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';
import { tempSite } from '../helpers/temp-site.js';

const render = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'end' });
const renderMarkdown = (body: string): string => render({ path: 'a.md', kind: 'markdown', body, bodyLine: 1 }).html;

describe('numberParagraphs', () => {
  it('numbers prose paragraphs in order and leaves the rest of the markup byte for byte', () => {
    const html = '<p>One &amp; <em>two</em></p>\n<div class="box"><p class=\'x\'>Three</p></div><pre>p</pre><P>Four</P>';
    expect(numberParagraphs(html)).toBe(
      '<p id="p-1">One &amp; <em>two</em></p>\n<div class="box"><p id="p-2" class=\'x\'>Three</p></div><pre>p</pre><P id="p-3">Four</P>',
    );
  });

  it('skips paragraphs with ids and those inside lists, tables, quotations, asides and ignored blocks', () => {
    const html = [
      '<p id="fn-1">Note</p>',
      '<ul><li><p>Item</p></li></ul>',
      '<table><tr><td><p>Cell</p></td></tr></table>',
      '<blockquote><p>Quoted</p></blockquote>',
      '<aside><p>Aside</p></aside>',
      '<div data-search-ignore><p>Ignored</p></div>',
      '<p>Counted</p>',
    ].join('');
    const out = numberParagraphs(html);
    expect(out.match(/id="p-\d+"/g)).toEqual(['id="p-1"']);
    expect(out).toContain('<p id="p-1">Counted</p>');
  });
});

describe('paragraph ids on a rendered Markdown page', () => {
  it('counts paragraphs written in raw HTML in sequence with Markdown ones, and skips those a raw quotation holds', () => {
    const html = numberParagraphs(renderMarkdown(['First.', '', '<p class="lead">Raw one.</p>', '', '<blockquote markdown="1">', '', 'Quoted.', '', '</blockquote>', '', 'Last.'].join('\n')));
    expect(html.match(/<p[^>]*>/g)).toEqual(['<p id="p-1">', '<p id="p-2" class="lead">', '<p>', '<p id="p-3">']);
  });

  it('leaves the Markdown stage\'s output as Jekyll makes it: ids come at layout', () => {
    expect(renderMarkdown('One.\n\nTwo.')).toBe('<p>One.</p>\n<p>Two.</p>');
  });
});

describe('dossier check and paragraph links', () => {
  it('knows the #p-N anchors of a laid-out page', async () => {
    const source = tempSite({
      '_config.yml': 'title: T\n',
      'index.md': '---\ntitle: Home\n---\nSee [the second paragraph](b/#p-2) and [a missing one](b/#p-9).\n',
      'b.md': '---\ntitle: B\npermalink: /b/\n---\nFirst paragraph.\n\nSecond paragraph.\n',
    });
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    try {
      await main(['check', '--source', source, '--format', 'json']);
    } finally {
      out.mockRestore();
    }
    const anchors = (JSON.parse(stdout) as Array<{ rule: string; message: string }>).filter((f) => f.rule === 'links/missing-anchor');
    expect(anchors.map((f) => f.message)).toEqual([expect.stringContaining('#p-9')]);
  });
});
