/**
 * `explain`: the audit trail a person reads, rendered from a result's data alone.
 */
import { langOf, type Lang } from "../messages/lang.js";
import { approximate, compareDecimalText, sumDecimalText } from "../decimal.js";
import type { ComponentResult, Finding, ScoreResult, TraceStep } from "../model/result.js";
import { EN, ZH, type ExcludedRecord, type Phrases } from "./phrases.js";
import { ballotLines, groupMissingLine, tallyOf } from "./ballots.js";
import type { TallyResult } from "../model/tally.js";
import {
  ASSUMPTION_NAMES,
  CATEGORY_NAMES,
  COMPONENT_NAMES,
  DOCUMENT_NUMBER_ERROR_NAMES,
  DOCUMENT_NUMBER_FORM,
  EXCLUSION_NAMES,
  GROUND_NAMES,
  GROUP_NAMES,
  LEVEL_NAMES,
  RECIPIENT_NAMES,
  TIER_NAMES,
  clauseName,
} from "../messages/labels.js";

/**
 * Options of `explain`.
 *
 * @example
 * ```ts
 * explain(result, { lang: "en" } satisfies ExplainOptions);
 * ```
 */
export interface ExplainOptions {
  /** `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
  /**
   * The tallies the result's surveys were counted from (docs/ballots.md): under each survey component
   * with a tally for this body and year, the ballots behind its counts (decision T10).
   */
  readonly tallies?: readonly TallyResult[] | undefined;
  /**
   * Whether an assumption is named by its id too (`complaint-deduction：…`), as an auditor cites it
   * to override it in a policy: `true` (default). `false` names it in words alone, for a reader
   * who never writes a policy (the offline page).
   */
  readonly ids?: boolean | undefined;
}

/** How a defaulted deduction is marked: by the assumption's id, in words alone, or not at all. */
type AssumedMark = "id" | "words" | false;

/** The most terms of a formula, and excluded records of a component, written out in full. */
const MAX_TERMS = 12;
const MAX_EXCLUDED = 20;

/** An exact value as a person reads it: `"70/3"` → `"70/3 ≈ 23.3333333333"`. */
function exact(value: string): string {
  return value.includes("/") ? `${value} ≈ ${approximate(value)}` : value;
}

function list(terms: readonly string[], joiner: string, t: Phrases): string {
  if (terms.length <= MAX_TERMS) return terms.join(joiner);
  return [...terms.slice(0, MAX_TERMS - 2), t.terms(terms.length), ...terms.slice(-2)].join(joiner);
}

/**
 * The line a trace step contributes (the window, the formula with its numbers, the rounding).
 * The rounding shows the component's points in their fixed-point form (`4.7 → 4.70`).
 */
function stepLine(step: TraceStep, max: string, points: string, t: Phrases): string {
  switch (step.op) {
    case "window":
      return t.window(step.from, step.to);
    case "mean-of-fractions":
      if (step.terms.length === 1) return t.value(`${step.max} × ${step.terms[0] as string} = ${exact(step.value)}`);
      return t.value(`${step.max} × (${list(step.terms, " + ", t)}) / ${step.terms.length} = ${exact(step.value)}`);
    case "pooled-fraction":
      return t.value(`${max} × (${list(step.scores, " + ", t)}) / (${list(step.outOf, " + ", t)}) = ${exact(step.value)}`);
    case "deduct": {
      const n = step.deductions.length;
      if (n === 0) return t.noDeduction(step.max);
      const sum = n === 1 ? (step.deductions[0] as string) : `(${list(step.deductions, " + ", t)})`;
      // Deductions beyond the full marks stop at 0 (扣完为止): say so rather than write max(0, …).
      if (compareDecimalText(sumDecimalText(step.deductions, 6), step.max) > 0) return t.value(t.floored(`${step.max} − ${sum}`));
      return t.value(`${step.max} − ${sum} = ${exact(step.value)}`);
    }
    case "weighted-ballots": {
      const w = step.weights;
      const votes = `${step.satisfied}×${w.satisfied} + ${step.basicallySatisfied}×${w.basicallySatisfied} + ${step.dissatisfied}×${w.dissatisfied}`;
      const count = `${step.satisfied} + ${step.basicallySatisfied} + ${step.dissatisfied}`;
      const unknown = step.unknown === "0" ? "" : t.unknownBallots(step.unknown);
      return t.value(`${step.max} × (${votes}) / (${count}) = ${exact(step.value)}${unknown}`);
    }
    case "group-weighted": {
      const term = (f: string): string => (f.includes("/") ? `(${f})` : f);
      const weighted = step.groups.map((g) => `${g.weight}×${term(g.fraction)}`);
      const weights = step.groups.map((g) => g.weight);
      const names = step.groups.map((g) => `${g.group} ${term(g.fraction)}`).join(t.lang === "zh" ? "、" : ", ");
      return `${t.value(`${max} × (${list(weighted, " + ", t)}) / (${list(weights, " + ", t)}) = ${exact(step.value)}`)}${t.groupFractions(names)}`;
    }
    case "mean":
      if (step.terms.length === 1) return t.single(exact(step.value));
      return t.value(`(${list(step.terms, " + ", t)}) / ${step.terms.length} = ${exact(step.value)}`);
    case "round-half-up":
      return t.rounded(exact(step.from), points);
    case "missing":
      return t.missing();
  }
}

const KIND_OF_METHOD: Readonly<Record<string, ExcludedRecord["kind"]>> = {
  routineInspection: "round",
  specialInspection: "round",
  unannouncedVisit: "round",
  complaints: "complaint",
  serviceRecipients: "survey",
  deputies: "survey",
  countyCounterparts: "survey",
  cityLeaders: "score",
};

/**
 * Which complaint each deduction is for, and whether it is the complaint's own or the policy's
 * default (an assumption when the policy did not set it). Results written before the trace named
 * the complaints have no such lines.
 */
function deductionLines(step: Extract<TraceStep, { op: "deduct" }>, assumed: AssumedMark, t: Phrases): string[] {
  const sources = step.complaints ?? [];
  const own = sources.filter((s) => s.source === "complaint").map((s) => t.deductionOf(s.id, s.deduction));
  const byDefault = sources.filter((s) => s.source === "policy");
  const lines: string[] = [];
  if (own.length > 0) lines.push(t.ownDeductions(own.length, list(own, t.lang === "zh" ? "、" : ", ", t)));
  if (byDefault.length > 0) {
    const ids = list(byDefault.map((s) => s.id), t.lang === "zh" ? "、" : ", ", t);
    lines.push(t.defaultDeductions(byDefault.length, (byDefault[0] as (typeof byDefault)[number]).deduction, ids, assumed));
  }
  return lines;
}

function componentLines(c: ComponentResult, index: number, findings: readonly Finding[], t: Phrases, assumed: AssumedMark, ballots: readonly string[] = []): string[] {
  const lang = t.lang;
  const pad = "     ";
  const lines = [t.componentHead(index, COMPONENT_NAMES[c.id][lang], clauseName(c.clause, lang), c.max, c.points, c.missing === true)];
  const deduct = c.trace.find((s) => s.op === "deduct");
  const unverified = deduct !== undefined && deduct.op === "deduct" && deduct.unverified > 0 ? deduct.unverified : 0;
  lines.push(`${pad}${t.counts(c.counted, c.excluded)}${unverified > 0 ? (lang === "zh" ? `（${t.unverified(unverified)}）` : ` (${t.unverified(unverified)})`) : ""}`);
  const windowStep = c.trace.find((s) => s.op === "window");
  const window = windowStep !== undefined && windowStep.op === "window" ? { from: windowStep.from, to: windowStep.to } : undefined;
  if (window !== undefined) lines.push(`${pad}${t.window(window.from, window.to)}`);
  for (const line of ballots) lines.push(`${pad}${line}`);
  let shown = 0;
  let hidden = 0;
  for (const f of findings) {
    if (f.code !== "outside-window") continue;
    if (shown < MAX_EXCLUDED) {
      lines.push(`${pad}${t.excluded({ id: f.id, date: f.date, kind: KIND_OF_METHOD[c.id] ?? "round" }, window)}`);
      shown += 1;
    } else {
      hidden += 1;
    }
  }
  if (hidden > 0) lines.push(`${pad}${t.moreExcluded(hidden)}`);
  for (const step of c.trace) {
    if (step.op === "window") continue;
    lines.push(`${pad}${stepLine(step, c.max, c.points, t)}`);
    if (step.op === "deduct") for (const line of deductionLines(step, assumed, t)) lines.push(`${pad}${line}`);
  }
  for (const f of findings) {
    if (f.code === "too-few-rounds") lines.push(`${pad}${t.tooFewRounds(f.counted, f.minimum, clauseName("附件2-一", lang))}`);
    else if (f.code === "group-missing") lines.push(`${pad}${groupMissingLine(f.group, lang)}`);
  }
  return lines;
}

/**
 * Why a commendation was excluded: for a document number, the number as written and, for a wrong
 * year, the year read beside the evaluation year; for an unreadable one, what was expected.
 */
function exclusionReason(e: ScoreResult["bonus"]["excluded"][number], year: number, t: Phrases): string {
  const lang = t.lang;
  const clause = clauseName("附件2-三.4", lang);
  if (e.reason === "wrong-year" && e.documentNumber !== undefined && e.documentYear !== undefined) {
    return t.wrongYear(e.documentNumber, e.documentYear, year, clause);
  }
  if (e.reason === "invalid-document-number" && e.documentNumber !== undefined && e.documentNumberError !== undefined) {
    return t.unreadableNumber(e.documentNumber, DOCUMENT_NUMBER_ERROR_NAMES[e.documentNumberError][lang], DOCUMENT_NUMBER_FORM[lang], clause);
  }
  return EXCLUSION_NAMES[e.reason][lang];
}

function bonusLines(r: ScoreResult, t: Phrases): string[] {
  const lang = t.lang;
  const lines = [t.bonusHead(clauseName("附件2-三", lang))];
  if (r.bonus.counted.length === 0 && r.bonus.excluded.length === 0) lines.push(t.none());
  for (const c of r.bonus.counted) {
    const unit = c.recipient === "unit";
    const clause = clauseName(unit ? "附件2-三.2" : "附件2-三.1", lang);
    lines.push(t.counted(c.points, c.id, c.matter, LEVEL_NAMES[c.level][lang], RECIPIENT_NAMES[c.recipient][lang], unit, clause));
  }
  for (const e of r.bonus.excluded) lines.push(t.excludedCommendation(e.id, exclusionReason(e, r.year, t), e.by));
  for (const f of r.findings) {
    if (f.code === "nonstandard-document-number") lines.push(t.nonstandardNumber(f.id, f.documentNumber, f.normalized));
    else if (f.code === "bonus-capped") lines.push(t.capped(f.uncapped, f.cap));
  }
  lines.push(t.bonusTotal(r.bonus.points));
  return lines;
}

function vetoLines(r: ScoreResult, t: Phrases): string[] {
  const lang = t.lang;
  const lines = [t.vetoHead(clauseName("附件2-四", lang))];
  if (r.vetoes.length === 0) lines.push(t.none());
  const outsideDates = new Map<string, string>();
  for (const f of r.findings) if (f.code === "veto-outside-period") outsideDates.set(f.id, f.date);
  for (const v of r.vetoes) {
    const ground = GROUND_NAMES[v.ground][lang];
    if (v.status === "counted") lines.push(t.vetoCounted(v.id, ground));
    else if (v.status === "pending") lines.push(t.vetoPending(v.id, ground));
    else lines.push(t.vetoOutside(v.id, ground, outsideDates.get(v.id)));
  }
  return lines;
}

function tierLine(r: ScoreResult, t: Phrases): string {
  const lang = t.lang;
  if (r.vetoed) {
    const ids = r.vetoes.filter((v) => v.status === "counted").map((v) => v.id);
    return t.tierVetoed(TIER_NAMES.incompetent[lang], ids, clauseName("附件2-四", lang));
  }
  if (r.tier !== null) return t.tierByScore(TIER_NAMES[r.tier][lang]);
  return r.status === "provisional" ? t.tierProvisional() : t.tierNone();
}

/** An assumption's name without its leading id: `rounding：每个…` → `每个…`. */
function withoutId(name: string, id: string): string {
  for (const prefix of [`${id}：`, `${id}: `]) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

/**
 * Renders a result as the audit trail a person reads: each component with its clause, the records
 * counted and excluded (and why), the formula with its numbers, the rounding, the subtotals, every
 * commendation counted or excluded with its reason, the veto, the tier, and the assumed parameters
 * the score depended on. Chinese by default, with the source's official terms; English with
 * `{ lang: "en" }`. Reads nothing but the result, so a stored result JSON explains the same way.
 *
 * @param result - A result of `score()` (or its JSON, parsed).
 * @param options - `lang`: `"zh"` (default) or `"en"`; `tallies`: the tallies of the body's surveys
 *   (docs/ballots.md), whose ballots are then shown under each survey component.
 *   `ids: false` names assumptions in words alone.
 * @returns Plain text, one line per fact, lines joined with `\n`.
 * @example
 * ```ts
 * console.log(explain(score(input)));
 * //   1. 日常督查（附件2-一.1，满分 25）：23.51 分
 * //      计入 2 条，排除 0 条
 * //      计分时段：2022-01-01 至 2022-12-31
 * //      计算：25 × (23.5/25 + 23.51/25) / 2 = 23.505
 * //      四舍五入：23.505 → 23.51
 * explain(score(input), { lang: "en" }).split("\n")[0];
 * //=> "Five comparisons, five evaluations: score explained for 城管监督科 (cgjdk, 市城管执法局, comprehensive management (综合管理(审批)))"
 * ```
 */
export function explain(result: ScoreResult, options: ExplainOptions = {}): string {
  // Untyped callers may pass null or a non-object: no options then, never a TypeError.
  const o: ExplainOptions = typeof options === "object" && options !== null ? options : {};
  const lang = langOf(o.lang);
  const ids = o.ids !== false;
  const t = lang === "en" ? EN : ZH;
  const r = result;
  const p = r.participant;
  const out: string[] = [];
  out.push(t.header(p.name, p.id, p.unit, CATEGORY_NAMES[p.category][lang]));
  out.push(t.meta(r.year, r.policy.id, r.status === "provisional"));
  out.push("");

  const byComponent = new Map<string, Finding[]>();
  for (const f of r.findings) {
    if (!("component" in f)) continue;
    const bucket = byComponent.get(f.component);
    if (bucket === undefined) byComponent.set(f.component, [f]);
    else bucket.push(f);
  }
  let index = 1;
  for (const group of ["daily", "comprehensive"] as const) {
    const members = r.components.filter((c) => c.group === group);
    const max = sumDecimalText(members.map((c) => c.max), 0);
    out.push(t.groupHead(GROUP_NAMES[group][lang], clauseName(group === "daily" ? "附件2-一" : "附件2-二", lang), max));
    for (const c of members) {
      const found = tallyOf(o.tallies, r.year, p.id, c.id);
      const ballots = found === undefined ? [] : ballotLines(found.tally, found.participant, lang, ids);
      for (const line of componentLines(c, index, byComponent.get(c.id) ?? [], t, r.assumptions.includes("complaint-deduction") ? (ids ? "id" : "words") : false, ballots)) out.push(line);
      index += 1;
    }
    out.push(t.subtotal(GROUP_NAMES[group][lang], members.map((c) => c.points).join(" + "), group === "daily" ? r.daily : r.comprehensive));
    out.push("");
  }
  out.push(t.base(r.daily, r.comprehensive, r.base, clauseName("四", lang)));
  out.push("");
  for (const line of bonusLines(r, t)) out.push(line); // one line per commendation: never spread into push
  out.push("");
  out.push(t.total(r.base, r.bonus.points, r.total));
  out.push("");
  for (const line of vetoLines(r, t)) out.push(line);
  out.push("");
  out.push(tierLine(r, t));
  if (r.assumptions.length > 0) {
    out.push("");
    out.push(t.assumptionsHead());
    for (const a of r.assumptions) out.push(`  - ${ids ? ASSUMPTION_NAMES[a][lang] : withoutId(ASSUMPTION_NAMES[a][lang], a)}`);
  }
  return out.join("\n");
}
