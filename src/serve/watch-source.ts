/** The one module that knows the file watcher (chokidar): reports changed paths under the watched folders, debounced. */
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

/** Watches `roots`; calls `onChange` with the changed absolute paths after `delayMs` of quiet. */
export function watchSource(roots: readonly string[], onChange: (paths: string[]) => void, delayMs = 15): SourceWatcher {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch([...roots], {
    ignoreInitial: true,
    ignored: (file) => IGNORED_NAMES.test(path.basename(file)),
  });
  watcher.on('all', (_event, file) => {
    pending.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const paths = [...pending];
      pending = new Set();
      onChange(paths);
    }, delayMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer !== undefined) clearTimeout(timer);
      await watcher.close();
    },
  };
}
