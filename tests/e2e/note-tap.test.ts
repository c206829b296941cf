/** Note references on a touch screen: the first tap previews, a second tap or the preview's link goes to the note. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NavNode, NavTree } from '../../src/nav/nav-tree.js';
import { fixturePages, linkAllNotes, renderAll } from '../footnotes/note-site.js';
import { launchBrowser } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

let browser: Browser;
let server: StaticServer;
let root: string;

/** Writes the variants essay's opening page and chapter 1, linked as a build links them, with the note assets. */
function writeSite(dir: string): void {
  const [opening, one] = fixturePages('variants', ['Canal-Dues.md', 'Canal-Dues-1.md']);
  const node = (path: string, url: string, parent: NavNode | undefined, depth: number): NavNode => ({ path, title: path, url, navExclude: false, hasToc: true, children: [], parent, depth });
  const essay = node(opening!.path, opening!.url, undefined, 0);
  essay.children = [node(one!.path, one!.url, essay, 1)];
  const nav: NavTree = { roots: [essay], byPath: new Map([[essay.path, essay], [one!.path, essay.children[0]!]]), diagnostics: [] };
  const linked = linkAllNotes([opening!, one!], renderAll([opening!, one!]), nav, '');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (const file of ['notes.js', 'notes.css']) copyFileSync(path.resolve(import.meta.dirname, '../../public/assets', file), path.join(dir, 'assets', file));
  for (const page of [opening!, one!]) {
    mkdirSync(path.join(dir, page.outputPath, '..'), { recursive: true });
    writeFileSync(
      path.join(dir, page.outputPath),
      `<!doctype html><html><head><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/assets/notes.css"><script src="/assets/notes.js" defer></script></head><body><article>${linked.html(page.path)}</article><div style="height:3000px"></div></body></html>`,
    );
  }
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dossier-note-tap-'));
  writeSite(root);
  server = await serveStatic(root);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function phone(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.origin + url, { waitUntil: 'networkidle' });
  return page;
}

describe('note references on a touch screen', () => {
  it('opens the preview on the first tap and stays on the page, even for a note in another chapter', async () => {
    const page = await phone('/docs/Canal-Dues/');
    await page.locator('a.footnote-ref').first().tap();
    const tip = page.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('toll books of the upper basin');
    expect(new URL(page.url()).pathname).toBe('/docs/Canal-Dues/');
    await page.context().close();
  });

  it('goes to the note on a second tap of the same reference', async () => {
    const page = await phone('/docs/Canal-Dues/');
    const ref = page.locator('a.footnote-ref').first();
    await ref.tap();
    await expect.poll(() => page.locator('[role="tooltip"]').isVisible()).toBe(true);
    await ref.tap();
    await page.waitForURL('**/docs/Canal-Dues-1/#fn-1');
    expect(new URL(page.url()).hash).toBe('#fn-1');
    await page.context().close();
  });

  it('goes to the note from the link in the preview', async () => {
    const page = await phone('/docs/Canal-Dues-1/');
    await page.locator('a.footnote-ref[href="#fn-7"]').tap();
    const tip = page.locator('[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    // Both paragraphs of a two-paragraph note are in the preview.
    expect(await tip.textContent()).toContain('second page of grievances');
    await tip.locator('a.footnote-preview-link').tap();
    await expect.poll(() => new URL(page.url()).hash).toBe('#fn-7');
    await page.context().close();
  });
});
