/**
 * The ranking table of docs/workbook.md as data: its headers and, per ranked body, its cells. One table
 * for every face that shows a ranking — `rank --format csv`, the `排名` sheet of the results
 * workbook, the offline page — so they can never disagree. Pure: no I/O, no spreadsheet library.
 */
import { CATEGORY_LABELS, COMPONENTS, InputError, TIER_LABELS, rank, xuancheng2022 } from "../index.js";
import type { Lang, Policy, RankEntry, RankGrouping, ScoreResult } from "../index.js";
import { WINDOW_RULES, isCalendarDate } from "../dates.js";
import { csvField, toCsv } from "./table.js";

/**
 * One cell of the ranking table: a text, a score (a fixed-point string with the policy's
 * decimals, shown as a number), a whole number (rank, year), or nothing.
 *
 * @example
 * ```ts
 * const cell: RankingCell = { kind: "score", text: "90.50" };
 * ```
 */
export type RankingCell =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "score"; readonly text: string }
  | { readonly kind: "integer"; readonly value: number }
  | { readonly kind: "empty" };

/**
 * The ranking table: the headers of docs/workbook.md, one row of cells per entry of the ranking (in
 * ranking order), the entries themselves, and the policy's decimals for number formats.
 * `tierColumn` says whether the 等次 column is there: only when the policy sets score tiers or
 * some body has a tier (a veto's 不称职); otherwise the headers and rows leave it out
 * (docs/decisions.md W17).
 *
 * @example
 * ```ts
 * const table: RankingTable = rankingTable(results);
 * table.headers[0]; //=> "名次"
 * ```
 */
export interface RankingTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly RankingCell[])[];
  readonly entries: readonly RankEntry[];
  readonly decimals: number;
  readonly tierColumn: boolean;
}

/**
 * Options of {@link rankingTable}: as `rank`'s.
 *
 * @example
 * ```ts
 * rankingTable(results, { by: "category" } satisfies RankingTableOptions);
 * ```
 */
export interface RankingTableOptions {
  readonly by?: RankGrouping | undefined;
  readonly policy?: Policy | undefined;
  readonly lang?: Lang | undefined;
}

const STATUS_LABELS: Readonly<Record<RankEntry["status"], string>> = { final: "正式", provisional: "暂定" };

/**
 * The headers of the ranking table, in order: 名次, 编号, 名称, 单位, 类别, 年度, each component's
 * label, 日常考评, 综合评价, 基础分, 加分, 总分, 等次, 状态.
 *
 * @example
 * ```ts
 * RANKING_HEADERS.slice(0, 6); //=> ["名次", "编号", "名称", "单位", "类别", "年度"]
 * ```
 */
export const RANKING_HEADERS: readonly string[] = Object.freeze([
  "名次",
  "编号",
  "名称",
  "单位",
  "类别",
  "年度",
  ...COMPONENTS.map((c) => c.label),
  "日常考评",
  "综合评价",
  "基础分",
  "加分",
  "总分",
  "等次",
  "状态",
]);

const text = (value: string | undefined): RankingCell => (value === undefined || value === "" ? { kind: "empty" } : { kind: "text", text: value });
const scoreCell = (value: string): RankingCell => ({ kind: "score", text: value });

/** The cells of one ranked body, from its entry and its result. */
function rowOf(entry: RankEntry, result: ScoreResult): RankingCell[] {
  const p = entry.participant;
  const points = COMPONENTS.map((c) => {
    const component = result.components.find((r) => r.id === c.id);
    return component === undefined ? ({ kind: "empty" } as const) : scoreCell(component.points);
  });
  return [
    entry.rank === null ? { kind: "empty" } : { kind: "integer", value: entry.rank },
    text(p.id),
    text(p.name),
    text(p.unit),
    text(CATEGORY_LABELS[p.category]),
    { kind: "integer", value: result.year },
    ...points,
    scoreCell(result.daily),
    scoreCell(result.comprehensive),
    scoreCell(result.base),
    scoreCell(result.bonus.points),
    scoreCell(entry.total),
    entry.tier === null ? { kind: "empty" } : text(TIER_LABELS[entry.tier]),
    text(STATUS_LABELS[entry.status]),
  ];
}

/**
 * Ranks `results` (with `rank`: tiers and the policy's quota applied, by category when asked)
 * and lays the ranking out as the table of docs/workbook.md, the 等次 column only when the policy sets
 * score tiers or some body has a tier. Headers and labels are the office's Chinese
 * ones whatever `lang` (a published table reads the same everywhere); `lang` is for the messages
 * of an `InputError`.
 *
 * @param results - Score results of one year under one policy.
 * @param options - `by`, `policy`, `lang`, as `rank` takes them.
 * @returns The headers, one row of cells per entry, the entries, the policy's decimals.
 * @throws InputError when `rank` refuses the results.
 * @example
 * ```ts
 * const table = rankingTable([score(input)]);
 * table.rows[0][0]; //=> { kind: "integer", value: 1 }
 * table.rows[0][1]; //=> { kind: "text", text: "cgjdk" }
 * ```
 */
export function rankingTable(results: unknown, options: RankingTableOptions = {}): RankingTable {
  const policy = options.policy ?? xuancheng2022;
  const entries = rank(results, { by: options.by, policy, lang: options.lang });
  // `rank` accepted them, so they are score results with one entry per participant id.
  const byId = new Map((results as readonly ScoreResult[]).map((r) => [r.participant.id, r]));
  const rows = entries.map((entry) => rowOf(entry, byId.get(entry.participant.id) as ScoreResult));
  const decimals = policy.parameters.decimals.value;
  const tierColumn = policy.parameters.tiers.value.length > 0 || entries.some((e) => e.tier !== null);
  if (tierColumn) return { headers: RANKING_HEADERS, rows, entries, decimals, tierColumn };
  const tier = RANKING_HEADERS.indexOf("等次");
  const without = <T>(cells: readonly T[]): T[] => cells.filter((_, i) => i !== tier);
  return { headers: without(RANKING_HEADERS), rows: rows.map(without), entries, decimals, tierColumn };
}

/**
 * A cell as plain text (CSV, a terminal): the score's fixed-point string, the number's digits,
 * `""` for nothing.
 *
 * @example
 * ```ts
 * cellText({ kind: "score", text: "90.50" }); //=> "90.50"
 * cellText({ kind: "empty" }); //=> ""
 * ```
 */
export function cellText(cell: RankingCell): string {
  switch (cell.kind) {
    case "text":
    case "score":
      return cell.text;
    case "integer":
      return String(cell.value);
    case "empty":
      return "";
  }
}

/**
 * The ranking table as CSV, as `rank --format csv` prints it and the offline page downloads it:
 * a UTF-8 BOM, CRLF record ends, the cells as {@link cellText} gives them. With a `heading`, the
 * 公示表's title and its policy line come first, each a record of one field, then an empty
 * record, then the header (`verify --published` finds the header below them).
 *
 * @param table - The ranking table.
 * @param heading - The 公示表's heading, or none (the header is then the first record).
 * @returns The CSV text, ending with CRLF.
 * @example
 * ```ts
 * rankingCsv(rankingTable(results)).split("\r\n")[0]?.slice(0, 12); //=> "\uFEFF名次,编号,名称,单位"
 * rankingCsv(rankingTable(results), rankingHeading(results, { unit: "宣城市城管执法局" })).split("\r\n")[0];
 * //=> "\uFEFF宣城市城管执法局 2022 年度“五比五评”考评结果公示表"
 * ```
 */
export function rankingCsv(table: RankingTable, heading?: RankingHeading): string {
  const csv = toCsv(
    table.headers,
    table.rows.map((row) => row.map(cellText)),
  );
  if (heading === undefined) return csv;
  return `\uFEFF${csvField(heading.title)}\r\n${csvField(heading.subtitle)}\r\n\r\n${csv.replace(/^\uFEFF/, "")}`;
}

/**
 * Options of {@link rankingHeading}: the unit in the title (default: the unit every body shares,
 * else none), the date of the results (`YYYY-MM-DD`; default none), the policy (default the
 * preset), the language of an `InputError`.
 *
 * @example
 * ```ts
 * rankingHeading(results, { unit: "宣城市城管执法局", date: "2023-03-10" } satisfies RankingHeadingOptions);
 * ```
 */
export interface RankingHeadingOptions {
  readonly unit?: string | undefined;
  readonly date?: string | undefined;
  readonly policy?: Policy | undefined;
  readonly lang?: Lang | undefined;
}

/**
 * The heading of a 公示表: the title (unit, year, “五比五评”考评结果公示表) and the line under it
 * (the policy, the appraisal period of the year, the date of the results when known), and the
 * note that stands for the 等次 column when the policy sets no score tiers.
 *
 * @example
 * ```ts
 * const heading: RankingHeading = rankingHeading(results);
 * ```
 */
export interface RankingHeading {
  readonly title: string;
  readonly subtitle: string;
  readonly unit: string | undefined;
  readonly year: number | undefined;
  readonly date: string | undefined;
  /** The appraisal period of the year (`YYYY-MM-DD` both ends), when there is a year. */
  readonly period: { readonly from: string; readonly to: string } | undefined;
  readonly tierNote: string | undefined;
}

/** A `YYYY-MM-DD` day as a Chinese date: `2023 年 3 月 1 日`. */
function chineseDate(date: string): string {
  return `${date.slice(0, 4)} 年 ${Number(date.slice(5, 7))} 月 ${Number(date.slice(8, 10))} 日`;
}

/**
 * The heading of the 公示表 for `results` (docs/workbook.md): the title names the unit (the one
 * given, else the one every body shares, else none) and the year; the line under it the policy
 * (its label and id), the appraisal period (the policy's veto period: the year's 1 January to the
 * end of February of the next year) and the date of the results when `date` gives it. Pure: no
 * clock is read.
 *
 * @param results - Score results of one year under one policy (as `rank` takes them).
 * @param options - `unit`, `date` (`YYYY-MM-DD`), `policy`, `lang`.
 * @returns The title, the line under it, and the note for a policy without score tiers.
 * @throws InputError when `date` is not a calendar day `YYYY-MM-DD`.
 * @example
 * ```ts
 * rankingHeading(results, { unit: "宣城市城管执法局", date: "2023-03-10" }).title;
 * //=> "宣城市城管执法局 2022 年度“五比五评”考评结果公示表"
 * rankingHeading(results, { date: "2023-03-10" }).subtitle;
 * //=> "计分政策：宣城市城管执法局 2022 年“五比五评”考评与计分方法（xuancheng-2022）；考评期间：2022 年 1 月 1 日至 2023 年 2 月 28 日；结果日期：2023 年 3 月 10 日"
 * ```
 */
export function rankingHeading(results: readonly ScoreResult[], options: RankingHeadingOptions = {}): RankingHeading {
  const policy = options.policy ?? xuancheng2022;
  const date = options.date;
  if (date !== undefined && !isCalendarDate(date)) {
    const zh = options.lang !== "en";
    throw new InputError([
      {
        path: ["date"],
        code: "invalid_format",
        message: zh ? `结果日期应为 YYYY-MM-DD 形式的日期，如 2023-03-10（给出的是 "${date}"）` : `the date of the results must be a day YYYY-MM-DD, such as 2023-03-10 (given: "${date}")`,
      },
    ], zh ? "zh" : "en");
  }
  const given = options.unit?.trim();
  const units = new Set(results.map((r) => r.participant.unit ?? ""));
  const shared = units.size === 1 ? [...units][0] : undefined;
  const unit = given !== undefined && given !== "" ? given : shared !== undefined && shared !== "" ? shared : undefined;
  const year = results[0]?.year;
  const title = [unit, year === undefined ? undefined : `${year} 年度“五比五评”考评结果公示表`].filter((part) => part !== undefined).join(" ") || "“五比五评”考评结果公示表";
  const parts = [`计分政策：${policy.label}（${policy.id}）`];
  const period = year === undefined ? undefined : WINDOW_RULES[policy.parameters.vetoPeriod.value](year);
  if (period !== undefined) parts.push(`考评期间：${chineseDate(period.from)}至 ${chineseDate(period.to)}`);
  if (date !== undefined) parts.push(`结果日期：${chineseDate(date)}`);
  const tierNote = policy.parameters.tiers.value.length > 0 ? undefined : "注：本政策未设定按分数评定的等次（假定参数“分数等次”），只有一票否决者评为“不称职”。";
  return { title, subtitle: parts.join("；"), unit, year, date, period, tierNote };
}
