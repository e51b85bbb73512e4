/**
 * `writeResults`: the results workbook a bureau prints and posts (docs/workbook.md, docs/workbook.md):
 * `排名`, the 公示表 (title, policy line, the ranking table with borders, a block per category
 * when ranked by category, notes; A4 landscape, one page wide, the heading on every page, page x
 * of y), `计分说明` (each body's explanation, one body per printed page) and `假定参数` (the
 * assumptions in force, in words). The same results give the same bytes.
 */
import ExcelJS from "exceljs";
import { CATEGORY_LABELS, explain, xuancheng2022, type Lang, type Policy, type RankGrouping, type ScoreResult } from "wubi-wuping";
import { assumedParameters, displayWidth, rankingHeading, rankingTable, type RankingCell, type RankingHeading, type RankingTable } from "wubi-wuping/formats";
import { TEXT_FORMAT, THIN_BOX, numberFormat, printSetup, toBytes, wrappedHeight } from "./style.js";

declare const PACKAGE_VERSION: string;

/**
 * Options of {@link writeResults}: `by` and `policy` as `rank` takes them; `lang` for the
 * explanations and the 假定参数 sheet (the 公示表 is the office's Chinese); `unit`, the unit named
 * in the title (default: the unit every body shares, else none); `date`, the date of the results
 * (`YYYY-MM-DD`), shown under the title and used as the file's time (default: no date shown, the
 * file's time the end of the appraisal period).
 *
 * @example
 * ```ts
 * await writeResults(results, { by: "category", unit: "宣城市城管执法局", date: "2023-03-10" } satisfies WriteResultsOptions);
 * ```
 */
export interface WriteResultsOptions {
  readonly by?: RankGrouping | undefined;
  readonly policy?: Policy | undefined;
  readonly lang?: Lang | undefined;
  readonly unit?: string | undefined;
  readonly date?: string | undefined;
}

/** The font size of the 公示表's table. */
const SIZE = 11;

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

/** Columns whose cells are centred (short codes and labels); names and units stay left, scores right. */
const CENTRED = new Set(["名次", "编号", "类别", "年度", "等次", "状态"]);
/**
 * Columns that wrap a longer text, with their widest width (digit units; a CJK character counts as
 * two): a long name over two or three lines rather than a table too wide to print legibly
 * (docs/decisions.md W22).
 */
const WRAPPED: Readonly<Record<string, number>> = { 名称: 19, 单位: 10, 类别: 9 };

/**
 * The width of each column in digit units (the unit of a column's width: the default font's
 * digit): a score its digits and a unit of room (its point counted as a digit, it takes half),
 * the bold 总分 half a unit more; a text its longest cell (a CJK character counts as two) and a
 * unit of room, at most {@link WRAPPED}'s width for the columns that wrap; never under 5, which
 * holds two CJK characters of a header a line (a header wraps over as many lines as it needs).
 */
function columnWidths(table: RankingTable): number[] {
  return table.headers.map((header, c) => {
    const cells = table.rows.map((row) => row[c]);
    const longest = Math.max(0, ...cells.map((cell) => displayWidth(cellTextOf(cell))));
    const numeric = cells.every((cell) => cell === undefined || cell.kind === "score" || cell.kind === "integer" || cell.kind === "empty");
    const width = Math.max(5, numeric ? longest + (header === "总分" ? 0.8 : 0.5) : longest + 1, oneLine(header));
    return Math.min(width, WRAPPED[header] ?? width);
  });
}

/** The font size of the 公示表's header row: a header of up to four characters keeps to one line. */
const HEADER_SIZE = 9;

/**
 * The width a header of up to four CJK characters needs to keep to one line at {@link HEADER_SIZE}
 * where the digit unit is widest (0); a longer header wraps.
 */
function oneLine(header: string): number {
  const chars = [...header].length;
  return chars <= 4 ? (chars * HEADER_SIZE) / POINTS_PER_UNIT + 0.7 : 0;
}

function cellTextOf(cell: RankingCell | undefined): string {
  if (cell === undefined) return "";
  return cell.kind === "integer" ? String(cell.value) : cell.kind === "empty" ? "" : cell.text;
}

/** A row of one merged cell across the table: the title, the policy line, a category's heading, a note. */
function bandRow(ws: ExcelJS.Worksheet, r: number, width: number, text: string, style: { size: number; bold?: boolean; align: "center" | "left"; fill?: string; border?: boolean; height?: number }): void {
  ws.mergeCells(r, 1, r, width);
  const cell = ws.getCell(r, 1);
  cell.value = text;
  cell.font = { size: style.size, bold: style.bold === true };
  cell.alignment = { horizontal: style.align, vertical: "middle", wrapText: true };
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  if (style.border === true) for (let c = 1; c <= width; c += 1) ws.getCell(r, c).border = THIN_BOX;
  if (style.height !== undefined) ws.getRow(r).height = style.height;
}

/** The first three rows of the 公示表, repeated on every printed page. */
const HEADING_ROWS = 3;

/** The `排名` sheet: the 公示表. */
function rankingSheet(workbook: ExcelJS.Workbook, table: RankingTable, heading: RankingHeading, byCategory: boolean): void {
  const ws = workbook.addWorksheet("排名");
  const n = table.headers.length;
  const widths = columnWidths(table);
  widths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  const total = widths.reduce((a, b) => a + b, 0);
  bandRow(ws, 1, n, heading.title, { size: 18, bold: true, align: "center", height: 34 });
  bandRow(ws, 2, n, heading.subtitle, { size: SIZE, align: "center", height: wrappedHeight([[heading.subtitle, total * 0.9]], SIZE, displayWidth) });
  const head = ws.getRow(HEADING_ROWS);
  table.headers.forEach((header, c) => {
    const cell = head.getCell(c + 1);
    cell.value = header;
    cell.font = { bold: true, size: HEADER_SIZE };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = THIN_BOX;
  });
  // A line to spare: a renderer breaks before a closing mark (”) or after an opening one (“).
  // (Widths count a CJK character of the 11-point body as two units; a header's are smaller.)
  const headerWidth = (text: string): number => (displayWidth(text) * HEADER_SIZE) / SIZE;
  head.height = wrappedHeight(table.headers.map((header, c) => [header, widths[c] ?? 8] as const), HEADER_SIZE, headerWidth) + Math.ceil(HEADER_SIZE * 1.3);
  const format = numberFormat(table.decimals);
  let r = HEADING_ROWS + 1;
  let group: string | undefined;
  table.rows.forEach((cells, i) => {
    const entry = table.entries[i];
    if (byCategory && entry?.group !== undefined && entry.group !== group) {
      group = entry.group;
      const count = table.entries.filter((e) => e.group === group).length;
      bandRow(ws, r, n, `${CATEGORY_LABELS[entry.group]}（${count} 个）`, { size: SIZE, bold: true, align: "left", fill: "FFF2F2F2", border: true });
      r += 1;
    }
    const row = ws.getRow(r);
    cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      setCell(cell, value, format);
      const header = table.headers[c] as string;
      cell.font = { size: SIZE, bold: header === "总分" };
      cell.border = THIN_BOX;
      cell.alignment = {
        vertical: "middle",
        horizontal: CENTRED.has(header) ? "center" : value.kind === "score" || value.kind === "integer" ? "right" : "left",
        wrapText: header in WRAPPED,
      };
    });
    const wraps = table.headers.flatMap((header, c) => (header in WRAPPED ? [[cellTextOf(cells[c]), widths[c] ?? 8] as const] : []));
    row.height = Math.max(20, wrappedHeight(wraps, SIZE, displayWidth));
    r += 1;
  });
  const notes = [
    heading.tierNote,
    table.entries.some((e) => e.rank === null) ? "注：名次空缺的，为被一票否决或结果暂定（缺项）的参评对象，不参加排名。" : undefined,
  ].filter((note): note is string => note !== undefined);
  if (notes.length > 0) r += 1;
  for (const note of notes) {
    bandRow(ws, r, n, note, { size: SIZE, align: "left", height: wrappedHeight([[note, total]], SIZE, displayWidth) });
    r += 1;
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: HEADING_ROWS, topLeftCell: `A${HEADING_ROWS + 1}`, activeCell: `A${HEADING_ROWS + 1}` }];
  const pages = paginate(ws, r - 1);
  // The sheet's own page count, not &N: LibreOffice counts every sheet's pages in &N (docs/decisions.md W23).
  printSetup(ws, { titleRows: HEADING_ROWS, footer: `&C第 &P 页，共 ${pages} 页`, margins: RANKING_MARGINS });
}

/** The 公示表's margins (inches): narrow at the sides, room for the footer at the bottom. */
const RANKING_MARGINS = { left: 0.15, right: 0.15, top: 0.35, bottom: 0.5, header: 0.2, footer: 0.2 } as const;
/** The height A4 landscape leaves inside {@link RANKING_MARGINS}, in points. */
const PRINTABLE = { height: 595.28 - 72 * (RANKING_MARGINS.top + RANKING_MARGINS.bottom) };
/**
 * Points per unit of column width, taken at the widest: the unit is the digit of the workbook's
 * default font (Calibri 11) — 5.25 pt in Excel and WPS, 5.6 in LibreOffice with Carlito, 7.0 in
 * LibreOffice with neither (DejaVu Sans stands in), where the table is widest and so printed
 * smallest (docs/decisions.md W22).
 */
const POINTS_PER_UNIT = 7;

/**
 * Puts a page break wherever the next row would not fit on an A4 landscape page printed at 100 %
 * (the heading rows repeated on every page, a thirtieth of the page kept spare for renderers'
 * rounding), a category's heading never alone at a page's foot. Fitted one page wide, a sheet
 * prints at 100 % or less, so every page the breaks make fits on paper and no renderer adds a
 * break of its own: the count returned is the pages the sheet prints on (docs/decisions.md W23).
 */
function paginate(ws: ExcelJS.Worksheet, last: number): number {
  const scale = 100;
  const height = (r: number): number => ws.getRow(r).height ?? 15;
  let heading = 0;
  for (let r = 1; r <= HEADING_ROWS; r += 1) heading += height(r);
  const room = (PRINTABLE.height * 0.97 * 100) / scale - heading;
  let pages = 1;
  let used = 0;
  for (let r = HEADING_ROWS + 1; r <= last; r += 1) {
    const needed = height(r) + (isBand(ws, r) && r < last ? height(r + 1) : 0);
    if (used > 0 && used + needed > room) {
      ws.getRow(r - 1).addPageBreak();
      pages += 1;
      used = 0;
    }
    used += height(r);
  }
  return pages;
}

/** Whether row `r` is a category's heading (one merged cell across the table). */
function isBand(ws: ExcelJS.Worksheet, r: number): boolean {
  return ws.getCell(r, 1).isMerged && ws.getCell(r, 1).fill !== undefined;
}

/** The `计分说明` sheet: per body its id, name and explanation, one line per row, one body per printed page. */
function explanationSheet(workbook: ExcelJS.Workbook, results: readonly ScoreResult[], lang: Lang): void {
  const ws = workbook.addWorksheet("计分说明");
  const headers = ["编号", "名称", lang === "zh" ? "计分说明" : "explanation"];
  const widths = [9, 12, 70];
  const size = 10;
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const head = ws.getRow(1);
  headers.forEach((header, i) => {
    const cell = head.getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true, size };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { vertical: "middle", horizontal: "center" };
    cell.border = THIN_BOX;
  });
  head.height = 18;
  let r = 2;
  const sorted = [...results].sort((a, b) => (a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0));
  sorted.forEach((result, b) => {
    // Each body starts on a new printed page.
    if (b > 0) ws.getRow(r - 1).addPageBreak();
    const lines = explain(result, { lang }).split("\n");
    lines.forEach((line, i) => {
      const row = ws.getRow(r);
      if (i === 0) {
        row.getCell(1).value = result.participant.id;
        row.getCell(1).numFmt = TEXT_FORMAT;
        row.getCell(2).value = result.participant.name;
      }
      row.getCell(3).value = line;
      for (let c = 1; c <= 3; c += 1) {
        row.getCell(c).alignment = { vertical: "top", wrapText: true };
        row.getCell(c).font = { size, bold: i === 0 };
      }
      const texts: (readonly [string, number])[] = [[line, widths[2] as number]];
      if (i === 0) texts.push([result.participant.name, widths[1] as number]);
      row.height = wrappedHeight(texts, size, displayWidth);
      r += 1;
    });
    r += 1;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  // A fixed scale rather than fit-to-page: Excel ignores manual page breaks under fit-to-page.
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "portrait",
    scale: 80,
    printTitlesRow: "1:1",
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: lang === "zh" ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N" };
}

/** The `假定参数` sheet: each assumed parameter the results consulted, in words. */
function assumptionSheet(workbook: ExcelJS.Workbook, results: readonly ScoreResult[], policy: Policy, lang: Lang): void {
  const ws = workbook.addWorksheet("假定参数");
  const zh = lang === "zh";
  const headers = zh ? ["假定", "参数", "取值", "含义", "用到的参评对象数", "代号"] : ["assumption", "parameter", "value", "meaning", "bodies using it", "id"];
  const widths = [16, 26, 32, 62, 10, 24];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const head = ws.getRow(1);
  headers.forEach((header, i) => {
    const cell = head.getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = THIN_BOX;
  });
  head.height = wrappedHeight(headers.map((header, i) => [header, widths[i] as number] as const), SIZE, displayWidth);
  const used = new Map<string, number>();
  for (const result of results) for (const id of result.assumptions) used.set(id, (used.get(id) ?? 0) + 1);
  let r = 2;
  for (const p of assumedParameters(policy, lang)) {
    const count = used.get(p.assumption);
    if (count === undefined) continue;
    const values = [p.label, p.name, p.value, p.meaning, count, p.assumption];
    const row = ws.getRow(r);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = THIN_BOX;
      cell.alignment = { vertical: "top", wrapText: true, horizontal: typeof value === "number" ? "center" : "left" };
    });
    row.height = wrappedHeight(values.map((value, i) => [String(value), widths[i] as number] as const), SIZE, displayWidth);
    r += 1;
  }
  const note = zh
    ? `计分政策：${policy.label}（${policy.id}）。以上是来源文件未作规定、由本政策假定的参数中，这些结果用到的；每个参评对象用到哪些，见其“计分说明”的最后一段。本单位另有规定的，可写入政策文件改用。`
    : `Policy ${policy.id} (${policy.label}): the parameters the source does not fix, assumed by this policy, that these results used. Each body's explanation lists the assumptions its computation used; a policy file may set them otherwise.`;
  ws.mergeCells(r + 1, 1, r + 1, headers.length);
  const cell = ws.getCell(r + 1, 1);
  cell.value = note;
  cell.alignment = { vertical: "top", wrapText: true };
  ws.getRow(r + 1).height = wrappedHeight([[note, widths.reduce((a, b) => a + b, 0)]], SIZE, displayWidth);
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  printSetup(ws, { footer: zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N" });
}

/**
 * The time of the file: the date of the results, else the end of the appraisal period, else the
 * first day a zip can name. Never the clock: the same results give the same bytes.
 */
function fileTime(heading: RankingHeading): Date {
  const day = heading.date ?? heading.period?.to ?? "1980-01-01";
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

/**
 * Writes the results workbook of docs/workbook.md as the 公示表 to post (docs/workbook.md). The sheet
 * `排名` opens with the title (unit, year, “五比五评”考评结果公示表) and a line with the policy,
 * the appraisal period and the date of the results, then the ranking table — 名次, 编号, 名称, 单位,
 * 类别, 年度, each component's label, 日常考评, 综合评价, 基础分, 加分, 总分, 等次 (only when the
 * policy sets score tiers or a body has a tier; otherwise a note says so), 状态 — with borders, a
 * heading per category with `by: "category"`, and notes under it; it prints on A4 landscape, one
 * page wide, the title and header on every page, with page x of y. `计分说明` holds each body's
 * explanation, one body per printed page; `假定参数` the assumptions the results used, in words.
 * Scores are numeric cells showing exactly the policy's decimals (`0.00`); ids are text cells.
 * The file's times come from `date` (else the end of the appraisal period), never the clock.
 *
 * @param results - Score results of one year under one policy.
 * @param options - `by`, `policy` (default the preset), `lang` of the explanations, `unit`, `date`.
 * @returns The `.xlsx` file.
 * @throws InputError when `rank` refuses the results, or `date` is not a day `YYYY-MM-DD`.
 * @example
 * ```ts
 * const bytes = await writeResults(results, { by: "category", unit: "宣城市城管执法局", date: "2023-03-10" });
 * writeFileSync("排名.xlsx", bytes);
 * ```
 */
export async function writeResults(results: readonly ScoreResult[], options: WriteResultsOptions = {}): Promise<Uint8Array> {
  const lang: Lang = options.lang === "en" ? "en" : "zh";
  const policy = options.policy ?? xuancheng2022;
  const table = rankingTable(results, { by: options.by, policy, lang });
  const heading = rankingHeading(results, { unit: options.unit, date: options.date, policy, lang });
  const time = fileTime(heading);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `wubi-wuping ${PACKAGE_VERSION}`;
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = time;
  workbook.modified = time;
  workbook.title = heading.title;
  rankingSheet(workbook, table, heading, options.by === "category");
  explanationSheet(workbook, results, lang);
  assumptionSheet(workbook, results, policy, lang);
  return toBytes(workbook, time);
}
