/**
 * `rank`: validate results (zod), check they were computed under the ranking's policy, rank them
 * (core). Exact decimal comparison only.
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { isFixedText } from "../decimal.js";
import { rankResults } from "../core/rank.js";
import type { Policy } from "../model/policy.js";
import { stringAt } from "../model/roster.js";
import { RANK_GROUPINGS, type RankEntry, type RankGrouping } from "../model/rank.js";
import { ScoreResultSchema, type ScoreResult } from "../model/result.js";
import { InputError, parseOptions, fromZodIssues, langOf, type Lang } from "./errors.js";
import { inInputOrder } from "./issue-order.js";
import { optionsOf, policyOrThrow } from "./options.js";

/** Options of `rank`. */
export interface RankOptions {
  /** `"category"`: one ranking per category, in category order, each entry with its `group`. */
  readonly by?: RankGrouping | undefined;
  /** The policy the results were computed under; it supplies `excellentQuota`. Default the preset. */
  readonly policy?: Policy | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. Never changes a ranking. */
  readonly lang?: Lang | undefined;
}

type Payload = core.ParsePayload<unknown>;

function issue(payload: Payload, path: (string | number)[], input: unknown, params: Record<string, unknown>): void {
  payload.issues.push({ code: "custom", input, path, params });
}

/**
 * The results a ranking under `policy` accepts: its policy id, totals with its decimals, one year,
 * each participant once. These checks run even when some results are invalid, so every problem
 * is reported at once; they read defensively for that reason.
 */
function resultsSchema(policy: Policy) {
  const decimals = policy.parameters.decimals.value;
  return z.array(ScoreResultSchema).check(
    z.check<ScoreResult[]>(
      (payload) => {
        const p = payload as Payload;
        const list: readonly unknown[] = payload.value;
        const seen = new Set<string>();
        const firstYear = numberAt(list[0], "year");
        list.forEach((result, i) => {
          const policyId = stringAt(objectAt(result, "policy"), "id");
          if (policyId !== undefined && policyId !== policy.id) {
            issue(p, [i, "policy", "id"], policyId, { code: "policy-mismatch", expected: policy.id, actual: policyId });
          }
          const year = numberAt(result, "year");
          if (year !== undefined && firstYear !== undefined && year !== firstYear) {
            issue(p, [i, "year"], year, { code: "mixed-years", year, expected: firstYear });
          }
          const total = stringAt(result, "total");
          if (total !== undefined && !isFixedText(total, decimals)) issue(p, [i, "total"], total, { code: "invalid-total", decimals });
          const id = stringAt(objectAt(result, "participant"), "id");
          if (id === undefined) return;
          if (seen.has(id)) issue(p, [i, "participant", "id"], id, { code: "duplicate-id", id });
          else seen.add(id);
        });
      },
      { when: (payload) => Array.isArray(payload.value) },
    ),
  );
}

function objectAt(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (value as Readonly<Record<string, unknown>>)[key]
    : undefined;
}

function numberAt(value: unknown, key: string): number | undefined {
  const inner = objectAt(value, key);
  return typeof inner === "number" ? inner : undefined;
}

const OptionsSchema = z.object({ by: z.optional(z.enum(RANK_GROUPINGS)) });

/**
 * Ranks results of one year (docs/ranking.md). Within each group (all results, or each category in
 * category order when `by` is `"category"`): the final, non-vetoed results by total descending
 * then participant id, with competition ranks (1, 2, 2, 4); then the vetoed, by total descending
 * then id; then the remaining provisional, by id; those last two with rank `null`. With the
 * policy's `excellentQuota`, at most quota × ranked entries per group keep `excellent` (the count
 * rounded by the policy's `quotaRounding`: `floor` in the preset, or `half-up`, `ceil`): the
 * lowest-ranked excellent ones become `competent`, a tie at the cut as a whole.
 *
 * @param results - Results of `score()` (JSON data): one year, one policy, each participant once.
 * @param options - `by` (`"category"`), `policy` (default `xuancheng2022`), `lang` for messages.
 * @returns The entries `{ participant, group?, total, rank, tier, vetoed, status }`, in ranking order.
 * @throws {@link InputError} with every problem at once: a result that is not a result, names
 *   another policy (`policy-mismatch`), another year (`mixed-years`), a total without the
 *   policy's decimals (`invalid-total`), or a participant already listed (`duplicate-id`).
 * @example
 * ```ts
 * import { rank, score } from "wubi-wuping";
 * const results = inputs.map((input) => score(input)); // examples/2022/*.json
 * rank(results).map((e) => [e.participant.id, e.total, e.rank]);
 * //=> [["jdzhzx", "95.82", 1], ["cgjdk", "94.51", 2], ["zfzd", "92.94", 3], …, ["gysyc", "86.11", null]]
 * rank(results, { by: "category" })[0]; //=> { participant: { id: "zfzd", … }, group: "law-enforcement", total: "92.94", rank: 1, tier: null, vetoed: false, status: "final" }
 * ```
 */
export function rank(results: unknown, options: RankOptions = {}): RankEntry[] {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  const policy = policyOrThrow(options.policy, "policy", lang);
  const map = parseOptions(lang);
  const parsedOptions = OptionsSchema.safeParse({ by: options.by }, map);
  const parsed = resultsSchema(policy).safeParse(results, map);
  const issues = [
    ...(parsedOptions.success ? [] : fromZodIssues(parsedOptions.error.issues)),
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues)),
  ];
  if (!parsed.success || !parsedOptions.success) throw new InputError(inInputOrder(issues), lang);
  const p = policy.parameters;
  return rankResults(parsed.data, parsedOptions.data.by, p.excellentQuota.value, p.quotaRounding.value);
}
