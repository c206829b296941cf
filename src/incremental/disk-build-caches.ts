/** The on-disk caches a build reuses between runs, opened one way for build, check and bench, and where they live. */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LaidOutStore } from '../write/laid-out-store.js';
import { DiskWriter } from '../write/writer.js';
import { DiskRenderStore } from './render-store.js';

/** The render store in `cacheDir`. */
export function diskBuildCaches(cacheDir: string): { cache: DiskRenderStore } {
  return { cache: new DiskRenderStore(cacheDir) };
}

/**
 * The writer and caches of a build into `outDir`: with a cache folder, rendered pages are reused and
 * files whose inputs are unchanged are kept as they are; without one (`--no-cache`), everything is made afresh.
 */
export function diskBuildOutput(outDir: string, cacheDir: string | undefined): { writer: DiskWriter; cache?: DiskRenderStore } {
  if (cacheDir === undefined) return { writer: new DiskWriter(outDir) };
  return { writer: new DiskWriter(outDir, outputManifestFile(cacheDir, outDir), laidOutStore(cacheDir)), ...diskBuildCaches(cacheDir) };
}

/** The laid-out files kept in `cacheDir` for any output folder (see write/laid-out-store.ts). */
export function laidOutStore(cacheDir: string): LaidOutStore {
  return new LaidOutStore(path.join(cacheDir, 'laid-out'));
}

/** Deletes the caches, for a truly cold build. */
export function clearBuildCaches(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
}

/** Where builds of `sourceDir`'s cache into `outDir` record what they made (see write/output-manifest.ts). */
export function outputManifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `outputs-${folderId(outDir)}.manifest`);
}

/**
 * The default cache folder for a site: `node_modules/.cache/dossier/<hash>` under `cwd`, named after the
 * site's path relative to `cwd`, so a checkout in another folder with that cache restored (CI) finds it.
 */
export function defaultCacheDir(sourceDir: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, sourceDir)).split(path.sep).join('/');
  return path.join(cwd, 'node_modules', '.cache', 'dossier', createHash('sha1').update(`relative:${relative}`).digest('hex').slice(0, 16));
}

/** A short stable name for a folder (a hash of its absolute path), for what the caches keep about it. */
export function folderId(dir: string): string {
  return createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 16);
}
