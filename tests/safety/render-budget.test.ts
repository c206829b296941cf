/** Bounded work per page: pathological Markdown never stalls the build (the real CLI, `npm run compile` first). */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { page, tempSite } from '../helpers/temp-site.js';
import { BIN, dossier } from './cli.js';

/**
 * Markdown under the nesting guard's limits that takes the parser about 20 s on an idle machine: 40,000
 * nested brackets (`[[[… a …]]]`, 80 KB), whose work grows with the square of their number.
 */
const SLOW_BODY = `Intro.\n\n${'['.repeat(40_000)}a${']'.repeat(40_000)}\n`;

describe('pages that would take the parser minutes', () => {
  it('are published as text with markdown/render-failed at their line; the rest builds', { timeout: 60_000 }, () => {
    const dashes = `${'- '.repeat(10_000)}x\n`;
    const emphasis = `${'*a '.repeat(10_000)}x${' a*'.repeat(10_000)}\n`;
    const site = tempSite({
      '_config.yml': 'title: Budget\n',
      'index.md': page({ title: 'Home' }, 'Fine.\n'),
      'dashes.md': page({ title: 'Dashes' }, `Intro.\n\n${dashes}`),
      'emphasis.md': page({ title: 'Emphasis' }, emphasis),
    });
    const out = path.join(site, '_site');
    const started = performance.now();
    const run = dossier(['build', '--source', site, '--out', out, '--no-cache'], { cwd: site });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dashes\.md:6:1: error: .*nested.*\[markdown\/render-failed\]/);
    expect(run.stderr).toMatch(/emphasis\.md:4:1: error: .*emphasis markers.*\[markdown\/render-failed\]/);
    expect(readFileSync(path.join(out, 'dashes.html'), 'utf8')).toContain('<pre class="render-failed">Intro.');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<p id="p-1">Fine.</p>');
  });

  it('a page still slow under the guard is given up on its worker after dossier.render_timeout', { timeout: 120_000 }, () => {
    // Each paragraph stays under the guard's limits but is slow to resolve; ten of them take seconds.
    const slow = Array.from({ length: 10 }, () => `${'*a '.repeat(490)}x${' a*'.repeat(490)}`).join('\n\n');
    const files: Record<string, string> = { '_config.yml': 'title: Budget\ndossier:\n  render_timeout: 0.3\n', 'slow.md': page({ title: 'Slow' }, slow) };
    // Enough pages for the build to render on worker threads.
    for (let i = 0; i < 60; i++) files[`p${i}.md`] = page({ title: `Page ${i}` }, `Page ${i} text.\n`);
    const site = tempSite(files);
    const out = path.join(site, '_site');
    const run = dossier(['build', '--source', site, '--out', out, '--no-cache'], { cwd: site });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/slow\.md:\d+:1: error: .*took longer than 0\.3 s.*\[markdown\/render-failed\]/);
    expect(readFileSync(path.join(out, 'p59.html'), 'utf8')).toContain('Page 59 text.');
  });

  it('a small site, rendered on one worker, gives up a slow page after the budget too', { timeout: 120_000 }, () => {
    const site = tempSite({
      '_config.yml': 'title: Budget\ndossier:\n  render_timeout: 1\n',
      'index.md': page({ title: 'Home' }, 'Fine.\n'),
      'slow.md': page({ title: 'Slow' }, SLOW_BODY),
    });
    const out = path.join(site, '_site');
    const started = performance.now();
    const run = dossier(['build', '--source', site, '--out', out, '--no-cache'], { cwd: site });
    // Rendered to the end, the slow page alone takes about 20 s.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/slow\.md:4:1: error: .*took longer than 1 s.*\[markdown\/render-failed\]/);
    expect(readFileSync(path.join(out, 'slow.html'), 'utf8')).toContain('<pre class="render-failed">Intro.');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<p( id="p-1")?>Fine\.<\/p>/);
  });
});

describe('dossier dev while a slow page renders', () => {
  it('keeps answering other pages at once, and gives the page up after the budget', { timeout: 120_000 }, async () => {
    const site = tempSite({
      '_config.yml': 'title: Budget\ndossier:\n  render_timeout: 2\n',
      'index.md': page({ title: 'Home' }, 'Fine.\n'),
      'other.md': page({ title: 'Other' }, 'Other page.\n'),
    });
    const child = spawn(process.execPath, [BIN, 'dev', '--source', site, '--port', '0', '--no-cache'], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      const url = await within(60_000, () => /Serving .* at (\S+)/.exec(stdout)?.[1]);
      const other = new URL('other.html', url).href;
      expect(await (await fetch(other)).text()).toContain('Other page.');

      writeFileSync(path.join(site, 'slow.md'), page({ title: 'Slow' }, SLOW_BODY));
      const saved = performance.now();
      // Ask for another page every 100 ms until the rebuild gives the slow page up.
      const waits: number[] = [];
      while (!/render-failed/.test(stderr) && performance.now() - saved < 60_000) {
        const asked = performance.now();
        const res = await fetch(other, { signal: AbortSignal.timeout(30_000) });
        expect(await res.text()).toContain('Other page.');
        waits.push(performance.now() - asked);
        await sleep(100);
      }
      // Rendered to the end, the slow page takes about 20 s: given up after 2 s
      // (plus the watcher's delay and a worker's start on a busy machine).
      expect(performance.now() - saved).toBeLessThan(15_000);
      expect(stderr).toMatch(/slow\.md:4:1: error: .*took longer than 2 s.*\[markdown\/render-failed\]/);
      // Requests kept coming while the page rendered, and each was answered at once.
      expect(waits.length).toBeGreaterThan(10);
      expect(Math.max(...waits)).toBeLessThan(1_000);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

/** Polls `value` until it is defined, failing after `ms`. */
async function within<T>(ms: number, value: () => T | undefined): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const found = value();
    if (found !== undefined) return found;
    if (performance.now() > end) throw new Error('timed out waiting');
    await sleep(50);
  }
}
