import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, openPage } from './browser.js';
import { searchWordFrom, sitePages } from './site-pages.js';

const require = createRequire(import.meta.url);
const origin = inject('origin');
const siteDir = inject('siteDir');
const site = sitePages(siteDir);
const chapter = site.chapters[1] ?? site.chapters[0] ?? site.essay;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const open = (url: string, width?: number, theme?: 'light' | 'dark'): Promise<Page> => openPage(browser, origin, url, width, theme);

describe('sidebar navigation', () => {
  it('expands a closed branch from nav.json and collapses it again', async () => {
    const branch = site.closedBranch;
    expect(branch, 'the demo site needs a second top-level section').toBeDefined();
    if (branch === undefined) return;
    const page = await open(site.essay);
    const item = page.locator(`.site-nav li[data-nav-path="${branch.navPath}"]`);
    const details = item.locator(':scope > details.nav-branch');
    const arrow = details.locator(':scope > summary');
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    // Until it opens, the branch holds only a link standing for its pages.
    expect(await details.locator('.nav-link:not(.nav-more-link)').count()).toBe(0);

    await arrow.click();
    const child = details.locator(':scope > .nav-list > li > .nav-link').first();
    await expect.poll(() => child.textContent()).toBe(branch.firstChild);
    expect(await child.isVisible()).toBe(true);
    expect(await details.locator('.nav-more-link').count()).toBe(0);

    await arrow.click();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await child.isVisible()).toBe(false);
    await page.context().close();
  });

  it('collapses the open branch with the keyboard', async () => {
    const page = await open(chapter);
    const navPath = await page.locator('.site-nav li.is-open[data-nav-path]').first().getAttribute('data-nav-path');
    const details = page.locator(`.site-nav li[data-nav-path="${navPath ?? ''}"] > details.nav-branch`);
    const arrow = details.locator(':scope > summary');
    const list = details.locator(':scope > .nav-list');
    expect(await list.isVisible()).toBe(true);
    await arrow.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => list.isVisible()).toBe(true);
    await page.context().close();
  });

  it('opens and closes branches without JavaScript', async () => {
    const branch = site.closedBranch;
    if (branch === undefined) return;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(origin + site.essay);
    const details = page.locator(`.site-nav li[data-nav-path="${branch.navPath}"] > details.nav-branch`);
    const all = details.locator('.nav-more-link');
    expect(await all.isVisible()).toBe(false);
    await details.locator(':scope > summary').click();
    expect(await all.isVisible()).toBe(true);
    // The link leads to the branch's own page, which lists its children.
    await all.click();
    await page.waitForURL((url) => url.pathname !== site.essay);
    expect(await page.locator('.child-list a').first().textContent()).toBe(branch.firstChild);
    await context.close();
  });

  it('marks the current page and links to chapters that work without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(origin + chapter);
    const current = page.locator('.site-nav [aria-current="page"]');
    expect(await current.getAttribute('href')).toBe(chapter);
    // Without script the sidebar follows the text on phones instead of hiding in a drawer.
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    await context.close();
  });
});

describe('phone layout', () => {
  it('opens and closes the menu drawer at 375px', async () => {
    const page = await open(chapter, 375);
    const menu = page.locator('.menu-button');
    const nav = page.locator('.site-nav');
    expect(await menu.isVisible()).toBe(true);
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => nav.isVisible()).toBe(true);
    // Focus moves into the drawer so keyboard users land on the current page's link.
    expect(await page.evaluate(() => document.activeElement?.closest('.site-nav') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-button'))).toBe(true);
    // Nothing overflows sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});

describe('theme', () => {
  it('toggles to dark, persists across pages, and applies it before the body is parsed', async () => {
    const page = await open(site.essay, 1280, 'light');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.locator('.theme-toggle').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.locator('.theme-toggle').getAttribute('aria-pressed')).toBe('true');

    await page.addInitScript(() => {
      const seen: Array<string | null> = [];
      (window as unknown as { themeAtBody: Array<string | null> }).themeAtBody = seen;
      new MutationObserver((_records, observer) => {
        if (document.body !== null) {
          seen.push(document.documentElement.getAttribute('data-theme'));
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(origin + chapter, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string[] }).themeAtBody[0])).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');

    await page.locator('.theme-toggle').click();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.context().close();
  });

  it('follows the system preference when the reader has not chosen', async () => {
    const page = await open(site.essay, 1280, 'dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.context().close();
  });
});

describe('search', () => {
  it('finds a word from a chapter and links to its section', async () => {
    const word = searchWordFrom(siteDir, chapter, site.baseurl);
    const page = await open(site.essay);
    await page.keyboard.press('/');
    const input = page.locator('#search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill(word);
    const hit = page.locator(`#search-results a[href^="${chapter}"]`).first();
    await hit.waitFor({ timeout: 10_000 });
    expect((await hit.textContent())?.toLowerCase()).toContain(word.toLowerCase());
    await hit.click();
    await page.waitForURL((url) => url.pathname === chapter);
    await page.context().close();
  });

  it('shows a note’s number in excerpts of the notes, not a stray full stop', async () => {
    const rel = decodeURI(chapter.slice(site.baseurl.length)).replace(/^\//, '');
    const html = readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8');
    const note = /class="footnote-number"[^>]*><sup>(\d+)<\/sup><\/a>\.\s*([^<]+)/.exec(html);
    expect(note, 'a numbered note on the chapter').not.toBeNull();
    const [, number = '', text = ''] = note ?? [];
    const word = [...(text.match(/[A-Za-z]{6,}/g) ?? [])].sort((a, b) => b.length - a.length)[0] ?? '';
    const page = await open(site.essay);
    await page.locator('.search-button').click();
    await page.locator('#search-input').fill(word);
    const excerpt = page.locator(`#search-results a[href^="${chapter}"] .search-result-excerpt`).first();
    await excerpt.waitFor({ timeout: 10_000 });
    const shown = (await excerpt.textContent()) ?? '';
    expect(shown).toContain(word);
    expect(shown).toContain(`${number}.`);
    expect(shown).not.toMatch(/\.\s+\./);
    await page.context().close();
  });

  it('shows nothing from other hosts and says so when nothing matches', async () => {
    const page = await open(site.essay);
    await page.locator('.search-button').click();
    await page.locator('#search-input').fill('qzxqzxnotaword');
    await expect.poll(() => page.locator('#search-status').textContent()).toContain('No results');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-dialog').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('footnote preview', () => {
  async function noteRef(page: Page) {
    const ref = page.locator('article a.footnote-ref').first();
    const href = (await ref.getAttribute('href')) ?? '';
    return { ref, href };
  }

  it('shows the note on hover without leaving the paragraph', async () => {
    const page = await open(chapter);
    const { ref, href } = await noteRef(page);
    expect(href).not.toBe('');
    await ref.hover();
    const tip = page.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect((await tip.textContent())?.trim().length).toBeGreaterThan(10);
    expect(new URL(page.url()).pathname).toBe(chapter);
    await page.context().close();
  });

  it('shows the note when the reference gets keyboard focus and hides it on Escape', async () => {
    const page = await open(chapter);
    const { ref } = await noteRef(page);
    await ref.focus();
    const tip = page.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await ref.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('reading aids', () => {
  it('highlights the section being read in "On this page"', async () => {
    const page = await open(chapter);
    const links = page.locator('.page-toc a[href^="#"]');
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    const last = links.nth(count - 1);
    const id = ((await last.getAttribute('href')) ?? '#').slice(1);
    await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
    await page.evaluate((target) => document.getElementById(target)?.scrollIntoView({ block: 'start' }), id);
    await expect.poll(() => last.getAttribute('aria-current')).toBe('location');
    await page.context().close();
  });

  it('links chapters in reading order with previous and next, chapter 1 back to the essay', async () => {
    const page = await open(site.chapters[0] ?? chapter);
    const next = page.locator('.chapter-pager a[rel="next"]');
    expect(await next.getAttribute('href')).toBe(site.chapters[1]);
    expect(await page.locator('.chapter-pager a[rel="prev"]').getAttribute('href')).toBe(site.essay);
    await page.context().close();
  });

  it('prints the whole essay on one page, chapters in order, without the chrome', async () => {
    const page = await open(site.essay);
    const printHref = await page.locator('.page-meta .print-link a').getAttribute('href');
    expect(printHref).toBe(`${site.essay}print/`);
    await page.goto(origin + (printHref ?? ''), { waitUntil: 'networkidle' });
    expect(await page.locator('.print-chapter').count()).toBe(site.chapters.length);
    const contents = await page.locator('.print-contents a').allTextContents();
    const sidebar = await page.context().newPage();
    await sidebar.goto(origin + site.essay, { waitUntil: 'networkidle' });
    const chapterTitles = await sidebar.locator('.child-list a').allTextContents();
    expect(contents).toEqual(chapterTitles);
    await sidebar.close();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    await page.goto(origin + chapter, { waitUntil: 'networkidle' });
    expect(await page.locator('.side-bar').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('article').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, url] of [['home', site.baseurl + '/'], ['essay', site.essay], ['chapter', chapter], ['print edition', site.essay + 'print/']] as const) {
      it(`has no axe violations on the ${name} page in the ${theme} theme`, async () => {
        const page = await open(url, 1280, theme);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
          const result = await axe.run(document);
          return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.context().close();
      });
    }
  }
});
