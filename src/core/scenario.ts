/**
 * Scenarios (docs/sensitivity.md): a participant-year scored once, then re-totalled exactly under other
 * values of the parameters a sensitivity analysis varies — the two survey weights, the complaint
 * deduction, the round aggregation — and a field of them ranked as `rank()` ranks results.
 *
 * A profile keeps what those parameters act on: the points of everything else, the inspection
 * components' points under each aggregation, the complaints' own deductions and the count that
 * take the default one, and each survey's ballots. A scenario's total is then the same integer sum
 * `score()` computes under the scenario's policy (a law test holds the two together), at a small
 * fraction of its cost.
 *
 * @internal
 */
import { MICRO, addExact, deductExact, exact, mulExact, ratio, roundHalfUp, toMicro, type Exact } from "../decimal.js";
import type { ScoreInput } from "../model/input.js";
import { ROUND_AGGREGATIONS, type QuotaRounding, type RoundAggregation, type Tier } from "../model/policy.js";
import type { RankGrouping } from "../model/rank.js";
import type { ScoreResult } from "../model/result.js";
import { CATEGORIES } from "../model/participant.js";
import type { CompiledPolicy } from "../policy/compile.js";
import { COMPONENTS, type ComponentId } from "../model/components.js";
import { scoreBonus } from "./bonus.js";
import { groupWeightedValue, scoreComponent, windowsOf, type GroupVotes } from "./components.js";
import { applyExcellentQuota } from "./rank.js";
import { scoreParticipantYear } from "./score.js";
import { tierOf } from "./tiers.js";

/** The values of the varied parameters in one scenario; weights and deduction in micro units. */
export interface Scenario {
  readonly basicallySatisfied: number;
  readonly dissatisfied: number;
  readonly complaintDeduction: number;
  readonly roundAggregation: RoundAggregation;
  readonly quotaRounding: QuotaRounding;
  /** The rater group weights in micro units, per survey component (docs/ballots.md); none: pooled. */
  readonly groupWeights: CompiledPolicy["groupWeights"];
}

interface SurveyCounts {
  readonly component: ComponentId;
  readonly max: number;
  readonly satisfied: number;
  readonly basicallySatisfied: number;
  readonly dissatisfied: number;
  /** The counts per rater group, when the survey has them. */
  readonly groups: Readonly<Record<string, { readonly satisfied: number; readonly basicallySatisfied: number; readonly dissatisfied: number }>> | undefined;
}

/** One participant-year, scored under the base policy, reduced to what the scenarios change. */
export interface Profile {
  /** The result under the base policy. */
  readonly result: ScoreResult;
  /** Final and not vetoed: takes a rank. Neither changes between scenarios. */
  readonly ranked: boolean;
  /** Points (at the policy's decimals) no scenario changes: bonus, leaders' scores, missing parts. */
  readonly fixed: Exact;
  /** The inspection components' points summed, per round aggregation. */
  readonly rounds: Readonly<Record<RoundAggregation, Exact>>;
  /** The complaints component: its max, the counted complaints' own deductions, how many take the default. */
  readonly complaints: { readonly max: number; readonly own: Exact; readonly defaults: number } | undefined;
  readonly surveys: readonly SurveyCounts[];
}

/**
 * The profile of a validated participant-year under a compiled policy.
 *
 * @example
 * ```ts
 * const p = profileOf(input, compilePolicy(xuancheng2022));
 * totalOf(p, baseScenario(xuancheng2022), compilePolicy(xuancheng2022)); //=> 9323 (93.23, an Exact)
 * ```
 */
export function profileOf(input: ScoreInput, cp: CompiledPolicy): Profile {
  const { result, missing } = scoreParticipantYear(input, cp);
  const windows = windowsOf(input.year, cp);
  let fixed: Exact = scoreBonus(input.commendations ?? [], input.year, cp).points;
  const rounds: Record<RoundAggregation, Exact> = { "mean-of-fractions": exact(0), pooled: exact(0) };
  let complaints: Profile["complaints"];
  const surveys: SurveyCounts[] = [];
  const components = input.components;
  for (const def of COMPONENTS) {
    if (missing.includes(def.id)) continue;
    if (def.method === "rounds") {
      for (const aggregation of ROUND_AGGREGATIONS) {
        rounds[aggregation] = addExact(rounds[aggregation], scoreComponent(def, components, windows, { ...cp, roundAggregation: aggregation }).points);
      }
    } else if (def.method === "complaints") {
      // The engine's own count, from the base result's trace: each counted complaint's deduction
      // and whether it is the complaint's own or the policy's default.
      const step = result.components.find((c) => c.id === def.id)?.trace.find((t) => t.op === "deduct");
      let own: Exact = exact(0);
      let defaults = 0;
      for (const { deduction, source } of step?.op === "deduct" ? step.complaints : []) {
        if (source === "policy") defaults += 1;
        else own = addExact(own, toMicro(deduction) as number);
      }
      complaints = { max: def.max, own, defaults };
    } else if (def.method === "survey") {
      const survey = components[def.id as "serviceRecipients" | "deputies" | "countyCounterparts"];
      if (survey !== undefined) surveys.push({ component: def.id, max: def.max, ...survey.ballots, groups: survey.groups });
    } else {
      fixed = addExact(fixed, scoreComponent(def, components, windows, cp).points);
    }
  }
  return { result, ranked: result.status === "final" && !result.vetoed, fixed, rounds, complaints, surveys };
}

/**
 * The scenario of a policy's own values.
 *
 * @example
 * ```ts
 * baseScenario(compilePolicy(xuancheng2022)); //=> { basicallySatisfied: 600000, dissatisfied: 0, complaintDeduction: 1000000, roundAggregation: "mean-of-fractions", quotaRounding: "floor" }
 * ```
 */
export function baseScenario(cp: CompiledPolicy): Scenario {
  const p = cp.policy.parameters;
  return {
    basicallySatisfied: cp.weights.basicallySatisfied,
    dissatisfied: cp.weights.dissatisfied,
    complaintDeduction: cp.deductionMicro,
    roundAggregation: p.roundAggregation.value,
    quotaRounding: p.quotaRounding.value,
    groupWeights: cp.groupWeights,
  };
}

/**
 * A profile's total under a scenario, at the policy's decimals: the sum `score()` computes, each
 * changed component rounded half-up once as there.
 *
 * @example
 * ```ts
 * totalOf(profile, { ...baseScenario(cp), complaintDeduction: 2_000_000 }, cp); //=> 9123 (91.23, an Exact)
 * ```
 */
export function totalOf(p: Profile, s: Scenario, cp: CompiledPolicy): Exact {
  let total = addExact(p.fixed, p.rounds[s.roundAggregation]);
  const c = p.complaints;
  if (c !== undefined) {
    const sum = addExact(c.own, mulExact(c.defaults, s.complaintDeduction));
    total = addExact(total, roundHalfUp(ratio(deductExact(mulExact(c.max, MICRO), sum), MICRO), cp.decimals));
  }
  const ws = cp.weights.satisfied;
  const weigh = (c: { readonly satisfied: number; readonly basicallySatisfied: number; readonly dissatisfied: number }): Exact =>
    addExact(addExact(mulExact(c.satisfied, ws), mulExact(c.basicallySatisfied, s.basicallySatisfied)), mulExact(c.dissatisfied, s.dissatisfied));
  for (const v of p.surveys) {
    const groupWeights = s.groupWeights[v.component];
    if (groupWeights !== undefined) {
      // docs/ballots.md: the named groups with votes (the inputs were checked to have some under each value tried).
      const votes: GroupVotes[] = [];
      for (const [group, weight] of groupWeights) {
        const c = v.groups !== undefined && Object.hasOwn(v.groups, group) ? v.groups[group] : undefined;
        const answered = c === undefined ? 0 : c.satisfied + c.basicallySatisfied + c.dissatisfied;
        if (c !== undefined && answered > 0) votes.push({ weight, weighted: weigh(c), answered: exact(answered) });
      }
      if (votes.length > 0) total = addExact(total, roundHalfUp(groupWeightedValue(v.max, votes), cp.decimals));
      continue;
    }
    const answered = addExact(addExact(v.satisfied, v.basicallySatisfied), v.dissatisfied);
    total = addExact(total, roundHalfUp(ratio(mulExact(weigh(v), v.max), mulExact(answered, MICRO)), cp.decimals));
  }
  return total;
}

/**
 * Exact integers compared: negative, zero or positive.
 *
 * @example
 * ```ts
 * compareExact(exact(9105), exact(2 ** 60)); //=> -1
 * ```
 */
export function compareExact(a: Exact, b: Exact): number {
  return a.cmp(b);
}

/** The bodies of a field grouped as `rank()` groups them: ranked members by participant id. */
export interface Field {
  readonly profiles: readonly Profile[];
  /** Per group, the indices of its ranked members, sorted by participant id. */
  readonly groups: readonly (readonly number[])[];
  readonly cp: CompiledPolicy;
}

/**
 * The field of profiles, grouped by category (in category order) or as one group.
 *
 * @example
 * ```ts
 * fieldOf(profiles, "category", cp).groups.length; //=> 2 (the categories with a ranked body)
 * ```
 */
export function fieldOf(profiles: readonly Profile[], by: RankGrouping | undefined, cp: CompiledPolicy): Field {
  const byId = (a: number, b: number): number => {
    const x = (profiles[a] as Profile).result.participant.id;
    const y = (profiles[b] as Profile).result.participant.id;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const ranked = profiles.map((_, i) => i).filter((i) => (profiles[i] as Profile).ranked).sort(byId);
  const groups =
    by === undefined
      ? [ranked]
      : CATEGORIES.map((category) => ranked.filter((i) => (profiles[i] as Profile).result.participant.category === category)).filter((g) => g.length > 0);
  return { profiles, groups, cp };
}

/** Ranks (0 for unranked) and tiers of every body of a field under one scenario. */
export interface Standing {
  readonly totals: readonly Exact[];
  readonly ranks: Int32Array;
  readonly tiers: readonly (Tier | null)[];
}

/**
 * Totals, competition ranks and tiers (quota applied) of a field under a scenario: the ranks and
 * tiers `rank()` gives the results `score()` would give under the scenario's policy.
 *
 * @example
 * ```ts
 * standingOf(field, baseScenario(cp)).ranks; //=> Int32Array [2, 0, 1, …] (0: unranked)
 * ```
 */
export function standingOf(field: Field, s: Scenario): Standing {
  const { profiles, cp } = field;
  const totals = profiles.map((p) => totalOf(p, s, cp));
  const ranks = new Int32Array(profiles.length);
  // Unranked bodies keep their result's tier (不称职 when vetoed, none when provisional).
  const tiers: (Tier | null)[] = profiles.map((p) => p.result.tier);
  const quotaShare = cp.policy.parameters.excellentQuota.value;
  const quota = quotaShare === null ? null : { share: quotaShare, rounding: s.quotaRounding };
  for (const group of field.groups) {
    const order = group.slice().sort((a, b) => compareExact(totals[b] as Exact, totals[a] as Exact)); // stable: ties by id
    const groupRanks: number[] = [];
    order.forEach((body, i) => {
      const previous = order[i - 1];
      groupRanks.push(previous !== undefined && compareExact(totals[previous] as Exact, totals[body] as Exact) === 0 ? (groupRanks[i - 1] as number) : i + 1);
    });
    const byScore = order.map((body) => ({ tier: tierOf(totals[body] as Exact, false, false, cp) }));
    const quotaTiers = applyExcellentQuota(byScore, groupRanks, quota);
    order.forEach((body, i) => {
      ranks[body] = groupRanks[i] as number;
      tiers[body] = quotaTiers[i] ?? null;
    });
  }
  return { totals, ranks, tiers };
}
