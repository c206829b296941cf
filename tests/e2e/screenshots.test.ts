import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot, watchForeignRequests } from './browser.js';
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

describe('screenshots of a chapter (desktop and phone, light and dark)', () => {
  for (const [device, width] of [['desktop', 1280], ['phone', 375]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${device} ${theme}: renders with only this site's assets`, async () => {
        const context = await newContext(browser, width, theme);
        const page = await context.newPage();
        const foreign = watchForeignRequests(page, origin);
        await page.goto(origin + chapter, { waitUntil: 'networkidle' });
        expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await screenshot(page, `chapter-${device}-${theme}`);
        await page.goto(origin + site.essay, { waitUntil: 'networkidle' });
        await screenshot(page, `essay-${device}-${theme}`);
        await page.goto(origin + site.baseurl + '/', { waitUntil: 'networkidle' });
        await screenshot(page, `home-${device}-${theme}`);
        expect(foreign).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('screenshots of interactive parts', () => {
  it('phone menu drawer, search results and a note preview', async () => {
    const phone = await newContext(browser, 375);
    const page = await phone.newPage();
    await page.goto(origin + chapter, { waitUntil: 'networkidle' });
    await page.locator('.menu-button').click();
    await page.locator('.site-nav').waitFor({ state: 'visible' });
    await screenshot(page, 'phone-menu-light');
    await phone.close();

    const desktop = await newContext(browser, 1280, 'dark');
    const dark = await desktop.newPage();
    await dark.goto(origin + site.essay, { waitUntil: 'networkidle' });
    await dark.locator('.search-button').click();
    await dark.locator('#search-input').fill(searchWordFrom(siteDir, chapter, site.baseurl));
    await dark.locator('#search-results a').first().waitFor();
    await screenshot(dark, 'search-desktop-dark');
    await desktop.close();

    const light = await newContext(browser, 1280);
    const notes = await light.newPage();
    await notes.goto(origin + chapter, { waitUntil: 'networkidle' });
    const ref = notes.locator('article a.footnote-ref').nth(1);
    await ref.scrollIntoViewIfNeeded();
    await notes.evaluate(() => window.scrollBy(0, -200));
    await ref.hover();
    await notes.locator('[role="tooltip"]').waitFor({ state: 'visible' });
    await screenshot(notes, 'note-preview-desktop-light');
    await notes.goto(origin + site.essay + 'print/', { waitUntil: 'networkidle' });
    await notes.emulateMedia({ media: 'print' });
    await screenshot(notes, 'essay-print-edition', true);
    expect(await notes.locator('.print-chapter').count()).toBe(site.chapters.length);
    await light.close();
  });
});
