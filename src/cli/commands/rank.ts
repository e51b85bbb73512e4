/** `wubi-wuping rank FILE.ndjson`: rank score results, as a terminal table, CSV or JSON. */
import { documentJson } from "../../formats/json.js";
import { CATEGORY_LABELS, InputError, type ScoreResult, TIER_LABELS, formatPath, rank, type Lang, type RankEntry } from "../../index.js";
import { jsonSyntaxText } from "../../formats/json-syntax.js";
import { CliError, EXIT, oneLine, readText, usageError, type CliIO } from "../io.js";
import { flagChoice, flagForm, flagNeeds } from "../words.js";
import { isCalendarDate } from "../../dates.js";
import { STATUS_NAMES } from "../../messages/labels.js";
import type { Command } from "../command.js";
import { renderTable, type Align } from "../../formats/table.js";
import { rankingCsv, rankingHeading, rankingTable } from "../../formats/ranking-table.js";
import { refuseTerminal, writeBytes } from "../binary.js";
import { loadWorkbook } from "../front-ends.js";
import { participantIdOf } from "../../formats/batch-line.js";
import { isObject } from "../../formats/verify.js";

/**
 * One non-blank line of an ndjson file, parsed, with its 1-based line number.
 *
 * @example
 * ```ts
 * const line: ParsedLine = { line: 3, value: { year: 2022 } };
 * ```
 */
export interface ParsedLine {
  readonly line: number;
  readonly value: unknown;
}

/**
 * Parses ndjson text: CRLF or LF, blank lines skipped; every unparsable line reported at once
 * (a `CliError`, exit 1, one line each: `FILE:LINE: …`).
 *
 * @example
 * ```ts
 * parseNdjson('{"a":1}\n\n{"b":2}\n', "x.ndjson", "zh"); //=> [{ line: 1, value: { a: 1 } }, { line: 3, value: { b: 2 } }]
 * ```
 */
export function parseNdjson(text: string, path: string, lang: Lang): ParsedLine[] {
  const parsed: ParsedLine[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((raw, i) => {
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (content.trim() === "") return;
    try {
      parsed.push({ line: i + 1, value: JSON.parse(content) });
    } catch (cause) {
      const detail = jsonSyntaxText(content, lang);
      problems.push(lang === "zh" ? `${path}:${i + 1}: 不是有效的 JSON：${detail}` : `${path}:${i + 1}: not valid JSON: ${detail}`);
    }
  });
  if (problems.length > 0) throw new CliError(problems.join("\n"), EXIT.input);
  return parsed;
}

/** A line of `score --batch` output that is a scoring error: `{ "line", "participant"?, "error": { "issues" } }`. */
interface ErrorRecord {
  /** The input line it stands for, when it says. */
  readonly inputLine: number | undefined;
  /** The body, when the input named one. */
  readonly id: string | undefined;
}

/**
 * The scoring error a line of `score --batch` output holds, or `undefined` for any other value:
 * an object with an `error` object holding `issues`, and no total.
 *
 * @example
 * ```ts
 * errorRecordOf({ line: 4, participant: { id: "cgjdk" }, error: { issues: [] } }); //=> { inputLine: 4, id: "cgjdk" }
 * errorRecordOf({ year: 2022, total: "94.51" }); //=> undefined
 * ```
 */
export function errorRecordOf(value: unknown): ErrorRecord | undefined {
  if (!isObject(value) || !isObject(value["error"]) || !Array.isArray(value["error"]["issues"]) || "total" in value) return undefined;
  const line = value["line"];
  const id = participantIdOf(value);
  return { inputLine: typeof line === "number" && Number.isSafeInteger(line) ? line : undefined, id: id === undefined ? undefined : oneLine(id, 100) };
}

/** Which input an error record stands for: `（输入第 4 行，参评对象 cgjdk）` / ` (input line 4, participant cgjdk)`. */
function recordWhere(record: ErrorRecord, lang: Lang): string {
  const parts =
    lang === "zh"
      ? [...(record.inputLine === undefined ? [] : [`输入第 ${record.inputLine} 行`]), ...(record.id === undefined ? [] : [`参评对象 ${record.id}`])]
      : [...(record.inputLine === undefined ? [] : [`input line ${record.inputLine}`]), ...(record.id === undefined ? [] : [`participant ${record.id}`])];
  if (parts.length === 0) return "";
  return lang === "zh" ? `（${parts.join("，")}）` : ` (${parts.join(", ")})`;
}

/** The one line for an error record: refused (exit 1), or skipped under `--skip-errors`. */
function recordMessage(path: string, line: ParsedLine, record: ErrorRecord, skipped: boolean, lang: Lang): string {
  const where = recordWhere(record, lang);
  if (lang === "zh") {
    return skipped
      ? `${path}:${line.line}: 已跳过：这一行是 score --batch 的计分错误${where}，不参加排名`
      : `${path}:${line.line}: 这一行是 score --batch 的计分错误${where}，不是计分结果，无法排名；请改正该输入后重新计分，或加 --skip-errors 跳过这类行、只排其余的`;
  }
  return skipped
    ? `${path}:${line.line}: skipped: this line is a scoring error of score --batch${where}, not ranked`
    : `${path}:${line.line}: this line is a scoring error of score --batch${where}, not a result, so it cannot be ranked; correct that input and score it again, or pass --skip-errors to rank the others`;
}

/**
 * The lines of a ranking's input error, each naming the file line of the result at fault.
 *
 * @example
 * ```ts
 * rankErrorLines(error, "results.ndjson", lines); //=> ["results.ndjson:3: policy.id: … (policy-mismatch)"]
 * ```
 */
export function rankErrorLines(error: InputError, path: string, lines: readonly ParsedLine[]): string[] {
  return error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const line = typeof index === "number" ? lines[index]?.line : undefined;
    const where = line === undefined ? `${path}: ${formatPath(issue.path)}` : `${path}:${line}: ${formatPath(rest)}`;
    return `${where}: ${oneLine(issue.message, 1000)} (${issue.code})`;
  });
}

const HEADERS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { rank: "名次", name: "参评对象", id: "编号", category: "类别", total: "总分", tier: "等次", vetoed: "否决", status: "状态" },
  en: { rank: "Rank", name: "Participant", id: "Id", category: "Category", total: "Total", tier: "Tier", vetoed: "Vetoed", status: "Status" },
};
const YES_NO: Readonly<Record<Lang, readonly [string, string]>> = { zh: ["是", "否"], en: ["yes", "no"] };

/** The columns of a ranking, the category first when ranked by category. */
function columns(byCategory: boolean): string[] {
  const rest = ["rank", "name", "id", "total", "tier", "vetoed", "status"];
  return byCategory ? ["category", ...rest] : ["rank", "name", "id", "category", ...rest.slice(3)];
}

/** The cells of one entry; `none` stands for a missing rank or tier. */
function cells(entry: RankEntry, keys: readonly string[], lang: Lang, none: string): string[] {
  const values: Readonly<Record<string, string>> = {
    rank: entry.rank === null ? none : String(entry.rank),
    name: entry.participant.name,
    id: entry.participant.id,
    category: lang === "zh" ? CATEGORY_LABELS[entry.participant.category] : entry.participant.category,
    total: entry.total,
    tier: entry.tier === null ? none : lang === "zh" ? TIER_LABELS[entry.tier] : entry.tier,
    vetoed: YES_NO[lang][entry.vetoed ? 0 : 1],
    status: STATUS_NAMES[entry.status][lang],
  };
  return keys.map((key) => values[key] ?? "");
}

/**
 * The text `rank` prints for `format`: an aligned table for a terminal, or indented JSON. (CSV and
 * XLSX carry the ranking table of docs/workbook.md, `rankingTable`.)
 *
 * @param entries - The ranking.
 * @param format - `"table"` or `"json"`.
 * @param byCategory - Whether the ranking is by category (the category column comes first).
 * @param lang - Headers and labels in Chinese or English.
 * @returns The text, without its final line break.
 * @example
 * ```ts
 * formatRanking(entries, "table", false, "zh").split("\n")[0]; //=> "名次  参评对象  编号  类别  总分  等次  否决  状态"
 * ```
 */
export function formatRanking(entries: readonly RankEntry[], format: string, byCategory: boolean, lang: Lang): string {
  if (format === "json") return documentJson(entries);
  const keys = columns(byCategory);
  const header = keys.map((key) => HEADERS[lang][key] ?? key);
  const align: Align[] = keys.map((key) => (key === "rank" || key === "total" ? "right" : "left"));
  return renderTable(header, entries.map((entry) => cells(entry, keys, lang, "-")), align).join("\n");
}

const FORMATS = ["table", "csv", "json", "xlsx"] as const;

/** The form of a day, for `--date` and `SOURCE_DATE_EPOCH`'s message. */
const DAY_FORM = { zh: " YYYY-MM-DD 形式的日期，如 2023-03-10", en: "a day YYYY-MM-DD, such as 2023-03-10" } as const;

/**
 * The date of the results from `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention): its calendar day in China Standard Time (UTC+8, no daylight saving), whatever the
 * machine's time zone; `undefined` when the variable is unset or empty.
 *
 * @throws CliError (exit 2) when it is set to anything but a whole number of seconds.
 * @example
 * ```ts
 * sourceDateEpochDay("1678406400", "zh"); //=> "2023-03-10"
 * ```
 */
export function sourceDateEpochDay(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined || value === "") return undefined;
  const seconds = /^[0-9]{1,12}$/.test(value) ? Number(value) : Number.NaN;
  const day = Number.isSafeInteger(seconds) ? new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 10) : "";
  if (!isCalendarDate(day)) {
    throw usageError(flagForm("SOURCE_DATE_EPOCH", { zh: "自 1970-01-01 起的整秒数（1949 至 2099 年内）", en: "whole seconds since 1970-01-01 (within 1949..2099)" }, value, lang));
  }
  return day;
}

/**
 * `rank FILE.ndjson|- [--by category] [--policy FILE] [--format table|csv|json] [--skip-errors]`.
 * A scoring-error line of `score --batch` output is refused in one line naming it (exit 1), or
 * skipped with one warning under `--skip-errors`.
 *
 * @example
 * ```ts
 * await runCli(["rank", "results.ndjson", "--format", "csv"], io); //=> 0
 * ```
 */
export const rankCommand: Command = {
  name: "rank",
  summary: { zh: "对一批计分结果排名（可按类别），并按政策的优秀比例调整等次", en: "rank score results (optionally by category), applying the policy's quota for 优秀" },
  usage: "rank FILE.ndjson|- [--by category] [--policy FILE] [--format table|csv|json|xlsx] [--unit TEXT] [--date YYYY-MM-DD] [--skip-errors] [--lang zh|en]",
  options: {
    by: { type: "string" },
    unit: { type: "string" },
    date: { type: "string" },
    policy: { type: "string" },
    format: { type: "string" },
    "skip-errors": { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "FILE.ndjson 每行一个 score --json 的结果（同一年度、同一政策）；可带 UTF-8 BOM，可用 CRLF，空行跳过。",
      "名次为竞争排名（1, 2, 2, 4），按总分从高到低，同分按编号；被否决的和暂定的结果排在后面，不给名次。",
      "  --by category   按类别分别排名（公共服务、行政执法、综合管理(审批)）",
      "  --policy FILE   计算这些结果所用的政策文件（默认 xuancheng-2022）；其中的优秀比例限定优秀的个数",
      "  --format        table（默认，终端对齐）、csv（带 BOM，可直接用 Excel/WPS 打开，列同排名表）、json、xlsx（公示表工作簿：排名、计分说明、假定参数；请重定向到文件，如 > 排名.xlsx）",
      "  --unit TEXT     公示表标题中的单位，如 宣城市城管执法局（默认：各参评对象共同的单位，没有则不写）；用于 xlsx，csv 加上后在表头上方写出标题两行",
      "  --date 日期     结果日期（YYYY-MM-DD），写在标题下一行；不给时取环境变量 SOURCE_DATE_EPOCH 的日期（北京时间），都没有则不写；用于 xlsx，csv 同 --unit",
      "  --skip-errors   跳过 score --batch 的计分错误行（每跳过一行在标准错误上提示一行），只排其余结果；不加时有这类行即报错、退出码 1",
    ].join("\n"),
    en: [
      "FILE.ndjson holds one `score --json` result per line (one year, one policy); a UTF-8 BOM and CRLF are accepted, blank lines skipped.",
      "Competition ranks (1, 2, 2, 4) by total descending, then id; vetoed and provisional results follow, unranked.",
      "  --by category   one ranking per category",
      "  --policy FILE   the policy the results were computed under (default xuancheng-2022); its excellentQuota caps 优秀",
      "  --format        table (default, aligned for a terminal), csv (with a BOM, for Excel/WPS; the ranking table's columns), json, xlsx (the 公示表 workbook: 排名, 计分说明, 假定参数; redirect it, e.g. > 排名.xlsx)",
      "  --unit TEXT     the unit in the 公示表's title, e.g. 宣城市城管执法局 (default: the unit all bodies share, else none); for xlsx; with csv it writes the title's two lines above the header",
      "  --date DAY      the date of the results (YYYY-MM-DD), under the title; default the day of SOURCE_DATE_EPOCH (China Standard Time), else none; for xlsx, and csv as --unit",
      "  --skip-errors   skip the scoring-error lines of score --batch output (one warning on stderr per line skipped) and rank the rest; without it such a line is refused, exit 1",
    ].join("\n"),
  },
  async run({ positionals, values, lang, policy }, io: CliIO): Promise<number> {
    const by = values["by"];
    if (by !== undefined && by !== "category") throw usageError(flagChoice("--by", ["category"], by, lang));
    const format = values["format"] ?? "table";
    if (typeof format !== "string" || !(FORMATS as readonly string[]).includes(format)) {
      throw usageError(flagChoice("--format", FORMATS, format, lang));
    }
    const unit = values["unit"];
    const date = values["date"];
    for (const [flag, value] of [["--unit", unit], ["--date", date]] as const) {
      if (value !== undefined && format !== "csv" && format !== "xlsx") throw usageError(flagNeeds("rank", flag, "--format csv|xlsx", lang));
    }
    if (typeof date === "string" && !isCalendarDate(date)) throw usageError(flagForm("--date", DAY_FORM, date, lang));
    if (format === "xlsx") refuseTerminal(io, "排名.xlsx", lang);
    const path = positionals[0] as string;
    const skipErrors = values["skip-errors"] === true;
    const lines: ParsedLine[] = [];
    const refused: string[] = [];
    for (const line of parseNdjson(await readText(path, io, lang), path, lang)) {
      const record = errorRecordOf(line.value);
      if (record === undefined) lines.push(line);
      else if (skipErrors) io.err(recordMessage(path, line, record, true, lang));
      else refused.push(recordMessage(path, line, record, false, lang));
    }
    if (refused.length > 0) {
      for (const message of refused) io.err(message);
      return EXIT.input;
    }
    const results = lines.map((l) => l.value);
    const options = { by: by === "category" ? ("category" as const) : undefined, policy, lang };
    // The 公示表's heading: the unit asked for, and the date given or SOURCE_DATE_EPOCH's day.
    const published = format === "csv" || format === "xlsx";
    const heading = { unit: typeof unit === "string" ? unit : undefined, date: typeof date === "string" ? date : published ? sourceDateEpochDay(process.env["SOURCE_DATE_EPOCH"], lang) : undefined };
    try {
      if (format === "csv") {
        // The ranking table of docs/workbook.md, the same rows as the 排名 sheet of --format xlsx; the
        // title lines above the header only when --unit or --date asks for them.
        const table = rankingTable(results, options);
        const titled = unit !== undefined || date !== undefined;
        io.out(rankingCsv(table, titled ? rankingHeading(results as readonly ScoreResult[], { ...heading, policy, lang }) : undefined).slice(0, -1));
      } else if (format === "xlsx") {
        const { writeResults } = await loadWorkbook(lang);
        await writeBytes(io, await writeResults(results as readonly ScoreResult[], { ...options, ...heading }));
      } else {
        io.out(formatRanking(rank(results, options), format, by === "category", lang));
      }
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      for (const line of rankErrorLines(cause, path, lines)) io.err(line);
      return EXIT.input;
    }
    return EXIT.ok;
  },
};
