/**
 * `readTable`: any sheet with a header row as plain text cells, for programs that compare a
 * published table (`verify --published`) rather than import records.
 */
import type { Lang } from "wubi-wuping";
import { headerIndex, isHeadingOrNote } from "wubi-wuping/formats";
import { rawCell } from "./cells.js";
import { loadWorkbook } from "./load.js";
import { issueAt, type WorkbookIssue } from "./messages.js";

/**
 * A sheet read as text: its headers (the header row) and each body row's cells by header.
 *
 * @example
 * ```ts
 * const table: SheetTable = { sheet: "排名", headers: ["编号", "总分"], rows: [{ row: 2, cells: { 编号: "cgjdk", 总分: "94.51" } }] };
 * ```
 */
export interface SheetTable {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: Readonly<Record<string, string>> }[];
}

/**
 * Options of {@link readTable}: the sheet to read (default `排名`, else the first sheet) and the
 * language of the problems.
 *
 * @example
 * ```ts
 * await readTable(bytes, { sheet: "排名", lang: "en" } satisfies ReadTableOptions);
 * ```
 */
export interface ReadTableOptions {
  readonly sheet?: string | undefined;
  readonly lang?: Lang | undefined;
}

/** A cell as text: text as written, a number as `String(value)`, a date as `YYYY-MM-DD`. */
function cellText(value: unknown): string {
  const raw = rawCell(value);
  switch (raw.kind) {
    case "text":
      return raw.text.trim();
    case "number":
      return String(raw.value);
    case "boolean":
      return raw.value ? "是" : "否";
    case "date":
      return raw.text;
    default:
      return "";
  }
}

/**
 * Reads one sheet of a workbook as a table of text cells: the header row is the first row with
 * two or more filled cells (a 公示表's title rows above it are skipped), then every row with a
 * filled cell except headings and notes (rows with only their first cell filled). Numbers read as `String(value)` (`90.5` for a cell showing `90.50`: compare
 * values, not texts), dates as `YYYY-MM-DD`. It opens the workbook as `readWorkbook` does (the
 * same checks and limits).
 *
 * @param bytes - The `.xlsx` file.
 * @param options - `sheet` (default `排名`, else the first), `lang`.
 * @returns The table, or the problems.
 * @example
 * ```ts
 * const outcome = await readTable(await writeResults(results));
 * if (outcome.success) outcome.table.headers[1]; //=> "编号"
 * ```
 */
export async function readTable(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadTableOptions = {},
): Promise<{ readonly success: true; readonly table: SheetTable } | { readonly success: false; readonly issues: WorkbookIssue[] }> {
  const lang: Lang = options.lang === "en" ? "en" : "zh";
  const loaded = await loadWorkbook(bytes, lang);
  if (!loaded.success) return loaded;
  const workbook = loaded.workbook;
  const wanted = options.sheet ?? "排名";
  const ws = workbook.getWorksheet(wanted) ?? (options.sheet === undefined ? workbook.worksheets[0] : undefined);
  if (ws === undefined) {
    const detail = lang === "zh" ? `工作簿中没有工作表“${wanted}”` : `the workbook has no sheet ${wanted}`;
    return { success: false, issues: [issueAt({ sheet: wanted }, "missing-sheet", detail, lang)] };
  }
  // Every row with a filled cell, as text, by its row number.
  const records: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, n) => (cells[n - 1] = cellText(cell.value)));
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= "";
    if (cells.some((text) => text !== "")) records.push({ row: r, cells });
  });
  const at = headerIndex(records.map((record) => record.cells));
  const headers = at < 0 ? [] : [...(records[at] as { cells: string[] }).cells];
  const rows: { row: number; cells: Record<string, string> }[] = [];
  for (const record of records.slice(at + 1)) {
    if (isHeadingOrNote(record.cells, headers.length)) continue;
    const cells: Record<string, string> = {};
    headers.forEach((header, i) => {
      if (header !== "") cells[header] = record.cells[i] ?? "";
    });
    if (record.cells.slice(0, headers.length).some((text) => text !== "")) rows.push({ row: record.row, cells });
  }
  return { success: true, table: { sheet: ws.name, headers, rows } };
}
