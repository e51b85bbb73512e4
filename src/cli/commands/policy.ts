/** `wubi-wuping policy`: every parameter in force, with its value and where it comes from. */
import { documentJson } from "../../formats/json.js";
import { LEVEL_LABELS, TIER_LABELS, COMPONENTS, xuancheng2022, type Lang, type Policy, type Provenance } from "../../index.js";
import { BALLOT_NAMES, clauseName } from "../../messages/labels.js";
import type { Command } from "../command.js";
import { EXIT, type CliIO } from "../io.js";

const NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
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

/** The Chinese words for a parameter's value written as a code (windows, methods, tie-breaks). */
const CODE_VALUES: Readonly<Record<string, string>> = {
  "Y-01-01..Y-12-31": "考评年度 1 月 1 日至 12 月 31 日",
  "Y-12-01..end of February Y+1": "考评年度 12 月 1 日至次年 2 月末",
  "Y-01-01..end of February Y+1": "考评年度 1 月 1 日至次年 2 月末",
  "higher-level-then-smaller-id": "取级别高者；级别也相同时取编号小者",
};

/** The discrete values of `roundAggregation` and `quotaRounding`, as a person reads them. */
const CHOICE_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  "mean-of-fractions": { zh: "各轮按本轮满分折算后取平均（mean-of-fractions）", en: "the mean of each round's fraction of its full marks (mean-of-fractions)" },
  pooled: { zh: "各轮得分之和除以各轮满分之和（pooled）", en: "the sum of scores over the sum of full marks (pooled)" },
  floor: { zh: "去尾（floor）", en: "rounded down (floor)" },
  "half-up": { zh: "四舍五入（half-up）", en: "rounded half-up (half-up)" },
  ceil: { zh: "进一法（ceil）", en: "rounded up (ceil)" },
  count: { zh: "每张票都计入，重复的列出核查（count）", en: "every ballot counts; repeats are listed (count)" },
  first: { zh: "只计第一张，其余列为未计入（first）", en: "only the first ballot counts; the others are set aside (first)" },
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

/** A parameter's value as a person reads it: every value in Chinese in Chinese mode. */
function showValue(key: string, value: unknown, lang: Lang): string {
  const zh = lang === "zh";
  const sep = zh ? "，" : ", ";
  if (zh && typeof value === "string" && Object.hasOwn(CODE_VALUES, value)) {
    // A window is written in English words in the data; a method is an id a policy file names.
    return value.startsWith("Y-") ? (CODE_VALUES[value] as string) : `${CODE_VALUES[value] as string}（${value}）`;
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
      return value === "level-points" ? (zh ? "该级别的分值（level-points）" : "the level's points (level-points)") : String(value);
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
    case "quotaRounding":
    case "repeatedRater":
      return CHOICE_NAMES[String(value)]?.[lang] ?? String(value);
    case "excellentQuota":
      return value === null ? (zh ? "不限" : "none") : String(value);
    case "tiers": {
      const tiers = value as readonly { tier: keyof typeof TIER_LABELS; min: string }[];
      if (tiers.length === 0) return zh ? "不设（只有一票否决给出“不称职”）" : "none (only the veto gives incompetent)";
      return tiers.map((t) => (zh ? `${TIER_LABELS[t.tier]} ≥ ${t.min}` : `${t.tier} >= ${t.min}`)).join(sep);
    }
    default:
      return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  }
}

function showProvenance(p: Provenance, lang: Lang): string {
  const zh = lang === "zh";
  switch (p.kind) {
    case "clause":
      return zh ? `来源条款 ${p.clauses.join("、")}` : `clause ${p.clauses.map((c) => `${clauseName(c, "en")} (${c})`).join(", ")}`;
    case "assumed":
      return zh ? `假定（${p.assumption}：来源文件未作规定，可由政策覆盖）` : `assumed (${p.assumption})`;
    case "policy":
      return zh ? `由政策 ${p.policy} 设定` : `set by policy ${p.policy}`;
  }
}

/**
 * The text `policy` prints: a header, then one block per parameter (name, value, provenance).
 *
 * @example
 * ```ts
 * policyText(xuancheng2022, "en").split("\n")[0];
 * //=> "policy xuancheng-2022: 宣城市城管执法局 2022 年“五比五评”考评与计分方法 (a preset)"
 * ```
 */
export function policyText(policy: Policy, lang: Lang): string {
  const zh = lang === "zh";
  const lines = [
    zh
      ? `政策 ${policy.id}：${policy.label}（${policy.base === null ? "预设" : `派生自 ${policy.base}`}）`
      : `policy ${policy.id}: ${policy.label} (${policy.base === null ? "a preset" : `derived from ${policy.base}`})`,
    "",
  ];
  for (const [key, parameter] of Object.entries(policy.parameters) as [string, { value: unknown; provenance: Provenance }][]) {
    const name = NAMES[key]?.[lang] ?? key;
    lines.push(`${key}${zh ? `（${name}）` : ` (${name})`}`);
    lines.push(`    ${showValue(key, parameter.value, lang)}`);
    lines.push(`    ${showProvenance(parameter.provenance, lang)}`);
  }
  return lines.join("\n");
}

/**
 * The text `policy --json` prints: the policy object, indented. The service answers the same text.
 *
 * @example
 * ```ts
 * JSON.parse(policyJson(xuancheng2022)).id; //=> "xuancheng-2022"
 * ```
 */
export function policyJson(policy: Policy): string {
  return documentJson(policy);
}

/**
 * Prints every parameter of the policy in force (the preset, or `--policy FILE`) with its
 * provenance: a clause of the source, an assumption, or the derived policy that set it.
 *
 * @example
 * ```sh
 * wubi-wuping policy --lang en
 * wubi-wuping policy --json --policy city-2023.json
 * ```
 */
export const policyCommand: Command = {
  name: "policy",
  summary: { zh: "列出现行政策的每个参数及其来源", en: "show every parameter in force with its provenance" },
  usage: "policy [--json] [--policy FILE] [--lang zh|en]",
  options: { json: { type: "boolean" }, policy: { type: "string" } },
  positionals: { min: 0, max: 0 },
  help: {
    zh: [
      "默认列出预设政策 xuancheng-2022；--policy FILE 列出由该文件派生的政策。",
      "每个参数的来源：来源条款（附件2-…）、假定（assumed，可覆盖），或设定它的派生政策。",
      "  --json                 输出政策对象 JSON（id、label、base、parameters：每个参数的 value 和 provenance）",
      "  --policy FILE          派生政策（definePolicy 的 JSON 对象）",
      "  --lang zh|en           语言（默认 zh）",
      "退出码：0 成功；1 政策文件错误或无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "Shows the preset xuancheng-2022, or with --policy FILE the policy that file derives.",
      "Each parameter's provenance: a clause of the source (附件2-…), assumed (overridable), or the derived policy that set it.",
      "  --json                 print the policy object as JSON (id, label, base, parameters: each with value and provenance)",
      "  --policy FILE          a derived policy (the JSON object definePolicy takes)",
      "  --lang zh|en           language (default zh)",
      "Exit codes: 0 ok; 1 the policy file is wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run({ values, lang, policy }, io: CliIO): Promise<number> {
    const inForce = policy ?? xuancheng2022;
    io.out(values["json"] === true ? policyJson(inForce) : policyText(inForce, lang));
    return EXIT.ok;
  },
};
