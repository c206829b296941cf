/** The on-disk caches a build reuses between runs, opened one way for build, check and bench. */
import { rmSync } from 'node:fs';
import { DiskWriter } from '../write/writer.js';
import { DiskRenderCache, outputManifestFile } from './render-cache.js';

/** The render cache in `cacheDir`. */
export function diskBuildCaches(cacheDir: string): { cache: DiskRenderCache } {
  return { cache: new DiskRenderCache(cacheDir) };
}

/**
 * The writer and caches of a build into `outDir`: with a cache folder, rendered pages are reused and
 * files whose inputs are unchanged are kept as they are; without one (`--no-cache`), everything is made afresh.
 */
export function diskBuildOutput(outDir: string, cacheDir: string | undefined): { writer: DiskWriter; cache?: DiskRenderCache } {
  if (cacheDir === undefined) return { writer: new DiskWriter(outDir) };
  return { writer: new DiskWriter(outDir, outputManifestFile(cacheDir, outDir)), ...diskBuildCaches(cacheDir) };
}

/** Deletes the caches, for a truly cold build. */
export function clearBuildCaches(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
}
