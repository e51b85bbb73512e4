/**
 * Numbers and dates against SPEC §4's grammar (issue 5): what is accepted is exactly what the
 * grammar says, checked against an oracle written here from the contract's text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeScore } from "../../src/index.js";
import { RUNS, clone, expectSound, validInput, type Json, type JsonObject } from "./support.js";

/** SPEC §4, `Num` written as text. */
const NUM_GRAMMAR = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;
/** SPEC §4: a JSON number is read as `String(n)` and must match the same grammar. */
const numAccepted = (value: number | string): boolean => NUM_GRAMMAR.test(typeof value === "number" ? String(value) : value);

/** The input with its first routine round's score (and an `outOf` wide enough for any valid score). */
function withScore(score: Json): JsonObject {
  const input = validInput();
  const rounds = ((input["components"] as JsonObject)["routineInspection"] as JsonObject)["rounds"] as JsonObject[];
  rounds[0] = { date: "2022-05-18", score, outOf: "999999999.999999" };
  return input;
}

const SCORE_PATH = ["components", "routineInspection", "rounds", 0, "score"];

function scoreIssues(score: Json): string[] {
  const input = withScore(score);
  const outcome = expectSound(input, safeScore(input));
  if (outcome.success) return [];
  return outcome.error.issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(SCORE_PATH)).map((i) => i.code);
}

/** The first routine round's fraction in the trace, e.g. `"0/999999999.999999"`. */
function firstTerm(input: JsonObject): string | undefined {
  const outcome = safeScore(input);
  if (!outcome.success) return undefined;
  const step = outcome.data.components[0]?.trace.find((s) => s.op === "mean-of-fractions");
  return step?.op === "mean-of-fractions" ? step.terms.find((t) => t.endsWith("/999999999.999999")) : undefined;
}

describe("Num", () => {
  it("refuses the hostile texts of the issue with invalid_format at the value's path", () => {
    for (const text of ["NaN", "Infinity", "-Infinity", "1e400", "-0", " 1", "1 ", "1,5", "０.５", "1e-7", "+1", "0x10", "1_000", "", ".5", "5.", "01", "1.1234567", "1234567890", "0.30000000000000004"]) {
      expect(scoreIssues(text), JSON.stringify(text)).toEqual(["invalid_format"]);
    }
    expect(scoreIssues("0.123456789012345678901234567890"), "30 digits").toEqual(["invalid_format"]);
    expect(scoreIssues("123456789012345678901234567890"), "30 digits").toEqual(["invalid_format"]);
  });

  it("refuses JSON numbers whose text leaves the grammar: 1e-7, 0.1 + 0.2, 1e21, negatives, 10 integer digits", () => {
    for (const n of [1e-7, 0.1 + 0.2, 1e21, -1, -0.5, 1234567890, 0.1234567, 1e300]) {
      expect(scoreIssues(n), String(n)).toEqual(["invalid_format"]);
    }
  });

  it("refuses non-numbers with invalid_type: null, booleans, arrays, objects", () => {
    for (const value of [null, true, [], [1], {}, { value: 1 }]) expect(scoreIssues(value as Json), JSON.stringify(value)).toEqual(["invalid_type"]);
  });

  it("reads the JSON number -0 as 0 (and the string \"-0\" is refused)", () => {
    expect(firstTerm(withScore(JSON.parse("-0") as number))).toBe("0/999999999.999999");
    expect(firstTerm(withScore(0))).toBe("0/999999999.999999");
    expect(scoreIssues("-0")).toEqual(["invalid_format"]);
    // JSON.parse("-0") really is -0: the case is not vacuous.
    expect(Object.is(JSON.parse("-0"), -0)).toBe(true);
  });

  it("accepts the edges of the grammar exactly: 9 integer digits, 6 decimals, 0", () => {
    for (const text of ["0", "0.000001", "999999999.999999", "123456789", "0.5", "10.000000"]) expect(scoreIssues(text), text).toEqual([]);
    expect(firstTerm(withScore("999999999.999999"))).toBe("999999999.999999/999999999.999999");
    expect(firstTerm(withScore("10.000000"))).toBe("10/999999999.999999");
    expect(firstTerm(withScore(0.000001))).toBe("0.000001/999999999.999999");
  });

  it("accepts a text exactly when SPEC §4's grammar matches it", () => {
    const digitsAndMore = fc.string({ unit: fc.constantFrom("0", "1", "5", "9", ".", "-", "+", "e", " ", ",", "０", "\u00A0"), maxLength: 18 });
    const nearValid = fc
      .tuple(fc.stringMatching(/^[0-9]{1,11}$/), fc.option(fc.stringMatching(/^[0-9]{0,8}$/)))
      .map(([whole, frac]) => (frac === null ? whole : `${whole}.${frac}`));
    fc.assert(
      fc.property(fc.oneof(digitsAndMore, nearValid), (text) => {
        expect(scoreIssues(text).length === 0, JSON.stringify(text)).toBe(numAccepted(text));
      }),
      { numRuns: 300, examples: [["00"], ["0.0"], ["9.9999999"], ["1000000000"]] },
    );
  });

  it("accepts a JSON number exactly when its String(n) matches the grammar", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 0, max: 1e10 }), fc.integer({ min: -10, max: 2e9 })), (n) => {
        expect(scoreIssues(n).length === 0, String(n)).toBe(numAccepted(n));
      }),
      { numRuns: 300, examples: [[-0], [5e-7], [1e-6], [999999999.999999], [999999999.9999999]] },
    );
  });
});

describe("scores against their full marks", () => {
  const roundsOf = (input: JsonObject, component: string): JsonObject[] =>
    ((input["components"] as JsonObject)[component] as JsonObject)["rounds"] as JsonObject[];

  it("refuses a score just above outOf, and accepts it equal", () => {
    const cases: [string, JsonObject, Json, Json][] = [
      ["routineInspection", {}, "25.000001", "25"],
      ["specialInspection", {}, "5.000001", 5],
      ["unannouncedVisit", { outOf: "7.5" }, "7.500001", "7.5"],
      ["unannouncedVisit", { outOf: 100 }, 100.000001, 100],
    ];
    for (const [component, extra, above, equal] of cases) {
      for (const [score, ok] of [[above, false], [equal, true]] as const) {
        const input = validInput();
        roundsOf(input, component)[0] = { date: "2022-06-01", score, ...extra };
        const outcome = expectSound(input, safeScore(input));
        expect(outcome.success, `${component} ${String(score)}`).toBe(ok);
        if (!outcome.success) {
          expect(outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[["components", component, "rounds", 0, "score"], "score-above-out-of"]]);
        }
      }
    }
  });

  it("refuses a city leader's score just above 10, and an outOf of 0 or -0", () => {
    const input = validInput();
    ((input["components"] as JsonObject)["cityLeaders"] as JsonObject)["scores"] = [{ score: "10.000001" }];
    const outcome = safeScore(input);
    expect(!outcome.success && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[["components", "cityLeaders", "scores", 0, "score"], "too_big"]]);
    for (const outOf of [0, "0", "0.000000", JSON.parse("-0") as number]) {
      const zero = clone(validInput());
      roundsOf(zero, "routineInspection")[0] = { date: "2022-06-01", score: 0, outOf };
      const refused = safeScore(zero);
      expect(!refused.success && refused.error.issues.map((i) => [i.path, i.code]), String(outOf)).toEqual([[["components", "routineInspection", "rounds", 0, "outOf"], "too_small"]]);
    }
  });
});

/** SPEC §4 `Date`, written from the contract: YYYY-MM-DD, a real day, year 1949..2099. */
function dateAccepted(text: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1949 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

const DATE_PATH = ["components", "routineInspection", "rounds", 0, "date"];

function dateIssues(date: Json): string[] {
  const input = validInput();
  ((input["components"] as JsonObject)["routineInspection"] as JsonObject)["rounds"] = [{ date, score: 20 }, { date: "2022-03-01", score: 20 }];
  const outcome = expectSound(input, safeScore(input, { allowIncomplete: true }));
  if (outcome.success) return [];
  return outcome.error.issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(DATE_PATH)).map((i) => i.code);
}

describe("Date", () => {
  it("refuses the issue's dates: no 29 February in 2023, month 13, unpadded, times and zones, years 0000 and 99999", () => {
    for (const text of ["2023-02-29", "2022-13-01", "2022-1-1", "2022-01-1", "2022-00-10", "2022-04-31", "2022-01-01T00:00:00Z", "2022-01-01T08:00:00+08:00", "2022-01-01 00:00", "2022-01-01Z", "0000-01-01", "99999-01-01", "1948-12-31", "2100-01-01", "２０２２-01-01", "2022/01/01", " 2022-01-01", "2022-01-01\n", ""]) {
      expect(dateIssues(text), JSON.stringify(text)).toEqual(["invalid_format"]);
    }
    for (const value of [20220101, null, true, ["2022-01-01"]]) expect(dateIssues(value as Json), JSON.stringify(value)).toEqual(["invalid_type"]);
  });

  it("accepts 29 February of a leap year and the ends of the year range", () => {
    for (const text of ["2024-02-29", "2000-02-29", "1949-01-01", "2099-12-31"]) expect(dateIssues(text), text).toEqual([]);
  });

  it("accepts a text exactly when it names a real day of 1949..2099 written YYYY-MM-DD", () => {
    const shaped = fc
      .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean())
      .map(([y, m, d, padded]) => `${y}-${padded ? String(m).padStart(2, "0") : m}-${padded ? String(d).padStart(2, "0") : d}`);
    const noise = fc.string({ unit: fc.constantFrom("2", "0", "1", "9", "-", "T", ":", "Z", " "), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(shaped, noise), (text) => {
        expect(dateIssues(text).length === 0, text).toBe(dateAccepted(text));
      }),
      { ...RUNS, examples: [["2100-02-29"], ["1900-02-29"], ["2096-02-29"]] },
    );
  });
});
