/**
 * The value schemas of SPEC §4: `Num`, `Int`, `Date`, ids and bounded strings.
 * Each is one check per value (no unions followed by refinements). The same rules are exported
 * as plain predicates (`isNum`, `isDateText`, …) for the fast path of `fast-input.ts`, so a
 * value is valid there exactly when it is valid here.
 */
import * as z from "zod/mini";
import { toMicro } from "../decimal.js";
import { isCalendarDate } from "../dates.js";

/** Longest id (rounds, complaints, commendations, vetoes, participants): 100 characters. */
export const MAX_ID_LENGTH = 100;
/** Longest free text (names, matter, title, issuer, note, reference, reason, document number). */
export const MAX_TEXT_LENGTH = 1000;

/**
 * A decimal value: a JSON number or a decimal string, read through its decimal text.
 * `"23.5"`, `23.5`, `"0"`, `0` are accepted; `"-1"`, `"1e3"`, `" 1"`, `1e-7` are not.
 */
export type NumInput = number | string;

/** The `Num` schema: a finite non-negative decimal with at most 9 integer and 6 decimal digits. */
export const Num = z.custom<NumInput>().check(
  z.check<NumInput>((payload) => {
    const value: unknown = payload.value;
    if (typeof value !== "number" && typeof value !== "string") {
      payload.issues.push({ code: "invalid_type", expected: "number", input: value, inst: Num });
    } else if (toMicro(value) === undefined) {
      payload.issues.push({
        code: "invalid_format",
        format: "decimal",
        input: String(value),
        inst: Num,
      });
    }
  }),
);

/** A non-negative safe integer given as a JSON number (ballot counts). */
export const Int = z.int().check(z.minimum(0));

/** A `YYYY-MM-DD` string naming a real calendar day with a year in 1949..2099. */
export const DateText = z.string().check(
  z.check<string>((payload) => {
    if (!isCalendarDate(payload.value)) {
      payload.issues.push({ code: "invalid_format", format: "date", input: payload.value, inst: DateText });
    }
  }),
);

/** An id: a non-empty string of at most 100 characters. */
export const Id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));

/** A free text of at most 1,000 characters. */
export const Text = z.string().check(z.maxLength(MAX_TEXT_LENGTH));

/** A non-empty free text of at most 1,000 characters. */
export const RequiredText = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));

/**
 * Whether a value is a valid `Num` (what {@link Num} accepts).
 *
 * @example
 * ```ts
 * isNum("23.5"); //=> true
 * isNum("-1"); //=> false
 * ```
 */
export function isNum(value: unknown): value is NumInput {
  return toMicro(value) !== undefined;
}

/**
 * Whether a value is a valid `Int` (what {@link Int} accepts): a non-negative safe integer.
 *
 * @example
 * ```ts
 * isInt(46); //=> true
 * isInt("46"); //=> false
 * ```
 */
export function isInt(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Whether a value is a valid `Date` (what {@link DateText} accepts).
 *
 * @example
 * ```ts
 * isDateText("2024-02-29"); //=> true
 * isDateText("2023-02-29"); //=> false
 * ```
 */
export function isDateText(value: unknown): value is string {
  return typeof value === "string" && isCalendarDate(value);
}

/**
 * Whether a value is a string of `min..max` UTF-16 units. zod counts code points (at most as
 * many), so every string this accepts, {@link Id}, {@link Text} and {@link RequiredText} accept.
 *
 * @example
 * ```ts
 * isString("rc-1", 1, MAX_ID_LENGTH); //=> true
 * ```
 */
export function isString(value: unknown, min: number, max: number): value is string {
  return typeof value === "string" && value.length >= min && value.length <= max;
}
