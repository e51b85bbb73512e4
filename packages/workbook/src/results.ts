/**
 * `writeResults`: the results workbook a bureau prints and posts (SPEC §10): `排名` (the ranking
 * table, scores as numbers showing the policy's decimals, ids as text), `计分说明` (each body's
 * explanation) and `假定参数` (the assumptions in force).
 */
import ExcelJS from "exceljs";
import { explain, xuancheng2022, type Lang, type Policy, type RankGrouping, type ScoreResult } from "wubi-wuping";
import { rankingTable, type RankingCell } from "wubi-wuping/formats";
import { TEXT_FORMAT, headerRow, numberFormat, printSetup, toBytes } from "./style.js";

/**
 * Options of {@link writeResults}: `by` and `policy` as `rank` takes them; `lang` for the
 * explanations and the assumption notes (the ranking's headers are the office's Chinese ones).
 *
 * @example
 * ```ts
 * await writeResults(results, { by: "category" } satisfies WriteResultsOptions);
 * ```
 */
export interface WriteResultsOptions {
  readonly by?: RankGrouping | undefined;
  readonly policy?: Policy | undefined;
  readonly lang?: Lang | undefined;
}

/** Writes one ranking cell: a score as a number in the decimals' format, an id as text. */
function setCell(cell: ExcelJS.Cell, value: RankingCell, format: string): void {
  switch (value.kind) {
    case "text":
      cell.value = value.text;
      cell.numFmt = TEXT_FORMAT;
      return;
    case "score":
      cell.value = Number(value.text);
      cell.numFmt = format;
      return;
    case "integer":
      cell.value = value.value;
      return;
    case "empty":
      return;
  }
}

const WIDTHS: Readonly<Record<string, number>> = { 名次: 6, 编号: 12, 名称: 30, 单位: 16, 类别: 14, 年度: 7, 等次: 9, 状态: 7 };

/** The `排名` sheet. */
function rankingSheet(workbook: ExcelJS.Workbook, results: unknown, options: WriteResultsOptions): void {
  const table = rankingTable(results, options);
  const ws = workbook.addWorksheet("排名");
  headerRow(ws, table.headers);
  const format = numberFormat(table.decimals);
  table.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    cells.forEach((value, c) => setCell(row.getCell(c + 1), value, format));
  });
  table.headers.forEach((header, c) => {
    ws.getColumn(c + 1).width = WIDTHS[header] ?? Math.max(9, Math.min(16, header.length * 2 + 2));
  });
  ws.getRow(1).height = 32;
  printSetup(ws);
}

/** The `计分说明` sheet: per body its id, name and explanation, one line of it per row. */
function explanationSheet(workbook: ExcelJS.Workbook, results: readonly ScoreResult[], lang: Lang): void {
  const ws = workbook.addWorksheet("计分说明");
  headerRow(ws, ["编号", "名称", lang === "zh" ? "计分说明" : "explanation"]);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 110;
  let r = 2;
  const sorted = [...results].sort((a, b) => (a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0));
  for (const result of sorted) {
    const lines = explain(result, { lang }).split("\n");
    lines.forEach((line, i) => {
      const row = ws.getRow(r);
      if (i === 0) {
        row.getCell(1).value = result.participant.id;
        row.getCell(1).numFmt = TEXT_FORMAT;
        row.getCell(2).value = result.participant.name;
      }
      row.getCell(3).value = line;
      r += 1;
    });
    r += 1;
  }
  printSetup(ws);
}

/** The `假定参数` sheet: each assumption the results consulted, its parameter and value. */
function assumptionSheet(workbook: ExcelJS.Workbook, results: readonly ScoreResult[], policy: Policy, lang: Lang): void {
  const ws = workbook.addWorksheet("假定参数");
  const zh = lang === "zh";
  headerRow(ws, zh ? ["假定", "参数", "取值", "采用该假定的参评对象数"] : ["assumption", "parameter", "value", "bodies whose result used it"]);
  [24, 22, 60, 14].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const used = new Map<string, number>();
  for (const result of results) for (const id of result.assumptions) used.set(id, (used.get(id) ?? 0) + 1);
  let r = 2;
  const parameters = Object.entries(policy.parameters) as [string, { value: unknown; provenance: { kind: string; assumption?: string } }][];
  for (const [name, parameter] of parameters) {
    const id = parameter.provenance.kind === "assumed" ? parameter.provenance.assumption : undefined;
    if (id === undefined || !used.has(id)) continue;
    const row = ws.getRow(r);
    row.getCell(1).value = id;
    row.getCell(2).value = name;
    row.getCell(3).value = JSON.stringify(parameter.value);
    row.getCell(4).value = used.get(id) as number;
    r += 1;
  }
  const note = ws.getRow(r + 1).getCell(1);
  note.value = zh
    ? `政策 ${policy.id}；原文未明确规定、由本政策假定的参数。各参评对象的“计分说明”列出其计算用到的假定。`
    : `Policy ${policy.id}: parameters the source does not fix, assumed by this policy. Each body's explanation lists the assumptions its computation used.`;
  printSetup(ws);
}

/**
 * Writes the results workbook of SPEC §10: the sheet `排名` with the headers 名次, 编号, 名称, 单位,
 * 类别, 年度, each component's label, 日常考评, 综合评价, 基础分, 加分, 总分, 等次, 状态 (ranked with
 * `rank`: by category when asked, tiers and the policy's quota applied), `计分说明` with each body's
 * explanation, and `假定参数` with the assumptions in force. Scores are numeric cells showing exactly
 * the policy's decimals (`0.00`); ids are text cells; every sheet prints on A4 landscape, fitted to
 * the page width, the header row repeated on each page.
 *
 * @param results - Score results of one year under one policy.
 * @param options - `by`, `policy` (default the preset), `lang` of the explanations.
 * @returns The `.xlsx` file.
 * @throws InputError when `rank` refuses the results.
 * @example
 * ```ts
 * const bytes = await writeResults(results, { by: "category" });
 * writeFileSync("排名.xlsx", bytes);
 * ```
 */
export async function writeResults(results: readonly ScoreResult[], options: WriteResultsOptions = {}): Promise<Uint8Array> {
  const lang: Lang = options.lang === "en" ? "en" : "zh";
  const policy = options.policy ?? xuancheng2022;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "wubi-wuping";
  rankingSheet(workbook, results, { ...options, policy });
  explanationSheet(workbook, results, lang);
  assumptionSheet(workbook, results, policy, lang);
  return toBytes(workbook);
}
