import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/layout/format-date.js';

describe('formatDate', () => {
  it("formats Just the Docs' default last_edit_time_format", () => {
    expect(formatDate('2023-04-05 14:30:00 +0000', '%b %e %Y at %I:%M %p')).toBe('Apr  5 2023 at 02:30 PM');
  });

  it('supports unpadded and long forms', () => {
    expect(formatDate('2021-12-09', '%A %-d %B %Y, %H:%M')).toBe('Thursday 9 December 2021, 00:00');
  });

  it('leaves text that is not a date as the author wrote it', () => {
    expect(formatDate('spring 2020', '%Y')).toBe('spring 2020');
  });

  it('keeps unknown directives visible', () => {
    expect(formatDate('2020-01-02', '%Y %Q')).toBe('2020 %Q');
  });
});
