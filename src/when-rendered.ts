/** Runs work that needs some pages' Markdown as soon as those pages are rendered, while workers render the rest. */

interface Job {
  left: number;
  paths: readonly string[];
  run: () => void;
}

/**
 * Jobs in line past which the first runs even though `canRun` says it would wait: each job in line
 * holds its pages' renderings, so a line that only grows (citations far slower than rendering) would
 * hold a big site's pages at once. Waiting then is what the build did before jobs could wait in line.
 */
const LINE_LIMIT = 32;

/**
 * Jobs waiting on rendered pages: each runs once, when the last page it names is rendered and `canRun`
 * allows it (what else it needs is at hand, such as its pages' citations from their worker). A job
 * that may not run yet waits in line without holding up this thread, which goes on handing pages to
 * the render workers; `finish` runs what is left, which then waits for what it needs.
 */
export class WhenRendered {
  private readonly waiting = new Map<string, Job[]>();
  private pending = 0;
  /** Jobs whose pages are rendered, in the order they became so; the first runs once `canRun` allows it. */
  private readonly queue: Job[] = [];
  /** Per page, how many jobs naming it have not run yet. */
  private readonly uses = new Map<string, number>();

  /**
   * `done`, when given, is called with each page once every job naming it has run: nothing here needs
   * it any more. `canRun` tells whether a job over these pages would run without waiting.
   */
  constructor(
    private readonly done?: (path: string) => void,
    private readonly canRun: (paths: readonly string[]) => boolean = () => true,
  ) {}

  /**
   * Runs `run` once every page in `paths` has been rendered. Jobs run in the order they became ready,
   * and those that become ready together in the order they were added, so a job may rely on any job
   * added before it that waits on fewer pages.
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
    if (job.left === 0) this.queue.push(job);
    else this.pending++;
    this.runQueued(false);
  }

  /** Records that `path` is rendered, running the jobs it completes (and any in line that may run now). */
  rendered(path: string): void {
    const jobs = this.waiting.get(path) ?? [];
    this.waiting.delete(path);
    for (const job of jobs) {
      job.left--;
      if (job.left === 0) {
        this.pending--;
        this.queue.push(job);
      }
    }
    this.runQueued(false);
  }

  /** Runs the jobs in line, in order, while `canRun` allows the first (or the line is too long); with `force`, every job. */
  private runQueued(force: boolean): void {
    for (let job = this.queue[0]; job !== undefined && (force || this.queue.length > LINE_LIMIT || this.canRun(job.paths)); job = this.queue[0]) {
      this.queue.shift();
      this.runJob(job);
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

  /**
   * Once every page is rendered: runs the jobs still in line (each waiting, if it must, for what it
   * needs), then throws when a job still waits on a page that was never rendered (a bug, not bad input).
   */
  finish(): void {
    this.runQueued(true);
    if (this.pending > 0) throw new Error(`${this.pending} build steps still wait on pages that were never rendered: ${[...this.waiting.keys()].slice(0, 3).join(', ')}`);
  }
}
