/**
 * Which folders a build may replace. Dossier deletes only what it wrote: an output path is Dossier's
 * when it is missing, an empty folder, a link into its own generations folder (see publish.ts), or a
 * folder holding the ownership marker. Some places are refused whatever the flags say.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** The file every published site holds at its root, saying the folder is Dossier's to replace. */
export const OWNERSHIP_MARKER = '.dossier-site';

/** The marker's text: what the folder is, for whoever finds it. */
export const OWNERSHIP_MARKER_TEXT = 'This folder was written by Dossier (dossier build). The next build replaces all of it.\n';

/** The folder beside the output path that holds its published generations, staging folders and lock. */
export function generationsFolder(outDir: string): string {
  return `${outDir}.dossier`;
}

/** True when `child` is `parent` or lies inside it. */
export function isSameOrInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The nearest folder at or above `dir` holding `.git`, or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * Throws when `outDir` is a place no build may ever replace: the filesystem root, the home folder,
 * the source folder or a folder holding it, the current folder or one above it, or a folder at or
 * above the source's repository root. `--force-clean` does not lift these.
 */
export function assertOutputPlace(outDir: string, sourceDir: string, cwd = process.cwd()): void {
  const out = path.resolve(outDir);
  const refuse = (why: string) => {
    throw new OutputError(`refusing to build into ${out}: ${why}`, { hint: 'pick a folder of its own for the site, such as _site inside the source folder' });
  };
  if (path.parse(out).root === out) refuse('it is the root of the file system');
  if (out === path.resolve(homedir())) refuse('it is your home folder');
  if (out === path.resolve(sourceDir)) refuse('it is the source folder');
  if (isSameOrInside(sourceDir, out)) refuse('it holds the source folder');
  if (isSameOrInside(cwd, out)) refuse('it is the current folder or holds it');
  const repo = repositoryRoot(sourceDir);
  if (repo !== undefined && isSameOrInside(repo, out)) refuse(`it holds the repository at ${repo}`);
}

/** What stands at the output path now. */
export type OutputState = 'missing' | 'published' | 'marked-folder' | 'empty-folder';

/**
 * What stands at `outDir`, when it is Dossier's to replace; throws an OutputError (exit 2) naming
 * `--force-clean` otherwise.
 */
export function ownedOutput(outDir: string): OutputState {
  const stats = lstatSync(outDir, { throwIfNoEntry: false });
  if (stats === undefined) return 'missing';
  if (stats.isSymbolicLink()) {
    const target = path.resolve(path.dirname(outDir), readlinkSync(outDir));
    if (isSameOrInside(target, generationsFolder(outDir)) && target !== generationsFolder(outDir)) return 'published';
    throw notOurs(outDir, 'is a symbolic link Dossier did not make');
  }
  if (!stats.isDirectory()) throw notOurs(outDir, 'is a file, not a folder');
  const entries = readdirSync(outDir);
  if (entries.length === 0) return 'empty-folder';
  if (entries.includes(OWNERSHIP_MARKER)) return 'marked-folder';
  throw notOurs(outDir, `is a folder Dossier did not write (it has no ${OWNERSHIP_MARKER} file)`);
}

function notOurs(outDir: string, why: string): OutputError {
  return new OutputError(`refusing to replace ${outDir}: it ${why}`, {
    hint: 'build into an empty or new folder, or pass --force-clean to let Dossier replace everything in it',
  });
}

/**
 * `--force-clean`: makes `outDir` Dossier's to replace. A folder gets the marker (its files stay until
 * the new site is published in its place); a file or foreign link is removed (a link's target is kept).
 */
export function adoptOutput(outDir: string): void {
  const stats = lstatSync(outDir, { throwIfNoEntry: false });
  if (stats === undefined) return;
  if (stats.isDirectory()) writeFileSync(path.join(outDir, OWNERSHIP_MARKER), OWNERSHIP_MARKER_TEXT);
  else if (!stats.isSymbolicLink() || ownedOrUndefined(outDir) === undefined) rmSync(outDir, { force: true });
}

function ownedOrUndefined(outDir: string): OutputState | undefined {
  try {
    return ownedOutput(outDir);
  } catch {
    return undefined;
  }
}
