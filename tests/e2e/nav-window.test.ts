/** A letter with sixty essays: the sidebar shows a window of them, and "more" links fill in the rest. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { DiskWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ESSAYS = 60;
const essayTitle = (i: number): string => `§ Essay on Canal Tolls ${String(i).padStart(2, '0')}`;

let outRoot: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const files: Record<string, string> = {
    '_config.yml': 'title: Window Test\npermalink: pretty\nsearch_enabled: false\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/A/index.md': page({ layout: 'default', title: 'A', nav_order: 2, has_children: true }, '\nEssays under A.\n'),
    'about.md': page({ layout: 'page', title: 'About', nav_order: 3 }, '\nAbout this site.\n'),
  };
  for (let i = 0; i < ESSAYS; i++) {
    const n = String(i).padStart(2, '0');
    files[`docs/A/e${n}.md`] = page({ layout: 'default', title: essayTitle(i), parent: 'A', nav_order: i }, '\nAn essay.\n');
    files[`docs/A/e${n}-1.md`] = page({ layout: 'default', title: `Opening ${n}`, parent: essayTitle(i), grand_parent: 'A', nav_order: 10 }, '\nA chapter.\n');
  }
  const sourceDir = tempSite(files);
  outRoot = mkdtempSync(path.join(tmpdir(), 'dossier-nav-window-'));
  const siteDir = path.join(outRoot, 'site');
  await buildSite({ sourceDir, writer: new DiskWriter(siteDir) });
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(outRoot, { recursive: true, force: true });
});

/** Titles of the entries in letter A's sidebar list, "more" links as `+N`. */
function letterEntries(p: Page): Promise<string[]> {
  return p
    .locator('.site-nav li[data-nav-path="1"] > .nav-branch > .nav-list > li > .nav-link')
    .evaluateAll((links) => links.map((a) => (a.classList.contains('nav-more-link') ? `+${a.getAttribute('data-nav-range') ?? ''}` : (a.textContent ?? ''))));
}

describe('windowed sidebar list', () => {
  it('fills in the hidden essays in place when a "more" link is clicked', async () => {
    const context = await newContext(browser, 1280);
    const p = await context.newPage();
    await p.goto(`${server.origin}/docs/A/e30-1/`, { waitUntil: 'networkidle' });
    const shown = Array.from({ length: 11 }, (_, k) => essayTitle(25 + k));
    expect(await letterEntries(p)).toEqual(['+0-24', ...shown, '+36-59']);

    const after = p.getByRole('link', { name: 'Show 24 more pages in A' });
    await after.click();
    await expect.poll(() => letterEntries(p)).toEqual(['+0-24', ...Array.from({ length: 35 }, (_, k) => essayTitle(25 + k))]);
    // Focus lands on the first entry that was hidden, so keyboard users carry on from there.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(essayTitle(36));
    await screenshot(p, 'nav-window');

    await p.getByRole('link', { name: 'Show 25 more pages in A' }).click();
    const all = Array.from({ length: ESSAYS }, (_, k) => essayTitle(k));
    await expect.poll(() => letterEntries(p)).toEqual(all);

    // The open essay and the current chapter were left alone.
    const current = p.locator('.site-nav [aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe('Opening 30');
    expect(await p.locator('.site-nav li[data-nav-path="1.30"]').getAttribute('class')).toContain('is-open');

    // An inserted essay is a closed branch like any other (cloned from the page's item template): its arrow opens it from nav.json.
    const inserted = p.locator('.site-nav li[data-nav-path="1.45"]');
    await inserted.locator(':scope > .nav-branch > summary').click();
    await expect.poll(() => inserted.locator(':scope > .nav-branch > .nav-list .nav-link').allTextContents()).toEqual(['Opening 45']);
    await context.close();
  });

  it('without JavaScript, a "more" link leads to the letter page, which lists every essay', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
    const p = await context.newPage();
    await p.goto(`${server.origin}/docs/A/e30-1/`);
    await p.getByRole('link', { name: 'Show 24 more pages in A' }).click();
    await p.waitForURL(`${server.origin}/docs/A/`);
    expect(await p.locator('.child-list li a').allTextContents()).toEqual(Array.from({ length: ESSAYS }, (_, k) => essayTitle(k)));
    await context.close();
  });
});
