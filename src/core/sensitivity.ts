/**
 * The sensitivity analysis of docs/sensitivity.md on a field of profiles: exact extremes from the corners of
 * the range, every one-at-a-time scenario, and seeded random scenarios counted into per-body
 * tallies (memory grows with the bodies, never with the samples).
 *
 * @internal
 */
import { fixed, microText, ratio, roundHalfUp, type Exact } from "../decimal.js";
import { TIERS, type QuotaRounding, type RoundAggregation, type Tier } from "../model/policy.js";
import type { RankEntry } from "../model/rank.js";
import type { OneAtATime, SensitivityEntry, SensitivityParameter, SensitivityResult } from "../model/sensitivity.js";
import { prng } from "./prng.js";
import { compareExact, standingOf, type Field, type Scenario, type Standing } from "./scenario.js";

/** A varied parameter: a continuous range in micro units (drawn on a grid of `step`), or values. */
export type Varied =
  | {
      readonly parameter: "surveyWeights.basicallySatisfied" | "surveyWeights.dissatisfied" | "complaintDeduction";
      readonly low: number;
      readonly high: number;
      readonly step: number;
    }
  | { readonly parameter: "roundAggregation"; readonly values: readonly RoundAggregation[] }
  | { readonly parameter: "quotaRounding"; readonly values: readonly QuotaRounding[] }
  /** Each value as JSON text (`"null"`: pooled), and the weights it stands for. */
  | { readonly parameter: "groupWeights"; readonly values: readonly string[]; readonly weights: readonly Scenario["groupWeights"][] };

const FIELD_OF: Readonly<Record<SensitivityParameter, keyof Scenario>> = {
  "surveyWeights.basicallySatisfied": "basicallySatisfied",
  "surveyWeights.dissatisfied": "dissatisfied",
  complaintDeduction: "complaintDeduction",
  roundAggregation: "roundAggregation",
  quotaRounding: "quotaRounding",
  groupWeights: "groupWeights",
};

const withValue = (s: Scenario, v: Varied, value: number | string): Scenario =>
  v.parameter === "groupWeights" ? { ...s, groupWeights: v.weights[v.values.indexOf(value as string)] ?? s.groupWeights } : { ...s, [FIELD_OF[v.parameter]]: value };

/** The values of one parameter the one-at-a-time scenarios take: both ends, or every value. */
const endsOf = (v: Varied): readonly (number | string)[] => ("values" in v ? v.values : [v.low, v.high]);

/** A uniform draw from a parameter's range: on its grid for a continuous one. */
function draw(v: Varied, random: () => number): number | string {
  if ("values" in v) return v.values[Math.floor(random() * v.values.length)] as string;
  const first = Math.ceil(v.low / v.step);
  const last = Math.floor(v.high / v.step);
  return first > last ? v.low : (first + Math.floor(random() * (last - first + 1))) * v.step;
}

/** Per body: how often each rank and tier occurred, and whether the rank ever moved. */
class Tally {
  readonly ranks = new Map<number, number>();
  readonly tiers = new Map<Tier | null, number>();
  stable = true;
  constructor(readonly baseRank: number) {}

  add(rank: number, tier: Tier | null): void {
    if (rank !== 0) this.ranks.set(rank, (this.ranks.get(rank) ?? 0) + 1);
    if (rank !== this.baseRank) this.stable = false;
    this.tiers.set(tier, (this.tiers.get(tier) ?? 0) + 1);
  }

  /** min, max and the nearest-rank percentiles p5, p50, p95 over `count` observations. */
  rankFigures(count: number): NonNullable<SensitivityEntry["rank"]> {
    const sorted = [...this.ranks.entries()].sort((a, b) => a[0] - b[0]);
    const percentile = (p: number): number => {
      const ordinal = Math.max(1, Math.floor((p * count + 99) / 100)); // ⌈p × count / 100⌉
      let seen = 0;
      for (const [rank, times] of sorted) {
        seen += times;
        if (seen >= ordinal) return rank;
      }
      return (sorted[sorted.length - 1] as [number, number])[0];
    };
    return {
      min: (sorted[0] as [number, number])[0],
      max: (sorted[sorted.length - 1] as [number, number])[0],
      p5: percentile(5),
      p50: percentile(50),
      p95: percentile(95),
    };
  }
}

const share = (part: number, whole: number): string => fixed(roundHalfUp(ratio(part, whole), 4), 4);

/**
 * Runs the analysis.
 *
 * @param field - The bodies, grouped for ranking, under the base policy.
 * @param base - The base policy's own scenario.
 * @param varied - The varied parameters, in the table's order.
 * @param samples - How many random scenarios.
 * @param seed - The generator's seed.
 * @param order - The base ranking (`rank()` of the base results), for the order of the output.
 * @returns The result of docs/sensitivity.md.
 * @example
 * ```ts
 * analyse(field, baseScenario(cp), varied, 1000, 1, ranking).participants[0].rank; //=> { min: 1, max: 2, p5: 1, p50: 1, p95: 2 }
 * ```
 */
export function analyse(field: Field, base: Scenario, varied: readonly Varied[], samples: number, seed: number, order: readonly RankEntry[]): SensitivityResult {
  const n = field.profiles.length;
  const decimals = field.cp.decimals;
  const baseStanding = standingOf(field, base);
  const tallies = Array.from({ length: n }, (_, i) => new Tally(baseStanding.ranks[i] as number));
  let observed = 0;
  const observe = (s: Standing): void => {
    for (let i = 0; i < n; i += 1) (tallies[i] as Tally).add(s.ranks[i] as number, s.tiers[i] as Tier | null);
    observed += 1;
  };
  observe(baseStanding);

  const indexOf = new Map(field.profiles.map((p, i) => [p.result.participant.id, i]));
  const listed = order.map((e) => indexOf.get(e.participant.id) as number);

  const oneAtATime: OneAtATime[] = [];
  for (const v of varied) {
    for (const value of endsOf(v)) {
      const s = standingOf(field, withValue(base, v, value));
      observe(s);
      let moved = 0;
      let ranked = 0;
      let rankChanged = 0;
      let tierChanged = 0;
      const results = listed.map((i) => {
        const rank = s.ranks[i] as number;
        const before = baseStanding.ranks[i] as number;
        if (rank !== 0 && before !== 0) {
          ranked += 1;
          moved += Math.abs(rank - before);
        }
        if (rank !== before) rankChanged += 1;
        if (s.tiers[i] !== baseStanding.tiers[i]) tierChanged += 1;
        const p = field.profiles[i];
        return { participantId: p?.result.participant.id as string, total: fixed(s.totals[i] as Exact, decimals), rank: rank === 0 ? null : rank, tier: s.tiers[i] ?? null };
      });
      oneAtATime.push({
        parameter: v.parameter,
        value: typeof value === "number" ? microText(value) : value,
        results,
        meanAbsRankChange: ranked === 0 ? "0.0000" : share(moved, ranked),
        rankChanged,
        tierChanged,
      });
    }
  }

  const random = prng(seed);
  for (let k = 0; k < samples; k += 1) {
    let s = base;
    for (const v of varied) s = withValue(s, v, draw(v, random));
    observe(standingOf(field, s));
  }

  const [low, high] = extremes(field, base, varied);
  const hasTiers = field.cp.tiers.length > 0;
  const participants = listed.map((i, place): SensitivityEntry => {
    const entry = order[place] as RankEntry;
    const tally = tallies[i] as Tally;
    const ranked = field.profiles[i]?.ranked === true;
    const figures: SensitivityEntry = {
      participant: entry.participant,
      base: { total: entry.total, rank: entry.rank, tier: entry.tier },
      total: { min: fixed(low[i] as Exact, decimals), max: fixed(high[i] as Exact, decimals) },
      rank: ranked ? tally.rankFigures(observed) : null,
      stable: ranked ? tally.stable : true,
    };
    if (!hasTiers) return figures;
    const tiers: Partial<Record<Tier, string>> = {};
    for (const tier of TIERS) {
      const times = tally.tiers.get(tier);
      if (times !== undefined) tiers[tier] = share(times, observed);
    }
    return { participant: figures.participant, base: figures.base, total: figures.total, rank: figures.rank, tiers, stable: figures.stable };
  });

  const parameters = varied.map((v) =>
    "values" in v ? { parameter: v.parameter, values: [...v.values] } : { parameter: v.parameter, range: [microText(v.low), microText(v.high)] as [string, string] },
  );
  return { parameters, samples, seed, participants, oneAtATime };
}

/**
 * Each body's exact lowest and highest total over the whole range, the base included. Every
 * component's points are monotone in each continuous parameter (non-decreasing in both survey
 * weights, non-increasing in the deduction) and the total is their sum, so the extremes lie at
 * the corners: low weights and the high deduction for the minimum, the opposite for the maximum,
 * under each round aggregation in turn. The quota rounding changes no total.
 */
function extremes(field: Field, base: Scenario, varied: readonly Varied[]): [Exact[], Exact[]] {
  const end = (parameter: SensitivityParameter, lowest: boolean): number | undefined => {
    const v = varied.find((x) => x.parameter === parameter);
    if (v === undefined || "values" in v) return undefined;
    return lowest === (parameter === "complaintDeduction") ? v.high : v.low;
  };
  const aggregations = varied.find((x) => x.parameter === "roundAggregation");
  const groupings = varied.find((x) => x.parameter === "groupWeights");
  const corners: Scenario[] = [base];
  for (const roundAggregation of aggregations !== undefined && "values" in aggregations ? aggregations.values : [base.roundAggregation]) {
    // each group weighting in turn: within one, every survey is monotone in both weights
    for (const groupWeights of groupings?.parameter === "groupWeights" ? groupings.weights : [base.groupWeights]) {
      for (const lowest of [true, false]) {
        corners.push({
          ...base,
          basicallySatisfied: end("surveyWeights.basicallySatisfied", lowest) ?? base.basicallySatisfied,
          dissatisfied: end("surveyWeights.dissatisfied", lowest) ?? base.dissatisfied,
          complaintDeduction: end("complaintDeduction", lowest) ?? base.complaintDeduction,
          roundAggregation: roundAggregation as RoundAggregation,
          groupWeights,
        });
      }
    }
  }
  const totals = corners.map((s) => standingOf(field, s).totals);
  const first = totals[0] as readonly Exact[];
  const low = first.slice();
  const high = first.slice();
  for (const t of totals) {
    t.forEach((x, i) => {
      if (compareExact(x, low[i] as Exact) < 0) low[i] = x;
      if (compareExact(x, high[i] as Exact) > 0) high[i] = x;
    });
  }
  return [low, high];
}
