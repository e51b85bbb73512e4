/**
 * The nearest valid key to a misspelt one, by edit distance (insertions, deletions, substitutions
 * and swaps of two neighbours, ignoring case), so `routineInspectoin` suggests `routineInspection`.
 *
 * @internal
 */

/** Keys longer than this are not compared: no key of the schemas is, and the cost is quadratic. */
const LONGEST_COMPARED = 64;

/**
 * The optimal-string-alignment distance of two strings: how many single-character edits (a swap
 * of neighbours counting as one) turn `a` into `b`.
 *
 * @example
 * ```ts
 * editDistance("routineInspectoin", "routineInspection"); //=> 1
 * editDistance("deputes", "deputies"); //=> 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1, (d[(i - 1) * cols + j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/**
 * The valid key nearest to `key`, when it is near enough to be a slip of the keyboard: at most
 * one edit per three characters of the valid key (at least one, at most three). `undefined` when
 * nothing is that near, or the key is too long to be a misspelling of any.
 *
 * @example
 * ```ts
 * nearest("routineInspectoin", ["routineInspection", "specialInspection"]); //=> "routineInspection"
 * nearest("xyz", ["routineInspection"]); //=> undefined
 * ```
 */
export function nearest(key: string, candidates: readonly string[]): string | undefined {
  if (key.length > LONGEST_COMPARED) return undefined;
  const folded = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === key) continue;
    const allowed = Math.min(3, Math.max(1, Math.floor(candidate.length / 3)));
    // The distance is at least the difference of the lengths: skip what cannot be near.
    if (Math.abs(candidate.length - key.length) > allowed) continue;
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
