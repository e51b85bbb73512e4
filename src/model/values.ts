/**
 * The value schemas of SPEC §4: `Num`, `Int`, `Date`, ids and bounded strings.
 * Each is one check per value (no unions followed by refinements), since validation is on the
 * hot path of every score.
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
