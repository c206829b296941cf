/** A build into an output folder, as `dossier build` and the benchmark run it: the pipeline plus the disk caches and the no-change snapshot. */
import type { BuildResult, StagedSite } from './build.js';
import type { SiteConfig } from './config/site-config.js';
import { SiteSnapshot, siteSnapshotFile, type BuildReport } from './incremental/site-snapshot.js';

export interface FolderBuild {
  /** What the build reported (or, when kept, what the build that made the site reported). */
  report: BuildReport;
  /** The build, unless nothing had changed since the last one (see incremental/site-snapshot.ts). */
  result?: BuildResult;
  elapsedMs: number;
}

/** Builds `config`'s site into `outDir`, or, with a cache folder and nothing changed since the last build, keeps it as it is. */
export async function buildToFolder(options: {
  config: SiteConfig;
  outDir: string;
  cacheDir: string | undefined;
  onProgress?: (message: string) => void;
  /**
   * The last step before the site is published (the PDF step): resolves false when it left out an
   * output it should have made, so the next build does not keep this site as up to date.
   */
  beforePublish?: (site: StagedSite) => Promise<boolean>;
  /** false: always build, and record nothing for the no-change shortcut (`dossier pdf`, whose config differs from the site's). */
  keepUnchanged?: boolean;
}): Promise<FolderBuild> {
  const { config, outDir, cacheDir } = options;
  const started = performance.now();
  const snapshot = cacheDir === undefined || options.keepUnchanged === false ? undefined : new SiteSnapshot(siteSnapshotFile(cacheDir, outDir), outDir, config);
  const kept = snapshot?.unchanged();
  if (kept !== undefined) return { report: kept, elapsedMs: performance.now() - started };
  // The pipeline is loaded only now: a build that finds nothing changed never loads it (about half a second).
  const [{ buildSite }, { diskBuildOutput }] = await Promise.all([import('./build.js'), import('./incremental/disk-build-caches.js')]);
  let complete = true;
  const step = options.beforePublish;
  const beforePublish = step === undefined ? undefined : async (site: StagedSite) => (complete = await step(site));
  // Only the files and the report are wanted: pages are let go as their essays are written.
  const result = await buildSite({ sourceDir: config.sourceDir, config, onProgress: options.onProgress, holdPages: false, beforePublish, ...diskBuildOutput(outDir, cacheDir) });
  const report = { pages: result.pages.length, files: result.statics.length, diagnostics: result.diagnostics };
  if (complete) snapshot?.record(report);
  return { report, result, elapsedMs: performance.now() - started };
}
