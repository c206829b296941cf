/** Seeded random numbers for differential tests: the same inputs on every run, so a failure can be replayed. */

/** A generator of 32-bit unsigned integers from `seed` (mulberry32: small, and random in its low bits too). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}
