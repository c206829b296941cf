/** Citations kept between builds by their content: an edited citation style shows on the next build of a dev session. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { BuildMemo } from '../../src/incremental/build-memo.js';
import { MemoryRenderStore } from '../../src/incremental/render-store.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { page, tempSite } from '../helpers/temp-site.js';

const CHICAGO = readFileSync('templates/csl/dossier-chicago.csl', 'utf8');
const ESSAY = 'docs/essay/index.html';

function site(): string {
  return tempSite({
    '_config.yml': 'title: Style Edits\npermalink: pretty\nauthor: Ines Calder\n',
    '_templates/csl/chicago.csl': CHICAGO,
    'index.md': page({ layout: 'home', title: 'Home', nav_order: 1 }, '\nWelcome.\n'),
    'docs/essay.md': page({ layout: 'default', title: '§ Ferry Fares', nav_order: 2, has_children: true, date: '2021-04-09' }, '\nWho pays to cross.\n'),
    'docs/essay-1.md': page({ layout: 'default', title: 'Night Crossings', parent: '§ Ferry Fares', nav_order: 1 }, '\nThe last boat left at eleven.\n'),
  });
}

/** The text of the essay page's Chicago citation after a build with `cache` (and a fresh memo, as the dev server makes when a template changes). */
async function chicago(sourceDir: string, cache?: MemoryRenderStore): Promise<string> {
  const writer = new MemoryWriter();
  await buildSite({ sourceDir, writer, ...(cache === undefined ? {} : { cache, memo: new BuildMemo() }) });
  let text = '';
  visit(unified().use(rehypeParse).parse(writer.text(ESSAY) ?? ''), 'element', (node: Element) => {
    if (node.properties['id'] !== 'cite-chicago') return;
    visit(node, 'text', (t: { value: string }) => {
      text += t.value;
    });
  });
  return text.trim();
}

describe('citations kept between builds', () => {
  it('formats the essay again when its citation style is edited, as a fresh build does', async () => {
    const dir = site();
    const cache = new MemoryRenderStore();
    const before = await chicago(dir, cache);
    expect(before).toContain('Ferry Fares');
    expect(before).not.toMatch(/^Cited as /);
    writeFileSync(path.join(dir, '_templates/csl/chicago.csl'), CHICAGO.replace('<layout suffix=".">', '<layout prefix="Cited as " suffix=".">'));
    const after = await chicago(dir, cache);
    expect(after).toBe(`Cited as ${before}`);
    expect(after).toBe(await chicago(dir));
  }, 60_000);
});
