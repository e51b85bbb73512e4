/**
 * The XLSX reader of published tables for `verify --published`: the sheet `排名` (else the first)
 * of a workbook, read through `@wubi-wuping/workbook` (loaded only when a table is an `.xlsx`).
 */
import type { Lang } from "../index.js";
import { loadWorkbook } from "./front-ends.js";
import { CliError, EXIT, oneLine } from "./io.js";
import type { Table } from "./published.js";

/**
 * Reads a published `.xlsx` table (a `CliError`, exit 1, when it is not a readable workbook).
 *
 * @example
 * ```ts
 * (await readXlsxTable("排名.xlsx", bytes, "zh")).headers[0]; //=> "名次"
 * ```
 */
export async function readXlsxTable(name: string, bytes: Uint8Array, lang: Lang): Promise<Table> {
  const { readTable } = await loadWorkbook(lang);
  const outcome = await readTable(bytes, { lang });
  if (!outcome.success) throw new CliError(outcome.issues.map((i) => `${name}: ${oneLine(i.message, 500)} (${i.code})`).join("\n"), EXIT.input);
  return { headers: outcome.table.headers, rows: outcome.table.rows };
}
