import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

const render = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' });

describe('malformed attribute lists', () => {
  const body = [
    '<div class="essay" markdown="1">', // 4: a blank line is inserted after this one
    'Budget note one.',
    '{: fs-2}',
    'Budget note two.',
    '{: : .fs-2}',
    '',
    '```',
    '{: .inside-code}',
    '```',
    'Budget note three.',
    '{:. fs-2}',
    '</div>',
  ].join('\n');
  // The body starts on line 4 of the file, after three lines of front matter.
  const page = render({ path: 'budget.md', kind: 'markdown', body, bodyLine: 4 });

  it('warns with the line and rule of each malformed list, in original file lines', () => {
    expect(page.diagnostics.map((d) => [d.line, d.column, d.rule, d.severity])).toEqual([
      [6, 1, 'kramdown/malformed-ial', 'warning'],
      [8, 1, 'kramdown/malformed-ial', 'warning'],
      [14, 1, 'kramdown/malformed-ial', 'warning'],
    ]);
    expect(page.diagnostics[0]!.message).toContain('did you mean `.fs-2`?');
  });

  it('ends the paragraph and applies what kramdown applies, without leaking', () => {
    expect(page.html).toContain('<p>Budget note one.</p>');
    expect(page.html).toContain('<p class="fs-2">Budget note two.</p>');
    expect(page.html).toContain('<p>Budget note three.</p>');
    expect(page.html).toContain('{: .inside-code}');
    expect(page.html.replace(/<code>[\s\S]*?<\/code>/, '')).not.toContain('{:');
  });
});
