/** Runs work that needs some pages' Markdown as soon as those pages are rendered, while workers render the rest. */

interface Job {
  left: number;
  paths: readonly string[];
  run: () => void;
}

/** Jobs waiting on rendered pages: each runs once, when the last page it names is rendered. */
export class WhenRendered {
  private readonly waiting = new Map<string, Job[]>();
  private pending = 0;
  /** Per page, how many jobs naming it have not run yet. */
  private readonly uses = new Map<string, number>();

  /** `done`, when given, is called with each page once every job naming it has run: nothing here needs it any more. */
  constructor(private readonly done?: (path: string) => void) {}

  /**
   * Runs `run` once every page in `paths` has been rendered. Jobs that become ready together run in
   * the order they were added, so a job may rely on any job added before it that waits on fewer pages.
   */
  add(paths: Iterable<string>, run: () => void): void {
    const job: Job = { left: 0, paths: [...new Set(paths)], run };
    for (const path of job.paths) {
      const jobs = this.waiting.get(path);
      if (jobs === undefined) this.waiting.set(path, [job]);
      else jobs.push(job);
      job.left++;
      this.uses.set(path, (this.uses.get(path) ?? 0) + 1);
    }
    if (job.left === 0) this.runJob(job);
    else this.pending++;
  }

  /** Records that `path` is rendered, running the jobs it completes. */
  rendered(path: string): void {
    const jobs = this.waiting.get(path);
    if (jobs === undefined) return;
    this.waiting.delete(path);
    for (const job of jobs) {
      job.left--;
      if (job.left === 0) {
        this.pending--;
        this.runJob(job);
      }
    }
  }

  private runJob(job: Job): void {
    job.run();
    for (const path of job.paths) {
      const left = (this.uses.get(path) ?? 1) - 1;
      if (left > 0) this.uses.set(path, left);
      else {
        this.uses.delete(path);
        this.done?.(path);
      }
    }
  }

  /** Throws when a job still waits: a page it named was never rendered (a bug, not bad input). */
  assertDone(): void {
    if (this.pending > 0) throw new Error(`${this.pending} build steps still wait on pages that were never rendered: ${[...this.waiting.keys()].slice(0, 3).join(', ')}`);
  }
}
