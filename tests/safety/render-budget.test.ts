/** Bounded work per page: pathological Markdown never stalls the build (the real CLI, `npm run compile` first). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, tempSite } from '../helpers/temp-site.js';
import { dossier } from './cli.js';

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
});
