#!/usr/bin/env node
// Re-records tests/markdown/jekyll-parity/*/jekyll.html: each input.md built as a page by Debian's Jekyll
// (default kramdown settings: GFM input), with a layout that outputs only the page content.
// Usage: node scripts/parity/record-jekyll.mjs   (needs `jekyll` on PATH; tests never do)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('../../tests/markdown/jekyll-parity/', import.meta.url).pathname);
const site = mkdtempSync(path.join(os.tmpdir(), 'jekyll-record-'));
mkdirSync(path.join(site, '_layouts'));
writeFileSync(path.join(site, '_layouts/default.html'), '{{ content }}');
writeFileSync(path.join(site, '_config.yml'), 'permalink: pretty\n');
const names = readdirSync(root).filter((name) => !name.includes('.'));
for (const name of names) {
  const input = readFileSync(path.join(root, name, 'input.md'), 'utf8');
  writeFileSync(path.join(site, `${name}.md`), `---\nlayout: default\n---\n${input}`);
}
execFileSync('jekyll', ['build', '-q', '--source', site, '--destination', path.join(site, '_site')], { stdio: 'inherit' });
for (const name of names) {
  writeFileSync(path.join(root, name, 'jekyll.html'), readFileSync(path.join(site, '_site', name, 'index.html'), 'utf8'));
}
rmSync(site, { recursive: true, force: true });
console.log(`recorded ${names.length} fixtures with ${execFileSync('jekyll', ['--version']).toString().trim()}`);
