/**
 * The messages of the library's own issue codes (docs/formats.md), in both languages, each naming the field
 * at its path and the value it found.
 *
 * @internal
 */
import type { Lang } from "./lang.js";
import { microText } from "../decimal.js";
import { comprehensiveWindow, dailyWindow } from "../dates.js";
import { valueName } from "./fields.js";
import { BALLOT_NAMES, COMPONENT_NAMES, RECIPIENT_NAMES } from "./labels.js";
import { capital, quoted, shownValue, spaced, subject, type Path } from "./text.js";

type Params = Readonly<Record<string, unknown>>;

/** What a library message is about: the field, the object holding it, the offending value. */
export interface About {
  readonly field: string;
  readonly owner: string;
  readonly value: unknown;
  readonly path: Path;
}

/** A message of the library: from the parameters and what it is about. */
export type Library = (p: Params, about: About) => string;

const year = (p: Params): number => Number(p["year"]);
const windowsText = (y: number, lang: Lang): string => {
  const d = dailyWindow(y);
  const c = comprehensiveWindow(y);
  return lang === "zh" ? `日常考评 ${d.from} 至 ${d.to}，综合评价 ${c.from} 至 ${c.to}` : `daily ${d.from} to ${d.to}, comprehensive ${c.from} to ${c.to}`;
};
export const given = (value: unknown, lang: Lang): string =>
  value === undefined ? "" : lang === "zh" ? `（填写的是${spaced(shownValue(value, lang))}）` : ` (given: ${shownValue(value, lang)})`;
/** A level's ceiling: given as text (`ceiling`) or in micro units (`ceilingMicro`). */
const ceiling = (p: Params): string => (p["ceiling"] === undefined ? microText(Number(p["ceilingMicro"])) : String(p["ceiling"]));
const recipientOf = (p: Params, lang: Lang): string => valueName(String(p["recipient"]), lang, RECIPIENT_NAMES) ?? String(p["recipient"]);

/** The names of a list of groups: `市民群众、商户`. */
export const names = (value: unknown, lang: Lang): string => (Array.isArray(value) ? value.map((v) => quoted(String(v), 100)).join(lang === "zh" ? "、" : ", ") : "");

/** A component id as the office names it. */
export const componentOf = (p: Params, lang: Lang): string => valueName(String(p["component"]), lang, COMPONENT_NAMES)?.replace(/ \(.*\)$/, "") ?? String(p["component"]);

/** A count field of a survey as a clerk reads it: `“满意”票数`. */
const countName = (field: unknown, lang: Lang): string => {
  const key = String(field) as keyof typeof BALLOT_NAMES;
  const name = Object.hasOwn(BALLOT_NAMES, key) ? BALLOT_NAMES[key][lang] : String(field);
  return lang === "zh" ? `“${name}”票数` : `the ${name} count`;
};

/** The library's own codes (docs/formats.md), in both languages. */
const LIBRARY: Readonly<Record<string, Readonly<Record<Lang, Library>>>> = {
  "missing-component": {
    zh: (p, { field: f }) => `缺少${f}的有效记录；请补齐数据，或用 ${String(p["option"] ?? "allowIncomplete")} 计为暂定结果`,
    en: (p, { field: f }) => `${capital(f)} has nothing to count; supply its records, or use ${String(p["option"] ?? "allowIncomplete")} for a provisional result`,
  },
  "all-outside-window": {
    zh: (p) => `所有记录都不在 ${year(p)} 年度的计分时段内（${windowsText(year(p), "zh")}）；请核对考评年度（year）是否填写正确`,
    en: (p) => `No record lies inside the windows of ${year(p)} (${windowsText(year(p), "en")}); check that the year is right`,
  },
  "duplicate-id": {
    zh: (p) => `编号 ${quoted(String(p["id"]), 100)} 在本列表中重复；每条记录的编号（id）必须唯一`,
    en: (p) => `The id ${quoted(String(p["id"]), 100)} appears more than once in this list; ids must be unique`,
  },
  "score-above-out-of": {
    zh: (p, { field: f, value: v }) => `${f}高于本轮满分 ${String(p["outOf"])}${given(v, "zh")}`,
    en: (p, { field: f, value: v }) => `${capital(f)} is above the round's full marks of ${String(p["outOf"])}${given(v, "en")}`,
  },
  "awarded-not-allowed": {
    zh: (p, { owner }) => `${owner}授予${recipientOf(p, "zh")}，不填写酌情加分（awarded）：只有授予所在单位的表彰才按关联度酌情加分，其他表彰按级别计分；请删除 awarded`,
    en: () => 'Only a unit commendation (recipient "unit") carries awarded; a participant or section commendation scores by its level, so remove awarded',
  },
  "awarded-required": {
    zh: (_p, { owner }) => `${owner}授予所在单位，必须填写酌情加分（awarded）：按承担工作的关联度确定的分值`,
    en: () => "A unit commendation needs awarded (the points granted by relevance)",
  },
  "awarded-above-ceiling": {
    zh: (p, { field: f, value: v }) => `${f}不得超过该级别的上限 ${ceiling(p)}${given(v, "zh")}`,
    en: (p, { value: v }) => `The awarded points exceed this level's ceiling of ${ceiling(p)}${given(v, "en")}`,
  },
  "reason-required": {
    zh: () => "否决依据为“其他原因”（other）时必须填写原因（reason）",
    en: () => 'A veto on the ground "other" needs a reason',
  },
  "too-many-decimals": {
    zh: (p, { field: f, value: v }) => `${f}的小数位数过多：本政策最多 ${String(p["decimals"])} 位小数${given(v ?? p["value"], "zh")}`,
    en: (p, { field: f, value: v }) => `${capital(f)} has too many decimals: this policy allows at most ${String(p["decimals"])}${given(v ?? p["value"], "en")}`,
  },
  "too-many-issues": {
    zh: (p) => `本列表的问题过多：以上列出前 ${String(p["shown"])} 处，共 ${String(p["total"])} 处`,
    en: (p) => `Too many problems in this list: the first ${String(p["shown"])} are listed, of ${String(p["total"])} in all`,
  },
  "policy-mismatch": {
    zh: (p) => `该结果按政策 ${String(p["actual"])} 计算，而排名使用政策 ${String(p["expected"])}；请用同一政策计算，或指定该政策`,
    en: (p) => `This result was computed under policy "${String(p["actual"])}", but the ranking uses "${String(p["expected"])}"; pass that policy or rescore`,
  },
  "mixed-years": {
    zh: (p) => `该结果的年度 ${String(p["year"])} 与第一条结果的年度 ${String(p["expected"])} 不同；一次排名只比较同一年度的结果`,
    en: (p) => `This result is for ${String(p["year"])}, the first result for ${String(p["expected"])}; one ranking compares one year`,
  },
  "invalid-total": {
    zh: (p) => `总分应为恰好 ${String(p["decimals"])} 位小数的定点数（与政策一致），即 score 输出的写法`,
    en: (p) => `The total must be a fixed-point number with exactly ${String(p["decimals"])} decimals (the policy's), as score() writes it`,
  },
  "before-first-cycle": {
    zh: (p) => `${String(p["year"])} 年早于第一个考评周期（自 ${String(p["firstYear"])} 年起）`,
    en: (p) => `${String(p["year"])} is before the first evaluation cycle, which starts in ${String(p["firstYear"])}`,
  },
  "before-cycle": {
    zh: (p) => `起始年度不得早于该周期的第一年 ${String(p["firstYear"])}`,
    en: (p) => `The starting year may not be before the cycle's first year, ${String(p["firstYear"])}`,
  },
  "invalid-policy": {
    zh: () => "选项 policy 必须是 definePolicy() 或预设（如 xuancheng2022）给出的政策；请用 definePolicy(覆盖项) 生成，不要直接传入覆盖项 JSON 或修改过的副本",
    en: () => "The option policy must be a policy made by definePolicy() or a preset such as xuancheng2022: pass definePolicy(overrides), not the overrides JSON or an edited copy",
  },
  "unknown-group": {
    zh: (p) => `${componentOf(p, "zh")}的评价人类别 ${quoted(String(p["group"]), 100)} 不在政策为${componentOf(p, "zh")}设定的评价人类别权重中（现有：${names(p["groups"], "zh")}）；请改正类别名称，或在政策的 groupWeights 中为它设定权重`,
    en: (p) => `The rater group ${quoted(String(p["group"]), 100)} of ${componentOf(p, "en")} is not among the groups the policy weighs for ${componentOf(p, "en")} (${names(p["groups"], "en")}); correct the name, or give it a weight in the policy's groupWeights`,
  },
  "groups-mismatch": {
    zh: (p, { owner }) => `${owner}的${countName(p["field"], "zh")}为 ${String(p["ballots"])}，而各类评价人的${countName(p["field"], "zh")}之和为 ${String(p["sum"])}：两者必须相等；请核对各类别的票数`,
    en: (p, { owner }) => `${capital(countName(p["field"], "en"))} of ${owner} is ${String(p["ballots"])}, but the groups' add up to ${String(p["sum"])}: they must be equal; check the counts per group`,
  },
  "invalid-cycle": {
    zh: () => "周期的最后一年不得早于第一年，且一个周期不超过 100 年",
    en: () => "A cycle's last year must not be before its first, and a cycle spans at most 100 years",
  },
};

/**
 * The message for one of the library's codes (docs/formats.md) at `path`, or `undefined` for a code the
 * library does not define.
 *
 * @example
 * ```ts
 * libraryText("missing-component", "zh", { option: "--allow-incomplete" }, ["components", "deputies"]);
 * //=> "缺少“两代表一委员”评价的有效记录；请补齐数据，或用 --allow-incomplete 计为暂定结果"
 * ```
 */
export function libraryText(code: string, lang: Lang, params: Params = {}, path: Path = [], value?: unknown): string | undefined {
  const entry = Object.hasOwn(LIBRARY, code) ? LIBRARY[code] : undefined;
  return entry?.[lang](params, { field: subject(path, lang), owner: subject(path.slice(0, -1), lang), value, path });
}

