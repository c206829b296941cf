import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot, watchForeignRequests } from './browser.js';
import { sitePages } from './site-pages.js';

const origin = inject('origin');
const site = sitePages(inject('siteDir'));
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
        await page.goto(origin + (site.chapters[1] ?? site.essay), { waitUntil: 'networkidle' });
        expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await screenshot(page, `chapter-${device}-${theme}`);
        await page.goto(origin + site.essay, { waitUntil: 'networkidle' });
        await screenshot(page, `essay-${device}-${theme}`);
        expect(foreign).toEqual([]);
        await context.close();
      });
    }
  }
});
