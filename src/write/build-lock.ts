/** One build at a time per output path: a lock file holding the building process's id. */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** True while a process with this id exists (signal 0 tests without sending anything). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A held lock; `release` is safe to call more than once. */
export interface BuildLock {
  release(): void;
}

/**
 * Takes the lock file `lockFile` for this process, replacing one left by a process that is gone;
 * throws an OutputError naming the other build when one is running.
 */
export function acquireBuildLock(lockFile: string, what: string): BuildLock {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (held) rmSync(lockFile, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(lockFile);
      if (holder !== undefined && processAlive(holder)) {
        throw new OutputError(`another build (process ${holder}) is writing ${what}`, {
          hint: `wait for it to finish; if no build is running, delete ${lockFile}`,
        });
      }
      // Left by a build that died: it is ours to take.
      rmSync(lockFile, { force: true });
    }
  }
  throw new OutputError(`cannot take the build lock ${lockFile}`, { hint: 'another build may be starting; try again' });
}

function lockHolder(lockFile: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
  } catch {
    return undefined;
  }
}
