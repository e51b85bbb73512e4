/**
 * Plain-text tables for a terminal and CSV for spreadsheets, shared by the CLI's commands.
 *
 * A terminal shows East Asian wide and fullwidth characters (汉字, fullwidth punctuation, kana,
 * hangul, most emoji) in two columns, so columns are aligned by display width, not by string
 * length. Characters of ambiguous width are counted as one column, as terminals outside CJK
 * locales draw them; the tables themselves use only ASCII punctuation.
 */

/** Code point ranges of East Asian Wide (W) and Fullwidth (F) characters (Unicode 15, UAX #11). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1],
  [0x17000, 0x18cd5],
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1b2fb],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

function isWide(codePoint: number): boolean {
  let lo = 0;
  let hi = WIDE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WIDE_RANGES[mid] as readonly [number, number];
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The number of terminal columns `text` takes: 2 per East Asian wide or fullwidth character,
 * 0 per combining mark, format or control character, 1 otherwise.
 *
 * @param text - One line of text.
 * @returns Its display width.
 * @example
 * ```ts
 * displayWidth("城管监督科"); //=> 10
 * displayWidth("cgjdk"); //=> 5
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint < 0x7f && codePoint >= 0x20) width += 1;
    else if (ZERO_WIDTH.test(char)) width += 0;
    else width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** How a column is aligned. */
export type Align = "left" | "right";

const CONTROL = /\p{Cc}/gu;

/** A cell as the terminal should see it: control characters (escape sequences, tabs, newlines) shown as `?`. */
function printable(cell: string): string {
  return cell.replace(CONTROL, "?");
}

/**
 * Renders rows under a header as aligned text lines: two spaces between columns, a rule of `-`
 * under the header, no trailing spaces. Columns are as wide as their widest cell in terminal
 * columns; control characters in a cell are shown as `?` so no input can drive the terminal.
 *
 * @param header - The column titles.
 * @param rows - The cells, one array per row, as many cells as titles.
 * @param align - Per column, `"left"` (default) or `"right"`.
 * @returns The lines of the table.
 * @example
 * ```ts
 * renderTable(["名次", "参评对象", "总分"], [["1", "城管监督科", "93.23"], ["10", "csglk", "9.00"]], ["right", "left", "right"]);
 * //=> ["名次  参评对象     总分",
 * //    "----  ----------  -----",
 * //    "   1  城管监督科  93.23",
 * //    "  10  csglk        9.00"]
 * ```
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string[] {
  const cells = [header, ...rows].map((row) => header.map((_, c) => printable(row[c] ?? "")));
  const widths = header.map((_, c) => cells.reduce((widest, row) => Math.max(widest, displayWidth(row[c] as string)), 0));
  const line = (row: readonly string[]): string =>
    widths
      .map((width, c) => {
        const cell = row[c] as string;
        const pad = " ".repeat(width - displayWidth(cell));
        return align[c] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head as string[]), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)];
}

/**
 * One CSV field, quoted per RFC 4180 when it holds a comma, a quote, CR or LF. A text that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR) is prefixed
 * with `'`, so a participant's name can never execute in Excel or WPS; numbers are left as they are.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?[0-9]+(\.[0-9]+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV document (RFC 4180: CRLF line ends, fields quoted only when needed) that starts with a
 * UTF-8 byte order mark, so spreadsheet programs (Excel, WPS) read its Chinese text as UTF-8.
 *
 * @param header - The column titles.
 * @param rows - The cells, one array per row.
 * @returns The whole document, ending with CRLF.
 * @example
 * ```ts
 * toCsv(["名次", "参评对象"], [["1", "城市管理科(行政审批科)"]]);
 * //=> "\uFEFF名次,参评对象\r\n1,城市管理科(行政审批科)\r\n"
 * ```
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
