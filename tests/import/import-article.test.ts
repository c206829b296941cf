/** `dossier import` end to end: files written into a copy of the demo site, the site built, and bad input refused. */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/build.js';
import { main } from '../../src/cli/main.js';
import { importArticle } from '../../src/import/import-article.js';
import { MAX_INPUT_BYTES } from '../../src/import/read-input.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { tempDir } from '../helpers/temp-site.js';
import { asSavedHtml, asScrapedText, demoEssays } from './demo-essays.js';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

function siteCopy(): string {
  const dir = path.join(tempDir(), 'site');
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Runs the CLI, capturing what it prints. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

const grain = demoEssays().find((e) => e.chapters.length === 4 && e.notes.length > 10)!;

describe('dossier import into a site', () => {
  it('writes an essay page and its chapters that build with no errors and with every note linked', async () => {
    const site = siteCopy();
    const input = path.join(tempDir(), 'saved-page.html');
    writeFileSync(input, asSavedHtml(grain));
    const result = await importArticle({ input, siteDir: site, parent: 'G', title: 'Grain Corridors Revisited', chapters: 'auto', dryRun: false });

    expect(result.written).toEqual([
      'docs/G/Grain-Corridors-Revisited.md',
      ...['The-Problem', 'Three-Corridors', 'Insurers-as-Gatekeepers', 'Conclusion'].map((s) => `docs/G/Grain-Corridors-Revisited/${s}.md`),
    ]);
    const essay = readFileSync(path.join(site, result.written[0]!), 'utf8');
    expect(essay).toMatch(/^---\nlayout: default\ntitle: § Grain Corridors Revisited\nparent: G\nnav_order: 2022050\nhas_children: true\n/);
    const chapter = readFileSync(path.join(site, result.written[2]!), 'utf8');
    expect(chapter).toMatch(/^---\nlayout: default\ntitle: Three Corridors\nparent: § Grain Corridors Revisited\ngrand_parent: G\nnav_order: 20\n---/);
    expect(chapter).toMatch(/<sup>\d+<\/sup>\. .+\n\{: \.fs-2\}/);
    expect(result.findings).toEqual([]);

    const writer = new MemoryWriter();
    const build = await buildSite({ sourceDir: site, writer });
    expect(build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const chapterHtml = result.written.slice(1).map((p) => String(writer.files.get(`${p.replace(/\.md$/, '')}/index.html`)));
    const refs = chapterHtml.join('').match(/<a\b[^>]*class="footnote-ref[^"]*"[^>]*>/g) ?? [];
    expect(refs.length).toBeGreaterThanOrEqual(grain.notes.length);
    expect(refs.filter((r) => r.includes('footnote-missing') || !r.includes('href='))).toEqual([]);
  });

  it('prints the plan and every dropped block with its reason on --dry-run, and writes nothing', async () => {
    const site = siteCopy();
    const before = listFiles(site);
    const input = path.join(tempDir(), 'scrape.txt');
    writeFileSync(input, asScrapedText(grain));
    const { code, out } = await run(['import', input, '--site', site, '--parent', 'G', '--title', 'Grain Corridors Revisited', '--chapters', '2', '--dry-run']);
    expect(code).toBe(0);
    expect(out).toContain('Title: § Grain Corridors Revisited');
    expect(out).toMatch(/Pages \(3\):\n  docs\/G\/Grain-Corridors-Revisited\.md .*\(\d+ words\)\n  docs\/G\/Grain-Corridors-Revisited\/The-Problem\.md/);
    expect(out).toContain(`Notes found: ${grain.notes.length}`);
    expect(out).toContain('[cookie or consent text] We use cookies');
    expect(out).toContain('[copyright line] © 2024 The Harbour Review');
    expect(out).toContain('[share buttons] Share on Facebook');
    expect(listFiles(site)).toEqual(before);
  });

  it('never overwrites a file: a hand-written file of the same name keeps its text and the import takes the next name', async () => {
    const site = siteCopy();
    const input = path.join(tempDir(), 'scrape.txt');
    writeFileSync(input, asScrapedText(grain));
    writeFileSync(path.join(site, 'docs/G/Sea-Lanes.md'), 'my notes, no front matter\n');
    const { code, out } = await run(['import', input, '--site', site, '--parent', 'G', '--title', 'Sea Lanes', '--chapters', 'none']);
    expect(code).toBe(0);
    expect(out).toContain('wrote docs/G/Sea-Lanes-2.md');
    expect(readFileSync(path.join(site, 'docs/G/Sea-Lanes.md'), 'utf8')).toBe('my notes, no front matter\n');

    const again = await run(['import', input, '--site', site, '--parent', 'G', '--title', 'Sea Lanes', '--chapters', 'none']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already has a page titled "§ Sea Lanes"');
    expect(existsSync(path.join(site, 'docs/G/Sea-Lanes-3.md'))).toBe(false);
  });

  it('imports a Markdown draft: title from front matter, notes under "## Notes" placed with the pages that cite them', async () => {
    const site = siteCopy();
    const sentence = 'Pilots who board at night carry the whole risk of the approach, and the port that asks them to do so should know what it is asking.';
    const draft = [
      '---', 'title: Harbour Pilots and the Night Shift', 'author: Ada Brenner', '---', '',
      '# Harbour Pilots and the Night Shift', '', `${sentence} The first rule is rest.<sup>1</sup>`, '',
      '## Why Nights Matter', '', `${sentence} ${sentence}<sup>2</sup>`, '', '- a list item with *emphasis*', '- another item', '',
      '## What Ports Can Do', '', `${sentence} ${sentence} ${sentence}`, '', '> A quoted master, speaking for many.', '',
      '## Notes', '', '<sup>1</sup>. Pilotage Board, *Annual Report* (2021), 4.', '', '<sup>2</sup>. Interview with a pilot, 2022.', '',
    ].join('\n');
    const input = path.join(tempDir(), 'draft.md');
    writeFileSync(input, draft);
    const result = await importArticle({ input, siteDir: site, parent: 'G', chapters: 2, dryRun: false });
    expect(result.article.byline).toBe('Ada Brenner');
    expect(result.written).toEqual(['docs/G/Harbour-Pilots-and-the-Night-Shift.md', 'docs/G/Harbour-Pilots-and-the-Night-Shift/Why-Nights-Matter.md', 'docs/G/Harbour-Pilots-and-the-Night-Shift/What-Ports-Can-Do.md']);
    const [essay, first, second] = result.written.map((p) => readFileSync(path.join(site, p), 'utf8'));
    expect(essay).toContain('The first rule is rest.<sup>1</sup>');
    expect(essay).toContain('<sup>1</sup>. Pilotage Board, *Annual Report* (2021), 4.\n{: .fs-2}');
    expect(first).toContain('<sup>2</sup>. Interview with a pilot, 2022.');
    expect(first).toContain('- a list item with *emphasis*');
    expect(second).toContain('> A quoted master, speaking for many.');
    expect(second).not.toContain('<sup>');
    expect(result.findings).toEqual([]);
  });

  it('reads stdin for INPUT "-"', async () => {
    const site = siteCopy();
    const result = await importArticle({ input: '-', siteDir: site, chapters: 'none', dryRun: true, readStdin: () => Buffer.from(asScrapedText(grain)) });
    expect(result.article.title).toBe(grain.title);
    expect(result.files).toHaveLength(1);
  });
});

describe('dossier import refuses bad input with one message and writes nothing', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['a URL', () => 'https://example.org/article', /is a web address; dossier import reads no network/],
    ['an empty file', (dir) => write(dir, 'empty.txt', ''), /empty\.txt is empty/],
    ['binary data', (dir) => write(dir, 'photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])), /is binary data/],
    ['a huge file', (dir) => write(dir, 'huge.txt', Buffer.alloc(MAX_INPUT_BYTES + 1, 'a')), /MB; an article page is far smaller/],
    ['a page with no article', (dir) => write(dir, 'menu.txt', '• Home\n• News\n• About\n\nCopyright © 2024.\n\nAccept all\n'), /found no article in .*menu\.txt/],
    ['an unknown parent', (dir) => write(dir, 'ok.txt', asScrapedText(grain)), /no page titled "Nowhere"/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const site = siteCopy();
    const before = listFiles(site);
    const input = make(tempDir());
    const { code, err } = await run(['import', input, '--site', site, '--parent', _name === 'an unknown parent' ? 'Nowhere' : 'G']);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n').filter((l) => !l.startsWith('  hint:'))).toHaveLength(1);
    expect(listFiles(site)).toEqual(before);
  });
});

function write(dir: string, name: string, data: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}
