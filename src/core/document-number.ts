/**
 * Document numbers (发文字号) per GB/T 9704-2012 §7.2.5, with the non-standard forms seen in
 * practice (docs/how-a-score-is-built.md). The year of a commendation is the year of its document number (`附件2-三.4`).
 */
import type { DocumentNumberError } from "../model/result.js";

/** A parsed document number. */
export interface DocumentNumber {
  /** 发文机关代字, e.g. `宣政`. */
  readonly issuerCode: string;
  /** The year in the brackets, 1949..2099. */
  readonly year: number;
  /** The serial, without leading zeros. */
  readonly serial: number;
  /** Whether the text was written exactly as the standard prescribes. */
  readonly standard: boolean;
  /** The standard form: `代字〔YYYY〕serial号`. */
  readonly normalized: string;
}

/** Why a document number was refused (`DOCUMENT_NUMBER_ERRORS`). */
export type { DocumentNumberError };

/** The outcome of `parseDocumentNumber`. */
export type DocumentNumberResult =
  | ({ readonly ok: true } & DocumentNumber)
  | { readonly ok: false; readonly reason: DocumentNumberError };

const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/g;
const SHAPE =
  /^([^\s〔〕[\]【】()]+)\s*(?:〔\s*([0-9]{4})\s*〕|\[\s*([0-9]{4})\s*\]|【\s*([0-9]{4})\s*】|\(\s*([0-9]{4})\s*\))\s*(?:第)?\s*([0-9]+)\s*(号)?$/;

/**
 * A number already in the standard form whose every character NFKC leaves as it is (CJK unified
 * ideographs, ASCII letters and digits in the 代字): the form nearly every commendation carries,
 * read without cleaning and normalising the text first. It parses to what the full path would.
 */
const STANDARD = /^([\u4e00-\u9fffA-Za-z0-9]+)〔([0-9]{4})〕([1-9][0-9]{0,8})号$/;

/**
 * The largest serial a document number may carry (docs/how-a-score-is-built.md).
 *
 * @example
 * ```ts
 * parseDocumentNumber(`宣政〔2022〕${MAX_SERIAL + 1}号`); //=> { ok: false, reason: "serial-too-large" }
 * ```
 */
export const MAX_SERIAL = 999_999_999;

/** The years a document number may carry (docs/how-a-score-is-built.md). */
export const DOCUMENT_YEARS = { min: 1949, max: 2099 } as const;

/**
 * Parses a document number such as `宣政〔2022〕12号`, accepting the common non-standard forms
 * (other brackets, full-width digits, 第, leading zeros, a missing 号, spaces around and inside
 * the number as typesetting and copying leave them). The serial is at most 999999999.
 *
 * @param text - The document number as written on the commendation.
 * @returns `{ ok: true, issuerCode, year, serial, standard, normalized }`, or
 *   `{ ok: false, reason }` when the text is not a document number.
 * @example
 * ```ts
 * parseDocumentNumber("皖建[2022]第012号");
 * //=> { ok: true, issuerCode: "皖建", year: 2022, serial: 12, standard: false, normalized: "皖建〔2022〕12号" }
 * parseDocumentNumber("宣组〔 2022 〕第 5号");
 * //=> { ok: true, issuerCode: "宣组", year: 2022, serial: 5, standard: false, normalized: "宣组〔2022〕5号" }
 * parseDocumentNumber("宣政〔22〕12号"); //=> { ok: false, reason: "unrecognized" }
 * ```
 */
export function parseDocumentNumber(text: string): DocumentNumberResult {
  const parts = partsOf(text);
  if (parts === undefined) return { ok: false, reason: "unrecognized" };
  const [issuerCode, years, digits] = parts;
  const year = Number(years);
  if (year < DOCUMENT_YEARS.min || year > DOCUMENT_YEARS.max) return { ok: false, reason: "year-out-of-range" };
  const serial = Number(digits);
  if (serial === 0) return { ok: false, reason: "zero-serial" };
  if (serial > MAX_SERIAL) return { ok: false, reason: "serial-too-large" };
  const normalized = `${issuerCode}〔${year}〕${serial}号`;
  // Standard exactly when nothing had to change: brackets, spaces, 第, leading zeros, 号 (docs/how-a-score-is-built.md).
  return { ok: true, issuerCode, year, serial, standard: text === normalized, normalized };
}

/**
 * The 代字, the year's digits and the serial's digits of `text`: by the standard form's one
 * expression when it matches as written, else after cleaning and NFKC by every accepted shape;
 * `undefined` when the text has no document number's shape.
 */
function partsOf(text: string): readonly [issuerCode: string, year: string, serial: string] | undefined {
  const standard = STANDARD.exec(text);
  if (standard !== null) return [standard[1] ?? "", standard[2] ?? "", standard[3] ?? ""];
  const match = SHAPE.exec(text.replace(ZERO_WIDTH, "").trim().normalize("NFKC"));
  return match === null ? undefined : [match[1] ?? "", match[2] ?? match[3] ?? match[4] ?? match[5] ?? "", match[6] ?? ""];
}
