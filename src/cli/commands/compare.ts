/** `wubi-wuping compare INPUTS.ndjson --candidate FILE`: the same inputs under two policies. */
import { documentJson } from "../../formats/json.js";
import { type Lang } from "../../index.js";
import { compare, type CompareResult } from "../../sensitivity.js";
import { EXIT, usageError, type CliIO } from "../io.js";
import { loadPolicy, type Command } from "../command.js";
import { renderTable, toCsv, type Align } from "../../formats/table.js";
import { analysed, byCategoryColumn, byOf, formatOf, readInputs, tierText } from "./analysis.js";

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ["编号", "参评对象", "基准总分", "候选总分", "基准名次", "候选名次", "基准等次", "候选等次", "变化"],
  en: ["Id", "Participant", "Base total", "Candidate total", "Base rank", "Candidate rank", "Base tier", "Candidate tier", "Changed"],
};
const CHANGE_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { total: "总分", rank: "名次", tier: "等次" },
  en: { total: "total", rank: "rank", tier: "tier" },
};

/**
 * The text `compare` prints: a table with a closing summary line, CSV (with a BOM) or JSON.
 *
 * @example
 * ```ts
 * formatComparison(result, "table", "zh").split("\n").at(-1); //=> "总分变化 4 个，名次变化 3 个，等次变化 0 个（共 7 个参评对象）"
 * ```
 */
export function formatComparison(result: CompareResult, format: "table" | "csv" | "json", lang: Lang, byCategory = false): string {
  if (format === "json") return documentJson(result);
  const none = format === "csv" ? "" : "-";
  const rows = result.participants.map((p) => [
    p.participant.id,
    p.participant.name,
    p.base.total,
    p.candidate.total,
    p.base.rank === null ? none : String(p.base.rank),
    p.candidate.rank === null ? none : String(p.candidate.rank),
    format === "csv" && p.base.tier === null ? "" : tierText(p.base.tier, lang),
    format === "csv" && p.candidate.tier === null ? "" : tierText(p.candidate.tier, lang),
    p.changed.map((c) => CHANGE_NAMES[lang][c]).join(lang === "zh" ? "、" : ", "),
  ]);
  const [header, cells] = byCategoryColumn(HEADERS[lang], rows, result.participants.map((p) => p.participant.category), byCategory, lang);
  if (format === "csv") return toCsv(header, cells).slice(0, -1);
  const s = result.summary;
  const n = result.participants.length;
  const summary =
    lang === "zh"
      ? `总分变化 ${s.totalChanged} 个，名次变化 ${s.rankChanged} 个，等次变化 ${s.tierChanged} 个（共 ${n} 个参评对象）`
      : `total changed for ${s.totalChanged}, rank for ${s.rankChanged}, tier for ${s.tierChanged} (of ${n} bodies)`;
  const align: Align[] = [...(byCategory ? (["left"] as const) : []), "left", "left", "right", "right", "right", "right", "left", "left", "left"];
  return [...renderTable(header, cells, align), "", summary].join("\n");
}

/**
 * `compare INPUTS.ndjson --candidate FILE [--base FILE] [--by category] [--format table|csv|json]`.
 *
 * @example
 * ```ts
 * await runCli(["compare", "inputs.ndjson", "--candidate", "city-2023.json"], io); //=> 0
 * ```
 */
export const compareCommand: Command = {
  name: "compare",
  summary: { zh: "同一批输入在两个政策下的总分、名次和等次对比", en: "the same inputs under two policies: totals, ranks and tiers side by side" },
  usage: "compare INPUTS.ndjson|- --candidate FILE [--base FILE] [--by category] [--format table|csv|json] [--lang zh|en]",
  options: { candidate: { type: "string" }, base: { type: "string" }, by: { type: "string" }, format: { type: "string" } },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "INPUTS.ndjson 每行一个参评对象的年度输入（同一年度，每个对象一次）；每个输入在两个政策下各计分一次（允许暂定），再分别排名。",
      "  --candidate FILE  要对比的政策文件（JSON，写法见 docs/zh-CN/假定参数.md；必填）",
      "  --base FILE       基准政策（默认 xuancheng-2022）",
      "  --by category     按类别分别排名",
      "  --format          table（默认）、csv（带 BOM）、json",
      "退出码：0 成功；1 输入或政策有误；2 命令行错误。",
    ].join("\n"),
    en: [
      "INPUTS.ndjson holds one participant-year per line (one year, each body once); each is scored under both policies (provisional allowed) and ranked.",
      "  --candidate FILE  the policy to compare with (the JSON object definePolicy takes; required)",
      "  --base FILE       the base policy (default xuancheng-2022)",
      "  --by category     rank within categories",
      "  --format          table (default), csv (with a BOM), json",
      "Exit codes: 0 ok; 1 an input or policy is wrong; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, values, lang }, io: CliIO): Promise<number> {
    const format = formatOf(values["format"], ["table", "csv", "json"] as const, "compare");
    const by = byOf(values["by"], "compare");
    const candidatePath = values["candidate"];
    if (typeof candidatePath !== "string") {
      throw usageError(lang === "zh" ? "wubi-wuping compare: 缺少 --candidate FILE（要对比的政策）" : "wubi-wuping compare: --candidate FILE is required");
    }
    const basePath = values["base"];
    const base = typeof basePath === "string" ? await loadPolicy(basePath, io, lang) : undefined;
    const candidate = await loadPolicy(candidatePath, io, lang);
    const path = positionals[0] as string;
    const lines = await readInputs(path, io, lang);
    const result = analysed(() => compare(lines.map((l) => l.value), { base, candidate, by, lang }), path, lines, {});
    io.out(formatComparison(result, format, lang, by === "category"));
    return EXIT.ok;
  },
};
