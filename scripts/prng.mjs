/**
 * mulberry32 for the plain-JavaScript scripts (Node 20 runs no TypeScript): the same generator as
 * `src/core/prng.ts`, so a seed gives the same sequence in both. Used by the workbook fixtures and
 * the workbook benchmark.
 *
 * @param {number} seed - Any 32-bit integer.
 * @returns {() => number} The next float in [0, 1) at each call.
 * @example
 * prng(1)(); //=> 0.6270739405881613
 */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
