/**
 * Editors that save in place truncate a file and then write it: a rebuild that reads it in between
 * sees an empty or partial page, which has no front matter and so no URL. The dev server asks this
 * module whether a new build lost pages that way before serving it, and builds again shortly instead.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How many times a build that lost pages is retried, and how long to wait before each. */
export const HALF_WRITTEN_RETRIES = 10;
export const HALF_WRITTEN_WAIT_MS = 100;

/** Source paths of served pages that the new build no longer has as pages, although their files are still there. */
export function lostPages(served: ReadonlySet<string>, built: ReadonlySet<string>, sourceDir: string): string[] {
  return [...served].filter((rel) => !built.has(rel) && statSync(path.join(sourceDir, rel), { throwIfNoEntry: false })?.isFile() === true);
}

/**
 * Runs `build` until no served page is lost (see lostPages), at most HALF_WRITTEN_RETRIES more times;
 * `forget` drops what the build remembers of a file so it is read again. Returns the last build.
 */
export async function buildSettled<T>(
  build: () => Promise<T>,
  pagesOf: (result: T) => ReadonlySet<string> | undefined,
  served: () => ReadonlySet<string>,
  sourceDir: string,
  forget: (rel: string) => void,
): Promise<T> {
  let result = await build();
  for (let attempt = 0; attempt < HALF_WRITTEN_RETRIES; attempt++) {
    const pages = pagesOf(result);
    const lost = pages === undefined ? [] : lostPages(served(), pages, sourceDir);
    if (lost.length === 0) return result;
    await sleep(HALF_WRITTEN_WAIT_MS);
    for (const rel of lost) forget(rel);
    result = await build();
  }
  // Still lost after about a second: the page really is no page any more.
  return result;
}
