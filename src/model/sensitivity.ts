/**
 * What-if and sensitivity (docs/sensitivity.md): the parameters a sensitivity analysis varies, their default
 * ranges, the options' schema, and the shapes of what `compare` and `sensitivity` return.
 */
import * as z from "zod/mini";
import { Num } from "./values.js";
import { ParticipantSchema } from "./participant.js";
import { QUOTA_ROUNDINGS, ROUND_AGGREGATIONS, TIERS, groupWeightsSchema } from "./policy.js";
import { RANK_GROUPINGS } from "./rank.js";

// Each schema is built in a function call marked pure: a `.check(…)` at the top level would keep the
// schema, and all it uses, in every bundle of the main entry, also one that never calls `sensitivity`.

/** The parameters `sensitivity` varies, in the order of docs/sensitivity.md's table. */
export const SENSITIVITY_PARAMETERS = [
  "surveyWeights.basicallySatisfied",
  "surveyWeights.dissatisfied",
  "complaintDeduction",
  "roundAggregation",
  "quotaRounding",
  "groupWeights",
] as const;
/** A parameter `sensitivity` can vary. */
export type SensitivityParameter = (typeof SENSITIVITY_PARAMETERS)[number];

/**
 * The default ranges of docs/sensitivity.md: `[low, high]` for a continuous parameter, the values for a
 * discrete one. (`quotaRounding` is varied by default only under a policy with a quota;
 * `groupWeights` only when `ranges` names it.)
 *
 * @example
 * ```ts
 * DEFAULT_RANGES.complaintDeduction; //=> ["0.5", "2"]
 * ```
 */
export const DEFAULT_RANGES = {
  "surveyWeights.basicallySatisfied": ["0.5", "0.8"],
  "surveyWeights.dissatisfied": ["0", "0.2"],
  complaintDeduction: ["0.5", "2"],
  roundAggregation: ROUND_AGGREGATIONS,
  quotaRounding: QUOTA_ROUNDINGS,
  groupWeights: [null],
} as const;

const MAX_SAMPLES = 100_000;

/** The `ranges` option: any of the parameters, each a `[low, high]` pair or a list of values. */
export const RangesSchema = /* @__PURE__ */ (() => {
  const Pair = z.tuple([Num, Num]);
  return z.strictObject({
    "surveyWeights.basicallySatisfied": z.optional(Pair),
    "surveyWeights.dissatisfied": z.optional(Pair),
    complaintDeduction: z.optional(Pair),
    roundAggregation: z.optional(z.array(z.enum(ROUND_AGGREGATIONS)).check(z.minLength(1))),
    quotaRounding: z.optional(z.array(z.enum(QUOTA_ROUNDINGS)).check(z.minLength(1))),
    // docs/ballots.md: the group weights to try, `null` being pooled; varied only when named.
    groupWeights: z.optional(z.array(z.nullable(groupWeightsSchema())).check(z.minLength(1))),
  });
})();
/** The `ranges` option of `sensitivity`, as JSON (the CLI's `--ranges FILE`). */
export type Ranges = z.input<typeof RangesSchema>;

/** The options of `sensitivity` other than the policy, the ranges and the language. */
export const SensitivitySettingsSchema = /* @__PURE__ */ (() =>
  z.object({
    samples: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_SAMPLES))),
    seed: z.optional(z.int().check(z.minimum(0), z.maximum(0xffff_ffff))),
    by: z.optional(z.enum(RANK_GROUPINGS)),
  }))();

/** The options of `compare` other than the policies and the language. */
export const CompareSettingsSchema = z.object({ by: z.optional(z.enum(RANK_GROUPINGS)) });

const Decimal = z.string();
const count = () => z.int().check(z.minimum(0));
const Tier = z.nullable(z.enum(TIERS));

/** A body's total, rank (`null` when unranked) and tier under one policy or scenario. */
const StandingSchema = z.object({ total: Decimal, rank: z.nullable(z.int()), tier: Tier });

/** What changed for a body between the base and the candidate. */
export const CHANGES = ["total", "rank", "tier"] as const;

/** The result of `compare` (docs/sensitivity.md). */
export const CompareResultSchema = /* @__PURE__ */ (() =>
  z.object({
    participants: z.array(
      z.object({ participant: ParticipantSchema, base: StandingSchema, candidate: StandingSchema, changed: z.array(z.enum(CHANGES)) }),
    ),
    summary: z.object({ totalChanged: count(), rankChanged: count(), tierChanged: count() }),
  }))();
/** The result of `compare`. */
export type CompareResult = z.output<typeof CompareResultSchema>;

const ParameterName = z.enum(SENSITIVITY_PARAMETERS);

/** The result of `sensitivity` (docs/sensitivity.md). */
export const SensitivityResultSchema = /* @__PURE__ */ (() =>
  z.object({
  parameters: z.array(
    z.union([
      z.object({ parameter: ParameterName, range: z.tuple([Decimal, Decimal]) }),
      z.object({ parameter: ParameterName, values: z.array(z.string()) }),
    ]),
  ),
  samples: count(),
  seed: count(),
  participants: z.array(
    z.object({
      participant: ParticipantSchema,
      base: StandingSchema,
      total: z.object({ min: Decimal, max: Decimal }),
      rank: z.nullable(z.object({ min: z.int(), max: z.int(), p5: z.int(), p50: z.int(), p95: z.int() })),
      tiers: z.optional(z.partialRecord(z.enum(TIERS), Decimal)),
      stable: z.boolean(),
    }),
  ),
  oneAtATime: z.array(
    z.object({
      parameter: ParameterName,
      value: z.string(),
      results: z.array(z.object({ participantId: z.string(), total: Decimal, rank: z.nullable(z.int()), tier: Tier })),
      meanAbsRankChange: Decimal,
      rankChanged: count(),
      tierChanged: count(),
    }),
  ),
}))();
/** The result of `sensitivity`. */
export type SensitivityResult = z.output<typeof SensitivityResultSchema>;
/** One body's figures in a sensitivity result. */
export type SensitivityEntry = SensitivityResult["participants"][number];
/** One one-at-a-time scenario of a sensitivity result. */
export type OneAtATime = SensitivityResult["oneAtATime"][number];
