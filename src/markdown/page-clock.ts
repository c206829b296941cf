/**
 * A counter shared between a render worker and the main thread: the worker ticks it as it starts each
 * page of a batch, so the main thread times each page from the moment it starts (not from when the
 * batch was queued, nor while a new worker loads the Markdown chain) and knows which page ran over.
 */

/** The counter's value once every page of the batch is rendered. */
const ALL_DONE = -1;

/** A fresh counter for one batch, to send with it. */
export function newPageClock(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** Worker side: `starting(i)` before page i, `done()` after the last. */
export function tickPageClock(buffer: SharedArrayBuffer): { starting: (index: number) => void; done: () => void } {
  const counter = new Int32Array(buffer);
  return {
    starting: (index) => Atomics.store(counter, 0, index + 1),
    done: () => Atomics.store(counter, 0, ALL_DONE),
  };
}

/** Main-thread side: the index of the page the worker is rendering, or undefined when it has not started or has finished. */
export function runningPage(buffer: SharedArrayBuffer): number | undefined {
  const now = Atomics.load(new Int32Array(buffer), 0);
  return now > 0 ? now - 1 : undefined;
}

/**
 * Main-thread side: calls `overrun(i)` once when page i has been rendering for longer than its budget
 * (`budgetMs(i)`: a long page may take longer). Returns the function that stops watching.
 */
export function watchPageClock(buffer: SharedArrayBuffer, budgetMs: (index: number) => number, overrun: (index: number) => void): () => void {
  const counter = new Int32Array(buffer);
  let seen = 0;
  let since = performance.now();
  const timer = setInterval(() => {
    const now = Atomics.load(counter, 0);
    if (now !== seen) {
      seen = now;
      since = performance.now();
    } else if (now > 0 && performance.now() - since > budgetMs(now - 1)) {
      clearInterval(timer);
      overrun(now - 1);
    }
  }, Math.min(100, Math.max(5, budgetMs(0) / 10)));
  return () => clearInterval(timer);
}
