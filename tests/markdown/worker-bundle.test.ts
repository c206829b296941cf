import { statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentBundle } from '../../src/markdown/render-pool.js';
import { tempSite } from '../helpers/temp-site.js';

/** A compiled worker, one module it imports, its bundle and the bundle's manifest of what it was made from. */
function bundledWorker() {
  const dir = tempSite({ 'dist/worker.js': 'import "./dep.js";\n', 'dist/dep.js': 'export const a = 1;\n', 'dist/worker.bundle.js': 'const a = 1;\n' });
  const worker = path.join(dir, 'dist/worker.js');
  const dep = path.join(dir, 'dist/dep.js');
  const stat = (file: string) => {
    const { size, mtimeMs } = statSync(file);
    return { file: path.relative(path.join(dir, 'dist'), file), size, mtimeMs };
  };
  writeFileSync(path.join(dir, 'dist/worker.bundle.js.json'), JSON.stringify({ inputs: [stat(worker), stat(dep)] }));
  return { worker, dep, bundle: path.join(dir, 'dist/worker.bundle.js') };
}

describe('the render worker bundle', () => {
  it('is used while every module it was made from is as it was', () => {
    const { worker, bundle } = bundledWorker();
    expect(currentBundle(worker)).toBe(bundle);
  });

  it('is not used once a module it was made from changes, even to the same size', () => {
    const { worker, dep } = bundledWorker();
    writeFileSync(dep, 'export const b = 2;\n');
    expect(currentBundle(worker)).toBeUndefined();
  });

  it('is not used when a module was only touched, or its manifest is missing or unreadable', () => {
    const touched = bundledWorker();
    utimesSync(touched.dep, new Date(), new Date(Date.now() + 5000));
    expect(currentBundle(touched.worker)).toBeUndefined();

    const unreadable = bundledWorker();
    writeFileSync(`${unreadable.bundle}.json`, '{"inputs": [');
    expect(currentBundle(unreadable.worker)).toBeUndefined();

    const empty = bundledWorker();
    writeFileSync(`${empty.bundle}.json`, '{"inputs": []}');
    expect(currentBundle(empty.worker)).toBeUndefined();
  });
});
