/**
 * `@wubi-wuping/workbook`: the office workbook (docs/workbook.md). A clerk fills the template, `readWorkbook`
 * turns it into the inputs of docs/formats.md, and `writeResults` gives back the ranking to print and post.
 * It runs in Node and in a browser; the main entry does not import it.
 * @packageDocumentation
 */
export { readWorkbook } from "./read.js";
export { readBallots } from "./ballots.js";
export { MAX_ROWS } from "./load.js";
export { writeTemplate } from "./template.js";
export { writeResults } from "./results.js";
export { readTable } from "./table.js";
export { SHEETS, SHEET_NAMES, BALLOT_SHEET, BALLOT_COLUMNS, MARK_LABELS } from "./layout.js";

export type { ReadWorkbookOptions, ReadWorkbookResult, WorkbookSummary } from "./read.js";
export type { ReadBallotsOptions, ReadBallotsResult, BallotBoxJson, BallotJson, BallotMark, BallotParticipant, SurveyComponentId } from "./ballots.js";
export type { WriteTemplateOptions } from "./template.js";
export type { WriteResultsOptions } from "./results.js";
export type { SheetTable, ReadTableOptions } from "./table.js";
export type { WorkbookIssue, WorkbookIssueCode } from "./messages.js";
export type { SheetSpec, ColumnSpec, CellKind, Enumeration, SheetName } from "./layout.js";
