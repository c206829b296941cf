/** The on-disk caches a build reuses between runs, opened one way for build, check and bench. */
import { rmSync } from 'node:fs';
import { buildSite, type BuildResult } from '../build.js';
import type { SiteConfig } from '../config/site-config.js';
import { DiskWriter } from '../write/writer.js';
import { DiskRenderCache, outputManifestFile } from './render-cache.js';
import { SiteSnapshot, siteSnapshotFile, type BuildReport } from './site-snapshot.js';

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

export interface FolderBuild {
  /** What the build reported (or, when kept, what the build that made the site reported). */
  report: BuildReport;
  /** The build, unless nothing had changed since the last one (see site-snapshot.ts). */
  result?: BuildResult;
  elapsedMs: number;
}

/** `dossier build`: builds `config`'s site into `outDir`, or, with a cache folder and nothing changed since the last build, keeps it as it is. */
export async function buildToFolder(options: {
  config: SiteConfig;
  outDir: string;
  cacheDir: string | undefined;
  onProgress?: (message: string) => void;
}): Promise<FolderBuild> {
  const { config, outDir, cacheDir } = options;
  const started = performance.now();
  const snapshot = cacheDir === undefined ? undefined : new SiteSnapshot(siteSnapshotFile(cacheDir, outDir), outDir, config);
  const kept = snapshot?.unchanged();
  if (kept !== undefined) return { report: kept, elapsedMs: performance.now() - started };
  // Only the files and the report are wanted: pages are let go as their essays are written.
  const result = await buildSite({ sourceDir: config.sourceDir, config, onProgress: options.onProgress, holdPages: false, ...diskBuildOutput(outDir, cacheDir) });
  const report = { pages: result.pages.length, files: result.statics.length, diagnostics: result.diagnostics };
  snapshot?.record(report);
  return { report, result, elapsedMs: performance.now() - started };
}

/** Deletes the caches, for a truly cold build. */
export function clearBuildCaches(cacheDir: string): void {
  rmSync(cacheDir, { recursive: true, force: true });
}
