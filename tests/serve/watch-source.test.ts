import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchSource } from '../../src/serve/watch-source.js';
import { tempSite } from '../helpers/temp-site.js';

describe('watchSource', () => {
  it('reports a second save that follows the first within milliseconds', async () => {
    const dir = tempSite({ 'docs/tides.md': 'first' });
    const file = path.join(dir, 'docs/tides.md');
    const reports: string[][] = [];
    let notify: (() => void) | undefined;
    const watcher = watchSource([dir], (paths) => {
      reports.push(paths);
      notify?.();
    });
    try {
      await watcher.ready;
      const first = new Promise<void>((resolve) => (notify = resolve));
      writeFileSync(file, 'second');
      await first;
      // chokidar itself drops a change to the same path within 50 ms of the last one it reported.
      const second = new Promise<void>((resolve) => (notify = resolve));
      writeFileSync(file, 'third, longer');
      await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 3000))]);
      expect(reports.length).toBeGreaterThanOrEqual(2);
      expect(reports.every((paths) => paths.includes(file))).toBe(true);
    } finally {
      await watcher.close();
    }
  });
});
