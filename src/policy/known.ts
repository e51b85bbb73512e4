/**
 * The policies this library made: the presets and every result of `definePolicy`. Scoring takes
 * only these, so an object that merely looks like a policy (overrides JSON, an edited or
 * serialised copy) is refused as an input error instead of being scored by whatever it holds.
 * The set holds its policies weakly and never changes a policy.
 *
 * @internal
 */
import type { Policy } from "../model/policy.js";

const KNOWN = new WeakSet<object>();

/**
 * Records a frozen policy as one the library made, and returns it.
 *
 * @example
 * ```ts
 * export const preset = known(deepFreeze({ id: "xuancheng-2022", … }));
 * ```
 */
export function known<T extends Policy>(policy: T): T {
  KNOWN.add(policy);
  return policy;
}

/**
 * Whether a value is a policy the library made (a preset, or a result of `definePolicy`).
 *
 * @example
 * ```ts
 * isPolicy(xuancheng2022); //=> true
 * isPolicy({ ...xuancheng2022 }); //=> false
 * ```
 */
export function isPolicy(value: unknown): value is Policy {
  return typeof value === "object" && value !== null && KNOWN.has(value);
}
