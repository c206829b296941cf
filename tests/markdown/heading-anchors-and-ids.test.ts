import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

const body = '## Water Rights\n\n## Water Rights\n{: .no_toc}\n\n<span id="raw-span">x</span>\n\n<a name="x" id=\'single-quoted\'>y</a>';

describe('heading anchors and collected ids', () => {
  it('adds a labelled # link to each heading when enabled', () => {
    const page = createMarkdownRenderer({ headingAnchors: true, notePlacement: 'inline' })({ path: 'a.md', kind: 'markdown', body, bodyLine: 1 });
    expect(page.html).toContain('<h2 id="water-rights"><a href="#water-rights" class="anchor-heading" aria-labelledby="water-rights">');
    expect(page.html).toContain('aria-hidden="true"');
  });

  it('adds no link when disabled', () => {
    const page = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' })({ path: 'a.md', kind: 'markdown', body, bodyLine: 1 });
    expect(page.html).not.toContain('anchor-heading');
  });

  it('records headings and every id, raw HTML included', () => {
    const page = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' })({ path: 'a.md', kind: 'markdown', body, bodyLine: 1 });
    expect(page.headings).toEqual([
      { depth: 2, id: 'water-rights', text: 'Water Rights', noToc: false },
      { depth: 2, id: 'water-rights-1', text: 'Water Rights', noToc: true },
    ]);
    expect(page.ids).toEqual(['water-rights', 'water-rights-1', 'raw-span', 'single-quoted']);
  });
});
