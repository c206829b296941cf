/** The three scraped seeds against their hand-checked articles: ≥95% of paragraphs kept, ≤2% boilerplate. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/import/extract-article.js';
import { readImportInput } from '../../src/import/read-input.js';
import { keptTexts, score, textHash } from './score.js';

interface SeedFixture {
  seed: string;
  title: string;
  hasSubtitle: boolean;
  byline: string | null;
  date: string | null;
  headings: string[];
  article: { start: string; hash: string }[];
  optional: { start: string; hash: string }[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/import');

/** CI puts the seeds beside the repository (`../shared/seeds`); a worktree one level deeper also finds them. */
function seedsDir(): string {
  const candidates = [process.env['DOSSIER_SEEDS'], path.resolve(ROOT, '../shared/seeds'), path.resolve(ROOT, '../../shared/seeds')];
  const found = candidates.find((dir) => dir !== undefined && existsSync(dir));
  if (found === undefined) throw new Error(`seed scrapes not found: looked in ${candidates.filter(Boolean).join(', ')} (set DOSSIER_SEEDS to their folder)`);
  return found;
}

describe.each(['seed-002', 'seed-003', 'seed-004'])('import of %s', (name) => {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as SeedFixture;

  it('keeps at least 95% of the article paragraphs and at most 2% boilerplate', () => {
    const article = extractArticle(readImportInput(path.join(seedsDir(), fixture.seed)));
    const result = score(keptTexts(article), textHash, fixture.article.map((p) => p.hash), fixture.optional.map((p) => p.hash));
    const missing = fixture.article.filter((p) => result.missing.includes(p.hash)).map((p) => p.start);
    expect({ recall: result.recall >= 0.95, boilerplate: result.boilerplate <= 0.02 }, `missing: ${missing.join(' | ')}; boilerplate kept: ${result.extra.join(' | ')}`).toEqual({ recall: true, boilerplate: true });
  });

  it('finds the title, subtitle, byline, date and headings', () => {
    const article = extractArticle(readImportInput(path.join(seedsDir(), fixture.seed)));
    expect(article.title).toBe(fixture.title);
    expect(article.subtitle !== undefined).toBe(fixture.hasSubtitle);
    expect(article.byline ?? null).toBe(fixture.byline);
    expect(article.date ?? null).toBe(fixture.date);
    expect(article.blocks.filter((b) => b.node.type === 'heading').map((b) => b.text)).toEqual(fixture.headings);
  });
});
