import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

const CONFIG = `title: Harbour Review
permalink: pretty
aux_links:
  "Subscribe":
    - "https://example.org/subscribe"
`;

function essaySite(extraConfig = ''): string {
  return tempSite({
    '_config.yml': CONFIG + extraConfig,
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '# Harbour Review\n\nEssays on ports.\n'),
    'docs/H/index.md': page({ title: 'H', nav_order: 2, has_children: true }, 'Letter H.\n'),
    'docs/H/Tides.md': page(
      { title: '§ Tides and Tariffs', parent: 'H', nav_order: 1, last_modified_date: '2023-04-05 14:30:00 +0000' },
      '# § Tides and Tariffs\n\nAn essay on dock fees.\n',
    ),
    'docs/H/Tides-1.md': page(
      { title: 'Low Water', parent: '§ Tides and Tariffs', grand_parent: 'H', nav_order: 10 },
      '## Low Water\n\nThe silt arrives in spring.\n\n## Dredging Budgets\n\nCosts rose.\n\n### Who Pays\n\nThe port.\n',
    ),
    'docs/H/Tides-2.md': page(
      { title: 'High Water', parent: '§ Tides and Tariffs', grand_parent: 'H', nav_order: 20, search_exclude: true },
      '## Storm Surges\n\nBarriers close twice a year.\n',
    ),
  });
}

async function build(sourceDir: string) {
  const writer = new MemoryWriter();
  await buildSite({ sourceDir, writer });
  const html = (rel: string) => writer.text(rel) ?? '';
  return { writer, html };
}

describe('reading layout', () => {
  it('gives every page landmarks, a skip link to the main text and the site chrome', async () => {
    const { html } = await build(essaySite());
    const chapter = html('docs/H/Tides-1/index.html');
    expect(chapter).toContain('<a class="skip-link" href="#main-content">');
    expect(chapter).toMatch(/<main id="main-content"[^>]*>/);
    expect(chapter).toMatch(/<nav class="site-nav" aria-label="Main">/);
    expect(chapter).toMatch(/<nav class="breadcrumbs" aria-label="Breadcrumb">/);
    expect(chapter).toContain('href="https://example.org/subscribe"');
    expect(chapter).toContain('href="#top" class="back-to-top"');
    // Theme is chosen in <head> before any stylesheet, so the first paint is already right.
    const head = chapter.slice(0, chapter.indexOf('</head>'));
    expect(head.indexOf("localStorage.getItem(k)")).toBeGreaterThan(-1);
    expect(head.indexOf("localStorage.getItem(k)")).toBeLessThan(head.indexOf('dossier.css'));
    expect(head).toContain('/assets/notes.css');
    expect(head).toContain('/assets/notes.js');
  });

  it('lists the chapter\'s sections "On this page" and links chapters in reading order', async () => {
    const { html } = await build(essaySite());
    const first = html('docs/H/Tides-1/index.html');
    const toc = /<aside class="page-toc"[\s\S]*?<\/aside>/.exec(first)?.[0] ?? '';
    expect(toc).toContain('href="#low-water"');
    expect(toc).toContain('href="#dredging-budgets"');
    expect(toc).toContain('href="#who-pays"');
    expect(first).toMatch(/<a class="chapter-next" rel="next" href="\/docs\/H\/Tides-2\/">/);
    // Chapter 1's "previous" goes back to the essay's opening page.
    expect(first).toMatch(/<a class="chapter-prev" rel="prev" href="\/docs\/H\/Tides\/">/);
    expect(first).toContain('Chapter 1 of 2');
    // The body opens with the chapter title: that heading becomes the page's one <h1>, not printed a second time.
    expect(first.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(first).toMatch(/<h1 class="page-title" id="[^"]+">/);
    const second = html('docs/H/Tides-2/index.html');
    expect(second).toMatch(/<a class="chapter-prev" rel="prev" href="\/docs\/H\/Tides-1\/">/);
    expect(second).toContain('<h1 class="page-title">High Water</h1>');
    // One section is not worth an "On this page" column.
    expect(second).not.toContain('class="page-toc"');
  });

  it('leaves search_exclude pages out of the index and marks the text that is searched', async () => {
    const { writer, html } = await build(essaySite());
    // "Barriers" is only on the excluded chapter; "silt" is on an indexed one.
    expect(writer.text('search/t/ba.json') ?? '{}').not.toContain('"barriers"');
    expect(writer.text('search/t/si.json') ?? '{}').toContain('"silt"');
    expect(html('docs/H/Tides-1/index.html')).toMatch(/<article class="prose" data-search-body/);
  });
});

describe('search', () => {
  it('writes a search index, its script and a search button when search is on', async () => {
    const { writer, html } = await build(essaySite());
    expect(writer.files.has('search/index.json')).toBe(true);
    expect(writer.files.has('assets/search.js')).toBe(true);
    expect(html('docs/H/Tides-1/index.html')).toContain('data-search="/assets/search.js"');
    expect(html('docs/H/Tides-1/index.html')).toContain('id="search-dialog"');
  });

  it('writes no index and no search UI with search_enabled: false', async () => {
    const { writer, html } = await build(essaySite('search_enabled: false\n'));
    expect([...writer.files.keys()].some((f) => f.startsWith('search/'))).toBe(false);
    expect(html('docs/H/Tides-1/index.html')).not.toContain('search-dialog');
    expect(html('docs/H/Tides-1/index.html')).not.toContain('data-search=');
  });
});

describe('theme and page options from _config.yml', () => {
  it('starts in the configured color_scheme and follows the system with auto', async () => {
    const dark = await build(essaySite('color_scheme: dark\n'));
    expect(dark.html('index.html')).toMatch(/<html[^>]* data-default-theme="dark" data-theme="dark"/);
    const auto = await build(essaySite());
    expect(/<html[^>]*>/.exec(auto.html('index.html'))?.[0]).not.toContain('data-theme');
  });

  it('shows last-modified and edit links only when configured', async () => {
    const plain = await build(essaySite());
    expect(plain.html('docs/H/Tides/index.html')).not.toContain('Last modified');
    expect(plain.html('docs/H/Tides/index.html')).not.toContain('Edit this page');
    const configured = await build(
      essaySite(
        'last_edit_timestamp: true\nlast_edit_time_format: "%B %-d, %Y"\ngh_edit_link: true\ngh_edit_repository: https://github.com/example/harbours\ngh_edit_branch: trunk\n',
      ),
    );
    const essay = configured.html('docs/H/Tides/index.html');
    expect(essay).toContain('Last modified <time datetime="2023-04-05 14:30:00 +0000">April 5, 2023</time>');
    expect(essay).toContain('href="https://github.com/example/harbours/tree/trunk/docs/H/Tides.md"');
  });

  it('prefixes every asset, nav and search URL with baseurl', async () => {
    const { html } = await build(essaySite('baseurl: /review\n'));
    const chapter = html('docs/H/Tides-1/index.html');
    expect(chapter).toContain('href="/review/assets/dossier.css"');
    expect(chapter).toContain('data-nav-json="/review/assets/nav.json"');
    expect(chapter).toContain('data-search="/review/assets/search.js"');
    expect(chapter).toContain('href="/review/docs/H/Tides/print/"');
  });
});

describe('print edition', () => {
  it('writes one page per essay holding all its chapters in order', async () => {
    const { html } = await build(essaySite());
    const print = html('docs/H/Tides/print/index.html');
    expect(print).toContain('An essay on dock fees.');
    const first = print.indexOf('The silt arrives in spring.');
    const second = print.indexOf('Barriers close twice a year.');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    // Kept out of search: it repeats the chapters.
    expect(print).not.toContain('data-search-body');
    // Chapters whose body opens with their own title keep just that heading; others get one.
    expect(print).toContain('<h2 class="print-chapter-title">High Water</h2>');
    expect(print).not.toContain('<h2 class="print-chapter-title">Low Water</h2>');
    expect(html('docs/H/Tides-1/index.html')).toContain('href="/docs/H/Tides/print/"');
  });

  it('makes no print page for a letter page or a chapter', async () => {
    const { writer } = await build(essaySite());
    const prints = [...writer.files.keys()].filter((f) => f.endsWith('/print/index.html'));
    expect(prints).toEqual(['docs/H/Tides/print/index.html']);
  });
});
