/** Sidenotes, on by default: in a margin column on a 1440 px laptop, level with their references; at the foot on a phone. */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { sitePages } from './site-pages.js';

const require = createRequire(import.meta.url);
const origin = inject('origin');
const site = sitePages(inject('siteDir'));
const chapter = site.chapters[0] ?? site.essay;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function open(width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await newContext(browser, width, theme);
  const page = await context.newPage();
  await page.goto(origin + chapter, { waitUntil: 'networkidle' });
  return page;
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Each shown sidenote's box with its reference's, plus the text column, breadcrumbs and "On this page" boxes. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null): Box | null => {
      if (el === null || el.getClientRects().length === 0) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    };
    const notes = Array.from(document.querySelectorAll('.sidenote')).map((note) => ({
      note: box(note),
      ref: box(note.previousElementSibling),
    }));
    const paragraph = document.querySelector('article.prose > p');
    return {
      notes,
      text: box(paragraph),
      crumbs: box(document.querySelector('.breadcrumbs')),
      toc: box(document.querySelector('.page-toc-inner')),
      width: document.documentElement.clientWidth,
    };
  });
}

describe('sidenotes at 1440 px', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`sit between the text and "On this page", level with their references (${theme})`, async () => {
      const page = await open(1440, theme);
      const found = await layout(page);
      expect(found.notes.length).toBeGreaterThan(1);
      const text = found.text as Box;
      const toc = found.toc as Box;
      const crumbs = found.crumbs as Box;
      let above = 0;
      for (const { note, ref } of found.notes) {
        expect(note, 'every sidenote is shown').not.toBeNull();
        const n = note as Box;
        const r = ref as Box;
        // Right of the text, left of the "On this page" column, below the breadcrumbs.
        expect(n.left).toBeGreaterThanOrEqual(text.right);
        expect(n.right).toBeLessThanOrEqual(toc.left);
        expect(n.top).toBeGreaterThan(crumbs.bottom);
        // Level with the line that cites it, or pushed just below the note above it.
        expect(n.top).toBeGreaterThanOrEqual(r.top - 4);
        expect(n.top - Math.max(r.top, above)).toBeLessThan(40);
        expect(n.top).toBeGreaterThanOrEqual(above);
        above = n.bottom;
      }
      // No empty band: the margin column fills the space between text and "On this page".
      const first = found.notes[0]?.note as Box;
      expect(first.left - text.right).toBeLessThan(48);
      expect(toc.left - first.right).toBeLessThan(48);
      await page.locator('.sidenote').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => scrollBy(0, -300));
      await screenshot(page, `sidenotes-desktop-${theme}`);
      await page.context().close();
    });

    it(`has no axe violations with sidenotes shown (${theme})`, async () => {
      const page = await open(1440, theme);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run(document);
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('hovering a reference highlights its sidenote instead of opening a preview', async () => {
    const page = await open(1440);
    const ref = page.locator('a.footnote-ref').first();
    await ref.hover();
    await expect.poll(() => page.locator('.sidenote.is-current').count()).toBe(1);
    expect(await page.locator('[role="tooltip"]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('sidenotes on a phone', () => {
  it('are not shown: notes stay at the foot and open as previews', async () => {
    const page = await open(375);
    const found = await layout(page);
    expect(found.notes.length).toBeGreaterThan(0);
    expect(found.notes.every(({ note }) => note === null)).toBe(true);
    await page.locator('a.footnote-ref').first().focus();
    await expect.poll(() => page.locator('[role="tooltip"]').isVisible()).toBe(true);
    await page.context().close();
  });
});
