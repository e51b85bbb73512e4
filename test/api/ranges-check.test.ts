/**
 * The check `sensitivity` runs on `ranges` (`RangesCheck`, without zod's tuple) against the
 * published `RangesSchema` (with it): the same data and the same issues, messages included, in
 * both languages, for pairs of every shape.
 */
import { describe, expect, it } from "vitest";
import { errorMap } from "../../src/api/errors.js";
import { RangesCheck, RangesSchema } from "../../src/model/sensitivity.js";

/** JSON with every object's keys sorted: the issues compared by content, not by key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

const PAIRS: unknown[] = [
  null, 1, "0.5", true, {}, { 0: "1", 1: "2" }, [], ["1"], [1], ["x"], [null], [undefined],
  ["0.5", "2"], [0.5, 2], ["2", "1"], ["1", "x"], ["x", "1e3"], [{}, []], ["-1", 1.5], [undefined, "1"],
  ["1", "2", "3"], ["x", "2", "y"], [1, "a", 3, 4], ["1.0000001", "1"],
];
const OTHERS: Record<string, unknown>[] = [{}, { roundAggregation: ["x"] }, { quotaRounding: [] }, { surveyWeight: ["0", "1"] }];

describe("RangesCheck", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`gives what RangesSchema gives, issues and messages in ${lang}`, () => {
      for (const key of ["surveyWeights.basicallySatisfied", "complaintDeduction"]) {
        for (const pair of PAIRS) {
          for (const others of OTHERS) {
            const ranges = { [key]: pair, ...others };
            for (const options of [{ error: errorMap(lang) }, { error: errorMap(lang), reportInput: true as const }]) {
              const expected = RangesSchema.safeParse(ranges, options);
              const actual = RangesCheck.safeParse(ranges, options);
              expect(canonical(actual.success ? actual.data : actual.error.issues)).toBe(canonical(expected.success ? expected.data : expected.error.issues));
            }
          }
        }
      }
    });
  }
});
