import { describe, expect, it } from 'vitest';
import { basicKramdownId, createKramdownIdGenerator } from '../../src/markdown/kramdown-id.js';

describe('kramdown auto ids', () => {
  it.each([
    ['8 End-to-End Penetration Test Analysis', 'end-to-end-penetration-test-analysis'],
    ['AI’s Roadmap', 'ais-roadmap'],
    ['Social Media – A Doppelganger', 'social-media--a-doppelganger'],
    ['24/7 Availability', 'availability'],
    ['[Linked](http://example.org/a) heading', 'linkedhttpexampleorga-heading'],
  ])('%s → %s', (raw, id) => {
    expect(basicKramdownId(raw)).toBe(id);
  });

  it('numbers repeats per page and falls back to section', () => {
    const next = createKramdownIdGenerator();
    expect([next('Findings'), next('Findings'), next('2030'), next('...'), next('Findings')]).toEqual([
      'findings',
      'findings-1',
      'section',
      'section-1',
      'findings-2',
    ]);
    expect(createKramdownIdGenerator()('Findings')).toBe('findings');
  });
});
