/**
 * How a stage lets the build skip work whose inputs are unchanged, without knowing how results are
 * kept. A one-off build passes nothing (NO_REUSE: compute everything); the dev server passes its
 * BuildMemo (incremental/build-memo.ts), which keeps results between rebuilds.
 */
export interface Reuse {
  /** True when results are kept between builds (then stages prefer to hold texts as strings they will read again). */
  readonly keepsResults: boolean;
  /** The value computed for `key` last time when every input is identical (`===`) to last time's; otherwise `compute()`. */
  value<T>(key: string, inputs: () => readonly unknown[], compute: () => T): T;
}

/** Keeps nothing: every value is computed. */
export const NO_REUSE: Reuse = {
  keepsResults: false,
  value: (_key, _inputs, compute) => compute(),
};
