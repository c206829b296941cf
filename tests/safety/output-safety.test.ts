/**
 * What `dossier build` may delete, where it may write, and how it fails: the real CLI against real
 * temporary folders (run `npm run compile` first).
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertOutputPlace } from '../../src/write/output-ownership.js';
import { page, tempDir, tempSite } from '../helpers/temp-site.js';
import { dossier, noStackTrace, REPO, snapshot } from './cli.js';

const CONFIG = 'title: Safety\n';

/** A repository: `.git`, a README and a `content/` site of three pages. */
function repository(): string {
  // Nested in a folder of its own, so even "above the repository" stays inside the test's folder.
  const outer = tempSite({
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/README.md': '# Notes\n',
    'repo/content/_config.yml': CONFIG,
    'repo/content/index.md': page({ title: 'Home' }, 'Welcome.\n'),
    'repo/content/docs/page-1.md': page({ title: 'One' }, 'First.\n'),
    'repo/content/docs/page-2.md': page({ title: 'Two' }, 'Second.\n'),
  });
  return path.join(outer, 'repo');
}

describe('places a build never replaces', () => {
  const refused = [
    ['the repository root (--out .)', (repo: string) => ['--source', 'content', '--out', '.']],
    ['the source folder', () => ['--source', 'content', '--out', 'content']],
    ['a folder holding the source', () => ['--source', 'content/docs', '--out', 'content']],
    ['a folder above the repository', (repo: string) => ['--source', 'content', '--out', path.dirname(repo)]],
    ['the home folder', (repo: string) => ['--source', 'content', '--out', path.join(repo, 'home'), '--force-clean']],
  ] as const;
  for (const [what, args] of refused) {
    it(`refuses ${what} with exit 2 and deletes nothing`, () => {
      const repo = repository();
      mkdirSync(path.join(repo, 'home'));
      writeFileSync(path.join(repo, 'home/diary.txt'), 'mine');
      const before = snapshot(path.dirname(repo));
      const run = dossier(['build', ...args(repo)], { cwd: repo, env: { HOME: path.join(repo, 'home') } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/refusing to build into/);
      expect(noStackTrace(run.stderr)).toBe(true);
      expect(snapshot(path.dirname(repo))).toEqual(before);
    });
  }

  it('refuses the file-system root (checked as a function: never tried for real)', () => {
    expect(() => assertOutputPlace('/', '/tmp/x/content', '/tmp/x')).toThrow(/root of the file system/);
  });

  it('refuses a non-empty folder it did not write, naming --force-clean; --force-clean replaces it', () => {
    const repo = repository();
    mkdirSync(path.join(repo, 'out'));
    writeFileSync(path.join(repo, 'out/precious.txt'), 'keep me');
    const refusedRun = dossier(['build', '--source', 'content', '--out', 'out'], { cwd: repo });
    expect(refusedRun.code).toBe(2);
    expect(refusedRun.stderr).toMatch(/--force-clean/);
    expect(readFileSync(path.join(repo, 'out/precious.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(repo, 'out/index.html'))).toBe(false);

    const forced = dossier(['build', '--source', 'content', '--out', 'out', '--force-clean'], { cwd: repo });
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(repo, 'out/precious.txt'))).toBe(false);
    expect(existsSync(path.join(repo, 'out/index.html'))).toBe(true);
  });

  it('builds into an empty folder and then again into its own output', () => {
    const repo = repository();
    mkdirSync(path.join(repo, 'content/_site'));
    for (let i = 0; i < 2; i++) {
      const run = dossier(['build', '--source', 'content', '--out', 'content/_site'], { cwd: repo });
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readFileSync(path.join(repo, 'content/_site/docs/page-1.html'), 'utf8')).toContain('First.');
  });
});

describe('every written path stays inside the output folder', () => {
  const escapes = ['/../../../../escaped-a.html', '/docs/../../../escaped-b/page.html', '/a/./../../../escaped-c/'];
  it('reports a permalink that leaves the site at its line, in build and in check, and writes nothing there', () => {
    const root = tempDir();
    const site = path.join(root, 'deep/er/site');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(site, '_config.yml'), CONFIG);
    writeFileSync(path.join(site, 'index.md'), page({ title: 'Home' }, 'Hi.\n'));
    escapes.forEach((permalink, i) => writeFileSync(path.join(site, `bad-${i}.md`), page({ title: `Bad ${i}`, permalink }, 'Out.\n')));
    const run = dossier(['build', '--source', site, '--out', path.join(site, '_site')], { cwd: root });
    expect(run.code).toBe(1);
    for (let i = 0; i < escapes.length; i++) expect(run.stderr).toContain(`bad-${i}.md:3:12: error:`);
    expect(run.stderr.match(/\[permalink\/outside-site\]/g)).toHaveLength(3);
    const written = readdirSync(root, { recursive: true }).map(String);
    expect(written.filter((name) => name.includes('escaped'))).toEqual([]);
    const check = dossier(['check', '--source', site], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout.match(/permalink\/outside-site/g)).toHaveLength(3);
  });

  it('reports a NUL or an over-long name in a permalink instead of crashing', () => {
    const site = tempSite({
      '_config.yml': CONFIG,
      'index.md': page({ title: 'Home' }, 'Hi.\n'),
      'nul.md': '---\ntitle: Nul\npermalink: "/a\\0b/"\n---\nText.\n',
      'long.md': page({ title: 'Long', permalink: `/${'x'.repeat(300)}/` }, 'Text.\n'),
    });
    const run = dossier(['build', '--source', site, '--out', path.join(site, '_site')], { cwd: site });
    expect(run.code).toBe(1);
    expect(noStackTrace(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/nul\.md:3:\d+: error: .*\[permalink\/invalid\]/);
    expect(run.stderr).toMatch(/long\.md:3:\d+: error: .*\[permalink\/invalid\]/);
    expect(existsSync(path.join(site, '_site/index.html'))).toBe(true);
  });
});

describe('two sources for one output file', () => {
  it('is an error naming both; the stylesheet, print edition and first page by path win', () => {
    const site = tempSite({
      '_config.yml': CONFIG,
      'index.md': page({ title: 'Home' }, 'Hi.\n'),
      'a-first.md': page({ title: 'First', permalink: '/same/' }, 'From the first.\n'),
      'b-second.md': page({ title: 'Second', permalink: '/same/' }, 'From the second.\n'),
      // A page's permalink cannot reach the stylesheet (Jekyll adds .html to it), but a copied file can.
      'assets/dossier.css': 'not css\n',
      'docs/letter.md': page({ title: 'Letter', has_children: true }, 'Letter.\n'),
      'docs/essay.md': page({ title: 'Essay', parent: 'Letter', has_children: true }, 'Essay.\n'),
      'docs/ch1.md': page({ title: 'Chapter', parent: 'Essay', grand_parent: 'Letter' }, 'Chapter.\n'),
      'docs/fake-print.md': page({ title: 'Fake print', permalink: '/docs/essay/print/', nav_exclude: true }, 'Fake.\n'),
    });
    const out = path.join(site, '_site');
    const run = dossier(['build', '--source', site, '--out', out], { cwd: site });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/b-second\.md:3:\d+: error: b-second\.md and a-first\.md both make the output file same\/index\.html.*\[output\/collision\]/);
    expect(run.stderr).toMatch(/assets\/dossier\.css:\d+:\d+: error: .*assets\/dossier\.css.*\[output\/collision\]/);
    expect(run.stderr).toMatch(/fake-print\.md:\d+:\d+: error: .*print edition.*\[output\/collision\]/);
    expect(readFileSync(path.join(out, 'same/index.html'), 'utf8')).toContain('From the first.');
    expect(readFileSync(path.join(out, 'assets/dossier.css'), 'utf8')).not.toContain('not css');
    expect(readFileSync(path.join(out, 'docs/essay/print/index.html'), 'utf8')).not.toContain('Fake.');
  });
});

describe('failures leave the previous site and print one line', () => {
  function builtSite(): { site: string; out: string; before: Record<string, string> } {
    const site = tempSite({ '_config.yml': CONFIG, 'index.md': page({ title: 'Home' }, 'Old home.\n'), 'docs/page-2.md': page({ title: 'Two' }, 'Old two.\n') });
    const out = path.join(site, '_site');
    expect(dossier(['build', '--source', site, '--out', out], { cwd: site }).code).toBe(0);
    writeFileSync(path.join(site, 'docs/page-2.md'), page({ title: 'Two' }, 'New two.\n'));
    writeFileSync(path.join(site, 'index.md'), page({ title: 'Home' }, 'New home.\n'));
    return { site, out, before: snapshot(out) };
  }

  for (const code of ['ENOSPC', 'EROFS', 'EACCES', 'EISDIR', 'ENAMETOOLONG']) {
    it(`${code} while writing a page`, () => {
      const { site, out, before } = builtSite();
      const inject = path.join(REPO, 'tests/safety/inject-fs-failure.mjs');
      const run = dossier(['build', '--source', site, '--out', out], {
        cwd: site,
        nodeArgs: ['--import', inject],
        env: { DOSSIER_TEST_FAIL_CODE: code, DOSSIER_TEST_FAIL_PATH: 'page-2' },
      });
      expect(run.code).toBe(2);
      expect(noStackTrace(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(new RegExp(`^dossier: cannot write \\S*page-2\\S*: .*\\(${code}\\)`, 'm'));
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(`${out}.dossier`).filter((name) => name.startsWith('staging-'))).toEqual([]);
    });
  }

  it('a symlinked folder in _public/', () => {
    const { site, out, before } = builtSite();
    mkdirSync(path.join(site, '_public'));
    symlinkSync(tempDir(), path.join(site, '_public/linked'));
    const run = dossier(['build', '--source', site, '--out', out], { cwd: site });
    expect(run.code).toBe(2);
    expect(noStackTrace(run.stderr)).toBe(true);
    expect(run.stderr).toMatch(/_public\/linked is a symbolic link to a folder/);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('one build at a time, and leftovers of dead builds', () => {
  it('refuses a second build while one holds the lock, and takes a lock left by a dead process', async () => {
    const site = tempSite({ '_config.yml': CONFIG, 'index.md': page({ title: 'Home' }, 'Hi.\n') });
    const out = path.join(site, '_site');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      mkdirSync(`${out}.dossier`);
      writeFileSync(`${out}.dossier/lock`, `${sleeper.pid}\n`);
      const run = dossier(['build', '--source', site, '--out', out], { cwd: site });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`another build (process ${sleeper.pid}) is writing ${out}`);
      expect(existsSync(out)).toBe(false);
    } finally {
      sleeper.kill();
    }
    await new Promise((resolve) => sleeper.once('exit', resolve));
    const run = dossier(['build', '--source', site, '--out', out], { cwd: site });
    expect(run.code, run.stderr).toBe(0);
  });

  it('removes staging folders of builds whose process is gone, and keeps the published site a link', async () => {
    const site = tempSite({ '_config.yml': CONFIG, 'index.md': page({ title: 'Home' }, 'Hi.\n') });
    const out = path.join(site, '_site');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    mkdirSync(`${out}.dossier/staging-${dead.pid}/docs`, { recursive: true });
    writeFileSync(`${out}.dossier/staging-${dead.pid}/docs/half.html`, 'half');
    expect(dossier(['build', '--source', site, '--out', out], { cwd: site }).code).toBe(0);
    const left = readdirSync(`${out}.dossier`);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^site-/);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });
});
