/** The demo site's essays wrapped in page chrome, as a text scrape and as a saved page: same targets as the seeds. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/import/extract-article.js';
import { AUTO_MIN_WORDS, splitChapters, wordCount } from '../../src/import/split-chapters.js';
import { asSavedHtml, asScrapedText, chapterTitles, demoEssays, expectedTexts, paragraphKey } from './demo-essays.js';
import { keptTexts, score } from './score.js';

const essays = demoEssays();

describe.each(essays.map((e) => [e.title, e] as const))('demo essay "%s" in page chrome', (_title, essay) => {
  it('as a text scrape: ≥95% of paragraphs kept, ≤2% boilerplate, chapter titles found as headings, notes found', () => {
    const article = extractArticle({ text: asScrapedText(essay), label: 'scrape.txt', format: 'text' });
    const result = score(keptTexts(article, true), paragraphKey, expectedTexts(essay, false).map(paragraphKey));
    expect(result.recall, `missing: ${result.missing.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    expect(result.boilerplate, `boilerplate kept: ${result.extra.join(' | ')}`).toBeLessThanOrEqual(0.02);
    expect(article.title).toBe(essay.title);
    expect(article.notes.map((n) => n.number)).toEqual(essay.notes.map((n) => n.number));
    // Plain text has lost the heading levels: every chapter title must be among the inferred headings.
    const headings = article.blocks.filter((b) => b.node.type === 'heading').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(chapterTitles(essay)));
    if (essay.chapters.length > 1) expect(splitChapters(article.blocks, essay.chapters.length).chapters).toHaveLength(essay.chapters.length);
  });

  it('as a saved HTML page: ≥95% of paragraphs kept, ≤2% boilerplate, notes found', () => {
    const article = extractArticle({ text: asSavedHtml(essay), label: 'page.html', format: 'html' });
    const result = score(keptTexts(article), paragraphKey, expectedTexts(essay, true).map(paragraphKey));
    expect(result.recall, `missing: ${result.missing.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    expect(result.boilerplate, `boilerplate kept: ${result.extra.join(' | ')}`).toBeLessThanOrEqual(0.02);
    expect(article.notes.map((n) => n.number)).toEqual(essay.notes.map((n) => n.number));
    // `auto` keeps an essay shorter than AUTO_MIN_WORDS on one page; a number of chapters splits any.
    const mode = wordCount(article.blocks) >= AUTO_MIN_WORDS ? 'auto' : essay.chapters.length;
    if (essay.chapters.length > 1) expect(splitChapters(article.blocks, mode).chapters.map((c) => c.title)).toEqual(chapterTitles(essay));
  });
});
