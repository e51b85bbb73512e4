/**
 * Cells as docs/workbook.md reads them: what a stored cell holds (text, a number, a yes/no, a date shown
 * as a calendar day, an error, a formula without a stored value), then the value a column of a
 * given kind takes from it, or why it cannot.
 */
import type { Lang } from "wubi-wuping";
import { DETAILS, holding, notOneOf } from "./messages.js";
import { enumId, normalizeLabel, shownLabels, type ColumnSpec } from "./layout.js";

/**
 * What a cell stores, independent of the spreadsheet library.
 *
 * @example
 * ```ts
 * const raw: RawCell = { kind: "date", text: "2022-03-15" };
 * ```
 */
export type RawCell =
  | { readonly kind: "empty" }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly text: string }
  | { readonly kind: "error"; readonly text?: string }
  | { readonly kind: "formula-without-value" };

const EMPTY: RawCell = { kind: "empty" };

/** `YYYY-MM-DD` of a date's UTC calendar day: the day a spreadsheet shows for its serial number. */
function utcDay(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const y = date.getUTCFullYear();
  if (y < 0 || y > 9999) return undefined;
  return `${String(y).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/**
 * What an ExcelJS cell value stores. ExcelJS turns a number with a date format into a `Date` at
 * UTC midnight of the serial's day (plus its time of day), so the UTC calendar day is the day the
 * spreadsheet shows, whatever the machine's time zone. A formula counts as its stored result.
 *
 * @param value - `cell.value` of an ExcelJS cell.
 * @returns The stored content.
 * @example
 * ```ts
 * rawCell({ formula: "A1+1", result: 3 }); //=> { kind: "number", value: 3 }
 * rawCell({ richText: [{ text: "城管" }, { text: "监督科" }] }); //=> { kind: "text", text: "城管监督科" }
 * ```
 */
export function rawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return value.trim() === "" ? EMPTY : { kind: "text", text: value };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "error" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    const text = utcDay(value);
    return text === undefined ? { kind: "error" } : { kind: "date", text };
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) {
      return v["result"] === undefined || v["result"] === null ? { kind: "formula-without-value" } : rawCell(v["result"]);
    }
    if (Array.isArray(v["richText"])) return rawCell((v["richText"] as { text?: unknown }[]).map((run) => (typeof run.text === "string" ? run.text : "")).join(""));
    if ("error" in v) return typeof v["error"] === "string" ? { kind: "error", text: v["error"] } : { kind: "error" };
    if (typeof v["text"] === "string") return rawCell(v["text"]);
  }
  return { kind: "error" };
}

/**
 * A cell read for its column: the value, or the problem (a code and its detail).
 *
 * @example
 * ```ts
 * const reading: CellReading = { ok: false, code: "invalid-cell", detail: "应填“是”或“否”" };
 * ```
 */
export type CellReading =
  | { readonly ok: true; readonly value: string | number | boolean }
  | { readonly ok: false; readonly code: string; readonly detail: string };

const NUM = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;
const DIGITS = /^[0-9]+$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/**
 * What a stored cell holds as the spreadsheet shows it, for quoting in a problem: text as typed,
 * a number as `String(value)`, a date as `YYYY-MM-DD`, a yes/no as `TRUE`/`FALSE`, an error value
 * as its code (`#DIV/0!`); `undefined` when there is nothing to show.
 *
 * @example
 * ```ts
 * shownContent({ kind: "text", text: "23分" }); //=> "23分"
 * shownContent({ kind: "number", value: 44635 }); //=> "44635"
 * ```
 */
export function shownContent(raw: RawCell): string | undefined {
  switch (raw.kind) {
    case "text":
    case "date":
      return raw.text;
    case "number":
      return String(raw.value);
    case "boolean":
      return raw.value ? "TRUE" : "FALSE";
    case "error":
      return raw.text;
    default:
      return undefined;
  }
}

/** An invalid cell: the detail, after what the cell holds when it holds something to show. */
function fail(raw: RawCell, detail: Readonly<Record<Lang, string>> | string, lang: Lang): CellReading {
  const text = typeof detail === "string" ? detail : detail[lang];
  const shown = shownContent(raw);
  return { ok: false, code: "invalid-cell", detail: shown === undefined ? text : holding(shown, text, lang) };
}

/** Why a candidate number is refused: negative, too many integer digits, or not a number. */
function numberDetail(candidate: string | undefined): Readonly<Record<Lang, string>> {
  if (candidate !== undefined && /^-[0-9.]+$/.test(candidate)) return DETAILS.negativeNumber;
  if (candidate !== undefined && /^[0-9]{10,}(\.[0-9]+)?$/.test(candidate)) return DETAILS.numberTooLarge;
  return DETAILS.notNumber;
}

/**
 * The value `column` takes from a non-empty stored cell: text exactly as written (a number as
 * `String(value)`), a `Num` as its decimal text, a whole number, a date as `YYYY-MM-DD`, a yes/no,
 * or an enumeration's id. Number, date, yes/no and enumerated text is read after NFKC and trim.
 *
 * @param raw - The stored cell (not empty).
 * @param column - Its column.
 * @param lang - The language of the problem's detail.
 * @returns The value, or the problem.
 * @example
 * ```ts
 * readCell({ kind: "number", value: 23.5 }, scoreColumn, "zh"); //=> { ok: true, value: "23.5" }
 * readCell({ kind: "text", text: "是" }, verifiedColumn, "zh"); //=> { ok: true, value: true }
 * ```
 */
export function readCell(raw: RawCell, column: ColumnSpec, lang: Lang): CellReading {
  if (raw.kind === "formula-without-value") return { ok: false, code: "formula-without-value", detail: DETAILS.formula[lang] };
  if (raw.kind === "error" || raw.kind === "empty") return fail(raw, DETAILS.formulaError, lang);
  const text = raw.kind === "text" ? normalizeLabel(raw.text) : undefined;
  switch (column.kind) {
    case "text":
      if (raw.kind === "text") return { ok: true, value: raw.text };
      if (raw.kind === "number") return { ok: true, value: String(raw.value) };
      return fail(raw, DETAILS.notText, lang);
    case "num": {
      const candidate = raw.kind === "number" ? String(raw.value) : text;
      return candidate !== undefined && NUM.test(candidate) ? { ok: true, value: candidate } : fail(raw, numberDetail(candidate), lang);
    }
    case "int":
    case "year": {
      const detail = column.kind === "year" ? DETAILS.notYear : DETAILS.notInteger;
      if (raw.kind === "number") return Number.isSafeInteger(raw.value) && raw.value >= 0 ? { ok: true, value: raw.value } : fail(raw, detail, lang);
      if (text !== undefined && DIGITS.test(text) && Number.isSafeInteger(Number(text))) return { ok: true, value: Number(text) };
      return fail(raw, detail, lang);
    }
    case "date":
      if (raw.kind === "date") return { ok: true, value: raw.text };
      if (text !== undefined && DATE.test(text)) return { ok: true, value: text };
      return fail(raw, raw.kind === "number" ? DETAILS.numberNotDate : DETAILS.notDate, lang);
    case "bool":
      if (raw.kind === "boolean") return { ok: true, value: raw.value };
      if (text === "是") return { ok: true, value: true };
      if (text === "否") return { ok: true, value: false };
      return fail(raw, DETAILS.notBool, lang);
    case "enum": {
      const values = column.values;
      if (values === undefined) return fail(raw, DETAILS.notText, lang);
      const id = raw.kind === "text" ? enumId(values, raw.text) : undefined;
      return id === undefined ? fail(raw, notOneOf(shownLabels(values), lang), lang) : { ok: true, value: id };
    }
  }
}
