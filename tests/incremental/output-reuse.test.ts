import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { diskBuildOutput } from '../../src/incremental/disk-build-caches.js';
import { page, readTree, tempDir, tempSite } from '../helpers/temp-site.js';


function chapter(title: string, order: number, text: string, extra: Record<string, string> = {}): string {
  return page(
    { layout: 'default', title, parent: '§ Canal Tolls', grand_parent: 'C', nav_order: order, ...extra },
    `\n## ${title} at a glance\n\n${text}<sup>${order}</sup>\n\n***\n<sup>${order}</sup>. Board of the canal, *Annual Accounts* (1911): ${order}.\n{: .fs-2}\n***\n`,
  );
}

function canalSite(): string {
  return tempSite({
    '_config.yml': 'title: Reuse Test\npermalink: pretty\nsearch_enabled: true\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/C/index.md': page({ layout: 'default', title: 'C', nav_order: 2, has_children: true }, '\nEssays under C.\n'),
    'docs/C/canal.md': page({ layout: 'default', title: '§ Canal Tolls', parent: 'C', nav_order: 10, has_children: true }, '\nAbout tolls.\n'),
    'docs/C/canal-1.md': chapter('Locks and Keepers', 10, 'Each lock had a keeper.'),
    'docs/C/canal-2.md': chapter('Barges by Weight', 20, 'Barges paid by the ton.'),
    'docs/C/canal-3.md': chapter('The Last Toll', 30, 'The tolls ended in 1950.', { layout: 'ledger' }),
  });
}

/** Builds `site` into `out` with the cache in `cacheDir`, as `dossier build` does. */
async function build(site: string, out: string, cacheDir: string | undefined) {
  const { writer, cache } = diskBuildOutput(out, cacheDir);
  const result = await buildSite({ sourceDir: site, writer, ...(cache === undefined ? {} : { cache }) });
  return { reused: writer.reused, result };
}

/** A cached rebuild into `out`; its files must equal a --no-cache build's, byte for byte. Returns what it reused. */
async function rebuildAndCompare(site: string, out: string, cacheDir: string) {
  const cached = await build(site, out, cacheDir);
  const fresh = tempDir();
  rmSync(fresh, { recursive: true });
  await build(site, fresh, undefined);
  const want = readTree(fresh);
  const got = readTree(out);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [rel, text] of want) expect(got.get(rel), rel).toBe(text);
  return cached;
}

const CHAPTERS = ['docs/C/canal-1/index.html', 'docs/C/canal-2/index.html', 'docs/C/canal-3/index.html'];

describe('reusing laid-out files', () => {
  it('keeps every page, print page and the search index on an unchanged rebuild, with the same site as --no-cache', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    const first = await build(site, out, cacheDir);
    expect(first.reused.size).toBe(0);
    const again = await rebuildAndCompare(site, out, cacheDir);
    for (const rel of ['index.html', ...CHAPTERS, 'docs/C/canal/print/index.html']) expect(again.reused, rel).toContain(rel);
    expect([...again.reused].some((rel) => rel.startsWith('search/'))).toBe(true);
  });

  it('lays out again an edited page, its print edition and the search index, and keeps the rest', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    writeFileSync(path.join(site, 'docs/C/canal-2.md'), chapter('Barges by Weight', 20, 'Barges paid by the ton and by the mile.'));
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(readFileSync(path.join(out, 'docs/C/canal-2/index.html'), 'utf8')).toContain('by the mile');
    expect(after.reused).not.toContain('docs/C/canal-2/index.html');
    expect(after.reused).not.toContain('docs/C/canal/print/index.html');
    expect([...after.reused].some((rel) => rel.startsWith('search/'))).toBe(false);
    expect(after.reused).toContain('docs/C/canal-1/index.html');
  });

  it('lays out every page again when a title changes, so other pages name the new title', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    writeFileSync(path.join(site, 'docs/C/canal-2.md'), chapter('Barges and Burdens', 20, 'Barges paid by the ton.'));
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(after.reused.size).toBe(0);
    expect(readFileSync(path.join(out, 'docs/C/canal-1/index.html'), 'utf8')).toContain('Barges and Burdens');
  });

  it('lays out every page again after a template edit', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    mkdirSync(path.join(site, '_templates', 'partials'), { recursive: true });
    writeFileSync(path.join(site, '_templates', 'partials', 'footer.eta'), '<footer class="site-footer"><p>Kept by the canal trust</p></footer>\n');
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(after.reused.size).toBe(0);
    expect(readFileSync(path.join(out, 'docs/C/canal-1/index.html'), 'utf8')).toContain('Kept by the canal trust');
  });

  it('makes again a built file someone edited by hand', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    const file = path.join(out, 'docs/C/canal-1/index.html');
    writeFileSync(file, `${readFileSync(file, 'utf8')}<!-- patched on the server -->`);
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(after.reused).not.toContain('docs/C/canal-1/index.html');
    expect(readFileSync(file, 'utf8')).not.toContain('patched on the server');
  });

  it('still reports what laying out a kept page reported', async () => {
    const site = canalSite();
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    const first = await build(site, out, cacheDir);
    const again = await build(site, out, cacheDir);
    expect(again.reused).toContain('docs/C/canal-3/index.html');
    const unknownLayout = (r: typeof first) => r.result.diagnostics.filter((d) => d.rule === 'layout/unknown-layout').map((d) => `${d.file}:${d.line}`);
    expect(unknownLayout(first)).toEqual(['docs/C/canal-3.md:2']);
    expect(unknownLayout(again)).toEqual(unknownLayout(first));
  });

  it('lays out again a page whose image changed size, so its width and height are the new ones', async () => {
    const site = canalSite();
    mkdirSync(path.join(site, 'assets'), { recursive: true });
    writeFileSync(path.join(site, 'assets/lock.png'), pngHeader(640, 480));
    writeFileSync(path.join(site, 'docs/C/canal-1.md'), chapter('Locks and Keepers', 10, 'Each lock had a keeper.\n\n![A lock](/assets/lock.png)\n'));
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    expect(readFileSync(path.join(out, 'docs/C/canal-1/index.html'), 'utf8')).toContain('width="640" height="480"');
    writeFileSync(path.join(site, 'assets/lock.png'), pngHeader(300, 900));
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(readFileSync(path.join(out, 'docs/C/canal-1/index.html'), 'utf8')).toContain('width="300" height="900"');
    expect(after.reused).not.toContain('docs/C/canal-1/index.html');
  });

  it('lays out again every citable page after an edit to a citation style', async () => {
    const site = canalSite();
    const chicago = readFileSync('templates/csl/dossier-chicago.csl', 'utf8');
    mkdirSync(path.join(site, '_templates/csl'), { recursive: true });
    writeFileSync(path.join(site, '_templates/csl/chicago.csl'), chicago);
    const [out, cacheDir] = [path.join(tempDir(), '_site'), tempDir()];
    await build(site, out, cacheDir);
    writeFileSync(path.join(site, '_templates/csl/chicago.csl'), chicago.replace('<layout suffix=".">', '<layout prefix="Cited as " suffix=".">'));
    const after = await rebuildAndCompare(site, out, cacheDir);
    expect(readFileSync(path.join(out, 'docs/C/canal-2/index.html'), 'utf8')).toContain('Cited as ');
    for (const rel of CHAPTERS) expect(after.reused).not.toContain(rel);
  });
});

/** The first bytes of a PNG of the given size: signature and IHDR chunk, all an image-size reader needs. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(6, 17);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(12)]);
}
