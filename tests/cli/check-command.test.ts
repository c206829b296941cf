import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const FIXTURES = path.resolve('tests/fixtures/check');

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/** Runs `dossier check` as the CLI would and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['check', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function runJson(source: string, extra: string[] = []): Promise<{ code: number; findings: Finding[] }> {
  const { code, stdout } = await run(['--source', source, '--format', 'json', ...extra]);
  return { code, findings: JSON.parse(stdout) as Finding[] };
}

const temps: string[] = [];
/** A scratch copy of a fixture site, so a test can change its config. */
function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-check-'));
  temps.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dossier check on a clean site', () => {
  test('reports nothing and exits 0', async () => {
    const { code, findings } = await runJson(path.join(FIXTURES, 'clean'));
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  test('human output says so, with what was checked', async () => {
    const { code, stdout } = await run(['--source', path.join(FIXTURES, 'clean')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No problems found \(6 pages, \d+ links checked\)\.\n$/);
  });
});

describe('dossier check on a site with planted defects', () => {
  const at = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.rule}`;

  test('finds every planted link and nav defect at its Markdown source position', async () => {
    const { code, findings } = await runJson(path.join(FIXTURES, 'broken'));
    expect(code).toBe(1);
    const positions = findings.filter((f) => !f.rule.startsWith('notes/')).map(at);
    expect(positions).toEqual([
      // .html page: its links are scanned from the body.
      'about.html:8:20 links/missing-anchor',
      // Misspelled parent, pointed at the `parent:` value.
      'docs/Politics/fishing-quotas-1.md:4:9 nav/unknown-parent',
      // Dead anchor on the same page, dead anchor on another page.
      'docs/Politics/tidal-energy-1.md:15:5 links/missing-anchor',
      'docs/Politics/tidal-energy-1.md:15:66 links/missing-anchor',
      // Dead page link and missing image.
      'docs/Politics/tidal-energy-1.md:19:10 links/missing-page',
      'docs/Politics/tidal-energy-1.md:19:66 links/missing-file',
      // Dead link written in raw HTML inside a paragraph.
      'docs/Politics/tidal-energy-2.md:13:37 links/missing-page',
      // Chapter list linking /docs/politics/… for a page at /docs/Politics/…
      'docs/Politics/tidal-energy-2.md:25:13 links/missing-page',
      'docs/Politics/tidal-energy-2.md:25:13 nav/chapter-list-mismatch',
      // Two essays under the same parent with nav_order 1.
      'docs/Politics/tidal-energy.md:5:12 nav/duplicate-nav-order',
    ]);
    expect(findings.every((f) => f.severity === 'error' || f.rule === 'nav/duplicate-nav-order')).toBe(true);
  });

  test('messages say what is wrong and suggest the right target', async () => {
    const { findings } = await runJson(path.join(FIXTURES, 'broken'));
    const message = (file: string, line: number, rule: string) =>
      findings.find((f) => f.file === file && f.line === line && f.rule === rule)?.message;
    expect(message('docs/Politics/tidal-energy-2.md', 25, 'links/missing-page')).toContain(
      'did you mean /docs/Politics/tidal-energy-1/? (URLs are case-sensitive on GitHub Pages)',
    );
    expect(message('docs/Politics/tidal-energy-1.md', 15, 'links/missing-anchor')).toBe('#a-long-history does not exist on this page');
    expect(message('docs/Politics/fishing-quotas-1.md', 4, 'nav/unknown-parent')).toContain('§ Fishing Quotas');
  });

  test('a note number with no note is an error at the reference', async () => {
    const { findings } = await runJson(path.join(FIXTURES, 'broken'));
    const notes = findings.filter((f) => f.rule.startsWith('notes/')).map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`);
    expect(notes).toContain('docs/Politics/tidal-energy-2.md:12 notes/missing-note error');
  });

  test('human output groups findings by file and ends with a total', async () => {
    const { code, stdout } = await run(['--source', path.join(FIXTURES, 'broken')]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('docs/Politics/tidal-energy-1.md:19:66  error  /assets/tide-chart.png links to a file that does not exist  [links/missing-file]');
    // A blank line separates one file's findings from the next.
    const first = lines.findIndex((l) => l.startsWith('docs/Politics/fishing-quotas-1.md:'));
    expect(lines[first - 1]).toBe('');
    expect(lines[first]).toMatch(/^docs\/Politics\/fishing-quotas-1\.md:4:9  error  no page is titled .*  \[nav\/unknown-parent\]$/);
    expect(lines.at(-1)).toMatch(/^\d+ errors, \d+ warnings? in 5 files \(8 pages, \d+ links checked\)\.$/);
  });

  test('github format prints workflow annotations with repository-relative paths', async () => {
    const source = path.relative(process.cwd(), path.join(FIXTURES, 'broken'));
    const { code, stdout } = await run(['--source', source, '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `::error file=${source}/docs/Politics/tidal-energy-1.md,line=19,col=10,title=links/missing-page::/docs/Politics/tidal-energy-3/ links to a page that does not exist`,
    );
  });
});

describe('rule settings and ignored links from _config.yml', () => {
  test('rules can be turned off or down to warnings, and links ignored by pattern', async () => {
    const site = copyFixture('broken');
    appendFileSync(
      path.join(site, '_config.yml'),
      [
        'dossier:',
        '  check:',
        '    rules:',
        '      nav/chapter-list-mismatch: off',
        '      links/missing-anchor: warning',
        '    ignore:',
        '      - /docs/Politics/harbour-dues/',
        '      - "/assets/*.png"',
        '',
      ].join('\n'),
    );
    const { findings } = await runJson(site);
    expect(findings.some((f) => f.rule === 'nav/chapter-list-mismatch')).toBe(false);
    expect(findings.filter((f) => f.rule === 'links/missing-anchor').map((f) => f.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(findings.some((f) => f.message.includes('harbour-dues') || f.message.includes('tide-chart'))).toBe(false);
    expect(findings.some((f) => f.rule === 'links/missing-page')).toBe(true);
  });

  test('only warnings left means exit code 0', async () => {
    const site = copyFixture('broken');
    appendFileSync(path.join(site, '_config.yml'), 'dossier:\n  check:\n    rules:\n      "links/*": warning\n      "nav/*": warning\n      "notes/*": off\n');
    const { code, findings } = await runJson(site);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(code).toBe(0);
  });

  test('a bad rule setting is a config error: exit 2 and the key named', async () => {
    const site = copyFixture('clean');
    appendFileSync(path.join(site, '_config.yml'), 'dossier:\n  check:\n    rules:\n      links/missing-page: loud\n');
    const { code, stdout, stderr } = await run(['--source', site]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('dossier.check.rules.links/missing-page must be error, warning or off');
  });

  test('an unknown --format is bad usage: exit 2', async () => {
    const { code, stderr } = await run(['--source', path.join(FIXTURES, 'clean'), '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of human, json, github');
  });
});

describe('links under a baseurl', () => {
  test('links must carry the baseurl; relative, encoded and .html forms resolve like GitHub Pages', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'dossier-check-'));
    temps.push(site);
    writeFileSync(path.join(site, '_config.yml'), 'title: Tides\nbaseurl: /tides\npermalink: pretty\n');
    writeFileSync(
      path.join(site, 'index.md'),
      [
        '---',
        'title: Home',
        '---',
        '[ok](/tides/notes/sea%20walls/#why-walls)', // line 4: encoded space, real anchor
        '[no base](/notes/sea%20walls/)', // line 5: outside baseurl
        '[relative](notes/sea%20walls/)', // line 6: relative to /tides/
        '[html form](/tides/notes/sea%20walls.html)', // line 7: the page is pretty, not .html
        '[pdf](/tides/files/plan.pdf) [mail](mailto:a@b.c) [liquid]({{ site.baseurl }}/x/)', // line 8: Liquid baseurl expanded
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(site, 'files'));
    writeFileSync(path.join(site, 'files', 'plan.pdf'), '%PDF-1.4\n');
    mkdirSync(path.join(site, 'notes'));
    writeFileSync(path.join(site, 'notes', 'sea walls.md'), '---\ntitle: Sea Walls\n---\n## Why walls\nBecause the sea keeps coming.\n');
    const { code, findings } = await runJson(site);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['5:1 links/missing-page', '7:1 links/missing-page', '8:51 links/missing-page']);
    expect(findings[0]!.message).toContain('did you mean /tides/notes/sea walls/?');
    expect(findings[1]!.message).toContain('did you mean /tides/notes/sea walls/?');
    expect(findings[2]!.message).toBe('/tides/x/ links to a page that does not exist');
    expect(code).toBe(1);
  });
});
