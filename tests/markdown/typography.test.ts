import { describe, expect, it } from 'vitest';
import { kramdownTypography } from '../../src/markdown/plugins/remark-typography.js';

// Expected strings are what ruby-kramdown 2.4 printed for the same input.
describe('kramdown typography', () => {
  it.each([
    ['He said "hello." It\'s the \'80s -- and --- then...', 'He said “hello.” It’s the ’80s – and — then…'],
    ['\'Single\' and "double"; the engineers\' report', '‘Single’ and “double”; the engineers’ report'],
    ['rock \'n\' roll; "a \'nested\' quote".', 'rock ‘n’ roll; “a ‘nested’ quote”.'],
    ['She asked: "Why now?" (He replied, \'Because.\')', 'She asked: “Why now?” (He replied, ‘Because.’)'],
    ['\'s tail', '’s tail'],
    ['<< spaced >> and <<tight>>', '«\u00a0spaced\u00a0» and «tight»'],
  ])('%s', (input, expected) => {
    expect(kramdownTypography(input)).toBe(expected);
  });

  it('leaves text without quotes or dashes as it is', () => {
    expect(kramdownTypography('Plain words, no marks.')).toBe('Plain words, no marks.');
  });
});
