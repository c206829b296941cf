import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parsePage } from '../../src/front-matter/parse-front-matter.js';
import { bodyText } from '../../src/front-matter/page.js';
import { pageUrl } from '../../src/front-matter/permalink.js';

const parse = (text: string, permalink = 'pretty', path = 'docs/G/Essay-1.md') => {
  const diagnostics: Diagnostic[] = [];
  const page = parsePage({ path, kind: 'markdown', text }, { permalink }, diagnostics);
  return { page, diagnostics };
};

describe('parsePage', () => {
  it('trims stray spaces in titles and keeps nav_order types', () => {
    const { page, diagnostics } = parse('---\ntitle: The Stage \nparent: § An Essay  \ngrand_parent: G \nnav_order: 10 \n---\nBody\n');
    expect(diagnostics).toEqual([]);
    expect(page?.data.title).toBe('The Stage');
    expect(page?.data.parent).toBe('§ An Essay');
    expect(page?.data.grandParent).toBe('G');
    expect(page?.data.navOrder).toBe(10);
    expect(page?.body).toBe('Body\n');
    expect(page?.bodyLine).toBe(7);
    expect(page?.url).toBe('/docs/G/Essay-1/');
    expect(page?.outputPath).toBe('docs/G/Essay-1/index.html');
  });

  it('keeps a quoted nav_order as a string', () => {
    expect(parse('---\ntitle: A\nnav_order: "10"\n---\n').page?.data.navOrder).toBe('10');
  });

  it('reports an unclosed front matter block at line 1', () => {
    const { page, diagnostics } = parse('---\ntitle: A\n\nSome text');
    expect(page).toBeUndefined();
    expect(diagnostics).toMatchObject([{ line: 1, rule: 'front-matter/unclosed', severity: 'error' }]);
  });

  it('reads a file given as bytes (as one-off builds read them) exactly as its text, BOM and CRLF included', () => {
    const text = '\uFEFF---\r\ntitle: “Quoted” Title\r\nnav_order: 2\r\n...\r\nBody with — dashes\r\n';
    const asText = parse(text);
    const diagnostics: Diagnostic[] = [];
    const asBytes = parsePage({ path: 'docs/G/Essay-1.md', kind: 'markdown', text: Buffer.from(text) }, { permalink: 'pretty' }, diagnostics);
    expect(diagnostics).toEqual(asText.diagnostics);
    expect(asBytes).toMatchObject({ data: { title: '“Quoted” Title', navOrder: 2 }, bodyLine: 5 });
    // The body stays the file's bytes until it is read, and reads as the same text.
    expect(asBytes?.body).toBeInstanceOf(Uint8Array);
    expect(asBytes === undefined ? undefined : bodyText(asBytes)).toBe('Body with — dashes\r\n');
    expect(asText.page?.body).toBe('Body with — dashes\r\n');
    expect(asBytes?.data).toEqual(asText.page?.data);
  });

  it('closes front matter where Jekyll does: at `...`, at a fence followed by blanks, never at `----`', () => {
    const dots = parse('---\ntitle: Dots\n...\nBody\n');
    expect(dots.diagnostics).toEqual([]);
    expect(dots.page).toMatchObject({ data: { title: 'Dots' }, body: 'Body\n', bodyLine: 4 });

    const blanks = parse('---  \ntitle: Blanks\n--- \t\nBody\n');
    expect(blanks.diagnostics).toEqual([]);
    expect(blanks.page).toMatchObject({ data: { title: 'Blanks' }, body: 'Body\n', bodyLine: 4 });

    // A rule of four dashes inside the YAML is not a fence; the block ends at the next `---`.
    const rule = parse('---\ntitle: Rule\n----\n---\nBody\n');
    expect(rule.page?.data.title).toBe('Rule');
    expect(rule.page).toMatchObject({ body: 'Body\n', bodyLine: 5 });

    const crlf = parse('---\r\ntitle: Windows\r\n---\r\nBody\r\nMore\r\n');
    expect(crlf.page).toMatchObject({ data: { title: 'Windows' }, body: 'Body\r\nMore\r\n', bodyLine: 4 });
  });

  it('reports a tab in YAML with its line and still yields the page', () => {
    const { page, diagnostics } = parse('---\ntitle: A\nparent:\n\tG\n---\nBody');
    expect(page).toBeDefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 4, rule: 'front-matter/yaml', severity: 'error' });
    expect(diagnostics[0]?.message).toMatch(/tab/);
  });

  it('warns on a duplicated key and keeps the last value, as Jekyll does', () => {
    const { page, diagnostics } = parse('---\ntitle: First\nnav_order: 2\ntitle: Second\n---\n');
    expect(page?.data.title).toBe('Second');
    expect(page?.data.navOrder).toBe(2);
    expect(diagnostics).toMatchObject([{ line: 4, rule: 'front-matter/duplicate-key', severity: 'warning' }]);
  });

  it('records where each key sits so later stages can point at it', () => {
    const { page } = parse('---\nlayout: default\ntitle: A\nparent: Missing\n---\n');
    expect(page?.data.places['parent']).toEqual({ line: 4, column: 9 });
  });
});

describe('pageUrl', () => {
  it('follows Jekyll: pretty, .html, index and explicit permalinks', () => {
    expect(pageUrl('docs/G/foo.md', 'pretty', undefined)).toEqual({ url: '/docs/G/foo/', outputPath: 'docs/G/foo/index.html' });
    expect(pageUrl('docs/G/foo.md', 'date', undefined)).toEqual({ url: '/docs/G/foo.html', outputPath: 'docs/G/foo.html' });
    expect(pageUrl('docs/G/index.md', 'pretty', undefined)).toEqual({ url: '/docs/G/', outputPath: 'docs/G/index.html' });
    expect(pageUrl('index.md', 'date', undefined)).toEqual({ url: '/', outputPath: 'index.html' });
    expect(pageUrl('x.md', 'pretty', '/about/')).toEqual({ url: '/about/', outputPath: 'about/index.html' });
    expect(pageUrl('x.md', 'pretty', '/about')).toEqual({ url: '/about', outputPath: 'about.html' });
    expect(pageUrl('404.md', 'pretty', '/404.html')).toEqual({ url: '/404.html', outputPath: '404.html' });
  });

  it('cleans names and permalinks with dots as Jekyll 4.3 does (measured)', () => {
    expect(pageUrl('docs/x/data-protection..md', 'pretty', undefined)).toEqual({ url: '/docs/x/data-protection/', outputPath: 'docs/x/data-protection/index.html' });
    expect(pageUrl('docs/x/data-protection..md', 'date', undefined).url).toBe('/docs/x/data-protection.html');
    expect(pageUrl('docs/x/trail...md', 'pretty', undefined).url).toBe('/docs/x/trail/');
    expect(pageUrl('docs/x/v1.2..md', 'pretty', undefined).url).toBe('/docs/x/v1.2/');
    expect(pageUrl('docs/x/x..y.md', 'pretty', undefined)).toEqual({ url: '/docs/x/x/y/', outputPath: 'docs/x/x/y/index.html' });
    expect(pageUrl('docs/x/p.md', 'pretty', '/p/data.protection./')).toEqual({ url: '/p/data.protection', outputPath: 'p/data.protection.html' });
    expect(pageUrl('docs/x/p.md', 'pretty', '/q/a..b/c./d/').url).toBe('/q/a/b/cd/');
  });
});
