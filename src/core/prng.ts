/**
 * mulberry32: a small, well-known 32-bit seeded pseudo-random generator returning floats in
 * [0, 1). The same seed always gives the same sequence, so generated rosters, benchmark inputs and
 * the sampled scenarios of `sensitivity` are reproducible. Pure: the state lives in the closure.
 *
 * @param seed - Any 32-bit integer.
 * @returns A function giving the next float of the sequence.
 * @example
 * ```ts
 * const random = prng(1);
 * random(); //=> 0.6270739405881613
 * ```
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
