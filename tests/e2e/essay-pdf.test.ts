/** `dossier pdf` on the demo essay, checked with poppler's pdfinfo and pdftotext. */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin', 'dossier.js');
const ESSAY = '/docs/V/Vaccine-Cold-Chains/';
const work = mkdtempSync(path.join(tmpdir(), 'dossier-pdf-'));
const out = path.join(work, 'site');
const pdf = path.join(out, 'docs/V/Vaccine-Cold-Chains/Vaccine-Cold-Chains.pdf');
let first: ReturnType<typeof spawnSync>;

function dossier(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env });
}

/** Text of each page, whitespace collapsed. */
function pages(): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

beforeAll(() => {
  first = dossier(['pdf', '--source', 'content', '--out', out, '--essay', ESSAY, '--no-cache']);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the PDF of the demo essay', () => {
  it('is written beside the essay and linked from it', () => {
    expect(first.status, String(first.stderr)).toBe(0);
    expect(first.stdout).toContain('Vaccine-Cold-Chains.pdf');
    const html = readFileSync(path.join(out, 'docs/V/Vaccine-Cold-Chains/index.html'), 'utf8');
    const url = 'https://review.example.org/docs/V/Vaccine-Cold-Chains/Vaccine-Cold-Chains.pdf';
    expect(html).toContain(`<meta name="citation_pdf_url" content="${url}">`);
    expect(html).toContain(`<a href="${url}">PDF of the whole essay</a>`);
  });

  it('is in the site from the moment the site is published', () => {
    // The output path is a link swapped in when the build publishes: a PDF written after the swap is newer than the link.
    const published = lstatSync(out);
    expect(published.isSymbolicLink()).toBe(true);
    expect(realpathSync(pdf).startsWith(realpathSync(out) + path.sep)).toBe(true);
    expect(statSync(pdf).mtimeMs).toBeLessThanOrEqual(published.mtimeMs);
  });

  it('carries the title and authors as document metadata', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Vaccine Cold Chains at the Last Mile$/m);
    expect(info).toMatch(/^Author:\s+Ana Ribeiro, Tomas Lund$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    // Cover, contents, the essay's opening and one page per chapter.
    expect(info).toMatch(/^Pages:\s+5$/m);
    expect(pages()).toHaveLength(5);
  });

  it('has bookmarks for the headings', () => {
    // Chromium writes the outline's titles as plain PDF strings.
    const titles = [...readFileSync(pdf, 'latin1').matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1]);
    expect(titles).toEqual(expect.arrayContaining(['Contents', 'Where the Doses Are Lost', 'Recommendation']));
  });

  it('opens with a cover naming authors, affiliations, date, DOI, address and licence', () => {
    const cover = pages()[0] ?? '';
    for (const fact of ['Vaccine Cold Chains at the Last Mile', 'Ana Ribeiro', 'Institute for Rural Health Systems, Moravel', 'Tomas Lund', 'Calder School of Public Policy', 'March 5, 2024', 'https://doi.org/10.5555/ddr.2024.031', 'https://review.example.org/docs/V/Vaccine-Cold-Chains/', 'CC-BY-4.0']) {
      expect(cover).toContain(fact);
    }
  });

  it('lists the chapters with the pages they start on', () => {
    const all = pages();
    const contents = all.find((page) => page.includes(' Contents ')) ?? '';
    const listed = [...contents.matchAll(/(Where the Doses Are Lost|Paying for Refrigerators That Keep Working) (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(listed).toHaveLength(2);
    for (const [title, number] of listed) {
      // The page with that printed number (bottom centre) opens with the chapter's heading, after its running head.
      const index = all.findIndex((page) => page.endsWith(` ${String(number)}`));
      expect(index, `page ${String(number)}`).toBeGreaterThan(-1);
      const head = `(?:Vaccine Cold Chains at the Last Mile|${String(title)})`;
      expect(all[index]).toMatch(new RegExp(`^${head} ${String(title)} (?:National|Solar)`));
    }
  });

  it('keeps every note of the essay', () => {
    // pdftotext sets the superscript number apart from its full stop: `1 . Moravel`.
    const text = pages().join(' ').replace(/(\d) \./g, '$1.');
    const sources = ['Vaccine-Cold-Chains-1.md', 'Vaccine-Cold-Chains-2.md'].map((f) => readFileSync(path.join(ROOT, 'content/docs/V', f), 'utf8')).join('\n');
    const notes = [...sources.matchAll(/^<sup>(\d+)<\/sup>\. (.+)$/gm)].map((m) => [m[1], m[2]?.replace(/[*]/g, '').slice(0, 40)]);
    expect(notes.map(([n]) => n)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const [number, start] of notes) expect(text, `note ${String(number)}`).toContain(`${String(number)}. ${String(start)}`);
  });

  it('is taken from the cache while the print edition is unchanged', () => {
    const cacheRun = () => dossier(['pdf', '--source', 'content', '--out', out, '--essay', ESSAY]);
    cacheRun();
    const again = cacheRun();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 rendered');
    expect(again.stdout).toContain('1 unchanged');
  }, 120_000);
});

describe('dossier build with dossier.pdf', () => {
  it('publishes the essay PDF with the site, and keeps it while the print edition is unchanged', () => {
    const site = path.join(work, 'with-pdf');
    const built = path.join(work, 'with-pdf-site');
    writeTinyEssaySite(site);
    const cache = ['--source', site, '--out', built];
    const run = dossier(['build', ...cache]);
    expect(run.status, run.stderr).toBe(0);
    const file = path.join(built, 'docs/e/e.pdf');
    const first = statSync(file);
    expect(first.mtimeMs).toBeLessThanOrEqual(lstatSync(built).mtimeMs);
    // Another page changes: the essay's PDF is the last build's file, linked into the new site.
    writeFileSync(path.join(site, 'docs/index.md'), '---\ntitle: D\n---\nLetter, revised.\n');
    const again = dossier(['build', ...cache]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 rendered');
    expect(statSync(file).ino).toBe(first.ino);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Title:\s+E$/m);
  }, 120_000);
});

/** A letter page, an essay and one chapter, with `dossier.pdf: true`. */
function writeTinyEssaySite(site: string): void {
  mkdirSync(path.join(site, 'docs'), { recursive: true });
  writeFileSync(path.join(site, '_config.yml'), 'title: T\npermalink: pretty\ndossier:\n  pdf: true\n');
  writeFileSync(path.join(site, 'docs/index.md'), '---\ntitle: D\n---\nLetter.\n');
  writeFileSync(path.join(site, 'docs/e.md'), '---\ntitle: § E\nparent: D\n---\nEssay.\n');
  writeFileSync(path.join(site, 'docs/e1.md'), '---\ntitle: One\nparent: § E\ngrand_parent: D\n---\nChapter.\n');
}

describe('without Chromium', () => {
  const env = { ...process.env, CHROMIUM_PATH: path.join(work, 'no-such-chromium') };

  it('dossier pdf says how to install it and exits 2', () => {
    const run = dossier(['pdf', '--source', 'content', '--out', path.join(work, 'bare'), '--essay', ESSAY, '--no-cache'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('apt-get install chromium');
  }, 120_000);

  it('dossier build with dossier.pdf warns and builds the site', () => {
    const site = path.join(work, 'src');
    writeTinyEssaySite(site);
    const run = dossier(['build', '--source', site, '--out', path.join(work, 'built'), '--no-cache'], env);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('[pdf/no-chromium]');
    expect(readFileSync(path.join(work, 'built/docs/e/index.html'), 'utf8')).toContain('Cite this essay');
  }, 120_000);
});
