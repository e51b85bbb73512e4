/**
 * Policies (docs/assumptions.md): every parameter of the rules as data, each with its provenance.
 */
import * as z from "zod/mini";
import type { ComponentId } from "./components.js";
import { Id, Num, Text, type NumInput } from "./values.js";
import { capIssues } from "./issue-cap.js";

/** Commendation levels by the issuing seal (`附件2-三.1`, `三.4`), lowest first. */
export const LEVELS = ["municipal", "provincial-department", "provincial", "national"] as const;
/** A commendation level. */
export type Level = (typeof LEVELS)[number];
/** The source's names of the levels. */
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  municipal: "市委市政府",
  "provincial-department": "省直单位",
  provincial: "省部级",
  national: "党中央、国务院",
};

/** Tier ids, best first (`附件2-四` names 不称职; the others are the usual 等次). */
export const TIERS = ["excellent", "competent", "basically-competent", "incompetent"] as const;
/** A tier id. */
export type Tier = (typeof TIERS)[number];
/** The official names of the tiers. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  excellent: "优秀",
  competent: "称职",
  "basically-competent": "基本称职",
  incompetent: "不称职",
};

/** The assumptions of docs/assumptions.md, in the order a result lists them. */
export const ASSUMPTIONS = [
  "round-aggregation",
  "survey-weights",
  "complaint-deduction",
  "rounding",
  "unit-commendation-ceiling",
  "same-matter-tie-break",
  "bonus-cap",
  "score-tiers",
  "veto-period",
  "cycle-start",
  "ballot-validity",
  "ballot-quorum",
  "repeated-rater",
  "ballot-speed",
  "group-weights",
] as const;
/** An assumption id: a default the source does not fix. */
export type AssumptionId = (typeof ASSUMPTIONS)[number];

/** How the rounds of an inspection component combine (docs/assumptions.md, docs/how-a-score-is-built.md): the preset's mean, or pooled. */
export const ROUND_AGGREGATIONS = ["mean-of-fractions", "pooled"] as const;
/** A way of combining rounds: `mean-of-fractions` (mean of score/outOf) or `pooled` (Σ score ÷ Σ outOf). */
export type RoundAggregation = (typeof ROUND_AGGREGATIONS)[number];

/** How `rank` turns quota × entries into a count of 优秀 (docs/assumptions.md, docs/ranking.md): 去尾, 四舍五入, 进一法. */
export const QUOTA_ROUNDINGS = ["floor", "half-up", "ceil"] as const;
/** A quota rounding: `floor`, `half-up` or `ceil`. */
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];

/**
 * What `repeatedRater` does with ballots that share a rater token (docs/ballots.md): `count` every one,
 * or count only the `first` in ballot order.
 *
 * @example
 * ```ts
 * REPEATED_RATER_RULES; //=> ["count", "first"]
 * ```
 */
export const REPEATED_RATER_RULES = ["count", "first"] as const;
/** A rule for repeated raters: `count` or `first`. */
export type RepeatedRaterRule = (typeof REPEATED_RATER_RULES)[number];

/**
 * The components whose ballots a box may hold, and the keys of `groupWeights` (docs/ballots.md).
 *
 * @example
 * ```ts
 * SURVEY_COMPONENTS; //=> ["serviceRecipients", "deputies", "countyCounterparts"]
 * ```
 */
export const SURVEY_COMPONENTS = ["serviceRecipients", "deputies", "countyCounterparts"] as const;
/** A survey component's id. */
export type SurveyComponentId = (typeof SURVEY_COMPONENTS)[number];

/** Rater group weights per survey component, each a canonical decimal text (docs/ballots.md). */
export type GroupWeights = Readonly<Partial<Record<SurveyComponentId, Readonly<Record<string, string>>>>>;

/** Where a parameter's value comes from. */
export type Provenance =
  | { readonly kind: "clause"; readonly clauses: readonly string[] }
  | { readonly kind: "assumed"; readonly assumption: AssumptionId }
  | { readonly kind: "policy"; readonly policy: string };

/** A parameter value with its provenance. */
export interface Parameter<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

/** Survey weights per ballot answer, as canonical decimal texts. */
export interface SurveyWeights {
  readonly satisfied: string;
  readonly basicallySatisfied: string;
  readonly dissatisfied: string;
}

/** A score threshold: a final, non-vetoed total of at least `min` earns `tier`. */
export interface TierThreshold {
  readonly tier: Exclude<Tier, "incompetent">;
  readonly min: string;
}

/** Every parameter of a policy. Decimal values are canonical decimal texts (`"0.5"`). */
export interface PolicyParameters {
  readonly components: Parameter<Readonly<Record<ComponentId, number>>>;
  readonly dailyWindow: Parameter<"Y-01-01..Y-12-31">;
  readonly comprehensiveWindow: Parameter<"Y-12-01..end of February Y+1">;
  readonly minRounds: Parameter<number>;
  readonly commendationPoints: Parameter<Readonly<Record<Level, string>>>;
  readonly roundAggregation: Parameter<RoundAggregation>;
  readonly surveyWeights: Parameter<SurveyWeights>;
  readonly complaintDeduction: Parameter<string>;
  readonly decimals: Parameter<number>;
  readonly unitCeiling: Parameter<"level-points" | string>;
  readonly sameMatterTieBreak: Parameter<"higher-level-then-smaller-id">;
  readonly bonusCap: Parameter<string | null>;
  readonly tiers: Parameter<readonly TierThreshold[]>;
  readonly excellentQuota: Parameter<string | null>;
  readonly quotaRounding: Parameter<QuotaRounding>;
  readonly vetoPeriod: Parameter<"Y-01-01..end of February Y+1">;
  readonly cycleYears: Parameter<number>;
  readonly cycleStart: Parameter<number>;
  /** The share of issued ballots that must come back (docs/ballots.md), or `null` for none. */
  readonly ballotQuorum: Parameter<string | null>;
  /** What ballots sharing a rater token count (docs/ballots.md). */
  readonly repeatedRater: Parameter<RepeatedRaterRule>;
  /** The fewest seconds a ballot may take before it is reported too fast, or `null`. */
  readonly minSeconds: Parameter<number | null>;
  /** Rater group weights per survey component, or `null`: the groups pooled (docs/ballots.md). */
  readonly groupWeights: Parameter<GroupWeights | null>;
}

/** A validated, frozen policy: the preset `xuancheng-2022` or one derived by `definePolicy`. */
export interface Policy {
  readonly id: string;
  readonly label: string;
  /** The policy this one derives from, or `null` for a preset. */
  readonly base: string | null;
  readonly parameters: PolicyParameters;
}

const Share = Num;

/**
 * The `groupWeights` override: per survey component, group name (1..100 characters) → weight (a
 * `Num`; `definePolicy` refuses 0).
 *
 * @example
 * ```ts
 * groupWeightsSchema().safeParse({ deputies: { 商户: 1 } }).success; //=> true
 * ```
 */
export function groupWeightsSchema() {
  const weights = () => z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(100)), Num));
  return z.strictObject({ serviceRecipients: weights(), deputies: weights(), countyCounterparts: weights() });
}

/**
 * The overrides `definePolicy` and the CLI's `--policy FILE` accept (docs/assumptions.md, docs/ballots.md). Built in a
 * call marked pure: a page that only scores does not carry it.
 */
export const PolicyOverridesSchema = /* @__PURE__ */ (() => z.strictObject({
  id: Id,
  label: z.optional(Text),
  surveyWeights: z.optional(
    z.strictObject({ satisfied: Share, basicallySatisfied: Share, dissatisfied: Share }),
  ),
  complaintDeduction: z.optional(Num),
  minRounds: z.optional(z.int().check(z.minimum(1))),
  commendationPoints: z.optional(
    z.strictObject({ municipal: Num, "provincial-department": Num, provincial: Num, national: Num }),
  ),
  unitCeiling: z.optional(z.union([z.literal("level-points"), Num])),
  bonusCap: z.optional(z.nullable(Num)),
  tiers: z.optional(
    z.array(
      z.strictObject({ tier: z.enum(["excellent", "competent", "basically-competent"]), min: Num }),
    ).check(capIssues()),
  ),
  excellentQuota: z.optional(Num),
  quotaRounding: z.optional(z.enum(QUOTA_ROUNDINGS)),
  roundAggregation: z.optional(z.enum(ROUND_AGGREGATIONS)),
  decimals: z.optional(z.int().check(z.minimum(0), z.maximum(4))),
  ballotQuorum: z.optional(z.nullable(Num)),
  repeatedRater: z.optional(z.enum(REPEATED_RATER_RULES)),
  minSeconds: z.optional(z.nullable(z.int().check(z.minimum(0)))),
  groupWeights: z.optional(z.nullable(groupWeightsSchema())),
}))();

/** The JSON object `definePolicy` accepts: a new `id` and the parameters to change. */
export type PolicyOverrides = z.input<typeof PolicyOverridesSchema>;

/** A decimal value in policy overrides. */
export type PolicyNum = NumInput;
