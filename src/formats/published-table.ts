/**
 * Where a published table's header and bodies are: the same rule for every reader of a 公示表
 * (`verify --published` on a CSV, `readTable` on a workbook), so a table with the 公示表's
 * title lines above its header, block headings between categories and notes under it reads the
 * same as a bare table whose first row is the header (docs/workbook.md). Pure.
 */

const filled = (cell: string): boolean => cell.trim() !== "";

/**
 * The index of the header record among `records`: the first with at least two filled cells (a
 * title or a policy line above it fills one), else the first with any filled cell, else -1.
 *
 * @param records - The table's records, each its cells as text.
 * @returns The header's index, or -1 when every record is empty.
 * @example
 * ```ts
 * headerIndex([["2022 年度公示表"], ["计分政策：…"], [], ["名次", "编号", "总分"]]); //=> 3
 * headerIndex([["编号", "总分"], ["b01", "1"]]); //=> 0
 * headerIndex([[""], []]); //=> -1
 * ```
 */
export function headerIndex(records: readonly (readonly string[])[]): number {
  const wide = records.findIndex((cells) => cells.filter(filled).length >= 2);
  return wide >= 0 ? wide : records.findIndex((cells) => cells.some(filled));
}

/**
 * Whether a record under a header of two or more columns is a heading or a note rather than a
 * body: only its first cell is filled (a category's heading, `注：…`). A body's row fills at least
 * its id and its total.
 *
 * @param cells - The record's cells as text.
 * @param width - The number of header columns.
 * @returns `true` for a heading or a note.
 * @example
 * ```ts
 * isHeadingOrNote(["公共服务（2 个）", "", ""], 3); //=> true
 * isHeadingOrNote(["1", "cgjdk", "94.51"], 3); //=> false
 * ```
 */
export function isHeadingOrNote(cells: readonly string[], width: number): boolean {
  return width >= 2 && filled(cells[0] ?? "") && cells.slice(1).every((cell) => !filled(cell));
}
