/**
 * Just the Docs components written in Markdown (tests/fixtures/sites/components) as readers see them
 * in Chromium, light and dark: computed styles say each class took effect, screenshots show it.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, watchForeignRequests } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test-output', 'components-site');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), 'build', '--source', path.join(ROOT, 'tests/fixtures/sites/components'), '--out', OUT], { cwd: ROOT, stdio: 'ignore' });
  server = await serveStatic(OUT);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const style = (page: Page, selector: string, property: string): Promise<string> =>
  page.locator(selector).first().evaluate((el, prop) => getComputedStyle(el).getPropertyValue(prop), property);

/** WCAG contrast ratio of an element's text colour against the page background colour. */
async function contrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const a = lum(getComputedStyle(el).color);
    const b = lum(getComputedStyle(document.body).backgroundColor);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

describe('Just the Docs components in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: labels, buttons, type scale, spacing, callouts, code and math take effect and stay readable`, async () => {
      const context = await newContext(browser, 1280, theme);
      const page = await context.newPage();
      const foreign = watchForeignRequests(page, server.origin);
      await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });

      expect(await style(page, '.label-green', 'background-color')).not.toBe(await style(page, '.label-red', 'background-color'));
      expect(await style(page, '.label', 'text-transform')).toBe('uppercase');
      expect(await style(page, '.btn-green', 'background-color')).toBe('rgb(2, 110, 87)');
      expect(await style(page, '.btn-green', 'color')).toBe('rgb(255, 255, 255)');
      expect(parseFloat(await style(page, 'p.fs-7', 'font-size'))).toBeGreaterThan(parseFloat(await style(page, 'p.fs-1', 'font-size')) * 1.8);
      const tight = await page.locator('p.lh-tight').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
      expect(tight).toBeCloseTo(1.25, 2);
      expect(await style(page, 'p.fw-300', 'font-weight')).toBe('300');
      expect(await style(page, 'p.px-6', 'padding-left')).toBe('32px');
      expect(await style(page, 'p.d-none', 'display')).toBe('block');
      expect(parseFloat(await style(page, 'p.note', 'border-left-width'))).toBeGreaterThan(0);
      expect(await page.locator('p.note').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Note"');
      expect(await style(page, '.code-example', 'border-top-style')).toBe('solid');
      expect(await style(page, 'pre code .hljs-keyword', 'color')).not.toBe(await style(page, 'pre code', 'color'));
      expect(await page.locator('.katex-display .katex-html').count()).toBe(1);
      expect(await page.locator('.code-copy').count()).toBeGreaterThanOrEqual(2);
      for (const selector of ['p.text-grey-dk-100', 'p.text-blue-300', 'p.text-red-200', 'p.note', '.hljs-comment']) {
        expect(await contrast(page, selector), `${selector} in ${theme}`).toBeGreaterThan(3);
      }
      await screenshot(page, `components-${theme}`, true);
      expect(foreign).toEqual([]);
      await context.close();
    });
  }
});
