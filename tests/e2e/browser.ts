/** Launches the system's Chromium through playwright-core; no browser is ever downloaded. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where screenshots land; the good ones are copied to docs/screenshots/ by hand. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-output/screenshots');

function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found !== '') return found;
    } catch {
      // Not on PATH under this name; try the next.
    }
  }
  throw new Error('Chromium not found: install Debian\'s `chromium` or set CHROMIUM_PATH');
}

/** Starts headless Chromium with networking extras turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own localStorage) at a viewport width, optionally preferring dark. */
export function newContext(browser: Browser, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  const height = width < 600 ? 812 : 860;
  return browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: width < 600 ? 2 : 1, reducedMotion: 'reduce' });
}

/** A new page at `origin + url`, in a context of that width and colour scheme, once the network is idle. */
export async function openPage(browser: Browser, origin: string, url: string, width = 1280, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await newContext(browser, width, theme);
  const page = await context.newPage();
  await page.goto(origin + url, { waitUntil: 'networkidle' });
  return page;
}

/** Collects requests to other hosts, so a test can assert the page fetched nothing from outside. */
export function watchForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) foreign.push(url);
  });
  return foreign;
}

/** Saves a screenshot as test output. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!existsSync(SCREENSHOT_DIR)) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
