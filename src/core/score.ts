/**
 * One participant-year scored: components, subtotals, bonus, veto, tier, findings and the
 * assumptions consulted (docs/how-a-score-is-built.md, docs/formats.md). Works on validated input; never throws on user data.
 */
import { addExact, exact, fixed, type Exact } from "../decimal.js";
import type { ScoreInput } from "../model/input.js";
import { ASSUMPTIONS, type AssumptionId } from "../model/policy.js";
import type { ComponentResult, Finding, ScoreResult } from "../model/result.js";
import type { CompiledPolicy } from "../policy/compile.js";
import { COMPONENTS, COMPONENT_IDS, type ComponentId } from "../model/components.js";
import { scoreBonus } from "./bonus.js";
import { scoreComponent, windowsOf } from "./components.js";
import { tierOf } from "./tiers.js";
import { applyVetoes } from "./veto.js";

/** A scored participant-year and the components it was missing. */
export interface Scored {
  readonly result: ScoreResult;
  readonly missing: readonly ComponentId[];
}

const COMPONENT_ORDER = new Map<string, number>(COMPONENT_IDS.map((id, i) => [id, i]));

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Findings order: component (policy order, none first), code, id, date. */
function byFindingOrder(a: Finding, b: Finding): number {
  const ca = "component" in a ? (COMPONENT_ORDER.get(a.component) as number) : -1;
  const cb = "component" in b ? (COMPONENT_ORDER.get(b.component) as number) : -1;
  return (
    ca - cb ||
    compareText(a.code, b.code) ||
    compareText("id" in a ? a.id : undefined, "id" in b ? b.id : undefined) ||
    compareText("date" in a ? a.date : undefined, "date" in b ? b.date : undefined)
  );
}

/**
 * Scores a validated participant-year under a compiled policy. Missing components score zero
 * and make the result provisional; the caller decides whether that is allowed.
 */
export function scoreParticipantYear(input: ScoreInput, cp: CompiledPolicy): Scored {
  const used = new Set<AssumptionId>(["rounding", "score-tiers"]);
  const findings: Finding[] = [];
  const components: ComponentResult[] = [];
  const missing: ComponentId[] = [];
  let daily: Exact | undefined;
  let comprehensive: Exact | undefined;
  const windows = windowsOf(input.year, cp);
  for (const def of COMPONENTS) {
    const outcome = scoreComponent(def, input.components, windows, cp);
    components.push(outcome.result);
    for (const finding of outcome.findings) findings.push(finding);
    if (outcome.missing) missing.push(def.id);
    else if (def.method === "rounds") used.add("round-aggregation");
    else if (def.method === "survey") {
      used.add("survey-weights");
      // The groups are pooled or weighted by the policy's choice (docs/ballots.md): consulted when there are groups.
      if (input.components[def.id as "serviceRecipients" | "deputies" | "countyCounterparts"]?.groups !== undefined) used.add("group-weights");
    }
    else if (def.method === "complaints") used.add("complaint-deduction");
    if (def.group === "daily") daily = daily === undefined ? outcome.points : addExact(daily, outcome.points);
    else comprehensive = comprehensive === undefined ? outcome.points : addExact(comprehensive, outcome.points);
  }
  daily ??= exact(0);
  comprehensive ??= exact(0);
  const bonus = scoreBonus(input.commendations ?? [], input.year, cp);
  for (const finding of bonus.findings) findings.push(finding);
  for (const assumption of bonus.assumptions) used.add(assumption);
  const vetoList = input.vetoes ?? [];
  if (vetoList.length > 0) used.add("veto-period");
  // No vetoes (nearly every input): nothing to decide, and no veto period to compute.
  const veto = vetoList.length === 0 ? { vetoed: false, results: [], findings: [] } : applyVetoes(vetoList, input.year, cp);
  for (const finding of veto.findings) findings.push(finding);
  findings.sort(byFindingOrder);

  const base = addExact(daily, comprehensive);
  const total = addExact(base, bonus.points);
  const provisional = missing.length > 0;
  const d = cp.decimals;
  const { participant } = input;
  const result: ScoreResult = {
    year: input.year,
    participant:
      participant.unit === undefined
        ? { id: participant.id, name: participant.name, category: participant.category }
        : { id: participant.id, name: participant.name, unit: participant.unit, category: participant.category },
    policy: { id: cp.policy.id },
    status: provisional ? "provisional" : "final",
    vetoed: veto.vetoed,
    tier: tierOf(total, veto.vetoed, provisional, cp),
    daily: fixed(daily, d),
    comprehensive: fixed(comprehensive, d),
    base: fixed(base, d),
    bonus: bonus.result,
    total: fixed(total, d),
    components,
    vetoes: veto.results,
    findings,
    assumptions: ASSUMPTIONS.filter((a) => used.has(a) && cp.assumed.has(a)),
  };
  return { result, missing };
}
