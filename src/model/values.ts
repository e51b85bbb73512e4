/**
 * The value rules of docs/how-a-score-is-built.md: `Num`, `Int`, `Date`, ids and bounded strings, each declared once as
 * a {@link Value} (a zod schema and a fast reader of the same rule, `declare.ts`). A `Num` reads
 * as its exact integer number of micro units (10^-6), so nothing downstream parses its text again.
 */
import * as z from "zod/mini";
import { decimalsOf, microText, toMicro } from "../decimal.js";
import { isCalendarDate } from "../dates.js";
import { NO, value, type No, type Value } from "./declare.js";

/** Longest id (rounds, complaints, commendations, vetoes, participants): 100 characters. */
export const MAX_ID_LENGTH = 100;
/** Longest free text (names, matter, title, issuer, note, reference, reason, document number). */
export const MAX_TEXT_LENGTH = 1000;

/**
 * A decimal value as a caller writes it: a JSON number or a decimal string, read through its
 * decimal text. `"23.5"`, `23.5`, `"0"`, `0` are accepted; `"-1"`, `"1e3"`, `" 1"`, `1e-7` are not.
 */
export type NumInput = number | string;

/** The text rule of a `Num`, before it is read as micro units (the JSON Schema's `Num`). */
export const NumText = z.custom<NumInput>().check(
  z.check<NumInput>((payload) => {
    const raw: unknown = payload.value;
    if (typeof raw !== "number" && typeof raw !== "string") {
      payload.issues.push({ code: "invalid_type", expected: "number", input: raw, inst: NumText });
    } else if (toMicro(raw) === undefined) {
      // the value as given (a JSON number stays a number), for the issue's `value`
      payload.issues.push({ code: "invalid_format", format: "decimal", input: raw as string, inst: NumText });
    }
  }),
);

/**
 * The `Num` schema: a finite non-negative decimal with at most 9 integer and 6 decimal digits,
 * read as its micro units (`"23.5"` → `23500000`).
 */
export const Num = z.pipe(NumText, z.transform((raw: NumInput) => toMicro(raw) as number));

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
 * The length of a string in code points, as zod measures it (a surrogate pair is one).
 *
 * @example
 * ```ts
 * codePointLength("\u{1D4B3}x"); //=> 2
 * ```
 */
export function codePointLength(text: string): number {
  const units = text.length;
  let count = units;
  for (let i = 0; i < units - 1; i += 1) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

/**
 * The reader of a string of `min..max` code points. A string of at most `max` UTF-16 units has at
 * most `max` code points, and one of more than `2 × max` units more than `max`, so only a length
 * between is counted; `min` is 0 or 1, where units and code points agree.
 */
const stringReader =
  (min: number, max: number) =>
  (raw: unknown): string | No =>
    typeof raw === "string" && raw.length >= min && (raw.length <= max || (raw.length <= 2 * max && codePointLength(raw) <= max)) ? raw : NO;

/** An id (1..100 characters). */
export const IdValue = value(Id, stringReader(1, MAX_ID_LENGTH), { kind: "text", min: 1, max: MAX_ID_LENGTH });
/** A free text (0..1,000 characters). */
export const TextValue = value(Text, stringReader(0, MAX_TEXT_LENGTH), { kind: "text", min: 0, max: MAX_TEXT_LENGTH });
/** A non-empty free text (1..1,000 characters). */
export const RequiredTextValue = value(RequiredText, stringReader(1, MAX_TEXT_LENGTH), { kind: "text", min: 1, max: MAX_TEXT_LENGTH });
/** A real calendar day `YYYY-MM-DD`, 1949..2099. */
export const DateValue = value(DateText, (raw) => (typeof raw === "string" && isCalendarDate(raw) ? raw : NO), { kind: "date" });
/** A `Num`, as micro units. */
export const NumValue = value(Num, (raw) => toMicro(raw) ?? NO, { kind: "num" });
/** A boolean. */
export const BooleanValue = value(z.boolean(), (raw) => (typeof raw === "boolean" ? raw : NO), { kind: "boolean" });

/**
 * An integer JSON number in `min..max` (a non-negative safe integer by default).
 *
 * @example
 * ```ts
 * intValue(2000, 2098).read(2022); //=> 2022
 * ```
 */
export function intValue(min = 0, max = Number.MAX_SAFE_INTEGER): Value<z.ZodMiniNumber<number>> {
  const schema = max === Number.MAX_SAFE_INTEGER ? z.int().check(z.minimum(min)) : z.int().check(z.minimum(min), z.maximum(max));
  return value(schema, (raw) => (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= min && raw <= max ? raw : NO), { kind: "int", min, max });
}

/** A ballot count: a non-negative safe integer. */
export const IntValue = intValue();

/**
 * One of a fixed list of strings.
 *
 * @example
 * ```ts
 * enumValue(["unit", "section"]).read("unit"); //=> "unit"
 * ```
 */
export function enumValue<const T extends readonly [string, ...string[]]>(values: T): Value<z.ZodMiniEnum<{ [K in T[number]]: K }>> {
  const allowed: readonly unknown[] = values;
  return value(z.enum(values), (raw) => (allowed.includes(raw) ? (raw as T[number]) : NO) as never, { kind: "enum", values });
}

/**
 * A `Num` of at most `max` (inclusive), as micro units: a city leader's score (≤ 10).
 *
 * @example
 * ```ts
 * numAtMost(10).read("9.5"); //=> 9500000
 * numAtMost(10).read("10.5"); //=> NO
 * ```
 */
export function numAtMost(max: number): Value {
  const maxMicro = max * 1_000_000;
  const schema = z.pipe(
    Num,
    z.number().check(
      z.check<number>((payload) => {
        if (payload.value > maxMicro) {
          payload.issues.push({ code: "too_big", origin: "number", maximum: max, inclusive: true, input: microText(payload.value), inst: schema });
        }
      }),
    ),
  );
  return value(
    schema,
    (raw) => {
      const micro = toMicro(raw);
      return micro === undefined || micro > maxMicro ? NO : micro;
    },
    { kind: "num", max },
  );
}

/**
 * What is wrong with an amount that must be positive with at most `decimals` decimals (micro units).
 *
 * @example
 * ```ts
 * positiveAmountRule(500_000, 2); //=> undefined
 * positiveAmountRule(5, 2); //=> "too-many-decimals"
 * ```
 */
function positiveAmountRule(micro: number, decimals: number): "zero" | "too-many-decimals" | undefined {
  if (micro === 0) return "zero";
  // Every `Num` has at most 6 decimals: only a smaller limit is checked.
  return decimals < 6 && decimalsOf(micro) > decimals ? "too-many-decimals" : undefined;
}

/**
 * A positive `Num` with at most `decimals` decimals, as micro units: a complaint's deduction, an
 * awarded amount (`too_small` for 0, `too-many-decimals` naming the value otherwise). With
 * `decimals` 6 (any `Num` fits), only the 0 is refused: a round's `outOf`.
 *
 * @example
 * ```ts
 * amountValue(2).read("0.5"); //=> 500000
 * amountValue(2).read("0.125"); //=> NO
 * ```
 */
export function amountValue(decimals: number): Value<z.ZodMiniPipe<typeof Num, z.ZodMiniNumber<number>>> {
  const schema: z.ZodMiniPipe<typeof Num, z.ZodMiniNumber<number>> = z.pipe(
    Num,
    z.number().check(
      z.check<number>((payload) => {
        const micro = payload.value;
        const rule = positiveAmountRule(micro, decimals);
        if (rule === "zero") {
          payload.issues.push({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: 0, inst: schema });
        } else if (rule === "too-many-decimals") {
          payload.issues.push({ code: "custom", input: microText(micro), params: { code: "too-many-decimals", decimals, value: microText(micro) }, inst: schema });
        }
      }),
    ),
  );
  return value(
    schema,
    (raw) => {
      const micro = toMicro(raw);
      return micro === undefined || positiveAmountRule(micro, decimals) !== undefined ? NO : micro;
    },
    { kind: "amount", decimals },
  );
}
