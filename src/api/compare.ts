/**
 * `compare` (docs/sensitivity.md): the same inputs scored and ranked under a base and a candidate policy, and
 * what changed for each body.
 */
import { compareDecimalText } from "../decimal.js";
import { rankResults } from "../core/rank.js";
import { scoreParticipantYear } from "../core/score.js";
import type { ScoreInput } from "../model/input.js";
import type { Policy } from "../model/policy.js";
import type { RankEntry, RankGrouping } from "../model/rank.js";
import { CompareSettingsSchema, type CompareResult } from "../model/sensitivity.js";
import { compilePolicy, type CompiledPolicy } from "../policy/compile.js";
import { InputError, errorMap, fromZodIssues, langOf, type InputIssue, type Lang } from "./errors.js";
import { policyOption, validInputs } from "./inputs.js";
import { optionsOf } from "./options.js";

/** Options of `compare`. */
export interface CompareOptions {
  /** The policy of the published figures; the preset `xuancheng-2022` when absent. */
  readonly base?: Policy | undefined;
  /** The policy to compare with (required). */
  readonly candidate: Policy;
  /** `"category"`: rank within categories. */
  readonly by?: RankGrouping | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

/**
 * The ranking of validated inputs under one policy, as `score(…, { allowIncomplete: true })` and
 * `rank()` give it.
 *
 * @internal
 */
export function rankingOf(inputs: readonly ScoreInput[], cp: CompiledPolicy, by: RankGrouping | undefined): RankEntry[] {
  const p = cp.policy.parameters;
  const results = inputs.map((input) => scoreParticipantYear(input, cp).result);
  return rankResults(results, by, p.excellentQuota.value, p.quotaRounding.value);
}

const standing = (e: RankEntry) => ({ total: e.total, rank: e.rank, tier: e.tier });

/**
 * Scores and ranks the inputs under the base and the candidate policy and says, for each body,
 * whether its total (by exact value), rank or tier changed. A provisional or vetoed body takes
 * part, unranked; tiers are those `rank()` gives, quota applied.
 *
 * @param inputs - Participant-years of one year (JSON data), each body once.
 * @param options - `candidate` (required), `base` (default `xuancheng2022`), `by`, `lang`.
 * @returns `{ participants: [{ participant, base, candidate, changed }], summary }`, participants in
 *   the base ranking's order; `summary` counts the bodies whose total, rank or tier changed.
 * @throws {@link InputError} naming every problem: an input invalid under either policy (its index
 *   and the policy), inputs of several years, a body given twice, a missing candidate.
 * @example
 * ```ts
 * import { definePolicy } from "wubi-wuping";
 * import { compare } from "wubi-wuping/sensitivity";
 * const candidate = definePolicy({ id: "harsher", complaintDeduction: 2 });
 * const { participants, summary } = compare(inputs, { candidate }); // examples/2022/*.json
 * participants[0]; //=> { participant: { id: "jdzhzx", … }, base: { total: "95.82", rank: 1, tier: null }, candidate: { total: "95.82", rank: 1, tier: null }, changed: [] }
 * summary; //=> { totalChanged: 4, rankChanged: 3, tierChanged: 0 }
 * ```
 */
export function compare(inputs: unknown, options: CompareOptions): CompareResult {
  const o = optionsOf(options);
  const lang = langOf(o.lang);
  const issues: InputIssue[] = [];
  const base = policyOption(o.base, "base", false, lang, issues);
  const candidate = policyOption(o.candidate, "candidate", true, lang, issues);
  const settings = CompareSettingsSchema.safeParse({ by: o.by }, { error: errorMap(lang) });
  if (!settings.success) for (const issue of fromZodIssues(settings.error.issues)) issues.push(issue);
  const cps = [compilePolicy(base), compilePolicy(candidate)] as const;
  // A candidate that is not a policy is checked as the preset, so the inputs are still checked once.
  const [baseInputs, candidateInputs] = validInputs(inputs, candidate === base ? [cps[0]] : cps, lang, issues) as [ScoreInput[], ScoreInput[]?];
  if (issues.length > 0 || !settings.success) throw new InputError(issues, lang);
  const by = settings.data.by;
  const after = new Map(rankingOf(candidateInputs ?? baseInputs, cps[1], by).map((e) => [e.participant.id, e]));
  const summary = { totalChanged: 0, rankChanged: 0, tierChanged: 0 };
  const participants = rankingOf(baseInputs, cps[0], by).map((b) => {
    const c = after.get(b.participant.id) as RankEntry;
    const changed: ("total" | "rank" | "tier")[] = [];
    if (compareDecimalText(b.total, c.total) !== 0) changed.push("total");
    if (b.rank !== c.rank) changed.push("rank");
    if (b.tier !== c.tier) changed.push("tier");
    for (const key of changed) summary[`${key}Changed`] += 1;
    return { participant: b.participant, base: standing(b), candidate: standing(c), changed };
  });
  return { participants, summary };
}
