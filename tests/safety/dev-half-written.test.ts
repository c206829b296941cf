/** The dev server never answers 404 for a page whose file is caught half-written by a rebuild. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../src/serve/dev-server.js';
import { page, tempSite } from '../helpers/temp-site.js';

describe('saving a page in place while the dev server runs', () => {
  it('keeps answering 200 for the page while its file is empty for a moment', { timeout: 30_000 }, async () => {
    const dir = tempSite({ '_config.yml': 'title: Dev\n', 'index.md': page({ title: 'Home' }, 'Home.\n'), 'essay.md': page({ title: 'Essay' }, 'First version.\n') });
    const server = await startDevServer({ sourceDir: dir, port: 0, log: () => undefined });
    try {
      const url = new URL('essay.html', server.url).href;
      expect((await fetch(url)).status).toBe(200);
      const statuses: number[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          statuses.push((await fetch(url)).status);
          await sleep(10);
        }
      })();
      // An editor truncates the file, and writes the new text a moment later.
      writeFileSync(path.join(dir, 'essay.md'), '');
      await sleep(300);
      writeFileSync(path.join(dir, 'essay.md'), page({ title: 'Essay' }, 'Second version.\n'));
      await sleep(200);
      await server.idle();
      await sleep(100);
      await server.idle();
      polling = false;
      await poll;
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(await (await fetch(url)).text()).toContain('Second version.');
    } finally {
      await server.close();
    }
  });
});
