import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/render-markdown.js';

// Each folder holds input.md and the output.html our renderer must produce; UPDATE_FIXTURES=1 re-records them.
const root = new URL('./fixtures/', import.meta.url).pathname;
const render = createMarkdownRenderer({ headingAnchors: false, notePlacement: 'inline' });
const update = process.env['UPDATE_FIXTURES'] === '1';

describe('markdown fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const page = render({ path: `${name}.md`, kind: 'markdown', body: input, bodyLine: 1 });
      const expectedPath = join(root, name, 'output.html');
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, page.html);
      expect(page.html).toBe(readFileSync(expectedPath, 'utf8'));
      // No kramdown syntax may reach the reader, outside code.
      expect(page.html.replace(/<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/\{:|markdown=|kramdown-(ial|ald)/);
    });
  }
});
