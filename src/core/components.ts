/**
 * The four scoring methods of SPEC §4 (rounds, complaints, survey, scores), each on validated
 * records: window, exact value, one half-up rounding.
 */
import {
  MICRO,
  addExact,
  addRational,
  fixed,
  microText,
  ratio,
  rationalText,
  roundHalfUp,
  toMicro,
  type Rational,
} from "../decimal.js";
import { comprehensiveWindow, dailyWindow, inWindow, type Window } from "../dates.js";
import type { ComponentsInput, Complaint, LeaderScoreRecord, Round, Survey } from "../model/input.js";
import type { ComponentResult, Finding, TraceStep } from "../model/result.js";
import type { CompiledPolicy } from "../policy/compile.js";
import type { ComponentDefinition, ComponentId } from "../policy/components.js";

/** A scored component, with the points as an integer at the policy's decimals. */
export interface ComponentOutcome {
  readonly result: ComponentResult;
  readonly points: number;
  readonly missing: boolean;
  readonly findings: readonly Finding[];
}

interface Valued {
  /** The exact value, or `undefined` when the component has nothing to count. */
  readonly value: Rational | undefined;
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

function outsideWindow(component: ComponentId, record: { readonly id?: string | undefined; readonly date: string }): Finding {
  return record.id === undefined
    ? { code: "outside-window", component, date: record.date }
    : { code: "outside-window", component, id: record.id, date: record.date };
}

/** rounds: `max × (Σ score_i / outOf_i) / n` over the rounds inside the window. */
function valueRounds(def: ComponentDefinition, rounds: readonly Round[], window: Window, cp: CompiledPolicy): Valued {
  const maxMicro = def.max * MICRO;
  const counted: { date: string; id: string | undefined; score: number; outOf: number }[] = [];
  const findings: Finding[] = [];
  for (const round of rounds) {
    if (!inWindow(round.date, window)) {
      findings.push(outsideWindow(def.id, round));
      continue;
    }
    const outOf = round.outOf === undefined ? maxMicro : (toMicro(round.outOf) as number);
    counted.push({ date: round.date, id: round.id, score: toMicro(round.score) as number, outOf });
  }
  const n = counted.length;
  const steps: TraceStep[] = [];
  if (n === 0) return { value: undefined, counted: 0, excluded: findings.length, steps, findings };
  if (n < cp.minRounds) findings.push({ code: "too-few-rounds", component: def.id, counted: n, minimum: cp.minRounds });
  const sums = new Map<number, number | bigint>();
  for (const round of counted) sums.set(round.outOf, addExact(sums.get(round.outOf) ?? 0, round.score));
  let fraction: Rational | undefined;
  for (const [outOf, sum] of sums) {
    const term = ratio(sum, outOf);
    fraction = fraction === undefined ? term : addRational(fraction, term);
  }
  const total = fraction as Rational;
  const value: Rational = { num: total.num * BigInt(def.max), den: total.den * BigInt(n) };
  const terms = sortForTrace(counted).map((r) => `${microText(r.score)}/${microText(r.outOf)}`);
  steps.push({ op: "mean-of-fractions", max: String(def.max), terms, value: rationalText(value) });
  return { value, counted: n, excluded: findings.length, steps, findings };
}

/** complaints: `max(0, max − Σ deduction_i)` over the verified complaints inside the window. */
function valueComplaints(def: ComponentDefinition, complaints: readonly Complaint[], window: Window, cp: CompiledPolicy): Valued {
  const findings: Finding[] = [];
  const verified: { date: string; id: string; deduction: number }[] = [];
  let unverified = 0;
  for (const complaint of complaints) {
    if (!inWindow(complaint.date, window)) {
      findings.push(outsideWindow(def.id, complaint));
    } else if (!complaint.verified) {
      unverified += 1;
    } else {
      const own = complaint.deduction === undefined ? cp.deductionMicro : (toMicro(complaint.deduction) as number);
      verified.push({ date: complaint.date, id: complaint.id, deduction: own });
    }
  }
  let sum: number | bigint = 0;
  for (const complaint of verified) sum = addExact(sum, complaint.deduction);
  const remaining = BigInt(def.max * MICRO) - BigInt(sum);
  const value = ratio(remaining > 0n ? remaining : 0n, MICRO);
  const steps: TraceStep[] = [
    {
      op: "deduct",
      max: String(def.max),
      deductions: sortForTrace(verified).map((c) => microText(c.deduction)),
      unverified,
      value: rationalText(value),
    },
  ];
  return { value, counted: verified.length + unverified, excluded: findings.length, steps, findings };
}

/** survey: `max × (s·w_s + b·w_b + d·w_d) / (s + b + d)`; `unknown` is not counted. */
function valueSurvey(def: ComponentDefinition, survey: Survey, window: Window, cp: CompiledPolicy): Valued {
  if (survey.date !== undefined && !inWindow(survey.date, window)) {
    return { value: undefined, counted: 0, excluded: 1, steps: [], findings: [{ code: "outside-window", component: def.id, date: survey.date }] };
  }
  const { satisfied: s, basicallySatisfied: b, dissatisfied: d } = survey.ballots;
  const answered = BigInt(s) + BigInt(b) + BigInt(d);
  if (answered === 0n) return { value: undefined, counted: 0, excluded: 0, steps: [], findings: [] };
  const w = cp.weights;
  const weighted = BigInt(s) * BigInt(w.satisfied) + BigInt(b) * BigInt(w.basicallySatisfied) + BigInt(d) * BigInt(w.dissatisfied);
  const value = { num: weighted * BigInt(def.max), den: answered * BigInt(MICRO) };
  const step: TraceStep = {
    op: "weighted-ballots",
    max: String(def.max),
    satisfied: String(s),
    basicallySatisfied: String(b),
    dissatisfied: String(d),
    unknown: String(survey.ballots.unknown ?? 0),
    weights: {
      satisfied: microText(w.satisfied),
      basicallySatisfied: microText(w.basicallySatisfied),
      dissatisfied: microText(w.dissatisfied),
    },
    value: rationalText(value),
  };
  return { value, counted: 1, excluded: 0, steps: [step], findings: [] };
}

/** scores: the mean of the scores inside the window. */
function valueScores(def: ComponentDefinition, scores: readonly LeaderScoreRecord[], window: Window): Valued {
  const findings: Finding[] = [];
  const counted: { date: string | undefined; score: number; by: string | undefined }[] = [];
  for (const record of scores) {
    if (record.date !== undefined && !inWindow(record.date, window)) {
      findings.push({ code: "outside-window", component: def.id, date: record.date });
      continue;
    }
    counted.push({ date: record.date, score: toMicro(record.score) as number, by: record.by });
  }
  if (counted.length === 0) return { value: undefined, counted: 0, excluded: findings.length, steps: [], findings };
  let sum: number | bigint = 0;
  for (const record of counted) sum = addExact(sum, record.score);
  const value = ratio(sum, counted.length * MICRO);
  const terms = sortForTrace(counted).map((r) => microText(r.score));
  return { value, counted: counted.length, excluded: findings.length, steps: [{ op: "mean", terms, value: rationalText(value) }], findings };
}

function valueOf(def: ComponentDefinition, components: ComponentsInput, window: Window, cp: CompiledPolicy): Valued | undefined {
  switch (def.id) {
    case "routineInspection":
    case "specialInspection":
    case "unannouncedVisit": {
      const data = components[def.id];
      return data === undefined ? undefined : valueRounds(def, data.rounds, window, cp);
    }
    case "complaints": {
      const data = components.complaints;
      return data === undefined ? undefined : valueComplaints(def, data.complaints, window, cp);
    }
    case "serviceRecipients":
    case "deputies":
    case "countyCounterparts": {
      const data = components[def.id];
      return data === undefined ? undefined : valueSurvey(def, data, window, cp);
    }
    case "cityLeaders": {
      const data = components.cityLeaders;
      return data === undefined ? undefined : valueScores(def, data.scores, window);
    }
  }
}

/** The window of a component's group for evaluation year `year`. */
export function windowOf(def: ComponentDefinition, year: number): Window {
  return def.group === "daily" ? dailyWindow(year) : comprehensiveWindow(year);
}

/**
 * Scores one component: its window, its exact value, and the one half-up rounding.
 * A component with nothing to count is `missing` and scores zero.
 */
export function scoreComponent(def: ComponentDefinition, components: ComponentsInput, year: number, cp: CompiledPolicy): ComponentOutcome {
  const window = windowOf(def, year);
  const valued = valueOf(def, components, window, cp);
  const trace: TraceStep[] = [{ op: "window", from: window.from, to: window.to }];
  const base = { id: def.id, label: def.label, group: def.group, clause: def.clause, max: String(def.max) };
  if (valued === undefined || valued.value === undefined) {
    trace.push({ op: "missing" });
    const findings: Finding[] = valued === undefined ? [] : valued.findings.slice();
    findings.push({ code: "missing-component", component: def.id });
    return {
      result: { ...base, points: fixed(0, cp.decimals), missing: true, counted: valued?.counted ?? 0, excluded: valued?.excluded ?? 0, trace },
      points: 0,
      missing: true,
      findings,
    };
  }
  const points = roundHalfUp(valued.value, cp.decimals);
  const text = fixed(points, cp.decimals);
  for (const step of valued.steps) trace.push(step);
  trace.push({ op: "round-half-up", from: rationalText(valued.value), to: text });
  return {
    result: { ...base, points: text, counted: valued.counted, excluded: valued.excluded, trace },
    points,
    missing: false,
    findings: valued.findings,
  };
}
