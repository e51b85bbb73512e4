/**
 * The laws of scoring, checked on random valid participant-years.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, safeScore, score, type ScoreResult } from "../../src/index.js";
import { Fraction } from "../support/fraction.js";
import { commendationArb, deepFreeze, inputArb, type Json } from "../support/inputs.js";

const RUNS = { numRuns: 150 };
const lenient = { allowIncomplete: true } as const;
/** Exact sums and comparisons on the tests' own BigInt rationals, independent of decimal.js. */
const dec = (text: string): Fraction => Fraction.of(text);

/** A seeded permutation of a list. */
const shuffled = <T>(list: readonly T[], seed: number): T[] => {
  const out = list.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** The input with every array of records permuted. */
function permute(input: Json, seed: number): Json {
  const components = input["components"] as Record<string, Json>;
  const permuted: Record<string, Json> = {};
  for (const [id, data] of Object.entries(components)) {
    const next: Json = { ...data };
    for (const key of ["rounds", "complaints", "scores"]) {
      if (Array.isArray(data[key])) next[key] = shuffled(data[key] as unknown[], seed + key.length);
    }
    permuted[id] = next;
  }
  return {
    ...input,
    components: permuted,
    commendations: shuffled(input["commendations"] as unknown[], seed + 1),
    vetoes: shuffled(input["vetoes"] as unknown[], seed + 2),
  };
}

describe("scoring laws", () => {
  it("the total equals the sum of its parts, exactly", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = score(input, lenient);
        const sum = (ids: readonly ScoreResult["components"][number][]) => ids.reduce((acc, c) => acc.plus(c.points), dec("0"));
        expect(sum(r.components.filter((c) => c.group === "daily")).eq(r.daily)).toBe(true);
        expect(sum(r.components.filter((c) => c.group === "comprehensive")).eq(r.comprehensive)).toBe(true);
        expect(dec(r.daily).plus(r.comprehensive).eq(r.base)).toBe(true);
        expect(dec(r.base).plus(r.bonus.points).eq(r.total)).toBe(true);
        expect(r.bonus.counted.reduce((acc, c) => acc.plus(c.points), dec("0")).eq(r.bonus.points)).toBe(true);
      }),
      RUNS,
    );
  });

  it("every component lies within [0, max] with exactly two decimals", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const c of score(input, lenient).components) {
          expect(c.points).toMatch(/^\d+\.\d{2}$/);
          expect(dec(c.points).gte(0) && dec(c.points).lte(c.max)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("a confirmed veto inside the period always yields 不称职", () => {
    const inPeriod = fc.constantFrom("2022-01-01", "2022-07-15", "2022-12-31", "2023-02-28");
    fc.assert(
      fc.property(inputArb, inPeriod, (input, date) => {
        const vetoes = [...(input["vetoes"] as Json[]), { id: "veto-in", ground: "vote-rigging", subject: "staff", date, confirmed: true }];
        const r = score({ ...input, vetoes }, lenient);
        expect([r.vetoed, r.tier]).toEqual([true, "incompetent"]);
      }),
      RUNS,
    );
  });

  it("the result does not depend on the order of rounds, complaints, scores, commendations or vetoes", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const a = JSON.stringify(score(input, lenient));
        const b = JSON.stringify(score(permute(input, seed), lenient));
        expect(b).toBe(a);
      }),
      RUNS,
    );
  });

  it("adding a commendation for a new matter never lowers the total", () => {
    fc.assert(
      fc.property(inputArb, commendationArb, (input, extra) => {
        const before = score(input, lenient);
        const added = { ...extra, id: "new-id-for-this-test", matter: "一个全新的表彰事项" };
        const after = score({ ...input, commendations: [...(input["commendations"] as Json[]), added] }, lenient);
        expect(dec(after.total).gte(before.total)).toBe(true);
      }),
      RUNS,
    );
  });

  it("bonus is idempotent under duplicating a commendation under a new id", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const list = input["commendations"] as Json[];
        fc.pre(list.length > 0);
        const original = list[pick % list.length] as Json;
        const before = score(input, lenient);
        const after = score({ ...input, commendations: [...list, { ...original, id: `${String(original["id"])}-copy` }] }, lenient);
        expect([after.bonus.points, after.total]).toEqual([before.bonus.points, before.total]);
      }),
      RUNS,
    );
  });

  it("no input is mutated: deep-frozen inputs score the same", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = JSON.parse(JSON.stringify(input)) as Json;
        const frozen = deepFreeze(JSON.parse(JSON.stringify(input)) as Json);
        const result = score(frozen, lenient);
        expect(frozen).toEqual(copy);
        expect(JSON.stringify(result)).toBe(JSON.stringify(score(copy, lenient)));
      }),
      RUNS,
    );
  });

  it("safeScore on arbitrary JSON returns a result or an InputError, nothing else", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const outcome = safeScore(value);
        if (outcome.success) expect(typeof outcome.data.total).toBe("string");
        else expect(outcome.error).toBeInstanceOf(InputError);
      }),
      { numRuns: 300 },
    );
  });

  it("the language of messages never changes a result", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(JSON.stringify(score(input, { ...lenient, lang: "en" }))).toBe(JSON.stringify(score(input, lenient)));
      }),
      { numRuns: 30 },
    );
  });
});
