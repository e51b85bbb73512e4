/**
 * Arbitrary and broken inputs (issue 5): whatever `safeScore` is given, it returns a sound result
 * or an `InputError` whose every issue path exists in the input or names the missing key; never a
 * TypeError, never NaN, Infinity or undefined in a result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, checkCoverage, cycleOf, definePolicy, planCycle, rank, safeScore, score } from "../../src/index.js";
import {
  RUNS,
  clone,
  expectSound,
  flip,
  mutate,
  mutationArb,
  nodePaths,
  validInput,
  validInputArb,
  type Json,
  type JsonObject,
} from "./support.js";

const TOP_KEYS = ["year", "participant", "components", "commendations", "vetoes"] as const;

describe("safeScore on arbitrary and mutated input", () => {
  it("returns a sound result for the valid starting input and for generated valid inputs", () => {
    const outcome = expectSound(validInput(), safeScore(validInput()));
    expect(outcome.success && outcome.data.total).toBe("92.98");
    fc.assert(
      fc.property(validInputArb, (input) => {
        expectSound(input, safeScore(input, { allowIncomplete: true }));
      }),
      RUNS,
    );
  });

  it("never throws and stays sound on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const outcome = expectSound(value, safeScore(value));
        expect(outcome.success).toBe(false);
      }),
      { ...RUNS, examples: [[null], [[]], [{}], [""], [0], [{ __proto__: null }], [{ year: 2022 }]] },
    );
  });

  it("never throws and stays sound on any value, JSON or not", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withMap: true, withSet: true }), (value) => {
        const outcome = safeScore(value);
        expect(typeof outcome.success).toBe("boolean");
        if (!outcome.success) expect(outcome.error).toBeInstanceOf(InputError);
      }),
      RUNS,
    );
  });

  it("stays sound when any one top-level field is replaced by arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOP_KEYS), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        const input = { ...validInput(), [key]: value as Json };
        expectSound(input, safeScore(input, { allowIncomplete: true }));
      }),
      RUNS,
    );
  });

  it("stays sound under one mutation anywhere: a field removed, renamed, retyped, set to null, flipped between number and string, duplicated", () => {
    const start = validInput();
    const paths = nodePaths(start);
    fc.assert(
      fc.property(fc.constantFrom(...paths), mutationArb, fc.boolean(), (path, mutation, allowIncomplete) => {
        const input = mutate(start, path, mutation);
        expectSound(input, safeScore(input, { allowIncomplete }));
      }),
      { numRuns: 400 },
    );
  });

  it("stays sound under two mutations of generated valid inputs", () => {
    fc.assert(
      fc.property(
        validInputArb,
        fc.nat(),
        fc.nat(),
        mutationArb,
        mutationArb,
        (start, a, b, first, second) => {
          const paths = nodePaths(start);
          const once = mutate(start, paths[a % paths.length] as (string | number)[], first) as JsonObject;
          const again = nodePaths(once);
          const input = again.length === 0 ? once : mutate(once, again[b % again.length] as (string | number)[], second);
          expectSound(input, safeScore(input, { allowIncomplete: true }));
        },
      ),
      RUNS,
    );
  });

  it("scores a Num the same whether written as a JSON number or as its decimal string", () => {
    const start = validInput();
    const expected = JSON.stringify(score(start));
    const numericPaths = nodePaths(start).filter((path) => {
      let node: unknown = start;
      for (const part of path) node = (node as Record<string | number, unknown>)[part];
      return typeof node === "number" || (typeof node === "string" && /^[0-9.]+$/.test(node));
    });
    expect(numericPaths.length).toBeGreaterThan(10);
    for (const path of numericPaths) {
      const input = mutate(start, path, { kind: "flip" });
      const outcome = safeScore(input);
      // An Int (ballots, year) written as a string is refused; a Num is read through its text.
      if (outcome.success) expect(JSON.stringify(outcome.data), JSON.stringify(path)).toBe(expected);
      else expect(outcome.error.issues.map((i) => i.path), JSON.stringify(path)).toEqual([path]);
    }
  });

  it("names the missing key when a required field is removed", () => {
    const start = validInput();
    for (const path of nodePaths(start)) {
      const input = mutate(start, path, { kind: "remove" });
      const outcome = safeScore(input);
      if (outcome.success) continue; // an optional field, or a list item
      expectSound(input, outcome);
    }
    for (const key of ["year", "participant", "components"]) {
      const outcome = safeScore(mutate(start, [key], { kind: "remove" }));
      expect(!outcome.success && outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[[key], "invalid_type"]]);
    }
    const outcome = safeScore(mutate(start, ["participant", "category"], { kind: "remove" }));
    expect(!outcome.success && outcome.error.issues.map((i) => i.path)).toEqual([["participant", "category"]]);
  });

  it("gives the same error from score() (thrown) as from safeScore() (returned)", () => {
    const input = mutate(validInput(), ["year"], { kind: "flip" });
    const outcome = safeScore(input);
    expect(outcome.success).toBe(false);
    expect(() => score(input)).toThrow(InputError);
    try {
      score(input);
    } catch (error) {
      expect((error as InputError).issues).toEqual(!outcome.success && outcome.error.issues);
    }
  });

  it("does not change the input it is given", () => {
    fc.assert(
      fc.property(fc.constantFrom(...nodePaths(validInput())), mutationArb, (path, mutation) => {
        const input = mutate(validInput(), path, mutation);
        const before = JSON.stringify(input);
        safeScore(input, { allowIncomplete: true });
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe("the other entry points on arbitrary JSON throw an InputError and nothing else", () => {
  const onlyInputError = (run: () => unknown): void => {
    try {
      run();
    } catch (error) {
      expect(error, String(error)).toBeInstanceOf(InputError);
    }
  };

  it("definePolicy", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => onlyInputError(() => definePolicy(value))),
      { ...RUNS, examples: [[{ id: "x", tiers: [{ tier: "excellent", min: "1e3" }] }], [{ id: "x", surveyWeights: null }]] },
    );
  });

  it("rank", () => {
    const result = JSON.parse(JSON.stringify(score(validInput()))) as JsonObject;
    const mutated = fc.tuple(fc.constantFrom(...nodePaths(result)), mutationArb).map(([path, m]) => mutate(result, path, m));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), mutated.map((r) => [r]), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })), (value) =>
        onlyInputError(() => rank(value)),
      ),
      RUNS,
    );
  });

  it("checkCoverage, planCycle and cycleOf", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.oneof(fc.integer(), fc.double()), (roster, evaluations, year) => {
        onlyInputError(() => checkCoverage({ roster, evaluations, year }));
        onlyInputError(() => planCycle({ roster, evaluations, cycle: cycleOf(2022) }));
        onlyInputError(() => cycleOf(year));
      }),
      RUNS,
    );
  });
});

describe("flip", () => {
  it("turns numbers into strings and numeric strings into numbers", () => {
    expect([flip(1.5), flip("2"), flip("a"), flip(" "), flip(null)]).toEqual(["1.5", 2, "a", " ", null]);
    expect(clone({ a: [1] })).toEqual({ a: [1] });
  });
});
