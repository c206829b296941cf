/** Reader experience on pages built from what real essays contain: wide numeric tables, author colours, embeds, hand-written contents. */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, openPage, screenshot } from './browser.js';

const require = createRequire(import.meta.url);
const origin = inject('readerOrigin');
const essay = '/docs/L/Ledgers/';
const chapterOne = '/docs/L/Ledgers-1/';
const chapterTwo = '/docs/L/Ledgers-2/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const open = (url: string, width?: number, theme?: 'light' | 'dark'): Promise<Page> => openPage(browser, origin, url, width, theme);

/** Cells of `selector` whose text the browser laid out on more than one line (a word or number split). */
function splitCells(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const split: string[] = [];
    for (const cell of Array.from(document.querySelectorAll(sel))) {
      const text = (cell.textContent ?? '').trim();
      if (text === '' || /\s/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      if (lines.size > 1) split.push(text);
    }
    return split;
  }, selector);
}

describe('wide tables inside .dont-break-out', () => {
  for (const width of [375, 1280]) {
    it(`keep every word and number whole and scroll in their own region at ${width}px`, async () => {
      const page = await open(chapterOne, width);
      const region = page.locator('article .dont-break-out .table-scroll').first();
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('role')).toBe('region');
      expect(await splitCells(page, 'article .table-scroll th, article .table-scroll td')).toEqual([]);
      const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    });
  }

  it('scrolls with the keyboard, shows an edge shadow and keeps the header row sticky', async () => {
    const page = await open(chapterOne, 375);
    const region = page.locator('article .table-scroll').first();
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const background = await region.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(background).toContain('radial-gradient');
    expect(await region.locator('thead th').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await screenshot(page, 'reader-table-phone-light');
    await page.context().close();
  });

  it('gives a table written as raw HTML the same region', async () => {
    const page = await open(chapterOne, 375);
    const raw = page.locator('article table', { hasText: 'North quay' });
    expect(await raw.evaluate((el) => el.parentElement?.className)).toBe('table-scroll');
    expect(await raw.evaluate((el) => el.parentElement?.getAttribute('tabindex'))).toBe('0');
    await page.context().close();
  });
});

describe('author-coloured content', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe colour contrast in the ${theme} theme`, async () => {
      const page = await open(chapterOne, 1280, theme);
      expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const failures = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run(document, { runOnly: ['color-contrast'] });
        return result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
      });
      expect(failures).toEqual([]);
      await screenshot(page, `reader-author-colours-desktop-${theme}`);
      await page.context().close();
    });
  }
});

describe('titles', () => {
  it('has exactly one <h1> on every page and the essay name in chapter titles', async () => {
    const page = await open(essay);
    for (const url of ['/', '/docs/L/', essay, chapterOne, chapterTwo]) {
      await page.goto(origin + url, { waitUntil: 'networkidle' });
      expect(await page.locator('h1').count(), url).toBe(1);
    }
    await page.goto(origin + chapterTwo);
    expect(await page.title()).toContain('Harbour Ledgers');
    expect(await page.title()).toContain('Reconciling the Books');
    await page.context().close();
  });
});

describe('essay landing and chapter order', () => {
  it('leads from the landing page into chapter 1 and back', async () => {
    const page = await open(essay);
    const start = page.locator('.start-reading a');
    expect(await start.textContent()).toContain('Start reading');
    await start.click();
    await page.waitForURL((url) => url.pathname === chapterOne);
    await page.locator('.chapter-pager a[rel="prev"]').click();
    await page.waitForURL((url) => url.pathname === essay);
    await page.context().close();
  });
});

describe('layout stability', () => {
  it('does not shift the header or the text while scripts load', async () => {
    const context = await newContext(browser, 1280);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) w.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(origin + chapterTwo, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
    await context.close();
  });

  it('offers a jump to the navigation at the top of a phone page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(origin + chapterOne);
    const jump = page.locator('.nav-jump');
    expect(await jump.isVisible()).toBe(true);
    await jump.click();
    expect(new URL(page.url()).hash).toBe('#site-nav');
    expect(await page.locator('.search-button').isVisible()).toBe(false);
    await context.close();
  });
});

describe('print edition', () => {
  it('has a cover and a contents list, prints embeds as links and addresses once, without the hand-written chapter lists', async () => {
    const page = await open(`${essay}print/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.print-cover .print-authors').textContent()).toBe('Ines Korvald and Tomas Etxeberri');
    expect(await page.locator('.print-cover .print-date').textContent()).toBe('March 5, 2024');
    expect(await page.locator('.print-cover .print-url').textContent()).toBe('https://ledger.example.org/docs/L/Ledgers/');
    expect(await page.locator('.print-contents').isVisible()).toBe(true);
    expect(await page.locator('.print-contents a').allTextContents()).toEqual(['Tonnage Counts', 'Reconciling the Books']);

    expect(await page.locator('.print-edition iframe').count()).toBe(0);
    const embed = page.locator('.print-embed a');
    expect(await embed.getAttribute('href')).toBe('https://video.example.org/embed/ledger-clerk');
    expect(await embed.textContent()).toBe('A clerk explains the double count');

    const after = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await after('.print-chapter a[href="https://archive.example.org/ledgers/1923"]')).toBe('none');
    expect(await after('.print-chapter a[href="https://archive.example.org/summary"]')).toContain('https://archive.example.org/summary');

    // Each chapter's pasted list of chapters (and its heading) is gone; the print contents list stands for them.
    expect(await page.locator('.print-chapter a[href="/docs/L/Ledgers-2/"]').count()).toBe(0);
    expect(await page.locator('.print-chapter h4', { hasText: 'Table of Contents' }).count()).toBe(0);
    await screenshot(page, 'reader-print-edition', true);
    await page.context().close();
  });
});

describe('screenshots of the fixture chapter', () => {
  for (const [device, width] of [['desktop', 1280], ['phone', 375]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${device} ${theme}`, async () => {
        const page = await open(chapterOne, width, theme);
        await page.locator('article .table-scroll').first().scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        await screenshot(page, `reader-fixture-${device}-${theme}`);
        await page.context().close();
      });
    }
  }
});

describe('search quality', () => {
  async function results(page: Page, query: string): Promise<string[]> {
    await page.locator('#search-input').fill('');
    await expect.poll(() => page.locator('#search-status').textContent()).toBe('');
    await page.locator('#search-input').fill(query);
    await page.locator('#search-status').filter({ hasText: /found|No results/ }).waitFor({ timeout: 10_000 });
    return page.locator('#search-results a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it('finds other forms of a word (stemming) and words with one typo', async () => {
    const page = await open(essay);
    await page.locator('.search-button').click();
    // "agreeing" is on no page; chapter 1 says "agreed" and "disagreed".
    expect(await results(page, 'agreeing')).toContain(chapterOne);
    expect(await results(page, 'tonage')).toContain(chapterOne);
    await page.locator('#search-results mark', { hasText: /^tonnage$/i }).first().waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});

describe('reading time and progress', () => {
  it('says how long a chapter takes and fills a progress bar as the reader scrolls', async () => {
    const page = await open(chapterOne, 1280);
    expect(await page.locator('.page-kicker-time').textContent()).toMatch(/^\d+ min read$/);
    const bar = page.locator('.reading-progress');
    const width = () => bar.evaluate((el) => el.getBoundingClientRect().width);
    const atTop = await width();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(width).toBeGreaterThan(atTop + 500);
    await page.context().close();
  });
});

describe('paragraph links', () => {
  it('offers a ¶ link to #p-N on hover that leads back to the same paragraph', async () => {
    const page = await open(chapterTwo, 1280);
    const paragraph = page.locator('article p[id^="p-"]').nth(1);
    const id = (await paragraph.getAttribute('id')) ?? '';
    expect(id).toMatch(/^p-\d+$/);
    await paragraph.hover();
    const link = paragraph.locator('.paragraph-link');
    await expect.poll(() => link.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await link.getAttribute('href')).toBe(`#${id}`);
    const text = ((await paragraph.textContent()) ?? '').slice(0, 30);
    // A fresh load of the link (the ids are numbered the same way every time) lands on that paragraph.
    const again = await open(`${chapterTwo}#${id}`, 1280);
    const target = again.locator('p.is-target');
    expect(((await target.textContent()) ?? '').slice(0, 30)).toBe(text);
    expect(await target.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(300);
    await again.context().close();
    await page.context().close();
  });
});

describe('cross-link previews', () => {
  it('shows the linked section’s heading and first lines on hover, and hides them on Escape', async () => {
    const page = await open(chapterOne, 1280);
    const link = page.locator('article a', { hasText: 'the later count' });
    await link.hover();
    const tip = page.locator('#link-preview');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.locator('strong').textContent()).toBe('Reconciling the Books');
    expect(await tip.locator('p').textContent()).toContain('When the blockade lifted');
    expect(await link.getAttribute('aria-describedby')).toBe('link-preview');
    expect(new URL(page.url()).pathname).toBe(chapterOne);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('figures', () => {
  it('numbers an image and its caption line as a figure and enlarges it on click', async () => {
    const page = await open(chapterTwo, 1280);
    const figure = page.locator('article figure').first();
    expect(await figure.locator('figcaption').textContent()).toBe('Figure 1. Monthly tonnage at the north quay, invented figures.');
    const img = figure.locator('img');
    expect(await img.getAttribute('width')).toBe('640');
    await figure.locator('button.figure-zoom').click();
    const dialog = page.locator('dialog.figure-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('img').getAttribute('src')).toBe(await img.getAttribute('src'));
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.context().close();
  });
});
