/** The smaller decisions of an import: chapter splits, inferred headings, scraped note references. */
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../src/import/article.js';
import { isHeadingLike } from '../../src/import/infer-headings.js';
import { textWithRefs } from '../../src/import/note-refs.js';
import { segmentText } from '../../src/import/segment-text.js';
import { splitChapters } from '../../src/import/split-chapters.js';
import { slugify } from '../../src/import/write-essay.js';

const heading = (text: string, depth: 1 | 2 | 3 | 4 | 5 | 6 = 2): ArticleBlock => ({ node: { type: 'heading', depth, children: [{ type: 'text', value: text }] }, text });
const para = (words: number): ArticleBlock => {
  const text = Array.from({ length: words }, () => 'word').join(' ');
  return { node: { type: 'paragraph', children: [{ type: 'text', value: text }] }, text };
};

describe('splitChapters', () => {
  const essay = [para(100), heading('One'), para(400), heading('Two'), para(100), heading('Three'), para(300), heading('Four'), para(800)];

  it('auto: one chapter per top-level heading, the text before the first one as the introduction', () => {
    const split = splitChapters(essay, 'auto');
    expect(split.intro).toHaveLength(1);
    expect(split.chapters.map((c) => c.title)).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  it('auto keeps a short article on one page, and none always does', () => {
    expect(splitChapters([heading('A'), para(200), heading('B'), para(200)], 'auto').chapters).toEqual([]);
    expect(splitChapters(essay, 'none').chapters).toEqual([]);
  });

  it('N: N parts of similar length, cut at headings, merged sections keep their heading one level down', () => {
    const split = splitChapters(essay, 2);
    expect(split.chapters.map((c) => c.title)).toEqual(['One', 'Four']);
    const merged = split.chapters[0]!.blocks.filter((b) => b.node.type === 'heading').map((b) => [b.text, (b.node as { depth: number }).depth]);
    expect(merged).toEqual([['Two', 3], ['Three', 3]]);
  });

  it('lifts the shallowest heading level to ## and splits there', () => {
    const split = splitChapters([heading('Part A', 3), para(900), heading('Detail', 4), para(10), heading('Part B', 3), para(900)], 'auto');
    expect(split.chapters.map((c) => c.title)).toEqual(['Part A', 'Part B']);
    expect((split.chapters[0]!.blocks[1]!.node as { depth: number }).depth).toBe(3);
  });
});

describe('headings inferred in plain text', () => {
  it.each(['The Problem', 'Three Corridors', '24/7 Escort Is Not a Plan', 'Weekly or Monthly?', 'Findings'])('"%s" is a heading', (text) => {
    expect(isHeadingLike(text)).toBe(true);
  });
  it.each(['None needed to be.', 'in Asia, News', 'Ships stayed. None Moved', 'September 11, 2023', 'the war went on and on without end'])('"%s" is not', (text) => {
    expect(isHeadingLike(text)).toBe(false);
  });
});

describe('scraped note references', () => {
  const refs = (text: string) => textWithRefs(text, new Set([1, 2, 7, 35])).map((n: RootContent) => ('value' in n ? n.value : '')).join('|');
  it('turns a number glued to the end of a word or sentence back into <sup>N</sup>', () => {
    expect(refs('ships turned back.2 Bread prices rose,1 and')).toBe('ships turned back.|<sup>2</sup>| Bread prices rose,|<sup>1</sup>| and');
  });
  it('leaves model names, units and unknown numbers alone', () => {
    expect(refs('the F-35 and the G7 fired 155mm shells in 1987.')).toBe('the F-35 and the G7 fired 155mm shells in 1987.');
  });
});

describe('segmenting a scrape', () => {
  it('joins a hard-wrapped paragraph and keeps lines of chrome apart', () => {
    const wrapped = 'The corridor opened in the spring and closed again\nbefore the harvest was in, because no insurer would\nquote a premium for the northern lane that year.';
    expect(segmentText(`Home\nNews\n\n${wrapped}`).map((b) => b.text)).toEqual(['Home', 'News', wrapped.replace(/\n/g, ' ')]);
  });
});

describe('file names', () => {
  it('are slugs of the titles', () => {
    expect(slugify('§ Russia and China: Two Countries, One Threat')).toBe('Russia-and-China-Two-Countries-One-Threat');
    expect(slugify('Öl & Gas – Zürich')).toBe('Ol-Gas-Zurich');
  });
});
