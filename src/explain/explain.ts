/**
 * `explain`: the audit trail a person reads, rendered from a result's data alone.
 */
import type { Lang } from "../api/errors.js";
import { approximate } from "../decimal.js";
import { CATEGORY_LABELS } from "../model/participant.js";
import type { ComponentResult, Finding, ScoreResult, TraceStep } from "../model/result.js";
import { COMPONENT_NAMES, EXCLUSION_NAMES, GROUND_NAMES, GROUP_NAMES, LEVEL_NAMES, RECIPIENT_NAMES, TIER_NAMES, ASSUMPTION_NAMES } from "./terms.js";

/** Options of `explain`. */
export interface ExplainOptions {
  /** `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

const MAX_TERMS = 12;

/** An exact value as a person reads it: `"70/3"` → `"70/3 ≈ 23.3333333333"`. */
function exact(value: string): string {
  return value.includes("/") ? `${value} ≈ ${approximate(value)}` : value;
}

function list(terms: readonly string[], joiner: string, lang: Lang): string {
  if (terms.length <= MAX_TERMS) return terms.join(joiner);
  const shown = [...terms.slice(0, MAX_TERMS - 2), lang === "zh" ? `…（共 ${terms.length} 项）…` : `… (${terms.length} terms) …`, ...terms.slice(-2)];
  return shown.join(joiner);
}

function formula(step: TraceStep, lang: Lang): string | undefined {
  const zh = lang === "zh";
  switch (step.op) {
    case "window":
      return zh ? `计分时段：${step.from} 至 ${step.to}` : `Window: ${step.from} to ${step.to}`;
    case "mean-of-fractions":
      return `${zh ? "计算：" : "Value: "}${step.max} × (${list(step.terms, " + ", lang)}) / ${step.terms.length} = ${exact(step.value)}`;
    case "deduct": {
      const sum = step.deductions.length === 0 ? "0" : `(${list(step.deductions, " + ", lang)})`;
      const note =
        step.unverified > 0 ? (zh ? `；未经查实的投诉 ${step.unverified} 件，不扣分` : `; ${step.unverified} unverified complaint(s) deduct nothing`) : "";
      return `${zh ? "计算：" : "Value: "}max(0, ${step.max} − ${sum}) = ${exact(step.value)}${note}`;
    }
    case "weighted-ballots": {
      const w = step.weights;
      const votes = `${step.satisfied}×${w.satisfied} + ${step.basicallySatisfied}×${w.basicallySatisfied} + ${step.dissatisfied}×${w.dissatisfied}`;
      const count = `${step.satisfied} + ${step.basicallySatisfied} + ${step.dissatisfied}`;
      const unknown =
        step.unknown === "0" ? "" : zh ? `；“不了解” ${step.unknown} 票不计` : `; ${step.unknown} "unknown" ballot(s) not counted`;
      return `${zh ? "计算：" : "Value: "}${step.max} × (${votes}) / (${count}) = ${exact(step.value)}${unknown}`;
    }
    case "mean":
      return `${zh ? "计算：" : "Value: "}(${list(step.terms, " + ", lang)}) / ${step.terms.length} = ${exact(step.value)}`;
    case "round-half-up":
      return zh ? `四舍五入：${exact(step.from)} → ${step.to}` : `Rounded half-up: ${exact(step.from)} → ${step.to}`;
    case "missing":
      return zh ? "无可计分记录：按 0 分计，结果为暂定" : "Nothing to count: scored 0, the result is provisional";
  }
}

function findingText(f: Finding, lang: Lang): string {
  const zh = lang === "zh";
  switch (f.code) {
    case "outside-window": {
      const what = f.id === undefined ? (zh ? `${f.date} 的记录` : `the record of ${f.date}`) : zh ? `记录 ${f.id}（${f.date}）` : `record ${f.id} (${f.date})`;
      return zh ? `${what}不在计分时段内，不计分` : `${what} lies outside the window and counts for nothing`;
    }
    case "too-few-rounds":
      return zh
        ? `只有 ${f.counted} 次督查计分，少于规定的不少于 ${f.minimum} 次（附件2-一）`
        : `only ${f.counted} round(s) counted, fewer than the ${f.minimum} the source requires (附件2-一)`;
    case "missing-component":
      return zh ? "缺少该项目的有效记录，按 0 分计" : "the component has nothing to count and scores 0";
    case "nonstandard-document-number":
      return zh
        ? `表彰 ${f.id} 的文号“${f.documentNumber}”不符合 GB/T 9704 格式，按“${f.normalized}”识别`
        : `commendation ${f.id}: the document number "${f.documentNumber}" is not in GB/T 9704 form; read as "${f.normalized}"`;
    case "bonus-capped":
      return zh ? `加分 ${f.uncapped} 超过上限，按 ${f.cap} 计` : `the bonus of ${f.uncapped} exceeds the cap and counts as ${f.cap}`;
    case "pending-veto":
      return zh ? `否决事项 ${f.id} 尚未经认定，暂不影响等次` : `veto ${f.id} is not confirmed and changes nothing yet`;
    case "veto-outside-period":
      return zh ? `否决事项 ${f.id}（${f.date}）不在考评期间内，不影响等次` : `veto ${f.id} (${f.date}) lies outside the evaluation period and changes nothing`;
  }
}

function componentLines(c: ComponentResult, index: number, findings: readonly Finding[], lang: Lang): string[] {
  const zh = lang === "zh";
  const head = zh
    ? `  ${index}. ${COMPONENT_NAMES[c.id].zh}（${c.clause}，满分 ${c.max}）：${c.points} 分`
    : `  ${index}. ${COMPONENT_NAMES[c.id].en} (${c.clause}, max ${c.max}): ${c.points}`;
  const lines = [head];
  lines.push(zh ? `     计入 ${c.counted} 条，排除 ${c.excluded} 条` : `     ${c.counted} record(s) counted, ${c.excluded} excluded`);
  for (const step of c.trace) {
    const text = formula(step, lang);
    if (text !== undefined) lines.push(`     ${text}`);
  }
  for (const f of findings) if ("component" in f && f.component === c.id && f.code !== "missing-component") lines.push(`     ! ${findingText(f, lang)}`);
  return lines;
}

/**
 * Renders a result as the audit trail a person reads: each component with its clause, the records
 * counted and excluded, the formula with its numbers, the subtotals, every commendation counted or
 * excluded with its reason, the veto, the tier, and the assumed parameters the score depended on.
 *
 * @param result - A result of `score()` (or its JSON).
 * @param options - `lang`: `"zh"` (default) or `"en"`.
 * @returns Plain text, one line per fact.
 * @example
 * ```ts
 * console.log(explain(score(input)));
 * //   1. 日常督查（附件2-一.1，满分 25）：23.51 分
 * //      计算: 25 × (23.5/25 + 23.51/25) / 2 = 23.505
 * //      四舍五入：23.505 → 23.51
 * ```
 */
export function explain(result: ScoreResult, options: ExplainOptions = {}): string {
  const lang = options.lang ?? "zh";
  const zh = lang === "zh";
  const r = result;
  const p = r.participant;
  const out: string[] = [];
  const unit = p.unit === undefined ? "" : zh ? `，${p.unit}` : `, ${p.unit}`;
  out.push(zh ? `五比五评考评计分说明 —— ${p.name}（${p.id}${unit}，${CATEGORY_LABELS[p.category]}）` : `五比五评 score explained — ${p.name} (${p.id}${unit}, ${p.category})`);
  out.push(
    zh
      ? `考评年度 ${r.year}；计分政策 ${r.policy.id}；状态：${r.status === "final" ? "正式" : "暂定（有缺项）"}`
      : `Evaluation year ${r.year}; policy ${r.policy.id}; status: ${r.status === "final" ? "final" : "provisional (components missing)"}`,
  );
  out.push("");
  let index = 1;
  for (const group of ["daily", "comprehensive"] as const) {
    const clause = group === "daily" ? "附件2-一" : "附件2-二";
    out.push(zh ? `【${GROUP_NAMES[group].zh}】（${clause}，满分 50）` : `[${GROUP_NAMES[group].en}] (${clause}, max 50)`);
    const members = r.components.filter((c) => c.group === group);
    for (const c of members) {
      out.push(...componentLines(c, index, r.findings, lang));
      index += 1;
    }
    const subtotal = group === "daily" ? r.daily : r.comprehensive;
    const sum = members.map((c) => c.points).join(" + ");
    out.push(zh ? `  ${GROUP_NAMES[group].zh}小计：${sum} = ${subtotal}` : `  Subtotal: ${sum} = ${subtotal}`);
    out.push("");
  }
  out.push(zh ? `基础分（四）：${r.daily} + ${r.comprehensive} = ${r.base}` : `Base score (四): ${r.daily} + ${r.comprehensive} = ${r.base}`);
  out.push("");

  out.push(zh ? "【加分事项】（附件2-三）" : "[Bonus] (附件2-三)");
  if (r.bonus.counted.length === 0 && r.bonus.excluded.length === 0) out.push(zh ? "  无" : "  none");
  for (const c of r.bonus.counted) {
    out.push(
      zh
        ? `  + ${c.points}  ${c.id}「${c.matter}」：${LEVEL_NAMES[c.level].zh}表彰${RECIPIENT_NAMES[c.recipient].zh}${c.recipient === "unit" ? "（酌情加分，附件2-三.2）" : "（附件2-三.1）"}`
        : `  + ${c.points}  ${c.id} "${c.matter}": ${LEVEL_NAMES[c.level].en} commendation of ${RECIPIENT_NAMES[c.recipient].en}${c.recipient === "unit" ? " (by relevance, 附件2-三.2)" : " (附件2-三.1)"}`,
    );
  }
  for (const e of r.bonus.excluded) {
    const by = e.by === undefined ? "" : zh ? `，已由 ${e.by} 计入` : `; ${e.by} counts instead`;
    out.push(zh ? `  × ${e.id} 不计：${EXCLUSION_NAMES[e.reason].zh}${by}` : `  × ${e.id} excluded: ${EXCLUSION_NAMES[e.reason].en}${by}`);
  }
  for (const f of r.findings) if (!("component" in f) && (f.code === "nonstandard-document-number" || f.code === "bonus-capped")) out.push(`  ! ${findingText(f, lang)}`);
  out.push(zh ? `  加分合计：${r.bonus.points}` : `  Bonus: ${r.bonus.points}`);
  out.push("");
  out.push(zh ? `总分：${r.base} + ${r.bonus.points} = ${r.total}` : `Total: ${r.base} + ${r.bonus.points} = ${r.total}`);
  out.push("");

  out.push(zh ? "【一票否决】（附件2-四）" : "[One-vote veto] (附件2-四)");
  if (r.vetoes.length === 0) out.push(zh ? "  无" : "  none");
  for (const v of r.vetoes) {
    const status =
      v.status === "counted"
        ? zh ? "经认定，在考评期间内：直接评定为“不称职”" : "confirmed, inside the period: rated 不称职 directly"
        : v.status === "pending"
          ? zh ? "尚未认定，暂不影响等次" : "not confirmed: changes nothing yet"
          : zh ? "不在考评期间内，不影响等次" : "outside the evaluation period: changes nothing";
    out.push(`  ${v.id}：${GROUND_NAMES[v.ground][lang]} —— ${status}`);
  }
  out.push("");
  const tier =
    r.tier !== null
      ? TIER_NAMES[r.tier][lang]
      : r.status === "provisional"
        ? zh ? "暂不评定（结果为暂定）" : "not rated (the result is provisional)"
        : zh ? "未按分数评定（本政策不设分数等次）" : "not rated by score (the policy sets no score tiers)";
  out.push(zh ? `等次：${tier}` : `Tier: ${tier}`);
  if (r.assumptions.length > 0) {
    out.push("");
    out.push(zh ? "本结果依赖的假定参数（来源文件未作规定，可由政策覆盖）：" : "Assumed parameters this score depends on (the source is silent; a policy may override them):");
    for (const a of r.assumptions) out.push(`  - ${ASSUMPTION_NAMES[a][lang]}`);
  }
  return out.join("\n");
}
