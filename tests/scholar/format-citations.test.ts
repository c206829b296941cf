/** Citations of works citeproc sees under one id: each page still cites itself. */
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

describe('formatting citations', () => {
  it('gives chapters of the same title (one citation id, "Anon n.d. Introduction") their own citations, in one essay or two', async () => {
    const sourceDir = tempSite({
      '_config.yml': 'title: Same Names\npermalink: pretty\n',
      'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
      'docs/tolls.md': page({ title: 'Bridge Tolls', nav_order: 2, has_children: true }, '\nWho pays to cross.\n'),
      'docs/tolls-1.md': page({ title: 'Introduction', parent: 'Bridge Tolls', nav_order: 1 }, '\nThe old bridge.\n'),
      'docs/wells.md': page({ title: 'Village Wells', nav_order: 3, has_children: true }, '\nWho draws the water.\n'),
      'docs/wells-1.md': page({ title: 'Introduction', parent: 'Village Wells', nav_order: 1 }, '\nThe dry summer.\n'),
      'docs/wells-2.md': page({ title: 'Introduction', parent: 'Village Wells', nav_order: 2 }, '\nThe wet winter.\n'),
    });
    const writer = new MemoryWriter();
    await buildSite({ sourceDir, writer });
    const chicago = (file: string) => /id="cite-chicago">(.*?)<\/p>/.exec(writer.text(file) ?? '')?.[1] ?? '';
    expect(chicago('docs/tolls-1/index.html')).toContain('<i>Bridge Tolls</i>');
    expect(chicago('docs/wells-1/index.html')).toContain('<i>Village Wells</i>');
    // Two chapters of one essay under one id, formatted one after the other.
    expect(chicago('docs/wells-1/index.html')).toContain('Chap. 1 in <i>Village Wells</i>. /docs/wells-1/.');
    expect(chicago('docs/wells-2/index.html')).toContain('Chap. 2 in <i>Village Wells</i>. /docs/wells-2/.');
  });
});
