/**
 * The one table of names: the source's official Chinese terms and their English renderings, read
 * by `explain`, the CLI and the error messages. The Chinese names of components, groups, levels,
 * tiers and categories are the model's own (`COMPONENTS[].label`, `GROUP_LABELS`, `LEVEL_LABELS`,
 * `TIER_LABELS`, `CATEGORY_LABELS`, declared once beside their ids); this table adds the English.
 *
 * @internal
 */
import type { Lang } from "./lang.js";
import type { Ground } from "../model/input.js";
import { CATEGORY_LABELS, type Category } from "../model/participant.js";
import { LEVEL_LABELS, TIER_LABELS, type AssumptionId, type Level, type Tier } from "../model/policy.js";
import type { ExclusionReason } from "../model/result.js";
import { COMPONENTS, GROUP_LABELS, type ComponentGroup, type ComponentId } from "../model/components.js";
import type { DocumentNumberError } from "../model/result.js";
import { DOCUMENT_YEARS, MAX_SERIAL } from "../core/document-number.js";

/**
 * Names of the members of a set, in both languages.
 *
 * @example
 * ```ts
 * const names: Words<"a"> = { a: { zh: "甲", en: "A" } };
 * ```
 */
export type Words<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

/**
 * A table of names from the model's Chinese names and their English renderings, each English name
 * glossed with the official Chinese term: `routine inspection (日常督查)`.
 *
 * @example
 * ```ts
 * glossed({ a: "甲" }, { a: "A" }).a; //=> { zh: "甲", en: "A (甲)" }
 * ```
 */
export function glossed<K extends string>(zh: Readonly<Record<K, string>>, en: Readonly<Record<K, string>>): Words<K> {
  const out = {} as Record<K, Readonly<Record<Lang, string>>>;
  for (const key of Object.keys(zh) as K[]) out[key] = Object.freeze({ zh: zh[key], en: `${en[key]} (${zh[key]})` });
  return Object.freeze(out);
}

/** Component names: the source's own, with an English gloss. */
export const COMPONENT_NAMES: Words<ComponentId> = glossed(Object.fromEntries(COMPONENTS.map((c) => [c.id, c.label])) as Record<ComponentId, string>, {
  routineInspection: "routine inspection",
  specialInspection: "special inspection",
  unannouncedVisit: "unannounced visits",
  complaints: "complaints",
  serviceRecipients: "service recipients' evaluation",
  deputies: "deputies' and members' evaluation",
  countyCounterparts: "county counterparts' evaluation",
  cityLeaders: "city leaders' scores",
});

/** Group names (`四`). */
export const GROUP_NAMES: Words<ComponentGroup> = glossed(GROUP_LABELS, { daily: "daily evaluation", comprehensive: "comprehensive evaluation" });

/** Level names by the issuing seal (`附件2-三.1`). */
export const LEVEL_NAMES: Words<Level> = glossed(LEVEL_LABELS, {
  municipal: "municipal",
  "provincial-department": "provincial department",
  provincial: "provincial or ministerial",
  national: "national",
});

/**
 * Result status names: 正式 or 暂定 (a component missing).
 *
 * @example
 * ```ts
 * STATUS_NAMES.provisional.zh; //=> "暂定"
 * ```
 */
export const STATUS_NAMES: Words<"final" | "provisional"> = {
  final: { zh: "正式", en: "final" },
  provisional: { zh: "暂定", en: "provisional" },
};

/**
 * Whom a veto's finding concerns.
 *
 * @example
 * ```ts
 * SUBJECT_NAMES.staff.zh; //=> "所属工作人员"
 * ```
 */
export const SUBJECT_NAMES: Words<"participant" | "staff"> = {
  participant: { zh: "参评对象本人", en: "the participant" },
  staff: { zh: "所属工作人员", en: "a member of staff" },
};

/**
 * The answers of a survey ballot (`附件2-二`).
 *
 * @example
 * ```ts
 * BALLOT_NAMES.basicallySatisfied.zh; //=> "基本满意"
 * ```
 */
export const BALLOT_NAMES: Words<"satisfied" | "basicallySatisfied" | "dissatisfied" | "unknown"> = {
  satisfied: { zh: "满意", en: "satisfied" },
  basicallySatisfied: { zh: "基本满意", en: "basically satisfied" },
  dissatisfied: { zh: "不满意", en: "dissatisfied" },
  unknown: { zh: "不了解", en: "unknown" },
};

/** Recipient names. */
export const RECIPIENT_NAMES: Words<"participant" | "section" | "unit"> = {
  participant: { zh: "参评对象", en: "the participant" },
  section: { zh: "所属科室", en: "the participant's section" },
  unit: { zh: "所在单位", en: "the participant's unit" },
};

/** Tier names. */
export const TIER_NAMES: Words<Tier> = glossed(TIER_LABELS, {
  excellent: "excellent",
  competent: "competent",
  "basically-competent": "basically competent",
  incompetent: "incompetent",
});

/** Veto grounds (`附件2-四`.1–5), as the source words them. */
export const GROUND_NAMES: Words<Ground> = {
  "case-filed": { zh: "因违法违纪问题被立案查处", en: "a case filed for violations of law or discipline (Annex 2 §4.1)" },
  "disciplinary-sanction": {
    zh: "因发生不作为、慢作为、乱作为等问题，受到党纪政务处分",
    en: "a Party or administrative sanction for inaction, delay or misconduct (Annex 2 §4.2)",
  },
  "media-exposure": {
    zh: "被省级以上新闻媒体曝光或被中央、省部级部门定为典型案例通报批评，造成不良影响",
    en: "exposure by provincial or higher media, or a published criticism as a typical case (Annex 2 §4.3)",
  },
  "vote-rigging": { zh: "以不正当手段拉票、干扰考评工作，经查实", en: "canvassing or interfering with the evaluation, established (Annex 2 §4.4)" },
  other: { zh: "其他原因应当确定为不称职等次", en: "another reason to rate the participant incompetent (Annex 2 §4.5)" },
};

/** Why a commendation was excluded, with the clause that says so. */
export const EXCLUSION_NAMES: Words<ExclusionReason> = {
  "not-approved": { zh: "未经加分申报审核通过（附件2-三）", en: "not approved by the office's audit (Annex 2 §3)" },
  "invalid-document-number": { zh: "文号无法识别，无法确定年度（附件2-三.4）", en: "the document number cannot be read, so its year is unknown (Annex 2 §3.4)" },
  "wrong-year": { zh: "文号年度不是考评年度（附件2-三.4）", en: "the document number's year is not the evaluation year (Annex 2 §3.4)" },
  superseded: { zh: "同一事项受到不同层次表彰表扬的，就高计算，不重复加分（附件2-三.3）", en: "the same matter counts once, at the highest (Annex 2 §3.3)" },
};

/**
 * Why a document number was refused (docs/how-a-score-is-built.md), for `docnum` and `explain`.
 *
 * @example
 * ```ts
 * DOCUMENT_NUMBER_ERROR_NAMES["zero-serial"].zh; //=> "序号不能为 0"
 * ```
 */
export const DOCUMENT_NUMBER_ERROR_NAMES: Words<DocumentNumberError> = {
  unrecognized: { zh: "不是发文字号的格式", en: "not in the form of a document number" },
  "year-out-of-range": {
    zh: `年份不在 ${DOCUMENT_YEARS.min} 至 ${DOCUMENT_YEARS.max} 之间`,
    en: `the year is not between ${DOCUMENT_YEARS.min} and ${DOCUMENT_YEARS.max}`,
  },
  "zero-serial": { zh: "序号不能为 0", en: "the serial cannot be 0" },
  "serial-too-large": { zh: `序号不能超过 ${MAX_SERIAL}`, en: `the serial is above ${MAX_SERIAL}` },
};

/**
 * The form a document number must have (GB/T 9704-2012 §7.2.5), as a refusal states it.
 *
 * @example
 * ```ts
 * DOCUMENT_NUMBER_FORM.zh; //=> "应为 发文机关代字〔年份〕序号号，如 宣政〔2022〕12号"
 * ```
 */
export const DOCUMENT_NUMBER_FORM: Readonly<Record<Lang, string>> = {
  zh: "应为 发文机关代字〔年份〕序号号，如 宣政〔2022〕12号",
  en: "expected issuer code, the year in brackets, serial and 号, such as 宣政〔2022〕12号",
};

/** What each assumption is, for the closing list of `explain`. */
export const ASSUMPTION_NAMES: Words<AssumptionId> = {
  "round-aggregation": {
    zh: "round-aggregation：督查、暗访各轮得分按本轮满分折算后取平均",
    en: "round-aggregation: inspection rounds are averaged as fractions of their full marks",
  },
  "survey-weights": {
    zh: "survey-weights：测评票按 满意 1、基本满意 0.6、不满意 0 计权，“不了解”和弃权不计",
    en: "survey-weights: ballots weigh satisfied 1, basically satisfied 0.6, dissatisfied 0; unknown and abstentions not counted",
  },
  "complaint-deduction": {
    zh: "complaint-deduction：经查实的投诉每件扣 1 分（另有扣分的按其扣分），扣完为止",
    en: "complaint-deduction: each verified complaint deducts 1 point unless it carries its own deduction, never below 0",
  },
  rounding: { zh: "rounding：每个考评项目四舍五入保留 2 位小数，仅此一次", en: "rounding: each component is rounded half-up to 2 decimals, once" },
  "unit-commendation-ceiling": {
    zh: "unit-commendation-ceiling：所在单位获表彰的酌情加分不超过该级别的分值",
    en: "unit-commendation-ceiling: a unit commendation awards at most its level's points",
  },
  "same-matter-tie-break": {
    zh: "same-matter-tie-break：同一事项分值相同时取级别高者，再取编号小者",
    en: "same-matter-tie-break: equal points for one matter go to the higher level, then the smaller id",
  },
  "bonus-cap": { zh: "bonus-cap：加分不设上限", en: "bonus-cap: the bonus has no cap" },
  "score-tiers": {
    zh: "score-tiers：不按分数划分等次，只有一票否决给出“不称职”",
    en: "score-tiers: no tiers by score; only the veto gives incompetent (不称职)",
  },
  "veto-period": {
    zh: "veto-period：否决事项的考评期间为当年 1 月 1 日至次年 2 月末",
    en: "veto-period: the veto period runs from 1 January to the end of February of the next year",
  },
  "cycle-start": { zh: "cycle-start：第一个三年周期从 2022 年开始", en: "cycle-start: the first three-year cycle starts in 2022" },
  "ballot-validity": {
    zh: "ballot-validity：收回票数多于发出票数的，整箱无效；同一对象勾选多个不同选项的为废票，未勾选的为空白，均不计入",
    en: "ballot-validity: a box with more ballots returned than issued is void; a participant ticked with more than one answer is invalid on that ballot and one not ticked is blank, neither counted",
  },
  "ballot-quorum": { zh: "ballot-quorum：不设收回率要求", en: "ballot-quorum: no share of the issued ballots has to come back" },
  "repeated-rater": {
    zh: "repeated-rater：同一评价人标识的多张票都计入（仅列出，供核查）",
    en: "repeated-rater: every ballot of a repeated rater token counts (they are listed for checking)",
  },
  "ballot-speed": { zh: "ballot-speed：不设最短答题用时", en: "ballot-speed: no shortest time a ballot must take" },
  "group-weights": {
    zh: "group-weights：各类评价人的票合并计算，不按类别加权",
    en: "group-weights: the rater groups' ballots are pooled, not weighted by group",
  },
};

/**
 * The Chinese names of the ballot rules (docs/ballots.md), as `explain` and the docs name them.
 *
 * @example
 * ```ts
 * BALLOT_RULE_NAMES["repeated-rater"].zh; //=> "重复评价人"
 * ```
 */
export const BALLOT_RULE_NAMES: Words<"ballot-validity" | "ballot-quorum" | "repeated-rater" | "ballot-speed" | "group-weights"> = {
  "ballot-validity": { zh: "有效票条件", en: "valid ballots" },
  "ballot-quorum": { zh: "收回率要求", en: "quorum of returned ballots" },
  "repeated-rater": { zh: "重复评价人", en: "repeated raters" },
  "ballot-speed": { zh: "最短答题用时", en: "shortest time per ballot" },
  "group-weights": { zh: "评价人类别权重", en: "rater group weights" },
};

/**
 * Category names (`附件1`).
 *
 * @example
 * ```ts
 * CATEGORY_NAMES["law-enforcement"].zh; //=> "行政执法"
 * ```
 */
export const CATEGORY_NAMES: Words<Category> = glossed(CATEGORY_LABELS, {
  "public-service": "public service",
  "law-enforcement": "law enforcement",
  "comprehensive-management": "comprehensive management",
});

const CHINESE_NUMERALS: Readonly<Record<string, string>> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6" };

/**
 * A clause key as a reader of `lang` cites it: the key itself in Chinese (`附件2-一.1`), an English
 * rendering in English (`Annex 2 §1.1`, `plan §4`, `Annex 1`).
 *
 * @example
 * ```ts
 * clauseName("附件2-三.3", "en"); //=> "Annex 2 §3.3"
 * clauseName("四", "en"); //=> "plan §4"
 * clauseName("附件2-一.1", "zh"); //=> "附件2-一.1"
 * ```
 */
export function clauseName(key: string, lang: Lang): string {
  if (lang === "zh") return key;
  const annex = /^附件([0-9])(?:-([一二三四五六])(?:\.([0-9]+))?)?$/.exec(key);
  if (annex !== null) {
    const [, n, part, item] = annex;
    if (part === undefined) return `Annex ${n}`;
    const section = CHINESE_NUMERALS[part] ?? part;
    return `Annex ${n} §${section}${item === undefined ? "" : `.${item}`}`;
  }
  const plan = /^([一二三四五六])$/.exec(key);
  if (plan !== null) return `plan §${CHINESE_NUMERALS[plan[1] as string] ?? key}`;
  return key;
}
