import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { expandLiquid, type LiquidContext } from '../../src/front-matter/expand-liquid.js';

const context: LiquidContext = {
  site: { title: 'The Review' },
  page: { title: 'Chapter One' },
  baseurl: '/review',
  siteUrl: 'https://essays.example.org',
  urlOf: (p) => (p === 'docs/G/essay-1.md' ? '/docs/G/essay-1/' : undefined),
};

const run = (body: string) => {
  const diagnostics: Diagnostic[] = [];
  return { out: expandLiquid(body, context, 'page.md', 5, diagnostics), diagnostics };
};

describe('expandLiquid', () => {
  it('expands site and page variables and URL filters as Jekyll does', () => {
    expect(run('[Home]({{ site.baseurl }}/) in {{ site.title }}: {{ page.title }}').out).toBe('[Home](/review/) in The Review: Chapter One');
    expect(run('![map]({{ "/assets/map.svg" | relative_url }})').out).toBe('![map](/review/assets/map.svg)');
    expect(run('{{ "/x/" | absolute_url }}').out).toBe('https://essays.example.org/review/x/');
  });

  it('resolves {% link %} to the page URL under baseurl', () => {
    expect(run('[One]({% link docs/G/essay-1.md %})').out).toBe('[One](/review/docs/G/essay-1/)');
  });

  it('keeps raw blocks verbatim and drops comments without shifting lines', () => {
    expect(run('{% raw %}{{ not.expanded }}{% endraw %}').out).toBe('{{ not.expanded }}');
    expect(run('a\n{% comment %}\nhidden\n{% endcomment %}\nb').out).toBe('a\n\n\n\nb');
  });

  it('warns at the right line about tags it cannot run', () => {
    const { out, diagnostics } = run('one\ntwo {% include footer.html %}\n{% link missing.md %}');
    expect(out).toBe('one\ntwo \n');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['6:5 liquid/unsupported-tag', '7:1 liquid/unknown-link']);
  });

  it('leaves bodies without Liquid untouched', () => {
    const body = 'Plain text with {braces} and {: .fs-2}';
    expect(run(body).out).toBe(body);
  });
});
