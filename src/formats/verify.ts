/**
 * A field-by-field comparison of two JSON values, for `verify`: every path where they differ, with
 * both values. Key order does not matter. Lists whose items all carry a distinct string `id` (the
 * components, commendations and vetoes of a result) are compared item by id, and the path names
 * the id (`components.routineInspection.points`); other lists are compared by position.
 * `verifyResult` recomputes a result from its input and compares: the CLI's `verify` and the
 * service's `/v1/verify` both stand on it.
 */
import { safeScore, type InputError, type Lang, type Policy, type ScoreResult } from "../index.js";

/**
 * One difference: where, the value recomputed, and the value found in the file.
 *
 * @example
 * ```ts
 * const d: Difference = { path: ["total"], expected: "94.51", found: "94.61" };
 * ```
 */
export interface Difference {
  readonly path: readonly (string | number)[];
  /** The recomputed value, or `undefined` when the file has a field the recomputation has not. */
  readonly expected: unknown;
  /** The value in the file, or `undefined` when the file lacks the field. */
  readonly found: unknown;
}


/** Whether a value is a JSON object (not `null`, not an array). */
export const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The items of a list keyed by their `id`, when every item is an object with a string `id` and no
 * id repeats (a result's components, commendations, vetoes, records); otherwise `undefined`.
 */
function byId(items: readonly unknown[]): Map<string, unknown> | undefined {
  if (items.length === 0) return undefined;
  const map = new Map<string, unknown>();
  for (const item of items) {
    const id = isObject(item) ? item["id"] : undefined;
    if (typeof id !== "string" || map.has(id)) return undefined;
    map.set(id, item);
  }
  return map;
}

/**
 * Every path where `found` differs from `expected`, depth first in `expected`'s order (then the
 * fields only `found` has), at most `limit` of them; `total` counts them all. Two lists whose
 * items all carry distinct string ids (on both sides) are matched by id, the id standing in the path
 * where the position would.
 *
 * @example
 * ```ts
 * diffJson({ total: "94.51", bonus: { points: "1.00" } }, { total: "94.52", bonus: { points: "1.00" } });
 * //=> { differences: [{ path: ["total"], expected: "94.51", found: "94.52" }], total: 1 }
 * diffJson({ components: [{ id: "deputies", points: "14.00" }] }, { components: [{ id: "deputies", points: "14.10" }] }).differences;
 * //=> [{ path: ["components", "deputies", "points"], expected: "14.00", found: "14.10" }]
 * ```
 */
export function diffJson(expected: unknown, found: unknown, limit = 1000): { differences: Difference[]; total: number } {
  const differences: Difference[] = [];
  let total = 0;
  const report = (path: (string | number)[], e: unknown, f: unknown): void => {
    total += 1;
    if (differences.length < limit) differences.push({ path: path.slice(), expected: e, found: f });
  };
  const walk = (path: (string | number)[], e: unknown, f: unknown): void => {
    const ids = Array.isArray(e) && Array.isArray(f) ? byId(e) : undefined;
    const foundIds = ids === undefined ? undefined : byId(f as readonly unknown[]);
    if (ids !== undefined && foundIds !== undefined) {
      for (const [id, item] of ids) {
        path.push(id);
        const other = foundIds.get(id);
        if (other === undefined) report(path, item, undefined);
        else walk(path, item, other);
        path.pop();
      }
      for (const [id, item] of foundIds) {
        if (ids.has(id)) continue;
        path.push(id);
        report(path, undefined, item);
        path.pop();
      }
      return;
    }
    if (Array.isArray(e) && Array.isArray(f)) {
      const n = Math.max(e.length, f.length);
      for (let i = 0; i < n; i += 1) {
        path.push(i);
        if (i >= f.length) report(path, e[i], undefined);
        else if (i >= e.length) report(path, undefined, f[i]);
        else walk(path, e[i], f[i]);
        path.pop();
      }
      return;
    }
    if (isObject(e) && isObject(f)) {
      for (const key of Object.keys(e)) {
        path.push(key);
        if (!Object.hasOwn(f, key)) report(path, e[key], undefined);
        else walk(path, e[key], f[key]);
        path.pop();
      }
      for (const key of Object.keys(f)) {
        if (Object.hasOwn(e, key)) continue;
        path.push(key);
        report(path, undefined, f[key]);
        path.pop();
      }
      return;
    }
    if (!Object.is(e, f)) report(path, e, f);
  };
  walk([], expected, found);
  return { differences, total };
}

/**
 * What `verify` finds: the input's problems, or the recomputed result and where `found` differs
 * from it (at most `limit` differences; `total` counts them all). The service answers the same.
 *
 * @example
 * ```ts
 * const outcome = verifyResult(input, found, xuancheng2022, "en");
 * outcome.success && outcome.total; //=> 0
 * ```
 */
export function verifyResult(
  input: unknown,
  found: unknown,
  policy: Policy,
  lang: Lang,
  limit = 1000,
): { success: false; error: InputError } | { success: true; recomputed: ScoreResult; differences: Difference[]; total: number } {
  const outcome = safeScore(input, { policy, allowIncomplete: true, lang });
  if (!outcome.success) return outcome;
  return { success: true, recomputed: outcome.data, ...diffJson(outcome.data, found, limit) };
}
