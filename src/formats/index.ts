/**
 * `wubi-wuping/formats`: the floor the front ends stand on — the CLI, the service
 * (`@wubi-wuping/service`), the workbook (`@wubi-wuping/workbook`) and the offline page. What they
 * all write or read the same way lives here, once: the JSON texts of results and documents, the
 * ranking table of the 公示表 and its CSV, plain-text tables, NDJSON lines and batch lines,
 * `verify`'s recomputation and differences, the JSON Schemas, strict UTF-8 text, the reading of
 * a JSON syntax error and the calendar days of a sheet. Each front end supplies its own wording (flags on the command line, query
 * parameters over HTTP). Pure: no `node:` import; runs in a browser.
 *
 * @packageDocumentation
 */
export { resultJson, documentJson } from "./json.js";
export { rankingTable, rankingCsv, rankingHeading, cellText, RANKING_HEADERS } from "./ranking-table.js";
export { headerIndex, isHeadingOrNote } from "./published-table.js";
export { ASSUMPTION_LABELS, PARAMETER_NAMES, PARAMETER_MEANINGS, parameterValueText, assumedParameters } from "./parameters.js";
export { renderTable, toCsv, csvField, displayWidth } from "./table.js";
export { LineSplitter } from "./lines.js";
export { batchLine, participantIdOf, DEFAULT_MAX_LINE_BYTES, NEUTRAL_BATCH_WORDING } from "./batch-line.js";
export { verifyResult, diffJson } from "./verify.js";
export { SCHEMA_KINDS, jsonSchemaText, jsonSchemaOf, toJsonSchema } from "./json-schema.js";
export { jsonSyntaxText } from "./json-syntax.js";
export { decodeText, stripBom, notUtf8 } from "./text.js";
export { isCalendarDate, surveyYearOf } from "./calendar.js";
export { errorMap, fromZodIssues } from "../api/errors.js";
export { namingSwitch } from "./wording.js";
export { BALLOT_RULE_NAMES } from "../messages/labels.js";

export type { RankingCell, RankingTable, RankingTableOptions, RankingHeading, RankingHeadingOptions } from "./ranking-table.js";
export type { AssumedParameter, ParameterValueOptions } from "./parameters.js";
export type { Align } from "./table.js";
export type { SplitLine } from "./lines.js";
export type { BatchIssueCode, BatchLineOptions, BatchWording } from "./batch-line.js";
export type { Difference } from "./verify.js";
export type { SchemaKind } from "./json-schema.js";
