/**
 * The library's seeded pseudo-random numbers: one generator (mulberry32) for random
 * connectivity, and for tests and benchmarks that need reproducible randomness.
 */

/**
 * A seeded PRNG (mulberry32): each call returns the next number in [0, 1). The same
 * seed gives the same sequence on every platform (32-bit integer arithmetic only).
 *
 * @param seed - any number; it is taken modulo 2^32.
 * @example
 * const rand = seededRandom(42);
 * const i = Math.floor(rand() * 10); // an index in 0..9, the same on every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
