import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkHandNumberedNotes from '../../src/markdown/plugins/remark-hand-numbered-notes.js';

const source = [
  'The canal opened in spring,<sup>1</sup> and the locks were widened',
  '',
  '***',
  '<sup>1</sup>. Canal Trust, *Spring Report* (2019).',
  '***',
  '',
  'two years later.<sup>2</sup>',
  '',
  '***',
  '<sup>2</sup>. Canal Trust, *Lock Survey* (2021).',
  '***',
  '',
  'Closing paragraph.',
].join('\n');

const render = (placement: 'inline' | 'end') =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkHandNumberedNotes, { placement })
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(source),
  );

describe('note placement', () => {
  it('keeps notes where the author put them by default', () => {
    const html = render('inline');
    expect(html.indexOf('id="fn-1"')).toBeLessThan(html.indexOf('two years later'));
    expect(html.match(/<hr>/g)).toHaveLength(4);
  });

  it('gathers the notes at the end of the page and drops the emptied *** fences when asked', () => {
    const html = render('end');
    expect(html).not.toContain('<hr>');
    expect(html).toMatch(/Closing paragraph\.<\/p>\s*<section class="footnotes footnotes-end" role="doc-endnotes" aria-label="Notes">\s*<p id="fn-1" class="footnote-def">[\s\S]*<p id="fn-2" class="footnote-def">/);
    expect(html).toContain('<a href="#fn-2" id="fnref-2" class="footnote-ref" role="doc-noteref">2</a>');
  });
});
