/**
 * The order input errors are reported in: by their place in the input (list items by index), so
 * checks that run after the per-item validation still appear beside the item they concern.
 *
 * @internal
 */
import type { InputIssue } from "./errors.js";

/**
 * Sorts issues by path, stably: numbers (list indices) by value and before names; names in the
 * order they first appear among the issues (the order validation met them in).
 *
 * @param issues - Issues in the order validation produced them.
 * @returns A new array, in input order.
 * @example
 * ```ts
 * inInputOrder([{ path: [3, "year"], … }, { path: [1, "id"], … }]).map((i) => i.path); //=> [[1, "id"], [3, "year"]]
 * ```
 */
export function inInputOrder(issues: readonly InputIssue[]): InputIssue[] {
  const nameRank = new Map<string, number>();
  for (const issue of issues) for (const part of issue.path) if (typeof part === "string" && !nameRank.has(part)) nameRank.set(part, nameRank.size);
  const key = (part: string | number): [number, number] => (typeof part === "number" ? [0, part] : [1, nameRank.get(part) ?? 0]);
  return [...issues].sort((a, b) => {
    const length = Math.min(a.path.length, b.path.length);
    for (let i = 0; i < length; i += 1) {
      const [kindA, valueA] = key(a.path[i] as string | number);
      const [kindB, valueB] = key(b.path[i] as string | number);
      if (kindA !== kindB) return kindA - kindB;
      if (valueA !== valueB) return valueA - valueB;
    }
    return a.path.length - b.path.length;
  });
}
