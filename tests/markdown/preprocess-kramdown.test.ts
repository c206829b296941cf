import { describe, expect, it } from 'vitest';
import { preprocessKramdown } from '../../src/markdown/preprocess-kramdown.js';

describe('preprocessKramdown', () => {
  it('maps every line back to its original line when markdown="1" tags gain blank lines', () => {
    const result = preprocessKramdown('<div markdown="1">\n1. TOC\n{:toc}\n</div>\nafter');
    const lines = result.text.split('\n');
    expect(lines).toHaveLength(result.lineMap.length);
    expect(lines[0]).toBe('<div>');
    expect(lines[1]).toBe('');
    expect(result.lineMap[lines.indexOf('1. TOC')]).toBe(2);
    expect(result.lineMap[lines.indexOf('</div>')]).toBe(4);
    expect(result.lineMap[lines.indexOf('after')]).toBe(5);
    expect(lines[lines.indexOf('</div>') + 1]).toBe('');
  });

  it('leaves fenced code and style blocks alone', () => {
    const text = '~~~\n{: .x}\n#Tag\n~~~\n<style>\n{: .y}\n</style>';
    expect(preprocessKramdown(text).text).toBe(text);
  });

  it('gives `#Heading` its space only where a block may start, with kramdown input', () => {
    expect(preprocessKramdown('#Heading\n\ntext\n#not', { input: 'kramdown' }).text).toBe('# Heading\n\ntext\n#not');
  });

  it('leaves `#Heading` a paragraph with GFM input, as Jekyll does by default', () => {
    expect(preprocessKramdown('#Heading\n\ntext').text).toBe('#Heading\n\ntext');
  });

  it('keeps a block HTML element whole across blank lines, as kramdown does', () => {
    const pre = preprocessKramdown('<table>\n<tr><td>\n\n\t\t<p>cell</p>\n</td></tr>\n</table>\n\nafter');
    expect(pre.text.split('\n').slice(0, 6)).not.toContain('');
    expect(pre.text.endsWith('\n\nafter')).toBe(true);
  });

  it('records the lines inside markdown="1" blocks', () => {
    const pre = preprocessKramdown('# Out\n<div markdown="1">\n## In\n</div>\n## Out again');
    const line = pre.text.split('\n').indexOf('## In') + 1;
    expect(pre.markdownBlocks.some(([first, last]) => line >= first && line <= last)).toBe(true);
    const outside = pre.text.split('\n').indexOf('## Out again') + 1;
    expect(pre.markdownBlocks.some(([first, last]) => outside >= first && outside <= last)).toBe(false);
  });

  it('removes {::comment} blocks and {::options} lines but keeps line numbers', () => {
    const result = preprocessKramdown('a\n\n{::comment}\nsecret\n{:/comment}\n{::options auto_ids="true" /}\nb');
    expect(result.text).not.toContain('secret');
    expect(result.text).not.toContain('{::');
    expect(result.lineMap).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
