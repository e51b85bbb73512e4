/**
 * The inputs of `compare` and `sensitivity` (docs/sensitivity.md), validated once: a list of participant-years
 * of one year, each body once, each valid under every policy involved.
 *
 * @internal
 */
import * as z from "zod/mini";
import type { ScoreInput } from "../model/input.js";
import type { Policy } from "../model/policy.js";
import { xuancheng2022 } from "../policy/xuancheng-2022.js";
import type { CompiledPolicy } from "../policy/compile.js";
import { errorMap, fromZodIssues, libraryMessage, type InputIssue, type Lang } from "./errors.js";
import { inInputOrder } from "./issue-order.js";

type Path = (string | number)[];

/** Messages of the checks on a whole list of inputs and on the options of compare and sensitivity (docs/sensitivity.md). */
export const LIST_MESSAGES = {
  "mixed-years": {
    zh: (year: unknown, first: unknown) => `该输入的年度 ${String(year)} 与第一条输入的年度 ${String(first)} 不同；一次分析只比较同一年度的输入`,
    en: (year: unknown, first: unknown) => `This input is for ${String(year)}, the first input for ${String(first)}; one analysis compares one year`,
  },
  "under-policy": {
    zh: (id: string) => `（按政策“${id}”）`,
    en: (id: string) => ` (under policy "${id}")`,
  },
} as const;

const at = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Readonly<Record<string, unknown>>)[key] : undefined;

/**
 * Validates the inputs under each compiled policy and returns them parsed, one list per policy;
 * every problem goes to `issues` (and the lists are then not to be used), each path starting with
 * the input's index and each message naming the policy it was checked under.
 *
 * @param inputs - The raw inputs (JSON data).
 * @param policies - The compiled policies involved (the base first).
 * @param lang - The language of messages.
 * @param issues - Where the problems go, after those the caller found in the options.
 * @returns Per policy, the validated inputs in the given order.
 * @example
 * ```ts
 * const issues = [];
 * validInputs([a, b], [compilePolicy(xuancheng2022)], "zh", issues)[0].length; //=> 2
 * ```
 */
export function validInputs(inputs: unknown, policies: readonly CompiledPolicy[], lang: Lang, issues: InputIssue[]): ScoreInput[][] {
  const list = z.array(z.unknown()).safeParse(inputs, { error: errorMap(lang) });
  if (!list.success) {
    for (const issue of fromZodIssues(list.error.issues)) issues.push(issue);
    return policies.map(() => []);
  }
  const found: InputIssue[] = [];
  const parsed = policies.map((cp) => {
    const under = LIST_MESSAGES["under-policy"][lang](cp.policy.id);
    return list.data.map((input, i) => {
      const fast = cp.fastInput(input);
      if (fast !== undefined) return fast;
      const outcome = cp.inputSchema.safeParse(input, { error: errorMap(lang) });
      if (outcome.success) return outcome.data as ScoreInput;
      for (const issue of fromZodIssues(outcome.error.issues)) found.push({ ...issue, path: [i, ...issue.path], message: `${issue.message}${under}` });
      return undefined;
    });
  });
  const firstYear = at(list.data[0], "year");
  const seen = new Set<unknown>();
  list.data.forEach((input, i) => {
    const year = at(input, "year");
    if (typeof year === "number" && typeof firstYear === "number" && year !== firstYear) {
      found.push({ path: [i, "year"] as Path, code: "mixed-years", message: LIST_MESSAGES["mixed-years"][lang](year, firstYear) });
    }
    const id = at(at(input, "participant"), "id");
    if (typeof id !== "string") return;
    if (seen.has(id)) {
      found.push({ path: [i, "participant", "id"], code: "duplicate-id", message: libraryMessage("duplicate-id", lang, { id }) as string });
    }
    seen.add(id);
  });
  for (const issue of inInputOrder(found)) issues.push(issue);
  return parsed as ScoreInput[][];
}

const NOT_A_POLICY = {
  zh: "应为政策对象（预设 xuancheng2022，或由 definePolicy 得到的政策）",
  en: "Expected a policy (the preset xuancheng2022, or one returned by definePolicy)",
} as const;

/**
 * The policy an option names: the preset when absent (unless `required`), else the value itself
 * when it has the shape of a policy; otherwise an issue at the option's path.
 *
 * @example
 * ```ts
 * policyOption(undefined, "base", false, "zh", []); //=> xuancheng2022
 * ```
 */
export function policyOption(value: unknown, key: string, required: boolean, lang: Lang, issues: InputIssue[]): Policy {
  if (value === undefined && !required) return xuancheng2022;
  const p = at(value, "parameters");
  if (typeof at(value, "id") === "string" && typeof p === "object" && p !== null) return value as Policy;
  issues.push({ path: [key], code: "invalid_type", message: NOT_A_POLICY[lang] });
  return xuancheng2022;
}
