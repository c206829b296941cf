/** The on-disk caches a build reuses between runs, opened one way for build, check and bench. */
import { rmSync } from 'node:fs';
import { DiskSearchStore } from '../search/search-store.js';
import { DiskRenderCache } from './render-cache.js';

/** Render cache in `cacheDir`, last search bundle beside it in `<cacheDir>-search`. */
export function diskBuildCaches(cacheDir: string): { cache: DiskRenderCache; searchStore: DiskSearchStore } {
  return { cache: new DiskRenderCache(cacheDir), searchStore: new DiskSearchStore(`${cacheDir}-search`) };
}

/** Deletes both caches, for a truly cold build. */
export function clearBuildCaches(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(`${cacheDir}-search`, { recursive: true, force: true });
}
