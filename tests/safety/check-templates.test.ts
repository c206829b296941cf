/** `dossier check` runs none of a site's template code (the real CLI, `npm run compile` first). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, tempDir, tempSite } from '../helpers/temp-site.js';
import { dossier } from './cli.js';

interface Finding {
  file: string;
  line: number;
  rule: string;
}

/** A site whose default layout writes `marker` when run, and whose own `letter` layout throws. */
function siteWithCodeInTemplates(marker: string): string {
  const write = `<% process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran') %>`;
  return tempSite({
    '_config.yml': 'title: Templates\n',
    '_templates/default.eta': `${write}<html><body><%~ it.content %></body></html>\n`,
    '_templates/letter.eta': "<% throw new Error('the letter layout ran') %>\n",
    'index.md': page({ title: 'Home' }, '\nSee [the letter](letter.html) and [nothing](missing.html).\n'),
    'letter.md': page({ title: 'Letter', layout: 'letter' }, '\nBack [home](index.html#no-such-heading).\n'),
  });
}

describe('dossier check and the site’s templates', () => {
  it('finds the problems in the pages without running the templates’ code', () => {
    const marker = path.join(tempDir(), 'template-ran');
    const site = siteWithCodeInTemplates(marker);
    const check = dossier(['check', '--source', site, '--format', 'json'], { cwd: site });
    expect(check.stderr).not.toContain('layout ran');
    expect(existsSync(marker)).toBe(false);
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.stdout) as Finding[]).map((f) => `${f.file}:${f.line} ${f.rule}`);
    // The site's own layout is known: no unknown-layout warning for it.
    expect(findings.sort()).toEqual(['index.md:5 links/missing-page', 'letter.md:6 links/missing-anchor']);
  });

  it('the same templates do run in a build, so the check above had code to avoid', () => {
    const marker = path.join(tempDir(), 'template-ran');
    const site = siteWithCodeInTemplates(marker);
    const build = dossier(['build', '--source', site, '--out', path.join(site, '_site')], { cwd: site });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('the letter layout ran');
    expect(existsSync(marker)).toBe(true);
  });

  it('still reports a template that cannot be compiled', () => {
    const site = tempSite({
      '_config.yml': 'title: Broken template\n',
      '_templates/page.eta': '<% if (it.page) { %>unclosed\n',
      'index.md': page({ title: 'Home' }, 'Hi.\n'),
    });
    const check = dossier(['check', '--source', site], { cwd: site });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('page.eta cannot be compiled');
  });
});
