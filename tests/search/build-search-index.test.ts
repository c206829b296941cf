import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build-search-index.js';

function pageHtml(title: string, words: string, bodyAttrs = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body${bodyAttrs}>
<nav>sidebar chrome</nav><main data-pagefind-body><h1>${title}</h1>
<h2 id="harbours">Harbours</h2><p>The keepers wrote about ${words}.</p></main></body></html>`;
}

describe('buildSearchIndex', () => {
  it('returns a Pagefind bundle under pagefind/ that counts only pages not excluded', async () => {
    const files = await buildSearchIndex([
      { url: '/essays/tides/', html: () => pageHtml('Tides', 'estuary dredging') },
      { url: '/essays/private/', html: () => pageHtml('Private', 'unlisted drafts', ' data-pagefind-ignore="all"') },
    ]);
    const paths = files.map((f) => f.path);
    expect(paths).toContain('pagefind/pagefind.js');
    expect(paths).toContain('pagefind/pagefind-entry.json');
    expect(paths.every((p) => p.startsWith('pagefind/'))).toBe(true);
    const entry = files.find((f) => f.path === 'pagefind/pagefind-entry.json');
    const meta = JSON.parse(Buffer.from(entry?.data ?? new Uint8Array()).toString('utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(meta.languages).map((l) => l.page_count)).toEqual([1]);
  }, 60_000);
});
