import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findChapterLists } from '../../src/check/check-chapter-lists.js';
import { checkSite } from '../../src/check/check-site.js';

describe('findChapterLists', () => {
  test('reads an HTML list after the heading, skipping the IAL, with source positions', () => {
    const body = ['Text.', '', '#### Table of Contents', '{: .no_toc}', '', '<ul><li> <a href="/a/">One</a></li><li> <a href="/b/"><em>Two</em></a></li></ul>', ''].join('\n');
    expect(findChapterLists(body, 10)).toEqual([
      {
        line: 12,
        entries: [
          { href: '/a/', text: 'One', line: 15, column: 13 },
          { href: '/b/', text: 'Two', line: 15, column: 44 },
        ],
      },
    ]);
  });

  test('reads a Markdown list too, and ignores a kramdown {:toc} list', () => {
    const body = ['## Table of Contents', '- [One](/a/)', '- [Two](/b/)', '', '### Table of contents', '1. TOC', '{:toc}', ''].join('\n');
    expect(findChapterLists(body, 1)).toEqual([
      {
        line: 1,
        entries: [
          { href: '/a/', text: 'One', line: 2, column: 3 },
          { href: '/b/', text: 'Two', line: 3, column: 3 },
        ],
      },
    ]);
  });
});

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The clean fixture with chapter 1's hand-written list replaced. */
async function chapterListFindings(list: string): Promise<string[]> {
  const site = mkdtempSync(path.join(os.tmpdir(), 'dossier-chapters-'));
  temps.push(site);
  cpSync(path.resolve('tests/fixtures/check/clean'), site, { recursive: true });
  const file = path.join(site, 'docs/Politics/tidal-energy-1.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/<ul>.*<\/ul>/, list));
  const result = await checkSite({ sourceDir: site });
  return result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
}

describe('nav/chapter-list-mismatch', () => {
  const one = '<a href="/docs/Politics/tidal-energy-1/">The Harbor Question</a>';
  const two = '<a href="/docs/Politics/tidal-energy-2/">Costs and Benefits</a>';

  test('chapters in another order than the nav', async () => {
    expect(await chapterListFindings(`<ul><li>${two}</li><li>${one}</li></ul>`)).toEqual([
      '32:12 nav/chapter-list-mismatch chapter list order differs from the nav: "The Harbor Question" comes here, not "Costs and Benefits"',
    ]);
  });

  test('a chapter left out, reported at the heading', async () => {
    expect(await chapterListFindings(`<ul><li>${one}</li></ul>`)).toEqual([
      '29:1 nav/chapter-list-mismatch chapter list leaves out chapter "Costs and Benefits" (/docs/Politics/tidal-energy-2/)',
    ]);
  });

  test('a chapter under another name', async () => {
    expect(await chapterListFindings(`<ul><li>${one}</li><li>${two.replace('Costs and Benefits', 'What It Costs')}</li></ul>`)).toEqual([
      '32:85 nav/chapter-list-mismatch chapter list calls /docs/Politics/tidal-energy-2/ "What It Costs", but its title is "Costs and Benefits"',
    ]);
  });
});
