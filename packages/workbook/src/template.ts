/**
 * `writeTemplate`: the workbook a clerk fills (docs/workbook.md): a `说明` sheet explaining every column
 * with an example, then one sheet per kind of record with its Chinese headers, drop-down lists for
 * every enumerated column, id columns formatted as text, date and number formats, the header row
 * frozen, and the roster's bodies pre-filled when given.
 */
import ExcelJS from "exceljs";
import { CATEGORY_LABELS, InputError, RosterSchema, YearSchema, type RosterEntry } from "wubi-wuping";
import { BALLOT_COLUMNS, BALLOT_SHEET, MARK_VALUES, SHEETS, shownLabels, type ColumnSpec, type SheetSpec } from "./layout.js";
import { DATE_FORMAT, TEXT_FORMAT, headerRow, printSetup, toBytes } from "./style.js";

/**
 * Options of {@link writeTemplate}: the roster to pre-fill `参评对象` with, the evaluation year to
 * write beside each body, and `ballots` to add the ballot sheet `测评票` (docs/ballots.md) with a
 * column per body of the roster.
 *
 * @example
 * ```ts
 * await writeTemplate({ roster, year: 2023, ballots: true } satisfies WriteTemplateOptions);
 * ```
 */
export interface WriteTemplateOptions {
  readonly roster?: unknown;
  readonly year?: number | undefined;
  readonly ballots?: boolean | undefined;
  /**
   * Told, when `year` is given, of the roster's bodies left out because they take part only from
   * a later year (`since` after `year`), in roster order; not called when none is left out.
   */
  readonly onLeftOut?: ((bodies: readonly RosterEntry[]) => void) | undefined;
}

/**
 * How many rows under the header carry the drop-down lists: 2,000, or 60 per body of the roster
 * (a body has some 40 records a year) when that is more. Formats apply to whole columns.
 */
const fillableRows = (bodies: number): number => Math.max(2_000, bodies * 60);

function columnFormat(column: ColumnSpec): string | undefined {
  if (column.asText === true || column.kind === "text") return TEXT_FORMAT;
  if (column.kind === "date") return DATE_FORMAT;
  if (column.kind === "int" || column.kind === "year") return "0";
  return undefined;
}

function listOf(column: ColumnSpec): string[] | undefined {
  if (column.kind === "bool") return ["是", "否"];
  return column.values === undefined ? undefined : shownLabels(column.values);
}

/** ExcelJS keeps range validations in `dataValidations`, which its types leave out. */
const validations = (ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } =>
  (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

/** A sheet as the template writes it: its name, columns and what it holds. */
type TemplateSheet = Omit<SheetSpec, "name"> & { readonly name: string };

/** One record sheet: headers, widths, formats and drop-down lists over the fillable rows. */
function recordSheet(workbook: ExcelJS.Workbook, spec: TemplateSheet, rows: number): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.name);
  headerRow(ws, spec.columns.map((c) => c.header));
  spec.columns.forEach((column, i) => {
    const sheetColumn = ws.getColumn(i + 1);
    sheetColumn.width = column.width;
    const format = columnFormat(column);
    if (format !== undefined) sheetColumn.numFmt = format;
    const letter = sheetColumn.letter;
    const list = listOf(column);
    if (list !== undefined) {
      validations(ws).add(`${letter}2:${letter}${rows + 1}`, {
        type: "list",
        allowBlank: true,
        formulae: [`"${list.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.header,
        error: `请从下拉列表中选择：${list.join("、")}`,
      });
    }
  });
  ws.getRow(1).height = 22;
  printSetup(ws);
  return ws;
}

/**
 * The ballot sheet `测评票` (docs/ballots.md): its fixed columns, then one mark column per body of the
 * roster, headed by its 名称 (its 编号 when two bodies share a name), each with the drop-down of
 * the four marks (a warning only, so two ticks typed as `满意┋不满意` stay possible).
 */
function ballotSheet(roster: readonly RosterEntry[]): TemplateSheet {
  const names = new Map<string, number>();
  for (const entry of roster) names.set(entry.name, (names.get(entry.name) ?? 0) + 1);
  const marks: ColumnSpec[] = roster.map((entry) => ({
    header: names.get(entry.name) === 1 ? entry.name : entry.id,
    field: entry.id,
    kind: "enum",
    required: false,
    values: MARK_VALUES,
    width: Math.max(10, Math.min(24, [...entry.name].length * 2 + 2)),
    about: { zh: `对“${entry.name}”（${entry.id}）的评价：满意、基本满意、不满意、不了解 之一，多选用“┋”连接，未选留空`, en: `the mark for ${entry.id}` },
    example: "满意",
  }));
  return {
    name: BALLOT_SHEET,
    about: { zh: "测评票：每行一张票，每个参评对象一列（读取：wubi-wuping tally）", en: "ballots: one row per ballot, one column per body" },
    columns: [...BALLOT_COLUMNS, ...marks],
  };
}

/** The `说明` sheet: what the workbook is, then one row per column of every sheet. */
function notesSheet(workbook: ExcelJS.Workbook, extra: readonly TemplateSheet[] = []): void {
  const ws = workbook.addWorksheet("说明");
  const intro = [
    "五比五评考评记录工作簿（wubi-wuping）",
    "填写方法：每个参评对象在“参评对象”表填一行；其他各表每行一条记录，用“编号”指明参评对象。列的顺序可以调整，列名不能改动；不用的表可以删去（“投诉”表除外：删去即表示“处理投诉”缺项）。",
    "带下拉列表的列请从列表中选择；日期填日期格式或 YYYY-MM-DD 文字；编号类的列已设为文本格式（001 不会变成 1）。本表（说明）和以 # 开头的表不会被读取。",
    "填好后：把本文件拖进离线页面（wubi-wuping.html）即可计分、排名、打印公示表；用命令行的，运行 wubi-wuping import 本文件.xlsx > 输入.ndjson，再运行 wubi-wuping score --batch 输入.ndjson。",
  ];
  intro.forEach((text, i) => {
    const cell = ws.getRow(i + 1).getCell(1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const top = intro.length + 2;
  const headers = ["工作表", "列名", "必填", "说明", "示例"];
  headers.forEach((header, i) => {
    const cell = ws.getRow(top).getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  let r = top + 1;
  for (const spec of [...SHEETS, ...extra]) {
    const sheetRow = ws.getRow(r);
    sheetRow.getCell(1).value = spec.name;
    sheetRow.getCell(1).font = { bold: true };
    sheetRow.getCell(4).value = spec.about.zh;
    r += 1;
    for (const column of spec.columns) {
      const row = ws.getRow(r);
      row.getCell(1).value = spec.name;
      row.getCell(2).value = column.header;
      row.getCell(3).value = column.required ? "是" : "否";
      const list = listOf(column);
      row.getCell(4).value = list === undefined || column.kind === "bool" ? column.about.zh : `${column.about.zh}（也可填英文编号：${(column.values?.ids ?? []).join("、")}）`;
      row.getCell(5).value = column.example;
      row.getCell(5).numFmt = TEXT_FORMAT;
      r += 1;
    }
  }
  [14, 12, 6, 90, 22].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.getColumn(4).alignment = { wrapText: true, vertical: "top" };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: top, topLeftCell: `A${top + 1}`, activeCell: `A${top + 1}` }];
  printSetup(ws);
}

/** Validates the options: a roster as docs/formats.md has it, a year as an input's. */
function checked(options: WriteTemplateOptions): { roster: readonly RosterEntry[]; year: number | undefined; ballots: boolean } {
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  let roster: readonly RosterEntry[] = [];
  if (options.roster !== undefined) {
    const parsed = RosterSchema.safeParse(options.roster);
    if (parsed.success) roster = parsed.data as readonly RosterEntry[];
    else for (const i of parsed.error.issues) issues.push({ path: ["roster", ...(i.path as (string | number)[])], code: i.code, message: i.message });
  }
  if (options.year !== undefined) {
    const year = YearSchema.safeParse(options.year);
    if (!year.success) issues.push({ path: ["year"], code: "invalid_year", message: `考评年度应为 2000 至 2098 的整数，而不是 ${String(options.year)}` });
  }
  if (options.ballots !== undefined && typeof options.ballots !== "boolean") {
    issues.push({ path: ["ballots"], code: "invalid_type", message: `ballots 应为 true 或 false，而不是 ${String(options.ballots)}` });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { roster, year: options.year, ballots: options.ballots === true };
}

/**
 * Writes the template workbook a clerk fills: `说明`, then `参评对象`, `督查暗访`, `投诉`, `测评`,
 * `市领导评分`, `表彰`, `一票否决` with the headers of docs/workbook.md, drop-down lists for every
 * enumerated and yes/no column, id and document-number columns as text, dates as `yyyy-mm-dd`,
 * frozen header rows and print setup; `参评对象` pre-filled from `roster` (with `year`) when given.
 * With a `year`, only the bodies eligible that year are pre-filled (`since` absent or not after
 * `year`); those left out are passed to `onLeftOut`. With `ballots`, the ballot sheet `测评票` last
 * (docs/workbook.md): 票号, 考评项目 (a drop-down), 测评日期, 评价人类别, 评价人标识, 用时（秒）,
 * then one column per eligible body with the drop-down of the four marks in every cell.
 *
 * @param options - `roster` (docs/formats.md), `year`, `ballots` and `onLeftOut`.
 * @returns The `.xlsx` file.
 * @throws InputError when the roster or the year is invalid.
 * @example
 * ```ts
 * writeFileSync("模板.xlsx", await writeTemplate({ roster, year: 2022, onLeftOut: (left) => console.warn(`${left.length} left out`) }));
 * ```
 */
export async function writeTemplate(options: WriteTemplateOptions = {}): Promise<Uint8Array> {
  const { roster: all, year, ballots } = checked(options ?? {});
  const roster = year === undefined ? all : all.filter((entry) => entry.since === undefined || entry.since <= year);
  if (roster.length < all.length) options.onLeftOut?.(all.filter((entry) => !roster.includes(entry)));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "wubi-wuping";
  const ballotSpec = ballots ? ballotSheet(roster) : undefined;
  notesSheet(workbook, ballotSpec === undefined ? [] : [ballotSpec]);
  for (const spec of SHEETS) {
    const ws = recordSheet(workbook, spec, fillableRows(roster.length));
    if (spec.name !== "参评对象") continue;
    roster.forEach((entry, i) => {
      const row = ws.getRow(i + 2);
      row.getCell(1).value = entry.id;
      row.getCell(2).value = entry.name;
      if (entry.unit !== undefined) row.getCell(3).value = entry.unit;
      row.getCell(4).value = CATEGORY_LABELS[entry.category];
      if (year !== undefined) row.getCell(5).value = year;
    });
  }
  if (ballotSpec !== undefined) {
    const ws = recordSheet(workbook, ballotSpec, fillableRows(roster.length));
    ws.views = [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2" }];
  }
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  return toBytes(workbook);
}
