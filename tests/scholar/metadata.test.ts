import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { loadConfig } from '../../src/config/load-config.js';
import { discoverSource } from '../../src/discover/discover-source.js';
import { parseFrontMatter } from '../../src/front-matter/parse-front-matter.js';
import { buildNavTree } from '../../src/nav/build-nav-tree.js';
import { citableWorks } from '../../src/scholar/citable-works.js';
import { readMetadataFields, validOrcid } from '../../src/scholar/metadata.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { tempSite } from '../helpers/temp-site.js';

const ESSAY = `---
title: § Harbour Dues
parent: H
nav_order: 1
authors:
  - name: Ines Okoro
    affiliation: Port Institute
    orcid: https://orcid.org/0000-0003-1415-9269
  - Tom de Wit
date: 2023-05-02
doi: https://doi.org/10.5555/harbour.1
keywords: ports, fees
license: CC-BY-4.0
---
Essay text.
`;

function site(chapterFrontMatter = '', config = '') {
  return tempSite({
    '_config.yml': `title: Harbour Review\nurl: https://harbour.example\npermalink: pretty\n${config}`,
    'docs/H/index.md': '---\ntitle: H\nnav_order: 2\n---\nLetter.\n',
    'docs/H/Dues.md': ESSAY,
    'docs/H/Dues-1.md': `---\ntitle: Low Water\nparent: § Harbour Dues\ngrand_parent: H\nnav_order: 10\n${chapterFrontMatter}---\nChapter.\n`,
  });
}

function works(dir: string) {
  const config = loadConfig(dir);
  const { pages } = parseFrontMatter(discoverSource(config).pages, config);
  return citableWorks(pages, buildNavTree(pages, config), config);
}

describe('scholarly metadata', () => {
  it('reads authors, dates, DOI, keywords and licence from the essay front matter', () => {
    const { works: all, diagnostics } = works(site());
    const essay = all.get('docs/H/Dues.md');
    expect(diagnostics).toEqual([]);
    expect(essay?.title).toBe('Harbour Dues');
    expect(essay?.url).toBe('https://harbour.example/docs/H/Dues/');
    expect(essay?.meta.authors?.map((a) => [a.name, a.given, a.family, a.affiliation, a.orcid])).toEqual([
      ['Ines Okoro', 'Ines', 'Okoro', 'Port Institute', '0000-0003-1415-9269'],
      ['Tom de Wit', 'Tom de', 'Wit', undefined, undefined],
    ]);
    expect(essay?.meta.date).toBe('2023-05-02');
    expect(essay?.meta.doi).toBe('10.5555/harbour.1');
    expect(essay?.meta.keywords).toEqual(['ports', 'fees']);
    expect(essay?.meta.publisher).toBe('Harbour Review');
    expect(essay?.chapters.map((c) => c.title)).toEqual(['Low Water']);
  });

  it('lets chapters inherit the essay metadata and override single keys', () => {
    const inherited = works(site()).works.get('docs/H/Dues-1.md');
    expect(inherited?.kind).toBe('chapter');
    expect(inherited?.meta.authors?.map((a) => a.name)).toEqual(['Ines Okoro', 'Tom de Wit']);
    expect(inherited?.meta.date).toBe('2023-05-02');
    const overridden = works(site('author: Ana Lim\ndate: 2023-06-01\n')).works.get('docs/H/Dues-1.md');
    expect(overridden?.meta.authors?.map((a) => a.name)).toEqual(['Ana Lim']);
    expect(overridden?.meta.date).toBe('2023-06-01');
    expect(overridden?.meta.doi).toBe('10.5555/harbour.1');
  });

  it('takes defaults from _config.yml, which front matter overrides', () => {
    const dir = site('', 'publisher: Harbour Press\nlicense: CC0-1.0\njournal:\n  title: Harbour Quarterly\n  volume: 4\n');
    const essay = works(dir).works.get('docs/H/Dues.md');
    expect(essay?.meta.publisher).toBe('Harbour Press');
    expect(essay?.meta.journal).toEqual({ title: 'Harbour Quarterly', volume: '4', issue: undefined, pages: undefined });
    expect(essay?.meta.license).toBe('CC-BY-4.0');
  });

  it('warns at the line of a malformed DOI, ORCID or date and leaves the value out', () => {
    const { works: all, diagnostics } = works(site('doi: 10.55/x\ndate: spring 2023\nauthor:\n  name: Ana Lim\n  orcid: 0000-0003-1415-9260\n'));
    const chapter = all.get('docs/H/Dues-1.md');
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`).sort()).toEqual([
      'docs/H/Dues-1.md:6:6 scholar/metadata',
      'docs/H/Dues-1.md:7:7 scholar/metadata',
      'docs/H/Dues-1.md:8:8 scholar/metadata',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics.find((d) => d.line === 8)?.message).toContain('ORCID');
    expect(diagnostics.find((d) => d.line === 7)?.message).toContain('does not parse');
    // The bad chapter values fall back to nothing, not to the essay's.
    expect(chapter?.meta.authors?.[0]?.orcid).toBeUndefined();
  });

  it('checks ORCID check digits', () => {
    expect(validOrcid('0000-0002-1825-0097')).toBe(true);
    expect(validOrcid('0000-0002-1825-0098')).toBe(false);
    expect(validOrcid('0000-0002-1694-233X')).toBe(true);
  });

  it('reads a journal given as text and keywords as a list', () => {
    const fields = readMetadataFields({ journal: 'Harbour Quarterly', keywords: ['a', 'b'], pdf: false }, () => {});
    expect(fields.journal?.title).toBe('Harbour Quarterly');
    expect(fields.keywords).toEqual(['a', 'b']);
    expect(fields.pdf).toBe(false);
  });

  it('shows the cite block without an author or date, never "undefined"', async () => {
    const dir = tempSite({
      '_config.yml': 'title: Bare Review\npermalink: pretty\n',
      'docs/B/index.md': '---\ntitle: B\nnav_order: 2\n---\nLetter.\n',
      'docs/B/Essay.md': '---\ntitle: § Plain Essay\nparent: B\n---\nText.\n',
      'docs/B/Essay-1.md': '---\ntitle: One\nparent: § Plain Essay\ngrand_parent: B\n---\nChapter.\n',
    });
    const writer = new MemoryWriter();
    await buildSite({ sourceDir: dir, writer });
    const html = writer.text('docs/B/Essay/index.html') ?? '';
    expect(html).toContain('Cite this essay');
    expect(html).toContain('<i>Plain Essay</i>');
    expect(html).not.toMatch(/undefined|NaN/);
  });
});
