/** `wubi-wuping sensitivity INPUTS.ndjson`: how firm each body's rank and tier are under the assumptions. */
import { documentJson } from "../../formats/json.js";
import { PARAMETER_LABELS, sensitivityChart, strongestScenarios } from "../../chart/index.js";
import { TIER_LABELS, type Lang, type Tier } from "../../index.js";
import { sensitivity, type Ranges, type SensitivityEntry, type SensitivityParameter, type SensitivityResult } from "../../sensitivity.js";
import { EXIT, oneLine, readJson, usageError, type CliIO } from "../io.js";
import type { Command } from "../command.js";
import { renderTable, toCsv, type Align } from "../../formats/table.js";
import { analysed, byCategoryColumn, byOf, formatOf, readInputs, tierText } from "./analysis.js";

const FORMATS = ["table", "csv", "json", "svg"] as const;

const WORDS = {
  zh: {
    header: ["基准名次", "参评对象", "编号", "基准总分", "总分范围", "名次范围", "p5–p95", "名次", "基准等次", "等次", "受哪些参数影响"],
    csv: ["编号", "参评对象", "基准总分", "最低总分", "最高总分", "基准名次", "最好名次", "最差名次", "p5", "p50", "p95", "名次稳定", "基准等次", "等次分布", "等次稳定", "受哪些参数影响"],
    holds: "稳定",
    moves: "会变",
    unranked: "不排名",
    noTiers: "未设等次",
    together: "多个参数共同作用",
    none: "无",
    yes: "是",
    no: "否",
    strongest: (label: string, value: string, change: string) => `使名次变动最大的参数：${label}（取 ${value} 时，名次平均变动 ${change}）`,
    nothingMoves: "没有哪个参数单独改变任何名次",
    noneVaried: "没有参数被改变（政策已设定全部参数，且未给出 --ranges）",
    scenarios: (samples: number, seed: number) => `情形：基准、逐一改变每个参数的两端（或每个取值），以及 ${samples} 个随机情形（种子 ${seed}）。总分范围是精确的。`,
  },
  en: {
    header: ["Base rank", "Participant", "Id", "Base total", "Total range", "Rank range", "p5–p95", "Rank", "Base tier", "Tier", "Moved by"],
    csv: ["Id", "Participant", "Base total", "Min total", "Max total", "Base rank", "Best rank", "Worst rank", "p5", "p50", "p95", "Rank stable", "Base tier", "Tier shares", "Tier stable", "Moved by"],
    holds: "holds",
    moves: "moves",
    unranked: "unranked",
    noTiers: "no tiers",
    together: "several parameters together",
    none: "none",
    yes: "yes",
    no: "no",
    strongest: (label: string, value: string, change: string) => `The parameter that moves ranks most: ${label} (at ${value}, ranks move by ${change} on average)`,
    nothingMoves: "No parameter alone changes any rank",
    noneVaried: "No parameter was varied (the policy sets them all and no --ranges was given)",
    scenarios: (samples: number, seed: number) => `Scenarios: the base, each parameter at each end (or value) alone, and ${samples} random ones (seed ${seed}). Total ranges are exact.`,
  },
} as const;

/** The parameters whose one-at-a-time scenarios change this body's rank or tier. */
function movedBy(result: SensitivityResult, id: string): SensitivityParameter[] {
  const base = result.participants.find((p) => p.participant.id === id) as SensitivityEntry;
  const moved = new Set<SensitivityParameter>();
  for (const s of result.oneAtATime) {
    const r = s.results.find((x) => x.participantId === id);
    if (r !== undefined && (r.rank !== base.base.rank || r.tier !== base.base.tier)) moved.add(s.parameter);
  }
  return [...moved];
}

const tierShares = (tiers: SensitivityEntry["tiers"], lang: Lang): string =>
  Object.entries(tiers ?? {})
    .map(([tier, share]) => `${lang === "zh" ? TIER_LABELS[tier as Tier] : tier} ${share}`)
    .join(lang === "zh" ? "，" : ", ");

/**
 * The text `sensitivity` prints: a table (one line per body: whether its rank and tier hold, and
 * the parameters that move them) closed by the parameter that moves ranks most; CSV; JSON; SVG.
 *
 * @example
 * ```ts
 * formatSensitivity(result, "table", "en").split("\n").at(-1);
 * //=> "The parameter that moves ranks most: how rounds are aggregated (at pooled, ranks move by 1.1111 on average)"
 * ```
 */
export function formatSensitivity(result: SensitivityResult, format: (typeof FORMATS)[number], lang: Lang, byCategory = false): string {
  if (format === "json") return documentJson(result);
  if (format === "svg") return sensitivityChart(result, { lang });
  const w = WORDS[lang];
  const sep = lang === "zh" ? "、" : ", ";
  const categories = result.participants.map((p) => p.participant.category);
  const rows = result.participants.map((p) => {
    const moved = movedBy(result, p.participant.id);
    const tierStable = p.tiers === undefined ? undefined : Object.keys(p.tiers).length <= 1;
    const unstable = !p.stable || tierStable === false;
    const names = moved.length > 0 ? moved.map((m) => PARAMETER_LABELS[m][lang]).join(sep) : unstable ? w.together : w.none;
    return { p, moved, tierStable, names };
  });
  if (format === "csv") {
    const cells = rows.map(({ p, tierStable, names }) => [
      p.participant.id,
      p.participant.name,
      p.base.total,
      p.total.min,
      p.total.max,
      p.base.rank === null ? "" : String(p.base.rank),
      p.rank === null ? "" : String(p.rank.min),
      p.rank === null ? "" : String(p.rank.max),
      p.rank === null ? "" : String(p.rank.p5),
      p.rank === null ? "" : String(p.rank.p50),
      p.rank === null ? "" : String(p.rank.p95),
      p.rank === null ? "" : p.stable ? w.yes : w.no,
      p.base.tier === null ? "" : tierText(p.base.tier, lang),
      tierShares(p.tiers, lang),
      tierStable === undefined ? "" : tierStable ? w.yes : w.no,
      names,
    ]);
    const [header, body] = byCategoryColumn(w.csv, cells, categories, byCategory, lang);
    return toCsv(header, body).slice(0, -1);
  }
  const cells = rows.map(({ p, tierStable, names }) => {
    const r = p.rank;
    return [
      p.base.rank === null ? "-" : String(p.base.rank),
      p.participant.name,
      p.participant.id,
      p.base.total,
      `${p.total.min}–${p.total.max}`,
      r === null ? "-" : r.min === r.max ? String(r.min) : `${r.min}–${r.max}`,
      r === null ? "-" : r.p5 === r.p95 ? String(r.p5) : `${r.p5}–${r.p95}`,
      r === null ? w.unranked : p.stable ? w.holds : w.moves,
      tierText(p.base.tier, lang),
      tierStable === undefined ? w.noTiers : tierStable ? w.holds : `${w.moves}${lang === "zh" ? "：" : ": "}${tierShares(p.tiers, lang)}`,
      names,
    ];
  });
  const align: Align[] = [...(byCategory ? (["left"] as const) : []), "right", "left", "left", "right", "right", "right", "right", "left", "left", "left", "left"];
  const strongest = strongestScenarios(result).reduce<(typeof result.oneAtATime)[number] | undefined>(
    (best, s) => (best === undefined || Number(s.meanAbsRankChange) > Number(best.meanAbsRankChange) ? s : best),
    undefined,
  );
  const closing =
    strongest === undefined
      ? w.noneVaried
      : strongest.meanAbsRankChange === "0.0000"
        ? w.nothingMoves
        : w.strongest(PARAMETER_LABELS[strongest.parameter][lang], strongest.value, strongest.meanAbsRankChange);
  const [header, body] = byCategoryColumn(w.header, cells, categories, byCategory, lang);
  return [...renderTable(header, body, align), "", w.scenarios(result.samples, result.seed), closing].join("\n");
}

/** An integer option (`--samples`, `--seed`) as the API takes it; not an integer is a usage error. */
function integerOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^-?[0-9]{1,16}$/.test(value)) throw usageError(`wubi-wuping sensitivity: --${name} takes an integer, not ${oneLine(String(value))}`);
  return Number(value);
}

/**
 * `sensitivity INPUTS.ndjson [--policy FILE] [--ranges FILE] [--samples N] [--seed S] [--by category] [--format table|csv|json|svg]`.
 *
 * @example
 * ```ts
 * await runCli(["sensitivity", "inputs.ndjson", "--format", "svg"], io); //=> 0
 * ```
 */
export const sensitivityCommand: Command = {
  name: "sensitivity",
  summary: { zh: "假定参数变化时，每个参评对象的总分、名次和等次是否站得住", en: "whether each body's total, rank and tier hold as the assumed parameters vary" },
  usage: "sensitivity INPUTS.ndjson|- [--policy FILE] [--ranges FILE] [--samples N] [--seed S] [--by category] [--format table|csv|json|svg] [--lang zh|en]",
  options: {
    policy: { type: "string" },
    ranges: { type: "string" },
    samples: { type: "string" },
    seed: { type: "string" },
    by: { type: "string" },
    format: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "INPUTS.ndjson 每行一个参评对象的年度输入（同一年度，每个对象一次）。",
      "默认改变的假定参数：基本满意权重 0.5–0.8、不满意权重 0–0.2、每件投诉扣分 0.5–2、各轮汇总方式（两种），",
      "政策设有优秀比例时还有名额取整方式（三种）；政策自己设定的参数保持不变，除非 --ranges 列出它。",
      "  --policy FILE    要检验的政策（默认 xuancheng-2022）",
      "  --ranges FILE    参数范围，如 {\"complaintDeduction\": [\"0.5\", \"3\"], \"roundAggregation\": [\"pooled\"]}",
      "  --samples N      随机情形个数（1–100000，默认 1000）",
      "  --seed S         随机种子（默认 1；同一种子结果相同）",
      "  --by category    按类别分别排名",
      "  --format         table（默认）、csv（带 BOM）、json、svg（名次范围图）",
      "退出码：0 成功；1 输入、政策或范围有误；2 命令行错误。",
    ].join("\n"),
    en: [
      "INPUTS.ndjson holds one participant-year per line (one year, each body once).",
      "Varied by default: basicallySatisfied weight 0.5–0.8, dissatisfied weight 0–0.2, deduction per complaint 0.5–2, round aggregation (both),",
      "and under a policy with a quota the quota rounding (all three); a parameter the policy sets stays fixed unless --ranges names it.",
      "  --policy FILE    the policy to test (default xuancheng-2022)",
      "  --ranges FILE    ranges, e.g. {\"complaintDeduction\": [\"0.5\", \"3\"], \"roundAggregation\": [\"pooled\"]}",
      "  --samples N      random scenarios (1–100000, default 1000)",
      "  --seed S         the seed (default 1; the same seed gives the same result)",
      "  --by category    rank within categories",
      "  --format         table (default), csv (with a BOM), json, svg (the rank-range chart)",
      "Exit codes: 0 ok; 1 an input, the policy or a range is wrong; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, values, lang, policy }, io: CliIO): Promise<number> {
    const format = formatOf(values["format"], FORMATS, "sensitivity");
    const by = byOf(values["by"], "sensitivity");
    const samples = integerOption(values["samples"], "samples");
    const seed = integerOption(values["seed"], "seed");
    const rangesPath = values["ranges"];
    const ranges = typeof rangesPath === "string" ? await readJson(rangesPath, io, lang) : undefined;
    const path = positionals[0] as string;
    const lines = await readInputs(path, io, lang);
    const files: Record<string, string> = typeof rangesPath === "string" ? { ranges: rangesPath } : {};
    const result = analysed(
      () => sensitivity(lines.map((l) => l.value), { policy, ranges: ranges as Ranges | undefined, samples, seed, by, lang }),
      path,
      lines,
      files,
    );
    io.out(formatSensitivity(result, format, lang, by === "category"));
    return EXIT.ok;
  },
};
