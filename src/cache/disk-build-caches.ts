/** The on-disk caches a build reuses between runs, opened one way for build, check and bench. */
import { rmSync } from 'node:fs';
import { DiskRenderCache } from './render-cache.js';

/** The render cache in `cacheDir`. */
export function diskBuildCaches(cacheDir: string): { cache: DiskRenderCache } {
  return { cache: new DiskRenderCache(cacheDir) };
}

/** Deletes the caches, for a truly cold build. */
export function clearBuildCaches(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
}
