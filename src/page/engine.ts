/**
 * The parts of the package the page calls beyond the main entry's scoring and ranking: the
 * workbook entry (reading the office workbook, writing the results workbook, the shared ranking
 * table) and the ranking CSV. One place, so the views never reach into other entries directly.
 */
import { toCsv } from "../cli/table.js";
import { cellText, readWorkbook, writeResults, type RankingTable } from "../workbook/index.js";

export { rankingTable, type RankingCell, type RankingTable } from "../workbook/index.js";

/** What the page does with workbooks: read the office's, write the results'. */
export const workbook = { read: readWorkbook, writeResults } as const;

/**
 * The ranking as `rank --format csv` writes it: the ranking table's headers and cells, a UTF-8
 * BOM, CRLF line ends.
 *
 * @param table - The ranking table.
 * @returns The CSV text.
 * @example
 * ```ts
 * rankingCsv(rankingTable(results)).startsWith("\uFEFF名次,编号,名称"); //=> true
 * ```
 */
export function rankingCsv(table: RankingTable): string {
  return toCsv(
    table.headers,
    table.rows.map((row) => row.map(cellText)),
  );
}
