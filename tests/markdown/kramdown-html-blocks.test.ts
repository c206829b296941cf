import { describe, expect, it } from 'vitest';
import { applyKramdownBlockRules, htmlBlockEnd, SPAN_LINE_MARKER } from '../../src/markdown/kramdown-html-blocks.js';
import { preprocessKramdown } from '../../src/markdown/preprocess-kramdown.js';

describe('kramdown block rules', () => {
  it('finds the end tag of a nested element, not the first one of its name', () => {
    expect(htmlBlockEnd(['<div a>', '<div>x</div>', '</div> tail'], 0)).toEqual({ line: 2, column: 6 });
    expect(htmlBlockEnd(['<hr> after'], 0)).toEqual({ line: 0, column: 4 });
    expect(htmlBlockEnd(['<span>x</span>'], 0)).toBeUndefined();
  });

  it('moves text after an end tag to a block of its own, each line keeping its source line', () => {
    const { lines, origin } = applyKramdownBlockRules(['<h2>T</h2> tail', 'more', '', 'x']);
    expect(lines).toEqual(['<h2>T</h2>', '', ' tail', 'more', '', 'x']);
    expect(origin).toEqual([1, 1, 1, 2, 3, 4]);
  });

  it('leaves an attribute list under the element attached to it', () => {
    expect(applyKramdownBlockRules(['<div>x</div>', '{: .box}']).lines).toEqual(['<div>x</div>', '{: .box}']);
  });

  it('leaves fenced code alone', () => {
    const code = ['```', '<div>x</div>', 'after', ' # not a heading either', '<img src="a.png">', '```'];
    expect(applyKramdownBlockRules(code).lines).toEqual(code);
  });

  it('leaves multi-line comments and kramdown comment and nomarkdown blocks alone', () => {
    const comment = ['<!-- hidden', '<img src="a.png">', ' ## x', '<div>y</div>', 'after -->', 'text'];
    expect(applyKramdownBlockRules(comment).lines).toEqual(comment);
    const extension = ['{::nomarkdown}', '<img src="a.png">', ' ## x', '{:/nomarkdown}'];
    expect(applyKramdownBlockRules(extension).lines).toEqual(extension);
  });

  it('marks a span tag alone on a line and escapes an indented heading mark outside lists', () => {
    expect(applyKramdownBlockRules(['<img src="a.png">', ' ## x']).lines).toEqual([`<img src="a.png">${SPAN_LINE_MARKER}`, ' \\## x']);
    expect(applyKramdownBlockRules(['- item', '  ## x']).lines).toEqual(['- item', '  ## x']);
  });

  it('maps preprocessed lines back to the page lines after the split', () => {
    const { text, lineMap } = preprocessKramdown('<iframe src="v"></iframe>\n**Video:** credit\n\n## Next');
    const lines = text.split('\n');
    expect(lineMap[lines.indexOf('**Video:** credit')]).toBe(2);
    expect(lineMap[lines.indexOf('## Next')]).toBe(4);
  });
});
