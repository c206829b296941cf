import { createHash } from 'node:crypto';
import { cpSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { diskBuildOutput } from '../../src/incremental/disk-build-caches.js';
import { page, readTree, tempDir, tempSite } from '../helpers/temp-site.js';

function chapter(title: string, order: number, text: string): string {
  return page(
    { layout: 'default', title, parent: '§ Ferry Crossings', nav_order: order },
    `\n## ${title} in brief\n\n${text}<sup>${order}</sup>\n\n***\n<sup>${order}</sup>. Harbour Board, *Returns* (1923): ${order}.\n{: .fs-2}\n***\n`,
  );
}

function ferrySite(): string {
  return tempSite({
    '_config.yml': 'title: Store Test\npermalink: pretty\nsearch_enabled: true\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/ferry.md': page({ layout: 'default', title: '§ Ferry Crossings', nav_order: 2, has_children: true }, '\nAbout ferries.\n'),
    'docs/ferry-1.md': chapter('Fares', 1, 'Fares were set by the board.'),
    'docs/ferry-2.md': chapter('Timetables', 2, 'Boats left on the hour.'),
  });
}

const PAGES = ['index.html', 'docs/ferry/index.html', 'docs/ferry-1/index.html', 'docs/ferry-2/index.html', 'docs/ferry/print/index.html'];

async function build(site: string, out: string, cacheDir: string | undefined) {
  const { writer, cache } = diskBuildOutput(out, cacheDir);
  await buildSite({ sourceDir: site, writer, ...(cache === undefined ? {} : { cache }) });
  return writer.reused;
}

/** A CI job: the site and the cache folder copied to new folders (new paths, inodes and times), no output; returns the new places. */
function ciCopy(site: string, cacheDir: string) {
  const root = tempDir();
  const checkout = path.join(root, 'checkout');
  const restored = path.join(root, 'restored-cache');
  cpSync(site, checkout, { recursive: true });
  cpSync(cacheDir, restored, { recursive: true });
  return { checkout, restored, out: path.join(root, '_site') };
}

/** The site a --no-cache build of `site` makes. */
async function uncached(site: string): Promise<Map<string, string>> {
  const out = path.join(tempDir(), '_site');
  await build(site, out, undefined);
  return readTree(out);
}

function blobsOf(cacheDir: string): string[] {
  return readdirSync(path.join(cacheDir, 'laid-out', 'blobs'));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A build of a new ferry site, then a CI copy of it: the first chapter as made, and its blob in the restored cache. */
async function builtAndCopied() {
  const site = ferrySite();
  const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
  await build(site, out, cacheDir);
  const made = readFileSync(path.join(out, 'docs/ferry-1/index.html'), 'utf8');
  const ci = ciCopy(site, cacheDir);
  return { made, ci, blob: path.join(ci.restored, 'laid-out', 'blobs', sha256(made)) };
}

describe('the store of laid-out files in the cache folder', () => {
  it('keeps every laid-out file in a CI-style build (fresh copy elsewhere, cache restored, no output), byte for byte', async () => {
    const site = ferrySite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    const ci = ciCopy(site, cacheDir);
    const reused = await build(ci.checkout, ci.out, ci.restored);
    for (const rel of PAGES) expect(reused, rel).toContain(rel);
    expect([...reused].some((rel) => rel.startsWith('search/'))).toBe(true);
    expect(readTree(ci.out)).toEqual(readTree(out));
    expect(readTree(ci.out)).toEqual(await uncached(ci.checkout));
  });

  it('makes a page again, never publishing it, when its blob no longer matches its digest', async () => {
    const { made, ci, blob } = await builtAndCopied();
    writeFileSync(blob, made.replace('Fares were set by the board.', 'Fares were tampered with.'));
    const reused = await build(ci.checkout, ci.out, ci.restored);
    expect(reused).not.toContain('docs/ferry-1/index.html');
    expect(reused).toContain('docs/ferry-2/index.html');
    expect(readFileSync(path.join(ci.out, 'docs/ferry-1/index.html'), 'utf8')).toBe(made);
  });

  it('never takes a blob through a symbolic link, even to the right bytes', async () => {
    const { made, ci, blob } = await builtAndCopied();
    const elsewhere = path.join(tempDir(), 'page.html');
    writeFileSync(elsewhere, made);
    rmSync(blob);
    symlinkSync(elsewhere, blob);
    const reused = await build(ci.checkout, ci.out, ci.restored);
    expect(reused).not.toContain('docs/ferry-1/index.html');
    expect(reused).toContain('docs/ferry-2/index.html');
    expect(lstatSync(path.join(ci.out, 'docs/ferry-1/index.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(ci.out, 'docs/ferry-1/index.html'), 'utf8')).toBe(made);
  });

  it('notices a published file edited in place (which a blob may share) and makes it again', async () => {
    const site = ferrySite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    const file = path.join(out, 'docs/ferry-2/index.html');
    const made = readFileSync(file, 'utf8');
    // writeFileSync truncates and rewrites the same inode: an in-place edit.
    writeFileSync(file, made.replace('Boats left on the hour.', 'Boats left when they liked.'));
    const ci = ciCopy(site, cacheDir);
    const reused = await build(ci.checkout, ci.out, ci.restored);
    expect(reused).not.toContain('docs/ferry-2/index.html');
    expect(reused).toContain('docs/ferry-1/index.html');
    expect(readFileSync(path.join(ci.out, 'docs/ferry-2/index.html'), 'utf8')).toBe(made);
  });

  it('lays out again a page edited in the checkout and keeps the rest', async () => {
    const site = ferrySite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    const ci = ciCopy(site, cacheDir);
    writeFileSync(path.join(ci.checkout, 'docs/ferry-2.md'), chapter('Timetables', 2, 'Boats left on the half hour.'));
    const reused = await build(ci.checkout, ci.out, ci.restored);
    expect(reused).not.toContain('docs/ferry-2/index.html');
    expect(reused).not.toContain('docs/ferry/print/index.html');
    expect(reused).toContain('docs/ferry-1/index.html');
    expect(readFileSync(path.join(ci.out, 'docs/ferry-2/index.html'), 'utf8')).toContain('on the half hour');
    expect(readTree(ci.out)).toEqual(await uncached(ci.checkout));
  });

  it('keeps one blob per file it indexes: blobs of older versions are deleted', async () => {
    const site = ferrySite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    const first = blobsOf(cacheDir);
    const oldPage = sha256(readFileSync(path.join(out, 'docs/ferry-2/index.html'), 'utf8'));
    expect(first).toContain(oldPage);
    for (const text of ['Boats left at dawn.', 'Boats left at dusk.', 'Boats left at noon.']) {
      writeFileSync(path.join(site, 'docs/ferry-2.md'), chapter('Timetables', 2, text));
      await build(site, out, cacheDir);
    }
    const last = blobsOf(cacheDir);
    expect(last).not.toContain(oldPage);
    expect(last).toContain(sha256(readFileSync(path.join(out, 'docs/ferry-2/index.html'), 'utf8')));
    // Exactly the blobs the index names: nothing accumulates from earlier builds.
    const index = JSON.parse(readFileSync(path.join(cacheDir, 'laid-out', 'index.json'), 'utf8')) as { files: Array<[string, { digest: string }]> };
    expect(new Set(last)).toEqual(new Set(index.files.map(([, entry]) => entry.digest)));
    expect(index.files.map(([rel]) => rel)).toEqual(expect.arrayContaining(PAGES));
  });
});
