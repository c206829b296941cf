/** The one module that knows the file watcher (chokidar): reports changed paths under the watched folders, debounced. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** A running watcher. */
export interface SourceWatcher {
  close(): Promise<void>;
  /** Resolves once the initial scan is done and edits will be seen. */
  ready: Promise<void>;
}

/** Folder names never watched: dependencies, VCS data and build outputs (`_site`, `_site.tmp-…`). */
const IGNORED_NAMES = /^(?:node_modules|\.git|\.jekyll-cache|\.sass-cache|_site.*|\.cache)$/;

/**
 * chokidar drops a change to a path that comes within 50 ms of the previous one it reported, so a
 * quick second save would never rebuild. Reported files are looked at again after this long and
 * reported once more if they changed since.
 */
const RECHECK_MS = 60;

/** Watches `roots`; calls `onChange` with the changed absolute paths after `delayMs` of quiet. */
export function watchSource(roots: readonly string[], onChange: (paths: string[]) => void, delayMs = 15): SourceWatcher {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let recheck: NodeJS.Timeout | undefined;
  /** Versions of the files reported lately, as they were when reported. */
  const reported = new Map<string, string>();
  const watcher: FSWatcher = watch([...roots], {
    ignoreInitial: true,
    ignored: (file) => IGNORED_NAMES.test(path.basename(file)),
  });
  const changed = (file: string) => {
    pending.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  };
  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending = new Set();
    for (const file of paths) reported.set(file, version(file));
    onChange(paths);
    if (recheck !== undefined) clearTimeout(recheck);
    recheck = setTimeout(() => {
      recheck = undefined;
      const stale = [...reported].filter(([file, before]) => version(file) !== before);
      reported.clear();
      for (const [file] of stale) changed(file);
    }, RECHECK_MS);
  };
  watcher.on('all', (_event, file) => changed(file));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer !== undefined) clearTimeout(timer);
      if (recheck !== undefined) clearTimeout(recheck);
      await watcher.close();
    },
  };
}

/** Size and modification time of a file, or "gone". */
function version(file: string): string {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats === undefined ? 'gone' : `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'gone';
  }
}
