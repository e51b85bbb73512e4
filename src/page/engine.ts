/**
 * The parts of the package the page calls beyond the main entry's scoring and ranking: the
 * workbook reader and writer, the ranking CSV, the sensitivity analysis. One place, so the page's
 * views never reach into other entries directly.
 */
import type { Lang, Policy, RankGrouping, ScoreResult } from "../index.js";
import { toCsv } from "../cli/table.js";
import type { RankingTable } from "./rows.js";
import type { WorkbookReader } from "./session.js";

/** Writes the ranking workbook of results (the workbook entry's `writeResults`). */
export type ResultsWriter = (
  results: readonly ScoreResult[],
  options: { readonly by: RankGrouping | undefined; readonly policy: Policy; readonly lang: Lang },
) => Promise<Uint8Array>;

/** What the page can do with workbooks, when the build includes the workbook entry. */
export interface WorkbookSupport {
  readonly read: WorkbookReader;
  readonly writeResults: ResultsWriter;
}

/** The workbook entry, or `undefined` when this build has none. */
export const workbook: WorkbookSupport | undefined = undefined;

/**
 * The ranking as `rank --format csv` writes it: a UTF-8 BOM, CRLF line ends.
 *
 * @param table - The ranking table the page shows.
 * @returns The CSV text.
 * @example
 * ```ts
 * rankingCsv(table).startsWith("\uFEFF名次,"); //=> true
 * ```
 */
export function rankingCsv(table: RankingTable): string {
  return toCsv(
    table.headers,
    table.rows.map((row) => row.cells),
  );
}
