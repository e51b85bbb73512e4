/**
 * Options as JavaScript callers may pass them: `null`, a number or any other non-object counts as
 * no options, so a call from untyped code never fails with a `TypeError` on the options; and a
 * `policy` option that is not a policy the library made is one clear input error.
 *
 * @internal
 */
import type { Policy } from "../model/policy.js";
import { isPolicy } from "../policy/known.js";
import { xuancheng2022 } from "../policy/xuancheng-2022.js";
import { InputError, libraryMessage, type InputIssue, type Lang } from "./errors.js";

/**
 * The options object of a call, or none.
 *
 * @example
 * ```ts
 * optionsOf(null); //=> {}
 * ```
 */
export function optionsOf<T extends object>(value: T | null | undefined): Partial<T> {
  return typeof value === "object" && value !== null ? value : {};
}

/**
 * The policy an option names: the preset when absent, the policy itself when the library made it
 * (a preset or a result of `definePolicy`), else the issue `invalid-policy` at the option's name.
 *
 * @param value - The option's value, as the caller passed it.
 * @param option - The option's name (`policy`, `base`), the issue's path.
 * @param lang - The language of the message.
 * @returns The policy, or the issue.
 * @example
 * ```ts
 * policyOf(undefined, "policy", "zh"); //=> xuancheng2022
 * policyOf({ id: "x" }, "policy", "en"); //=> { path: ["policy"], code: "invalid-policy", … }
 * ```
 */
export function policyOf(value: unknown, option: string, lang: Lang): Policy | InputIssue {
  if (value === undefined) return xuancheng2022;
  if (isPolicy(value)) return value;
  return { path: [option], code: "invalid-policy", message: libraryMessage("invalid-policy", lang) as string };
}

/**
 * {@link policyOf} for a call that throws: the policy, or an `InputError` with the one issue.
 *
 * @example
 * ```ts
 * policyOrThrow(options.policy, "policy", lang);
 * ```
 */
export function policyOrThrow(value: unknown, option: string, lang: Lang): Policy {
  const policy = policyOf(value, option, lang);
  if ("code" in policy) throw new InputError([policy], lang);
  return policy;
}
