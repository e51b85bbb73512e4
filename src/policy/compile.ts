/**
 * A policy turned into the integers the scoring hot path uses, built once per policy value.
 *
 * @internal
 */
import { fixed, microText, microToScaled, mulExact, toMicro, type Exact } from "../decimal.js";
import { inputValue, readInput, type InputValue, type ScoreInput } from "../model/input.js";
import { COMPONENTS, type ComponentId } from "../model/components.js";
import { LEVELS, type AssumptionId, type GroupWeights, type Level, type Policy, type PolicyParameters, type RoundAggregation, type Tier } from "../model/policy.js";

/** A policy's parameters as exact integers. */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly decimals: number;
  /** Zero at `decimals` places (`"0.00"`): the points of a missing component, of no bonus. */
  readonly zeroText: string;
  readonly minRounds: number;
  /** How the rounds of an inspection component combine. */
  readonly roundAggregation: RoundAggregation;
  /** Commendation points per level, at `decimals` places. */
  readonly levelPoints: Readonly<Record<Level, Exact>>;
  /** Survey weights in micro units. */
  readonly weights: { readonly satisfied: number; readonly basicallySatisfied: number; readonly dissatisfied: number };
  /**
   * Per survey component, each weight times the component's maximum (micro units), `undefined`
   * for a weight of zero: a survey's numerator `max × Σ count·weight` is `Σ count·(weight × max)`.
   */
  readonly surveyTerms: Readonly<Record<SurveyComponentId, SurveyTerms>>;
  /** The survey weights as the trace writes them (`"0.6"`). */
  readonly weightTexts: { readonly satisfied: string; readonly basicallySatisfied: string; readonly dissatisfied: string };
  /** The default deduction per verified complaint, in micro units. */
  readonly deductionMicro: number;
  /** The bonus cap at `decimals` places, or `null`. */
  readonly bonusCap: Exact | null;
  /** Tier thresholds at `decimals` places, highest first. */
  readonly tiers: readonly { readonly tier: Exclude<Tier, "incompetent">; readonly min: Exact }[];
  /** Rater group weights per survey component in micro units, in the policy's order (docs/ballots.md). */
  readonly groupWeights: Readonly<Partial<Record<ComponentId, ReadonlyMap<string, number>>>>;
  /** Whether each assumption is still in force (not set by a derived policy). */
  readonly assumed: ReadonlySet<AssumptionId>;
  readonly inputSchema: InputValue["schema"];
  /** The fast path of `inputSchema`: the validated input when it is certainly valid, else `undefined`. */
  readonly fastInput: (input: unknown) => ScoreInput | undefined;
}

/** The parameter each assumption is the default of (`null`: a rule no parameter sets, always assumed). */
const GOVERNING: Readonly<Record<AssumptionId, keyof PolicyParameters | null>> = {
  "round-aggregation": "roundAggregation",
  "survey-weights": "surveyWeights",
  "complaint-deduction": "complaintDeduction",
  rounding: "decimals",
  "unit-commendation-ceiling": "unitCeiling",
  "same-matter-tie-break": "sameMatterTieBreak",
  "bonus-cap": "bonusCap",
  "score-tiers": "tiers",
  "veto-period": "vetoPeriod",
  "cycle-start": "cycleStart",
  "ballot-validity": null,
  "ballot-quorum": "ballotQuorum",
  "repeated-rater": "repeatedRater",
  "ballot-speed": "minSeconds",
  "group-weights": "groupWeights",
};

/** The components scored by the survey method. */
export type SurveyComponentId = "serviceRecipients" | "deputies" | "countyCounterparts";

/** A survey's weights times its maximum, per answer; `undefined` for a weight of zero. */
export interface SurveyTerms {
  readonly satisfied: Exact | undefined;
  readonly basicallySatisfied: Exact | undefined;
  readonly dissatisfied: Exact | undefined;
}

/** {@link SurveyTerms} of every survey component under `weights` (micro units). */
function surveyTermsOf(weights: CompiledPolicy["weights"]): Readonly<Record<SurveyComponentId, SurveyTerms>> {
  const term = (weight: number, max: number): Exact | undefined => (weight === 0 ? undefined : mulExact(weight, max));
  const out: Partial<Record<SurveyComponentId, SurveyTerms>> = {};
  for (const def of COMPONENTS) {
    if (def.method !== "survey") continue;
    out[def.id as SurveyComponentId] = {
      satisfied: term(weights.satisfied, def.max),
      basicallySatisfied: term(weights.basicallySatisfied, def.max),
      dissatisfied: term(weights.dissatisfied, def.max),
    };
  }
  return out as Record<SurveyComponentId, SurveyTerms>;
}

const cache = new WeakMap<Policy, CompiledPolicy>();

/** A policy's group weights in micro units, per component, in the order the policy names the groups. */
export function groupWeightsOf(weights: GroupWeights | null): Readonly<Partial<Record<ComponentId, ReadonlyMap<string, number>>>> {
  if (weights === null) return {};
  const out: Partial<Record<ComponentId, ReadonlyMap<string, number>>> = {};
  for (const [component, groups] of Object.entries(weights) as [ComponentId, Readonly<Record<string, string>> | undefined][]) {
    if (groups !== undefined) out[component] = new Map(Object.entries(groups).map(([group, weight]) => [group, toMicro(weight) as number]));
  }
  return out;
}

/** The compiled form of a validated policy (memoised per policy value). */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit !== undefined) return hit;
  const p = policy.parameters;
  const decimals = p.decimals.value;
  const micro = (text: string): number => toMicro(text) as number;
  const pointsMicro = Object.fromEntries(LEVELS.map((l) => [l, micro(p.commendationPoints.value[l])])) as Record<Level, number>;
  const ceiling = p.unitCeiling.value;
  const unitCeilingMicro = Object.fromEntries(
    LEVELS.map((l) => [l, ceiling === "level-points" ? pointsMicro[l] : micro(ceiling)]),
  ) as Record<Level, number>;
  const assumed = new Set<AssumptionId>();
  for (const [assumption, key] of Object.entries(GOVERNING) as [AssumptionId, keyof PolicyParameters | null][]) {
    if (key === null || p[key].provenance.kind === "assumed") assumed.add(assumption);
  }
  const weights = {
    satisfied: micro(p.surveyWeights.value.satisfied),
    basicallySatisfied: micro(p.surveyWeights.value.basicallySatisfied),
    dissatisfied: micro(p.surveyWeights.value.dissatisfied),
  };
  const input = inputValue({ decimals, unitCeilingMicro, groupWeights: p.groupWeights.value });
  const compiled: CompiledPolicy = {
    policy,
    decimals,
    zeroText: fixed(0, decimals),
    minRounds: p.minRounds.value,
    roundAggregation: p.roundAggregation.value,
    levelPoints: Object.fromEntries(LEVELS.map((l) => [l, microToScaled(pointsMicro[l], decimals)])) as Record<Level, Exact>,
    weights,
    surveyTerms: surveyTermsOf(weights),
    weightTexts: {
      satisfied: microText(weights.satisfied),
      basicallySatisfied: microText(weights.basicallySatisfied),
      dissatisfied: microText(weights.dissatisfied),
    },
    deductionMicro: micro(p.complaintDeduction.value),
    bonusCap: p.bonusCap.value === null ? null : microToScaled(micro(p.bonusCap.value), decimals),
    tiers: p.tiers.value.map((t) => ({ tier: t.tier, min: microToScaled(micro(t.min), decimals) })),
    groupWeights: groupWeightsOf(p.groupWeights.value),
    assumed,
    inputSchema: input.schema,
    fastInput: (raw) => readInput(input, raw),
  };
  cache.set(policy, compiled);
  return compiled;
}
