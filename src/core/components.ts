/**
 * The four scoring methods of docs/how-a-score-is-built.md (rounds, complaints, survey, scores), each on validated
 * records: window, exact value, one half-up rounding.
 */
import {
  MICRO,
  addExact,
  deductExact,
  denominatorOf,
  exact,
  meanOfRatios,
  microText,
  mulExact,
  pointTexts,
  productDenominator,
  ratio,
  rationalText,
  reducedRationalText,
  roundHalfUp,
  roundedFraction,
  roundedValue,
  type Exact,
  type Rational,
  type Rounded,
} from "../decimal.js";
import { WINDOW_RULES, inWindow, type Window } from "../dates.js";
import type { ComponentsInput, Complaint, LeaderScoreRecord, Round, Survey } from "../model/input.js";
import type { ComponentResult, Finding, TraceStep } from "../model/result.js";
import type { CompiledPolicy, SurveyComponentId } from "../policy/compile.js";
import type { ComponentDefinition, ComponentId } from "../model/components.js";

/** A scored component, with the points as an integer at the policy's decimals. */
export interface ComponentOutcome {
  readonly result: ComponentResult;
  readonly points: Exact;
  readonly missing: boolean;
  readonly findings: readonly Finding[];
}

interface Valued {
  /**
   * The exact value's text (which the value and the rounding steps write) and its points rounded
   * half-up at the policy's decimals, or `undefined` when the component has nothing to count.
   */
  readonly exact: Rounded | undefined;
  readonly counted: number;
  readonly excluded: number;
  readonly steps: readonly TraceStep[];
  readonly findings: readonly Finding[];
}

interface SortKey {
  readonly date?: string | undefined;
  readonly id?: string | undefined;
  readonly score?: number;
  readonly outOf?: number;
  readonly by?: string | undefined;
}

function compareOptional<T extends string | number>(a: T | undefined, b: T | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Trace order: date (undated first), id (id-less first), score, outOf, by. */
function byTraceOrder(a: SortKey, b: SortKey): number {
  return (
    compareOptional(a.date, b.date) ||
    compareOptional(a.id, b.id) ||
    compareOptional(a.score, b.score) ||
    compareOptional(a.outOf, b.outOf) ||
    compareOptional(a.by, b.by)
  );
}

function sortForTrace<T extends SortKey>(records: T[]): T[] {
  return records.length > 1 ? records.sort(byTraceOrder) : records;
}

interface CountedRound {
  readonly date: string;
  readonly id: string | undefined;
  readonly score: number;
  readonly outOf: number;
}

/** {@link byTraceOrder} for rounds, which always carry a date, a score and an outOf. */
function byRoundOrder(a: CountedRound, b: CountedRound): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return compareOptional(a.id, b.id) || a.score - b.score || a.outOf - b.outOf;
}

function outsideWindow(component: ComponentId, record: { readonly id?: string | undefined; readonly date: string }): Finding {
  return record.id === undefined
    ? { code: "outside-window", component, date: record.date }
    : { code: "outside-window", component, id: record.id, date: record.date };
}

/** rounds: `max × (Σ score_i / outOf_i) / n` over the rounds inside the window. */
function valueRounds(def: ComponentDefinition, rounds: readonly Round[], window: Window, cp: CompiledPolicy): Valued {
  const maxMicro = def.max * MICRO;
  const counted: CountedRound[] = [];
  const findings: Finding[] = [];
  // Σ score / outOf: one sum per distinct outOf (usually a single one, the component's max).
  let firstOutOf = -1;
  let firstSum: Exact | undefined;
  let sums: Map<number, Exact> | undefined;
  for (const round of rounds) {
    if (!inWindow(round.date, window)) {
      findings.push(outsideWindow(def.id, round));
      continue;
    }
    const outOf = round.outOf ?? maxMicro;
    const score = round.score;
    counted.push({ date: round.date, id: round.id, score, outOf });
    if (firstSum === undefined || outOf === firstOutOf) {
      firstOutOf = outOf;
      firstSum = firstSum === undefined ? exact(score) : addExact(firstSum, score);
    } else {
      sums ??= new Map<number, Exact>();
      sums.set(outOf, addExact(sums.get(outOf) ?? 0, score));
    }
  }
  const n = counted.length;
  const excluded = findings.length;
  if (firstSum === undefined) return { exact: undefined, counted: 0, excluded, steps: [], findings };
  if (n < cp.minRounds) findings.push({ code: "too-few-rounds", component: def.id, counted: n, minimum: cp.minRounds });
  if (cp.roundAggregation === "pooled") return { ...pooledRounds(def, counted, cp.decimals), counted: n, excluded, findings };
  let mean: Rounded;
  if (sums === undefined) {
    mean = roundedFraction(mulExact(firstSum, def.max), productDenominator(firstOutOf, n), cp.decimals);
  } else if (sums.size < 4) {
    // A few outOf values (a round out of 50 among rounds out of 25): summed over the product of
    // the outOf values; rationalText reduces the result.
    let num = firstSum;
    let den = exact(firstOutOf);
    for (const [outOf, sum] of sums) {
      num = addExact(mulExact(num, outOf), mulExact(sum, den));
      den = mulExact(den, outOf);
    }
    mean = roundedValue(ratio(mulExact(num, def.max), mulExact(den, n)), cp.decimals);
  } else {
    // Many outOf values: summed over their lcm without a large gcd (see meanOfRatios).
    sums.set(firstOutOf, firstSum);
    const value = meanOfRatios(sums, def.max, n);
    mean = { text: reducedRationalText(value), points: roundHalfUp(value, cp.decimals) };
  }
  if (n > 1) counted.sort(byRoundOrder);
  const terms = new Array<string>(n);
  for (let i = 0; i < n; i += 1) {
    const r = counted[i] as CountedRound;
    terms[i] = `${microText(r.score)}/${microText(r.outOf)}`;
  }
  const steps: TraceStep[] = [{ op: "mean-of-fractions", max: String(def.max), terms, value: mean.text }];
  return { exact: mean, counted: n, excluded, steps, findings };
}

/** rounds, `pooled`: `max × Σ score_i / Σ outOf_i` over the counted rounds (docs/assumptions.md `roundAggregation`). */
function pooledRounds(def: ComponentDefinition, counted: CountedRound[], decimals: number): Pick<Valued, "exact" | "steps"> {
  if (counted.length > 1) counted.sort(byRoundOrder);
  let scoreSum: Exact = exact(0);
  let outOfSum: Exact = exact(0);
  const scores = new Array<string>(counted.length);
  const outOf = new Array<string>(counted.length);
  counted.forEach((r, i) => {
    scoreSum = addExact(scoreSum, r.score);
    outOfSum = addExact(outOfSum, r.outOf);
    scores[i] = microText(r.score);
    outOf[i] = microText(r.outOf);
  });
  const pooled = roundedValue(ratio(mulExact(scoreSum, def.max), outOfSum), decimals);
  return { exact: pooled, steps: [{ op: "pooled-fraction", scores, outOf, value: pooled.text }] };
}

/** complaints: `max(0, max − Σ deduction_i)` over the verified complaints inside the window. */
function valueComplaints(def: ComponentDefinition, complaints: readonly Complaint[], window: Window, cp: CompiledPolicy): Valued {
  const findings: Finding[] = [];
  const verified: { date: string; id: string; deduction: number; source: "complaint" | "policy" }[] = [];
  let unverified = 0;
  let sum: Exact = exact(0);
  for (const complaint of complaints) {
    if (!inWindow(complaint.date, window)) {
      findings.push(outsideWindow(def.id, complaint));
    } else if (!complaint.verified) {
      unverified += 1;
    } else {
      const own = complaint.deduction ?? cp.deductionMicro;
      verified.push({ date: complaint.date, id: complaint.id, deduction: own, source: complaint.deduction === undefined ? "policy" : "complaint" });
      sum = addExact(sum, own);
    }
  }
  const maxMicro = def.max * MICRO;
  const value = roundedFraction(deductExact(maxMicro, sum), productDenominator(MICRO, 1), cp.decimals);
  const sorted = sortForTrace(verified);
  const deductions = new Array<string>(sorted.length);
  const sources = new Array<{ id: string; deduction: string; source: "complaint" | "policy" }>(sorted.length);
  for (let i = 0; i < sorted.length; i += 1) {
    const v = sorted[i] as (typeof verified)[number];
    deductions[i] = microText(v.deduction);
    sources[i] = { id: v.id, deduction: deductions[i] as string, source: v.source };
  }
  const steps: TraceStep[] = [{ op: "deduct", max: String(def.max), deductions, complaints: sources, unverified, value: value.text }];
  return { exact: value, counted: verified.length + unverified, excluded: findings.length, steps, findings };
}

/** One rater group's share of a group-weighted survey: its weight (micro units) and its votes. */
export interface GroupVotes {
  readonly weight: number;
  /** `s·w_s + b·w_b + d·w_d`, in micro units. */
  readonly weighted: Exact;
  /** `s + b + d`, more than 0. */
  readonly answered: Exact;
}

/**
 * A group-weighted survey's exact value (docs/ballots.md): `max × Σ ω_g·f_g / Σ ω_g` with
 * `f_g = weighted_g / answered_g`, over groups that each have votes; rounded by the caller, once.
 *
 * @example
 * ```ts
 * // 商户 1 of 1 satisfied (weight 2), 市民群众 0 of 1 (weight 1): 15 × (2·1 + 1·0) / 3 = 10
 * rationalText(groupWeightedValue(15, [{ weight: 2_000_000, weighted: exact(1_000_000), answered: exact(1) }, { weight: 1_000_000, weighted: exact(0), answered: exact(1) }]));
 * //=> "10"
 * ```
 */
export function groupWeightedValue(max: number, groups: readonly GroupVotes[]): Rational {
  // Σ ω_g·weighted_g / (answered_g·10^6) as one fraction over the product of the denominators.
  let num: Exact = exact(0);
  let den: Exact = exact(1);
  let weights: Exact = exact(0);
  for (const g of groups) {
    const gDen = mulExact(g.answered, MICRO);
    num = addExact(mulExact(num, gDen), mulExact(mulExact(g.weight, g.weighted), den));
    den = mulExact(den, gDen);
    weights = addExact(weights, g.weight);
  }
  return ratio(mulExact(num, max), mulExact(den, weights));
}

/** survey under `groupWeights` (docs/ballots.md): the named groups with votes, weights renormalised. */
function valueGroupWeighted(def: ComponentDefinition, survey: Survey, weights: ReadonlyMap<string, number>, cp: CompiledPolicy): Valued {
  const w = cp.weights;
  const own = (survey.groups ?? {}) as Readonly<Record<string, Survey["ballots"]>>;
  const votes: GroupVotes[] = [];
  const shown: { group: string; weight: string; fraction: string }[] = [];
  const missing: Finding[] = [];
  for (const [group, weight] of weights) {
    const counts = Object.hasOwn(own, group) ? own[group] : undefined;
    const answered = counts === undefined ? exact(0) : addExact(addExact(counts.satisfied, counts.basicallySatisfied), counts.dissatisfied);
    if (counts === undefined || answered.isZero()) {
      missing.push({ code: "group-missing", component: def.id, group });
      continue;
    }
    const weighted = addExact(addExact(mulExact(counts.satisfied, w.satisfied), mulExact(counts.basicallySatisfied, w.basicallySatisfied)), mulExact(counts.dissatisfied, w.dissatisfied));
    votes.push({ weight, weighted, answered });
    shown.push({ group, weight: microText(weight), fraction: rationalText(ratio(weighted, mulExact(answered, MICRO))) });
  }
  if (votes.length === 0) return { exact: undefined, counted: 0, excluded: 0, steps: [], findings: [] };
  const value = roundedValue(groupWeightedValue(def.max, votes), cp.decimals);
  return { exact: value, counted: 1, excluded: 0, steps: [{ op: "group-weighted", groups: shown, value: value.text }], findings: missing };
}

/** `sum + count × term`, where a zero count or an absent (zero) term adds nothing. */
function plusTerm(sum: Exact | undefined, count: number, term: Exact | undefined): Exact | undefined {
  if (count === 0 || term === undefined) return sum;
  const product = mulExact(count, term);
  return sum === undefined ? product : addExact(sum, product);
}

/** survey: `max × (s·w_s + b·w_b + d·w_d) / (s + b + d)`; `unknown` is not counted. */
function valueSurvey(def: ComponentDefinition, survey: Survey, window: Window, cp: CompiledPolicy): Valued {
  if (survey.date !== undefined && !inWindow(survey.date, window)) {
    return { exact: undefined, counted: 0, excluded: 1, steps: [], findings: [{ code: "outside-window", component: def.id, date: survey.date }] };
  }
  const groupWeights = cp.groupWeights[def.id];
  if (groupWeights !== undefined) return valueGroupWeighted(def, survey, groupWeights, cp);
  const { satisfied: s, basicallySatisfied: b, dissatisfied: d } = survey.ballots;
  // A count of ballots, exact as a `number` while it is a safe integer (it always is in practice).
  const sum = s + b + d;
  const answered = Number.isSafeInteger(sum) ? sum : addExact(addExact(s, b), d);
  if (answered === 0) return { exact: undefined, counted: 0, excluded: 0, steps: [], findings: [] };
  // max × (s·w_s + b·w_b + d·w_d) as Σ count × (weight × max), the products made once per policy.
  const terms = cp.surveyTerms[def.id as SurveyComponentId];
  const num = plusTerm(plusTerm(plusTerm(undefined, s, terms.satisfied), b, terms.basicallySatisfied), d, terms.dissatisfied);
  const den = typeof answered === "number" ? productDenominator(answered, MICRO) : denominatorOf(mulExact(answered, MICRO));
  const value = roundedFraction(num ?? exact(0), den, cp.decimals);
  const texts = cp.weightTexts;
  const step: TraceStep = {
    op: "weighted-ballots",
    max: String(def.max),
    satisfied: String(s),
    basicallySatisfied: String(b),
    dissatisfied: String(d),
    unknown: String(survey.ballots.unknown ?? 0),
    weights: { satisfied: texts.satisfied, basicallySatisfied: texts.basicallySatisfied, dissatisfied: texts.dissatisfied },
    value: value.text,
  };
  return { exact: value, counted: 1, excluded: 0, steps: [step], findings: [] };
}

/** scores: the mean of the scores inside the window. */
function valueScores(def: ComponentDefinition, scores: readonly LeaderScoreRecord[], window: Window, decimals: number): Valued {
  const findings: Finding[] = [];
  const counted: { date: string | undefined; score: number; by: string | undefined }[] = [];
  let sum: Exact | undefined;
  for (const record of scores) {
    if (record.date !== undefined && !inWindow(record.date, window)) {
      findings.push({ code: "outside-window", component: def.id, date: record.date });
      continue;
    }
    const score = record.score;
    counted.push({ date: record.date, score, by: record.by });
    sum = sum === undefined ? exact(score) : addExact(sum, score);
  }
  const n = counted.length;
  if (sum === undefined) return { exact: undefined, counted: 0, excluded: findings.length, steps: [], findings };
  const value = roundedFraction(sum, productDenominator(n, MICRO), decimals);
  const sorted = sortForTrace(counted);
  const terms = new Array<string>(n);
  for (let i = 0; i < n; i += 1) terms[i] = microText((sorted[i] as (typeof counted)[number]).score);
  return { exact: value, counted: n, excluded: findings.length, steps: [{ op: "mean", terms, value: value.text }], findings };
}

function valueOf(def: ComponentDefinition, components: ComponentsInput, window: Window, cp: CompiledPolicy): Valued | undefined {
  // One property name per case: a computed `components[def.id]` is a megamorphic keyed load.
  switch (def.id) {
    case "routineInspection":
      return components.routineInspection === undefined ? undefined : valueRounds(def, components.routineInspection.rounds, window, cp);
    case "specialInspection":
      return components.specialInspection === undefined ? undefined : valueRounds(def, components.specialInspection.rounds, window, cp);
    case "unannouncedVisit":
      return components.unannouncedVisit === undefined ? undefined : valueRounds(def, components.unannouncedVisit.rounds, window, cp);
    case "complaints": {
      const data = components.complaints;
      return data === undefined ? undefined : valueComplaints(def, data.complaints, window, cp);
    }
    case "serviceRecipients":
      return components.serviceRecipients === undefined ? undefined : valueSurvey(def, components.serviceRecipients, window, cp);
    case "deputies":
      return components.deputies === undefined ? undefined : valueSurvey(def, components.deputies, window, cp);
    case "countyCounterparts":
      return components.countyCounterparts === undefined ? undefined : valueSurvey(def, components.countyCounterparts, window, cp);
    case "cityLeaders": {
      const data = components.cityLeaders;
      return data === undefined ? undefined : valueScores(def, data.scores, window, cp.decimals);
    }
  }
}

/** The two windows of an evaluation year: 日常考评's and 综合评价's. */
export interface YearWindows {
  readonly daily: Window;
  readonly comprehensive: Window;
}

/**
 * The windows of evaluation year `year` under the policy's `dailyWindow` and
 * `comprehensiveWindow`, computed once per participant-year by the caller.
 */
export function windowsOf(year: number, cp: CompiledPolicy): YearWindows {
  let byYear = WINDOWS.get(cp);
  if (byYear === undefined) {
    byYear = new Map<number, YearWindows>();
    WINDOWS.set(cp, byYear);
  }
  let windows = byYear.get(year);
  if (windows === undefined) {
    const p = cp.policy.parameters;
    windows = { daily: WINDOW_RULES[p.dailyWindow.value](year), comprehensive: WINDOW_RULES[p.comprehensiveWindow.value](year) };
    // A policy's windows depend on the year alone: each year's are computed once (years are bounded).
    byYear.set(year, windows);
  }
  return windows;
}

/** The windows {@link windowsOf} has computed, per compiled policy and year. */
const WINDOWS = new WeakMap<CompiledPolicy, Map<number, YearWindows>>();

/** A component's result, keys in the order of docs/formats.md (`missing` only when it is). */
function componentResult(
  def: ComponentDefinition,
  points: string,
  missing: boolean,
  counted: number,
  excluded: number,
  trace: TraceStep[],
): ComponentResult {
  const { id, label, group, clause } = def;
  const max = String(def.max);
  return missing
    ? { id, label, group, clause, max, points, missing: true, counted, excluded, trace }
    : { id, label, group, clause, max, points, counted, excluded, trace };
}

/**
 * Scores one component: its window, its exact value, and the one half-up rounding.
 * A component with nothing to count is `missing` and scores zero.
 */
export function scoreComponent(def: ComponentDefinition, components: ComponentsInput, windows: YearWindows, cp: CompiledPolicy): ComponentOutcome {
  const window = def.group === "daily" ? windows.daily : windows.comprehensive;
  const valued = valueOf(def, components, window, cp);
  const windowStep: TraceStep = { op: "window", from: window.from, to: window.to };
  if (valued === undefined || valued.exact === undefined) {
    const trace: TraceStep[] = [windowStep, { op: "missing" }];
    const findings: Finding[] = valued === undefined ? [] : valued.findings.slice();
    findings.push({ code: "missing-component", component: def.id });
    const result = componentResult(def, cp.zeroText, true, valued?.counted ?? 0, valued?.excluded ?? 0, trace);
    return { result, points: exact(0), missing: true, findings };
  }
  const points = valued.exact.points;
  // Trace numbers are canonical (docs/formats.md): "4.7", not the points' fixed-point "4.70".
  const { fixed: text, canonical } = pointTexts(points, cp.decimals);
  const rounding: TraceStep = { op: "round-half-up", from: valued.exact.text, to: canonical };
  // Every method has exactly one value step.
  const trace: TraceStep[] = valued.steps.length === 1 ? [windowStep, valued.steps[0] as TraceStep, rounding] : [windowStep, ...valued.steps, rounding];
  const result = componentResult(def, text, false, valued.counted, valued.excluded, trace);
  return { result, points, missing: false, findings: valued.findings };
}
