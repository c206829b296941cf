/**
 * Publishing a finished site in one step. The output path (`_site`) is a symbolic link to a complete
 * generation in its generations folder (`_site.dossier/site-…`); a build stages the new site in
 * `_site.dossier/staging-PID`, renames that to a generation, makes a new link beside the old one and
 * renames it over the output path. rename(2) replaces the link in one step, so anyone opening
 * `_site/...` sees the whole old site or the whole new one, never a mix. Old generations are deleted
 * afterwards; anything left by a killed build is deleted by the next one.
 */
import { lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from './build-lock.js';
import { generationsFolder } from './output-ownership.js';

const STAGING = /^staging-(\d+)$/;

/** This process's staging folder for `outDir`. */
export function stagingFolder(outDir: string): string {
  return path.join(generationsFolder(outDir), `staging-${process.pid}`);
}

/**
 * Deletes what dead builds left in `outDir`'s generations folder: staging folders whose process is gone,
 * half-made links, and generations the output path no longer points at.
 */
export function removeLeftovers(outDir: string): void {
  const home = generationsFolder(outDir);
  const current = currentGeneration(outDir);
  let names: string[];
  try {
    names = readdirSync(home);
  } catch {
    return;
  }
  for (const name of names) {
    const staging = STAGING.exec(name);
    if (staging !== null && (Number(staging[1]) === process.pid || processAlive(Number(staging[1])))) continue;
    if (name === 'lock' || path.join(home, name) === current) continue;
    rmSync(path.join(home, name), { recursive: true, force: true });
  }
}

/** The generation folder the output path links to, or undefined. */
function currentGeneration(outDir: string): string | undefined {
  try {
    const stats = lstatSync(outDir);
    return stats.isSymbolicLink() ? path.resolve(path.dirname(outDir), readlinkSync(outDir)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finishes a publish a killed build got halfway through: when nothing stands at `outDir` but a link
 * that build made to its complete generation does, that link is put in place.
 */
export function recoverInterruptedPublish(outDir: string): void {
  if (lstatSync(outDir, { throwIfNoEntry: false }) !== undefined) return;
  const home = generationsFolder(outDir);
  let names: string[];
  try {
    names = readdirSync(home).filter((name) => name.startsWith('link-'));
  } catch {
    return;
  }
  for (const name of names) {
    const link = path.join(home, name);
    const target = path.resolve(path.dirname(outDir), readlinkSync(link));
    if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory() === true) {
      renameSync(link, outDir);
      return;
    }
  }
}

/**
 * Makes the complete site in `staging` the one at `outDir`. When a real folder stands at `outDir` (an
 * empty one, one from before links were used, or one adopted with --force-clean) it is first moved
 * into the generations folder: for that one step the output path is missing, never partial.
 */
export function publishStaged(staging: string, outDir: string): void {
  const home = generationsFolder(outDir);
  const generation = path.join(home, `site-${Date.now().toString(36)}-${process.pid}`);
  renameSync(staging, generation);
  const link = path.join(home, `link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(path.relative(path.dirname(outDir), generation), link, 'dir');
  const stats = lstatSync(outDir, { throwIfNoEntry: false });
  if (stats?.isDirectory() === true) renameSync(outDir, path.join(home, `replaced-${process.pid}`));
  else if (stats !== undefined && !stats.isSymbolicLink()) rmSync(outDir, { force: true });
  renameSync(link, outDir);
  removeLeftovers(outDir);
}
