import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildToFolder } from '../../src/build-to-folder.js';
import { loadConfig } from '../../src/config/load-config.js';
import { page, tempDir, tempSite } from '../helpers/temp-site.js';

function essaySite(): string {
  return tempSite({
    '_config.yml': 'title: Snapshot Test\npermalink: pretty\n',
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/W/index.md': page({ layout: 'default', title: 'W', nav_order: 2, has_children: true }, '\nEssays under W.\n'),
    'docs/W/wells.md': page({ layout: 'default', title: '§ Village Wells', parent: 'W', nav_order: 10, has_children: true }, '\nAbout wells.\n'),
    // Cites a note that does not exist: a warning every build must report.
    'docs/W/wells-1.md': page(
      { layout: 'default', title: 'Digging', parent: '§ Village Wells', grand_parent: 'W', nav_order: 10 },
      '\nWells were dug by hand.<sup>4</sup>\n',
    ),
    'docs/W/wells-2.md': page({ layout: 'default', title: 'Pumps', parent: '§ Village Wells', grand_parent: 'W', nav_order: 20 }, '\nPumps came later.\n'),
    'assets/map.txt': 'a static file\n',
  });
}

/** A `dossier build` of `site` into `out`, config read afresh as the CLI does. */
async function build(site: string, out: string, cacheDir: string | undefined) {
  const run = await buildToFolder({ config: loadConfig(site), outDir: out, cacheDir });
  return { kept: run.result === undefined, report: run.report };
}

/** A site built once into a fresh output folder with a fresh cache; the next build of it should be kept. */
async function builtSite() {
  const site = essaySite();
  const out = path.join(tempDir(), '_site');
  const cache = tempDir();
  const first = await build(site, out, cache);
  expect(first.kept).toBe(false);
  return { site, out, cache, first };
}

const read = (file: string) => readFileSync(file, 'utf8');

describe('dossier build keeps a site nothing has changed', () => {
  it('keeps the site without building and reports the same findings again', async () => {
    const { site, out, cache, first } = await builtSite();
    expect(first.report.diagnostics.map((d) => d.rule)).toContain('notes/missing-note');
    const before = read(path.join(out, 'docs/W/wells-1/index.html'));
    const again = await build(site, out, cache);
    expect(again.kept).toBe(true);
    expect(again.report).toEqual(first.report);
    expect(read(path.join(out, 'docs/W/wells-1/index.html'))).toBe(before);
  });

  it('builds again after a page is edited, touched, added or deleted', async () => {
    const { site, out, cache } = await builtSite();
    const chapter = path.join(site, 'docs/W/wells-2.md');
    writeFileSync(chapter, read(chapter).replace('Pumps came later.', 'Hand pumps came in 1904.'));
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'docs/W/wells-2/index.html'))).toContain('Hand pumps came in 1904.');
    expect((await build(site, out, cache)).kept).toBe(true);

    // Same bytes, new time (a checkout, a save without changes): built, not trusted.
    const later = new Date(Date.now() + 5000);
    utimesSync(chapter, later, later);
    expect((await build(site, out, cache)).kept).toBe(false);

    writeFileSync(
      path.join(site, 'docs/W/wells-3.md'),
      page({ layout: 'default', title: 'Cisterns', parent: '§ Village Wells', grand_parent: 'W', nav_order: 30 }, '\nRain was stored too.\n'),
    );
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'docs/W/wells-3/index.html'))).toContain('Rain was stored too.');
    // The new chapter shows in its siblings' chapter lists.
    expect(read(path.join(out, 'docs/W/wells-1/index.html'))).toContain('Cisterns');

    rmSync(path.join(site, 'docs/W/wells-3.md'));
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(existsSync(path.join(out, 'docs/W/wells-3/index.html'))).toBe(false);
  });

  it('builds again after the config, a template or a static file changes', async () => {
    const { site, out, cache } = await builtSite();
    writeFileSync(path.join(site, '_config.yml'), 'title: Renamed Archive\npermalink: pretty\n');
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'index.html'))).toContain('Renamed Archive');

    mkdirSync(path.join(site, '_templates/partials'), { recursive: true });
    writeFileSync(path.join(site, '_templates/partials/footer.eta'), '<footer>Printed by the well society</footer>');
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'index.html'))).toContain('Printed by the well society');

    writeFileSync(path.join(site, 'assets/map.txt'), 'a newer static file\n');
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'assets/map.txt'))).toBe('a newer static file\n');
  });

  it('builds again when the output folder was changed by hand, and restores it', async () => {
    const { site, out, cache } = await builtSite();
    const home = path.join(out, 'index.html');
    const made = read(home);
    // Saved as editors save: a new file renamed over the old one.
    writeFileSync(`${home}.tmp`, 'scribbled over');
    renameSync(`${home}.tmp`, home);
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(home)).toBe(made);

    rmSync(path.join(out, 'docs/W/wells-1/index.html'));
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(existsSync(path.join(out, 'docs/W/wells-1/index.html'))).toBe(true);

    writeFileSync(path.join(out, 'stray.html'), 'not ours');
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(existsSync(path.join(out, 'stray.html'))).toBe(false);

    mkdirSync(path.join(out, 'docs/W/extra'));
    writeFileSync(path.join(out, 'docs/W/extra/index.html'), 'not ours either');
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(existsSync(path.join(out, 'docs/W/extra'))).toBe(false);

    rmSync(out);
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(home)).toBe(made);
  });

  it('keeps a site published inside its source folder, and still sees a page added next to it', async () => {
    const site = essaySite();
    const out = path.join(site, '_site');
    const cache = tempDir();
    expect((await build(site, out, cache)).kept).toBe(false);
    expect((await build(site, out, cache)).kept).toBe(true);
    writeFileSync(path.join(site, 'notes.md'), page({ layout: 'default', title: 'Notes', nav_order: 9 }, '\nField notes.\n'));
    expect((await build(site, out, cache)).kept).toBe(false);
    expect(read(path.join(out, 'notes/index.html'))).toContain('Field notes.');
    expect((await build(site, out, cache)).kept).toBe(true);
  });

  it('never keeps a site built without a cache (--no-cache)', async () => {
    const site = essaySite();
    const out = path.join(tempDir(), '_site');
    await build(site, out, undefined);
    expect((await build(site, out, undefined)).kept).toBe(false);
  });
});
