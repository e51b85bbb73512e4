/**
 * A policy's parameters in words: each parameter's name, its value as a person writes it (no JSON,
 * no code), what it means, and each assumption's short name (docs/assumptions.md,
 * docs/zh-CN/假定参数.md). Below every front end and entry: `wubi-wuping policy`, the 假定参数 sheet
 * (through `wubi-wuping/formats`) and the sensitivity chart (`wubi-wuping/chart`) word a parameter
 * the same way. Pure: no I/O.
 */
import type { Lang } from "./lang.js";
import { BALLOT_NAMES } from "./labels.js";
import { COMPONENTS } from "../model/components.js";
import { LEVEL_LABELS, TIER_LABELS, type AssumptionId, type PolicyParameters } from "../model/policy.js";

/**
 * A parameter's key in a policy (`roundAggregation`, `bonusCap`, …).
 *
 * @example
 * ```ts
 * const key: ParameterKey = "roundAggregation";
 * ```
 */
export type ParameterKey = keyof PolicyParameters;

/**
 * The name of each policy parameter, in Chinese and English.
 *
 * @example
 * ```ts
 * PARAMETER_NAMES.roundAggregation.zh; //=> "各轮得分的汇总方式"
 * ```
 */
export const PARAMETER_NAMES: Readonly<Record<ParameterKey, Readonly<Record<Lang, string>>>> = {
  components: { zh: "考评项目及满分", en: "components and their maxima" },
  dailyWindow: { zh: "日常考评计分时段", en: "daily evaluation window" },
  comprehensiveWindow: { zh: "综合评价计分时段", en: "comprehensive evaluation window" },
  minRounds: { zh: "督查、暗访每年不少于的次数", en: "minimum rounds a year per inspection component" },
  commendationPoints: { zh: "表彰表扬加分（按发文印章层级）", en: "commendation points by the issuing seal's level" },
  roundAggregation: { zh: "各轮得分的汇总方式", en: "how rounds are aggregated" },
  surveyWeights: { zh: "测评票的权重", en: "survey ballot weights" },
  complaintDeduction: { zh: "经查实投诉每件扣分（未另定时）", en: "deduction per verified complaint (when it has none of its own)" },
  decimals: { zh: "保留小数位数（四舍五入）", en: "decimals (rounded half-up)" },
  unitCeiling: { zh: "所在单位获表彰的酌情加分上限", en: "ceiling of a unit commendation's points" },
  sameMatterTieBreak: { zh: "同一事项分值相同时的取舍", en: "same matter at equal points" },
  bonusCap: { zh: "加分上限", en: "bonus cap" },
  tiers: { zh: "按分数评定的等次", en: "tiers by score" },
  excellentQuota: { zh: "优秀等次比例（排名时适用）", en: "share of excellent (applied by rank)" },
  quotaRounding: { zh: "优秀名额的取整方式（比例 × 参评人数）", en: "how quota × entries is rounded to a count" },
  vetoPeriod: { zh: "一票否决的考评期间", en: "veto period" },
  cycleYears: { zh: "考评周期（年）", en: "cycle length (years)" },
  cycleStart: { zh: "第一个周期的起始年", en: "first year of the first cycle" },
  ballotQuorum: { zh: "测评票的最低收回率（收回 ÷ 发出）", en: "least share of issued ballots returned" },
  repeatedRater: { zh: "同一评价人多张票的处理", en: "ballots of a repeated rater" },
  minSeconds: { zh: "答题用时少于此秒数的票列出核查", en: "ballots faster than this are listed" },
  groupWeights: { zh: "各类评价人的权重", en: "rater group weights" },
};

/**
 * What each assumed parameter decides, whatever its value (the value is shown beside it).
 *
 * @example
 * ```ts
 * PARAMETER_MEANINGS.bonusCap?.zh; //=> "各项加分合计的上限"
 * ```
 */
export const PARAMETER_MEANINGS: Readonly<Partial<Record<ParameterKey, Readonly<Record<Lang, string>>>>> = {
  roundAggregation: {
    zh: "日常督查、专项督查、随机暗访各有多轮得分时，怎样汇总成该项得分（附件2-一只写“不少于 2 次”，未规定汇总方法）",
    en: "how the rounds of 日常督查, 专项督查 and 随机暗访 combine into the component's points (附件2-一 says at least 2 rounds, not how to combine them)",
  },
  surveyWeights: {
    zh: "测评票各档折算为得分时的权重；“不了解”和弃权不计入票数（附件2-二未规定各档分值）",
    en: "the weight of each ballot answer; unknown and abstentions are not counted (附件2-二 gives no weights)",
  },
  complaintDeduction: {
    zh: "经查实的投诉未写明扣分时每件扣多少分，扣完为止（附件2-一.4未规定）",
    en: "the deduction of a verified complaint that carries none of its own, never below 0 (附件2-一.4 gives none)",
  },
  decimals: {
    zh: "每个考评项目的得分四舍五入后保留的小数位数，只舍入这一次，合计不再舍入",
    en: "the decimals each component is rounded to, half-up, once; sums are not rounded again",
  },
  unitCeiling: {
    zh: "所在单位获表彰、酌情给本科室加分时，加分的上限（附件2-三只写“酌情加分”）",
    en: "the most a unit's commendation may award the section (附件2-三 says only \"at discretion\")",
  },
  sameMatterTieBreak: {
    zh: "同一事项多次受表彰只计最高的一项，分值相同时计哪一项",
    en: "which commendation counts when several for one matter award the same points",
  },
  bonusCap: { zh: "各项加分合计的上限", en: "the cap on the sum of the bonus points" },
  tiers: {
    zh: "按总分评定等次的分数线；不设时不按分数评定等次，只有一票否决给出“不称职”",
    en: "the score thresholds of the tiers; without them no tier is given by score, only the veto gives incompetent",
  },
  excellentQuota: {
    zh: "优秀等次的人数不超过参评对象总数的比例（排名时适用）",
    en: "the share of bodies that may be excellent (applied by rank)",
  },
  quotaRounding: {
    zh: "优秀名额（比例 × 参评对象数）不是整数时的取整方式",
    en: "how quota × entries is rounded to a count of excellent",
  },
  vetoPeriod: {
    zh: "一票否决事项计入本年度考评的期间",
    en: "the period in which a veto counts against the year",
  },
  cycleStart: { zh: "三年考评周期的第一年", en: "the first year of the three-year cycles" },
  ballotQuorum: {
    zh: "发出票数已知时，收回票数占发出票数的最低比例；低于它的一次测评整体不予采用",
    en: "with the ballots issued known, the least share of them returned; a survey below it is refused whole",
  },
  repeatedRater: {
    zh: "同一评价人标识投了多张票时：每张都计入（并列出核查），或只计第一张",
    en: "when one rater token cast several ballots: count each (and list them), or only the first",
  },
  minSeconds: {
    zh: "答题用时少于此秒数的票列出供核查，仍计入票数",
    en: "ballots answered faster than this are listed for checking, and still counted",
  },
  groupWeights: {
    zh: "按评价人类别（如市民群众、企业代表）分别计算满意度再加权；未设定时各类合并计算",
    en: "the satisfaction of each rater group weighted; when not set, all groups are pooled",
  },
};

/**
 * The short name of each assumption (docs/zh-CN/假定参数.md), in Chinese and English.
 *
 * @example
 * ```ts
 * ASSUMPTION_LABELS["round-aggregation"].zh; //=> "各轮汇总"
 * ```
 */
export const ASSUMPTION_LABELS: Readonly<Record<AssumptionId, Readonly<Record<Lang, string>>>> = {
  "round-aggregation": { zh: "各轮汇总", en: "round aggregation" },
  "survey-weights": { zh: "测评权重", en: "survey weights" },
  "complaint-deduction": { zh: "投诉扣分", en: "complaint deduction" },
  rounding: { zh: "舍入", en: "rounding" },
  "unit-commendation-ceiling": { zh: "单位表彰加分上限", en: "unit commendation ceiling" },
  "same-matter-tie-break": { zh: "同一事项取舍", en: "same-matter tie-break" },
  "bonus-cap": { zh: "加分上限", en: "bonus cap" },
  "score-tiers": { zh: "分数等次", en: "score tiers" },
  "veto-period": { zh: "否决期间", en: "veto period" },
  "cycle-start": { zh: "第一个周期的起始年", en: "cycle start" },
  "ballot-validity": { zh: "有效票", en: "ballot validity" },
  "ballot-quorum": { zh: "收回率", en: "ballot quorum" },
  "repeated-rater": { zh: "重复评价人", en: "repeated rater" },
  "ballot-speed": { zh: "答题用时", en: "ballot speed" },
  "group-weights": { zh: "评价人类别权重", en: "group weights" },
};

/** The Chinese words for a parameter's value written as a code (windows, methods, tie-breaks). */
const CODE_VALUES: Readonly<Record<string, string>> = {
  "Y-01-01..Y-12-31": "考评年度 1 月 1 日至 12 月 31 日",
  "Y-12-01..end of February Y+1": "考评年度 12 月 1 日至次年 2 月末",
  "Y-01-01..end of February Y+1": "考评年度 1 月 1 日至次年 2 月末",
  "higher-level-then-smaller-id": "取级别高者；级别也相同时取编号小者",
};

/** The discrete values of `roundAggregation` and `quotaRounding`, as a person reads them. */
const CHOICE_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  "mean-of-fractions": { zh: "各轮按本轮满分折算后取平均", en: "the mean of each round's fraction of its full marks" },
  pooled: { zh: "各轮得分之和除以各轮满分之和", en: "the sum of scores over the sum of full marks" },
  floor: { zh: "去尾", en: "rounded down" },
  "half-up": { zh: "四舍五入", en: "rounded half-up" },
  ceil: { zh: "进一法", en: "rounded up" },
  count: { zh: "每张票都计入，重复的列出核查", en: "every ballot counts; repeats are listed" },
  first: { zh: "只计第一张，其余列为未计入", en: "only the first ballot counts; the others are set aside" },
};

/** A number of a parameter with its unit in Chinese. */
const UNITS: Readonly<Record<string, (value: string) => string>> = {
  minRounds: (v) => `每年不少于 ${v} 次`,
  complaintDeduction: (v) => `每件扣 ${v} 分`,
  decimals: (v) => `保留 ${v} 位小数`,
  cycleYears: (v) => `${v} 年一个周期`,
  cycleStart: (v) => `${v} 年`,
  excellentQuota: (v) => `不超过参评对象总数的 ${v}（按比例）`,
  bonusCap: (v) => `不超过 ${v} 分`,
  unitCeiling: (v) => `不超过 ${v} 分`,
  ballotQuorum: (v) => `收回票数不少于发出票数的 ${v}`,
  minSeconds: (v) => `少于 ${v} 秒的票列出核查（仍计入）`,
};

/**
 * Options of {@link parameterValueText}: `codes` appends the code a policy file writes after a
 * method's words (`去尾（floor）`), for readers who write policy files.
 *
 * @example
 * ```ts
 * parameterValueText("quotaRounding", "floor", "zh", { codes: true } satisfies ParameterValueOptions); //=> "去尾（floor）"
 * ```
 */
export interface ParameterValueOptions {
  readonly codes?: boolean | undefined;
}

/**
 * A parameter's value as a person reads it, never as JSON: `mean-of-fractions` →
 * `各轮按本轮满分折算后取平均`, a `null` bonus cap → `无上限`, no tiers → `不设（…）`.
 *
 * @param key - The parameter's key in the policy.
 * @param value - Its value.
 * @param lang - The language of the words.
 * @param options - `codes`: add the policy file's code after a method's words.
 * @returns The words.
 * @example
 * ```ts
 * parameterValueText("roundAggregation", "mean-of-fractions", "zh"); //=> "各轮按本轮满分折算后取平均"
 * parameterValueText("bonusCap", null, "zh"); //=> "无上限"
 * parameterValueText("tiers", [], "zh"); //=> "不设（只有一票否决给出“不称职”）"
 * ```
 */
export function parameterValueText(key: string, value: unknown, lang: Lang, options: ParameterValueOptions = {}): string {
  const zh = lang === "zh";
  const sep = zh ? "，" : ", ";
  const coded = (words: string, code: string): string => (options.codes === true ? (zh ? `${words}（${code}）` : `${words} (${code})`) : words);
  if (zh && typeof value === "string" && Object.hasOwn(CODE_VALUES, value)) {
    // A window is written in English words in the data; a method is an id a policy file names.
    return value.startsWith("Y-") ? (CODE_VALUES[value] as string) : coded(CODE_VALUES[value] as string, value);
  }
  if (zh && (typeof value === "string" || typeof value === "number") && Object.hasOwn(UNITS, key) && value !== "level-points") {
    return (UNITS[key] as (v: string) => string)(String(value));
  }
  switch (key) {
    case "components": {
      const maxima = value as Readonly<Record<string, number>>;
      return COMPONENTS.map((c) => `${zh ? c.label : c.id} ${String(maxima[c.id])}`).join(sep);
    }
    case "commendationPoints":
      return Object.entries(value as Readonly<Record<string, string>>)
        .map(([level, points]) => (zh ? `${(LEVEL_LABELS as Readonly<Record<string, string>>)[level] ?? level}表彰 ${points} 分` : `${level} ${points}`))
        .join(sep);
    case "surveyWeights":
      return Object.entries(value as Readonly<Record<string, string>>)
        .map(([answer, weight]) => `${(BALLOT_NAMES as Readonly<Record<string, Readonly<Record<Lang, string>>>>)[answer]?.[lang] ?? answer} ${weight}`)
        .join(sep);
    case "unitCeiling":
      return value === "level-points" ? coded(zh ? "该级别的分值" : "the level's points", "level-points") : String(value);
    case "bonusCap":
      return value === null ? (zh ? "无上限" : "none") : String(value);
    case "ballotQuorum":
    case "minSeconds":
      return value === null ? (zh ? "不设" : "none") : String(value);
    case "groupWeights": {
      if (value === null) return zh ? "不分类别，合并计算" : "none (groups pooled)";
      const byComponent = value as Readonly<Record<string, Readonly<Record<string, string>>>>;
      return Object.entries(byComponent)
        .map(([component, weights]) => {
          const name = COMPONENTS.find((c) => c.id === component);
          const groups = Object.entries(weights).map(([group, weight]) => `${group} ${weight}`).join(zh ? "、" : ", ");
          return `${zh ? (name?.label ?? component) : component}${zh ? "：" : ": "}${groups}`;
        })
        .join(zh ? "；" : "; ");
    }
    case "roundAggregation":
    case "repeatedRater":
    case "quotaRounding": {
      const words = CHOICE_NAMES[String(value)]?.[lang];
      return words === undefined ? String(value) : coded(words, String(value));
    }
    case "excellentQuota":
      return value === null ? (zh ? "不限" : "none") : String(value);
    case "tiers": {
      const tiers = value as readonly { tier: keyof typeof TIER_LABELS; min: string }[];
      if (tiers.length === 0) return zh ? "不设（只有一票否决给出“不称职”）" : "none (only the veto gives incompetent)";
      return tiers.map((t) => (zh ? `${TIER_LABELS[t.tier]} ≥ ${t.min}` : `${t.tier} >= ${t.min}`)).join(sep);
    }
    default:
      if (value === null) return zh ? "未设定" : "not set";
      if (Array.isArray(value) && value.length === 0) return zh ? "无" : "none";
      return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  }
}

