/** The nesting guard: shapes that make the parser's work explode are caught before parsing, real prose never. */
import { describe, expect, it } from 'vitest';
import { nestingProblem } from '../../src/markdown/nesting-guard.js';

describe('nestingProblem', () => {
  it('catches thousands of nested strikethrough pairs, which take the parser seconds per thousand', () => {
    const tildes = `Intro.\n\n${'~a '.repeat(5_000)}x${' a~'.repeat(5_000)}\n`;
    expect(nestingProblem(tildes)).toEqual({ line: 3, reason: 'more than 1000 emphasis markers in one paragraph' });
  });

  it('lets through prose with tildes, asterisks and lists, however long the page', () => {
    const paragraph = 'About ~40 % of *members* agreed, ~~not~~ the __rest__; see the ~2019 table.';
    const page = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? paragraph : `- item ${i}\n  - nested *item*`)).join('\n\n');
    expect(nestingProblem(page)).toBeUndefined();
  });
});
