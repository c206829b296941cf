/**
 * Which source gets each output path. Two sources claiming one file (two pages with one URL, a page
 * where the stylesheet or an essay's print edition goes) is an error naming both; the first claim
 * wins, in a fixed order: Dossier's generated files (its assets and the site's `_public/` files, the
 * nav file, the search index, print editions), then source files in code-unit order of their paths.
 */
import type { Diagnostic } from '../diagnostics.js';
import { byCodeUnits } from '../code-unit-order.js';

/** One source's claim on an output path (or, with `prefix`, on every path under a folder). */
export interface OutputClaim {
  path: string;
  /** How messages name the claimant: a source file or a generated file. */
  owner: string;
  /** The source file and line a losing claim is reported at. */
  file?: string;
  line?: number;
  prefix?: boolean;
}

/** The claims that lost, and an error for each at the losing source. */
export interface SettledClaims {
  lost: Set<OutputClaim>;
  diagnostics: Diagnostic[];
}

/** Settles `generated` claims (in the order given) and then `sources` (in path order). */
export function settleOutputClaims(generated: readonly OutputClaim[], sources: readonly OutputClaim[]): SettledClaims {
  const exact = new Map<string, OutputClaim>();
  const folders: OutputClaim[] = [];
  const lost = new Set<OutputClaim>();
  const diagnostics: Diagnostic[] = [];
  const ordered = [...generated, ...[...sources].sort((a, b) => byCodeUnits(a.file ?? a.path, b.file ?? b.path))];
  for (const claim of ordered) {
    const winner = exact.get(claim.path) ?? folders.find((folder) => claim.path.startsWith(folder.path));
    if (winner === undefined) {
      if (claim.prefix === true) folders.push(claim);
      else exact.set(claim.path, claim);
      continue;
    }
    lost.add(claim);
    diagnostics.push({
      file: claim.file ?? winner.file ?? claim.path,
      line: claim.line ?? 1,
      column: 1,
      severity: 'error',
      rule: 'output/collision',
      message: `${claim.owner} and ${winner.owner} both make the output file ${claim.path}; ${winner.owner} is written, ${claim.owner} is not`,
    });
  }
  return { lost, diagnostics };
}

/** What the build makes, for claimSiteOutputs. */
export interface SiteOutputs {
  pages: ReadonlyArray<{ path: string; outputPath: string; data: { places: Readonly<Record<string, { line: number }>> } }>;
  statics: ReadonlyArray<{ path: string }>;
  /** Output paths of Dossier's and the site's public assets. */
  publicFiles: readonly string[];
  /** Output paths of the essays' print editions. */
  printPaths: readonly string[];
  navFile: string;
  /** The search index's folder, when the site has search. */
  searchDir: string | undefined;
}

/** Which pages and copied files lost their output path to another source, and the errors that say so. */
export interface SiteClaims {
  lostPages: Set<string>;
  lostStatics: Set<string>;
  diagnostics: Diagnostic[];
}

/** Settles every output of a build: the pages and static files (by source path) that are not to be written, and the errors saying so. */
export function claimSiteOutputs(site: SiteOutputs): SiteClaims {
  const generated: OutputClaim[] = [
    ...site.publicFiles.map((path) => ({ path, owner: `the asset ${path}` })),
    { path: site.navFile, owner: `the navigation file ${site.navFile}` },
    ...(site.searchDir === undefined ? [] : [{ path: `${site.searchDir}/`, owner: `the search index (${site.searchDir}/)`, prefix: true }]),
    ...site.printPaths.map((path) => ({ path, owner: `the print edition ${path}` })),
  ];
  const pageClaims = site.pages.map((page) => ({ path: page.outputPath, owner: page.path, file: page.path, line: page.data.places['permalink']?.line ?? 1 }));
  const staticClaims = site.statics.map((file) => ({ path: file.path, owner: file.path, file: file.path, line: 1 }));
  const { lost, diagnostics } = settleOutputClaims(generated, [...pageClaims, ...staticClaims]);
  const lostFiles = new Set([...lost].map((claim) => claim.file));
  return {
    lostPages: new Set(site.pages.filter((page) => lostFiles.has(page.path)).map((page) => page.path)),
    lostStatics: new Set(site.statics.filter((file) => lostFiles.has(file.path)).map((file) => file.path)),
    diagnostics,
  };
}
