/**
 * The look shared by the template and the results workbook: bold shaded header row, frozen
 * under it, A4 landscape fitted to the page width with the header repeated on every page.
 */
import type ExcelJS from "exceljs";
import { withZipTimes } from "./zip-time.js";

/**
 * The number format showing exactly `decimals` places: `0.00` for 2, `0` for none.
 *
 * @example
 * ```ts
 * numberFormat(2); //=> "0.00"
 * ```
 */
export function numberFormat(decimals: number): string {
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

/**
 * The format of a text cell (`@`): what is typed stays text (`001` stays `001`).
 *
 * @example
 * ```ts
 * cell.numFmt = TEXT_FORMAT;
 * ```
 */
export const TEXT_FORMAT = "@";
/**
 * The format of a date cell.
 *
 * @example
 * ```ts
 * DATE_FORMAT; //=> "yyyy-mm-dd"
 * ```
 */
export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Writes `headers` into row 1 of `ws`, bold on a pale fill, and freezes the sheet under it.
 *
 * @example
 * ```ts
 * headerRow(ws, ["编号", "名称"]);
 * ```
 */
export function headerRow(ws: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = ws.getRow(1);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
}

/**
 * How a sheet prints beyond A4 landscape one page wide: the rows repeated at the top of every
 * page (the header row, or the 公示表's title rows too), the top margin in inches, the footer.
 *
 * @example
 * ```ts
 * const options: PrintOptions = { titleRows: 3, top: 0.5, footer: "&C第 &P 页，共 &N 页" };
 * ```
 */
export interface PrintOptions {
  readonly titleRows?: number;
  readonly top?: number;
  readonly footer?: string;
  /** The margins in inches, when not the default ones. */
  readonly margins?: ExcelJS.Margins;
}

/**
 * A4 landscape, fitted to one page wide (as many pages tall as needed), centred, the title rows
 * (by default the header row) on every page and the page number in the footer.
 *
 * @example
 * ```ts
 * printSetup(ws);
 * printSetup(ws, { titleRows: 3, top: 0.5, footer: "&C第 &P 页，共 &N 页" });
 * ```
 */
export function printSetup(ws: ExcelJS.Worksheet, options: PrintOptions = {}): void {
  const { titleRows = 1, top = 0.6, footer = "第 &P 页，共 &N 页" } = options;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${titleRows}`,
    horizontalCentered: true,
    margins: options.margins ?? { left: 0.4, right: 0.4, top, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: footer };
}

/**
 * The bytes of a workbook, as a `Uint8Array` in Node and in a browser alike; with `time`, every
 * part of the zip carries that time (the same workbook then gives the same bytes).
 *
 * @example
 * ```ts
 * const bytes = await toBytes(workbook);
 * const fixed = await toBytes(workbook, new Date(Date.UTC(2023, 1, 28)));
 * ```
 */
export async function toBytes(workbook: ExcelJS.Workbook, time?: Date): Promise<Uint8Array> {
  const buffer: ArrayBuffer | Uint8Array = (await workbook.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  const bytes = buffer instanceof Uint8Array ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
  return time === undefined ? bytes : withZipTimes(bytes, time);
}

/**
 * A thin border on every side, for the cells of a printed table.
 *
 * @example
 * ```ts
 * cell.border = THIN_BOX;
 * ```
 */
export const THIN_BOX: Partial<ExcelJS.Borders> = Object.freeze({
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
});

/**
 * The height (points) of a row whose cells wrap their text: enough lines for the longest text
 * at the column widths (a CJK character counts as two width units, see `displayWidth`).
 *
 * @example
 * ```ts
 * ws.getRow(3).height = wrappedHeight([["“两代表一委员”评价", 8]], 11, displayWidth);
 * ```
 */
export function wrappedHeight(cells: readonly (readonly [text: string, width: number])[], size: number, measure: (text: string) => number): number {
  let lines = 1;
  for (const [text, width] of cells) {
    const usable = Math.max(1, width - 1);
    const count = text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(measure(line) / usable)), 0);
    lines = Math.max(lines, count);
  }
  return Math.ceil(lines * size * 1.3 + 3);
}
