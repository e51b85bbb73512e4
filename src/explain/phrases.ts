/**
 * The sentences of `explain`, one implementation per language. Chinese uses the source's terms and
 * full-width punctuation; English is English throughout (the source's official terms appear only as
 * glosses in parentheses, and clause keys are rendered `Annex 2 §1.1`).
 *
 * @internal
 */
import type { Lang } from "../messages/lang.js";
import { STATUS_NAMES } from "../messages/labels.js";

/**
 * A record a component left out, as `explain` names it.
 *
 * @example
 * ```ts
 * ZH.excluded({ id: "af-1", date: "2023-01-05", kind: "round" }, undefined); //=> "× 记录 af-1（2023-01-05）不在计分时段内，不计分"
 * ```
 */
export interface ExcludedRecord {
  readonly id?: string | undefined;
  readonly date: string;
  /** What kind of record: an inspection round, a complaint, a survey or a leader's score. */
  readonly kind: "round" | "complaint" | "survey" | "score";
}

/**
 * Every sentence `explain` writes, in one language.
 *
 * @example
 * ```ts
 * const t: Phrases = lang === "en" ? EN : ZH;
 * t.total("93.51", "1.00", "94.51"); //=> "总分：93.51 + 1.00 = 94.51"
 * ```
 */
export interface Phrases {
  readonly lang: Lang;
  header(name: string, id: string, unit: string | undefined, category: string): string;
  meta(year: number, policy: string, provisional: boolean): string;
  groupHead(group: string, clause: string, max: string): string;
  componentHead(index: number, name: string, clause: string, max: string, points: string, missing: boolean): string;
  counts(counted: number, excluded: number): string;
  unverified(count: number): string;
  excluded(record: ExcludedRecord, window: { from: string; to: string } | undefined): string;
  moreExcluded(count: number): string;
  window(from: string, to: string): string;
  value(formula: string): string;
  /** A mean of one score: the score itself. */
  single(value: string): string;
  /** A complaints component with nothing to deduct. */
  noDeduction(max: string): string;
  /** Deductions past the full marks: the difference stops at 0 (扣完为止). */
  floored(formula: string): string;
  deductionOf(id: string, deduction: string): string;
  ownDeductions(count: number, list: string): string;
  /** `assumed`: the default is an assumption, named by its id (`"id"`) or in words alone (`"words"`). */
  defaultDeductions(count: number, deduction: string, ids: string, assumed: "id" | "words" | false): string;
  wrongYear(documentNumber: string, read: number, year: number, clause: string): string;
  unreadableNumber(documentNumber: string, problem: string, form: string, clause: string): string;
  unknownBallots(count: string): string;
  /** After a group-weighted value: each group's fraction of its full marks. */
  groupFractions(list: string): string;
  rounded(from: string, to: string): string;
  missing(): string;
  tooFewRounds(counted: number, minimum: number, clause: string): string;
  terms(count: number): string;
  subtotal(group: string, sum: string, total: string): string;
  base(daily: string, comprehensive: string, base: string, clause: string): string;
  bonusHead(clause: string): string;
  none(): string;
  counted(points: string, id: string, matter: string, level: string, recipient: string, unit: boolean, clause: string): string;
  excludedCommendation(id: string, reason: string, by: string | undefined): string;
  nonstandardNumber(id: string, text: string, normalized: string): string;
  capped(uncapped: string, cap: string): string;
  bonusTotal(points: string): string;
  total(base: string, bonus: string, total: string): string;
  vetoHead(clause: string): string;
  vetoCounted(id: string, ground: string): string;
  vetoPending(id: string, ground: string): string;
  vetoOutside(id: string, ground: string, date: string | undefined): string;
  tier(tier: string): string;
  tierVetoed(tier: string, ids: readonly string[], clause: string): string;
  tierProvisional(): string;
  tierNone(): string;
  tierByScore(tier: string): string;
  assumptionsHead(): string;
}

const ZH_KIND: Readonly<Record<ExcludedRecord["kind"], string>> = { round: "记录", complaint: "投诉", survey: "测评", score: "评分" };
const EN_KIND: Readonly<Record<ExcludedRecord["kind"], string>> = {
  round: "round",
  complaint: "complaint",
  survey: "survey",
  score: "score",
};

/**
 * Chinese: the source's terms, full-width punctuation.
 *
 * @example
 * ```ts
 * ZH.rounded("23.505", "23.51"); //=> "四舍五入：23.505 → 23.51"
 * ```
 */
export const ZH: Phrases = {
  lang: "zh",
  header: (name, id, unit, category) => `五比五评考评计分说明 —— ${name}（${id}${unit === undefined ? "" : `，${unit}`}，${category}）`,
  meta: (year, policy, provisional) => `考评年度 ${year}；计分政策 ${policy}；状态：${provisional ? `${STATUS_NAMES.provisional.zh}（有缺项）` : STATUS_NAMES.final.zh}`,
  groupHead: (group, clause, max) => `【${group}】（${clause}，满分 ${max}）`,
  componentHead: (index, name, clause, max, points, missing) =>
    `  ${index}. ${name}（${clause}，满分 ${max}）：${points} 分${missing ? "（缺项）" : ""}`,
  counts: (counted, excluded) => `计入 ${counted} 条，排除 ${excluded} 条`,
  unverified: (count) => `其中未经查实的投诉 ${count} 件，不扣分`,
  excluded: (r, w) =>
    `× ${r.id === undefined ? `${r.date} 的${ZH_KIND[r.kind]}` : `${ZH_KIND[r.kind]} ${r.id}（${r.date}）`}不在计分时段${w === undefined ? "" : `（${w.from} 至 ${w.to}）`}内，不计分`,
  moreExcluded: (count) => `× …… 另有 ${count} 条不在计分时段内，不计分`,
  window: (from, to) => `计分时段：${from} 至 ${to}`,
  value: (formula) => `计算：${formula}`,
  single: (value) => `计算：只有 1 项评分，取 ${value}`,
  noDeduction: (max) => `计算：没有经查实的投诉，不扣分，得 ${max}`,
  floored: (formula) => `${formula} 低于 0，扣完为止，得 0`,
  deductionOf: (id, deduction) => `${id} 扣 ${deduction}`,
  ownDeductions: (count, list) => `按投诉记录所填扣分（${count} 件）：${list}`,
  defaultDeductions: (count, deduction, ids, assumed) =>
    `未填扣分、按政策每件扣 ${deduction} 分（${count} 件${assumed === "id" ? "；此为假定参数 complaint-deduction，可由政策覆盖" : assumed === "words" ? "；每件扣分为假定参数，可由政策覆盖" : ""}）：${ids}`,
  wrongYear: (documentNumber, read, year, clause) => `文号“${documentNumber}”的年度为 ${read} 年，不是考评年度 ${year} 年（${clause}）`,
  unreadableNumber: (documentNumber, problem, form, clause) => `文号“${documentNumber}”无法识别（${problem}），无法确定年度；${form}（${clause}）`,
  unknownBallots: (count) => `；“不了解” ${count} 票不计`,
  groupFractions: (list) => `（按评价人类别加权，各类得分率：${list}）`,
  rounded: (from, to) => `四舍五入：${from} → ${to}`,
  missing: () => "无可计分记录：按 0 分计，结果为暂定",
  tooFewRounds: (counted, minimum, clause) =>
    `! 全年只计入 ${counted} 次，少于“不少于 ${minimum} 次”的要求（${clause}）；仍按计入的各次计分`,
  terms: (count) => `…（共 ${count} 项）…`,
  subtotal: (group, sum, total) => `  ${group}小计：${sum} = ${total}`,
  base: (daily, comprehensive, base, clause) => `基础分（${clause}，日常考评 + 综合评价）：${daily} + ${comprehensive} = ${base}`,
  bonusHead: (clause) => `【加分事项】（${clause}）`,
  none: () => "  无",
  counted: (points, id, matter, level, recipient, unit, clause) =>
    `  + ${points}  ${id}「${matter}」：${level}表彰${recipient}${unit ? `，根据承担工作关联度酌情加分（${clause}）` : `（${clause}）`}`,
  excludedCommendation: (id, reason, by) => `  × ${id} 不计：${reason}${by === undefined ? "" : `；已由 ${by} 计入`}`,
  nonstandardNumber: (id, text, normalized) => `  ! 表彰 ${id} 的文号“${text}”不符合 GB/T 9704 格式，按“${normalized}”识别`,
  capped: (uncapped, cap) => `  ! 加分 ${uncapped} 超过上限，按 ${cap} 计`,
  bonusTotal: (points) => `  加分合计：${points}`,
  total: (base, bonus, total) => `总分：${base} + ${bonus} = ${total}`,
  vetoHead: (clause) => `【一票否决】（${clause}）`,
  vetoCounted: (id, ground) => `  ${id}：${ground} —— 经认定，发生在考评期间：直接评定“不称职”等次`,
  vetoPending: (id, ground) => `  ${id}：${ground} —— 尚未认定，暂不影响等次`,
  vetoOutside: (id, ground, date) => `  ${id}：${ground} —— ${date === undefined ? "" : `${date} `}不在考评期间内，不影响等次`,
  tier: (tier) => `等次：${tier}`,
  tierVetoed: (tier, ids, clause) => `等次：${tier}（一票否决：${ids.join("、")}，${clause}）`,
  tierProvisional: () => "等次：暂不评定（结果为暂定）",
  tierNone: () => "等次：未按分数评定（本政策不设分数等次）",
  tierByScore: (tier) => `等次：${tier}（按本政策的分数线）`,
  assumptionsHead: () => "本结果依赖的假定参数（来源文件未作规定，可由政策覆盖）：",
};

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * English: English sentences, ASCII punctuation, clause keys rendered `Annex 2 §1.1`.
 *
 * @example
 * ```ts
 * EN.rounded("23.505", "23.51"); //=> "Rounded half-up: 23.505 → 23.51"
 * ```
 */
export const EN: Phrases = {
  lang: "en",
  header: (name, id, unit, category) => `Five comparisons, five evaluations: score explained for ${name} (${id}${unit === undefined ? "" : `, ${unit}`}, ${category})`,
  meta: (year, policy, provisional) => `Evaluation year ${year}; policy ${policy}; status: ${provisional ? "provisional (components missing)" : "final"}`,
  groupHead: (group, clause, max) => `[${group}] (${clause}, max ${max})`,
  componentHead: (index, name, clause, max, points, missing) =>
    `  ${index}. ${name} (${clause}, max ${max}): ${points}${missing ? " (missing)" : ""}`,
  counts: (counted, excluded) => `${plural(counted, "record", "records")} counted, ${excluded} excluded`,
  unverified: (count) => `of which ${plural(count, "unverified complaint deducts", "unverified complaints deduct")} nothing`,
  excluded: (r, w) =>
    `× ${r.id === undefined ? `the ${EN_KIND[r.kind]} of ${r.date}` : `${EN_KIND[r.kind]} ${r.id} (${r.date})`} lies outside the window${w === undefined ? "" : ` (${w.from} to ${w.to})`} and counts for nothing`,
  moreExcluded: (count) => `× ... and ${count} more outside the window, counting for nothing`,
  window: (from, to) => `Window: ${from} to ${to}`,
  value: (formula) => `Value: ${formula}`,
  single: (value) => `Value: a single score, ${value}`,
  noDeduction: (max) => `Value: no verified complaint, nothing deducted: ${max}`,
  floored: (formula) => `${formula} is below 0; the deductions stop at 0`,
  deductionOf: (id, deduction) => `${id} (${deduction})`,
  ownDeductions: (count, list) => `Deductions as recorded on the ${count === 1 ? "complaint" : `${count} complaints`}: ${list}`,
  defaultDeductions: (count, deduction, ids, assumed) =>
    `${plural(count, "complaint", "complaints")} without a deduction of ${count === 1 ? "its" : "their"} own, ${deduction} each by the policy${assumed === "id" ? " (the assumption complaint-deduction, which a policy may override)" : assumed === "words" ? " (an assumed parameter, which a policy may override)" : ""}: ${ids}`,
  wrongYear: (documentNumber, read, year, clause) =>
    `the document number "${documentNumber}" is of ${read}, not of the evaluation year ${year} (${clause})`,
  unreadableNumber: (documentNumber, problem, form, clause) =>
    `the document number "${documentNumber}" cannot be read (${problem}), so its year is unknown; ${form} (${clause})`,
  unknownBallots: (count) => `; ${count} "unknown" ${count === "1" ? "ballot" : "ballots"} not counted`,
  groupFractions: (list) => ` (weighted by rater group; each group's fraction: ${list})`,
  rounded: (from, to) => `Rounded half-up: ${from} → ${to}`,
  missing: () => "Nothing to count: scored 0, the result is provisional",
  tooFewRounds: (counted, minimum, clause) =>
    `! only ${plural(counted, "round", "rounds")} counted in the year, fewer than the ${minimum} required (${clause}); scored from the rounds counted`,
  terms: (count) => `... (${count} terms) ...`,
  subtotal: (_group, sum, total) => `  Subtotal: ${sum} = ${total}`,
  base: (daily, comprehensive, base, clause) => `Base score (${clause}, daily + comprehensive): ${daily} + ${comprehensive} = ${base}`,
  bonusHead: (clause) => `[Bonus items] (${clause})`,
  none: () => "  none",
  counted: (points, id, matter, level, recipient, unit, clause) =>
    `  + ${points}  ${id} "${matter}": ${level} commendation of ${recipient}${unit ? `, points granted by relevance (${clause})` : ` (${clause})`}`,
  excludedCommendation: (id, reason, by) => `  × ${id} excluded: ${reason}${by === undefined ? "" : `; ${by} counts instead`}`,
  nonstandardNumber: (id, text, normalized) =>
    `  ! commendation ${id}: the document number "${text}" is not in GB/T 9704 form; read as "${normalized}"`,
  capped: (uncapped, cap) => `  ! the bonus of ${uncapped} exceeds the cap and counts as ${cap}`,
  bonusTotal: (points) => `  Bonus: ${points}`,
  total: (base, bonus, total) => `Total: ${base} + ${bonus} = ${total}`,
  vetoHead: (clause) => `[One-vote veto] (${clause})`,
  vetoCounted: (id, ground) => `  ${id}: ${ground}; confirmed, inside the evaluation period: rated incompetent directly`,
  vetoPending: (id, ground) => `  ${id}: ${ground}; not confirmed, changes nothing yet`,
  vetoOutside: (id, ground, date) => `  ${id}: ${ground}; ${date === undefined ? "" : `${date}, `}outside the evaluation period, changes nothing`,
  tier: (tier) => `Tier: ${tier}`,
  tierVetoed: (tier, ids, clause) => `Tier: ${tier}, by the one-vote veto (${ids.join(", ")}; ${clause})`,
  tierProvisional: () => "Tier: not rated (the result is provisional)",
  tierNone: () => "Tier: not rated by score (the policy sets no score tiers)",
  tierByScore: (tier) => `Tier: ${tier} (by this policy's thresholds)`,
  assumptionsHead: () => "Assumed parameters this score depends on (the source is silent; a policy may override them):",
};
