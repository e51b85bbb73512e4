/**
 * The ranking table of SPEC §10 as data: its headers and, per ranked body, its cells. One table
 * for every face that shows a ranking — `rank --format csv`, the `排名` sheet of the results
 * workbook, the offline page — so they can never disagree. Pure: no I/O, no spreadsheet library.
 */
import { CATEGORY_LABELS, COMPONENTS, TIER_LABELS, rank, xuancheng2022 } from "../index.js";
import type { Lang, Policy, RankEntry, RankGrouping, ScoreResult } from "../index.js";
import { toCsv } from "./table.js";

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
 * The ranking table: the headers of SPEC §10, one row of cells per entry of the ranking (in
 * ranking order), the entries themselves, and the policy's decimals for number formats.
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
 * and lays the ranking out as the table of SPEC §10. Headers and labels are the office's Chinese
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
  return { headers: RANKING_HEADERS, rows, entries, decimals: policy.parameters.decimals.value };
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
 * a UTF-8 BOM, CRLF record ends, the cells as {@link cellText} gives them.
 *
 * @param table - The ranking table.
 * @returns The CSV text, ending with CRLF.
 * @example
 * ```ts
 * rankingCsv(rankingTable(results)).split("\r\n")[0]?.slice(0, 12); //=> "\uFEFF名次,编号,名称,单位"
 * ```
 */
export function rankingCsv(table: RankingTable): string {
  return toCsv(
    table.headers,
    table.rows.map((row) => row.map(cellText)),
  );
}
