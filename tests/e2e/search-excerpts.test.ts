/** Search excerpts come from the index: a query downloads index files only, never a result page. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { searchWordFrom, sitePages } from './site-pages.js';

const origin = inject('origin');
const siteDir = inject('siteDir');
const site = sitePages(siteDir);
const chapter = site.chapters[1] ?? site.essay;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe('search excerpts', () => {
  it('shows the matched word marked in an excerpt, fetching no HTML page', async () => {
    const word = searchWordFrom(siteDir, chapter, site.baseurl);
    const context = await newContext(browser, 1280);
    const page = await context.newPage();
    await page.goto(origin + site.essay, { waitUntil: 'networkidle' });
    const fetched: Array<{ url: string; type: string }> = [];
    page.on('response', (response) => {
      fetched.push({ url: response.url(), type: response.headers()['content-type'] ?? '' });
    });
    await page.locator('.search-button').click();
    await page.locator('#search-input').fill(word);
    const mark = page.locator(`#search-results a[href^="${chapter}"] .search-result-excerpt mark`).first();
    await mark.waitFor({ timeout: 10_000 });
    expect((await mark.textContent())?.toLowerCase()).toBe(word.toLowerCase());
    await screenshot(page, 'search-excerpt-desktop-light');
    const pages = fetched.filter((f) => f.type.startsWith('text/html'));
    expect(pages.map((f) => f.url)).toEqual([]);
    // The excerpt's text came from the index's excerpt files.
    expect(fetched.some((f) => new URL(f.url).pathname.startsWith(`${site.baseurl}/search/x/`))).toBe(true);
    await context.close();
  });
});
