/** File names URLs cannot hold as they are, and text that is not UTF-8 (the real CLI, `npm run compile` first). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, tempSite } from '../helpers/temp-site.js';
import { dossier } from './cli.js';

describe('a page named a b#c?d.md', () => {
  it('gets a working, percent-encoded nav href, and check tells a working link from a broken one', () => {
    const site = tempSite({
      '_config.yml': 'title: Names\n',
      'index.md': page({ title: 'Home', nav_order: 1 }, 'Good [link](a%20b%23c%3Fd.html).\n\nBroken [link](<a b#c?d.html>).\n'),
      'a b#c?d.md': page({ title: 'Odd name', nav_order: 2 }, 'Odd.\n'),
    });
    const out = path.join(site, '_site');
    expect(dossier(['build', '--source', site, '--out', out], { cwd: site }).code).toBe(0);
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    const href = /<a class="nav-link" href="([^"]*)"[^>]*>Odd name</.exec(home)?.[1];
    expect(href).toBe('/a%20b%23c%3Fd.html');
    // What a server does with the href: decode the path and find the file.
    const served = decodeURIComponent(new URL(href ?? '', 'http://x').pathname);
    expect(readFileSync(path.join(out, served), 'utf8')).toContain('Odd.');
    const check = dossier(['check', '--source', site], { cwd: site });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/index\.md:7:\d+\s+error\s+.*a b#c\?d\.html/);
    expect(check.stdout).not.toMatch(/index\.md:5:/);
  });
});

describe('text that is not UTF-8', () => {
  it('is a warning at its file and line', () => {
    const site = tempSite({ '_config.yml': 'title: Bytes\n', 'index.md': page({ title: 'Home' }, 'Fine.\n') });
    writeFileSync(path.join(site, 'latin.md'), Buffer.concat([Buffer.from('---\ntitle: Latin\n---\nFirst line.\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]));
    const run = dossier(['build', '--source', site, '--out', path.join(site, '_site')], { cwd: site });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/latin\.md:6:1: warning: .*not valid UTF-8.*\[source\/invalid-utf8\]/);
  });
});
