/**
 * The parts of the package the page calls beyond the main entry's scoring and ranking: the
 * workbook entry — reading the office workbook, writing the results workbook, the ranking table
 * shared with `rank --format csv|xlsx`. One place, so the views never reach into other entries.
 */
import { readBallots, readWorkbook, writeResults, writeTemplate } from "@wubi-wuping/workbook";

export { BALLOT_RULE_NAMES, cellText, namingSwitch, rankingCsv, rankingTable, RANKING_HEADERS, type RankingCell, type RankingTable } from "wubi-wuping/formats";
export type { ReadBallotsOptions, ReadBallotsResult, WorkbookIssue } from "@wubi-wuping/workbook";

/**
 * What the page does with workbooks: read the office's records and its ballot workbooks, write
 * the results', write the blank template a clerk fills.
 *
 * @example
 * ```ts
 * const read = await workbook.read(bytes, { policy: xuancheng2022, allowIncomplete: false, lang: "zh" });
 * ```
 */
export const workbook = { read: readWorkbook, readBallots, writeResults, writeTemplate } as const;
