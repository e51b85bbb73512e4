/**
 * The nearest valid key: edit distance with swaps, and how near is near enough.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeScore } from "../../src/index.js";
import { editDistance, nearest } from "../../src/messages/suggest.js";
import { completeInput, type Json } from "../support/inputs.js";

describe("editDistance", () => {
  it("counts a swap of neighbours, an insertion, a deletion and a substitution as one edit each", () => {
    expect(editDistance("routineInspectoin", "routineInspection")).toBe(1);
    expect(editDistance("deputes", "deputies")).toBe(1);
    expect(editDistance("deputiess", "deputies")).toBe(1);
    expect(editDistance("deputias", "deputies")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is zero exactly for equal strings, symmetric, and between the difference and the larger of the lengths", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe("nearest", () => {
  it("suggests only what is near enough, the nearest first", () => {
    expect(nearest("Deputies", ["deputies", "cityLeaders"])).toBe("deputies");
    expect(nearest("countyCounterpart", ["countyCounterparts", "deputies"])).toBe("countyCounterparts");
    expect(nearest("remarks", ["routineInspection", "deputies"])).toBeUndefined();
    expect(nearest("ix", ["id"])).toBe("id");
    expect(nearest("xy", ["id"])).toBeUndefined();
    expect(nearest("x".repeat(65), ["x".repeat(64)])).toBeUndefined();
  });

  it("gives suggestions to the first 1,000 unknown keys of an object only, so 100,000 are refused in bounded time", () => {
    const input = completeInput();
    const components = input["components"] as Json;
    for (let i = 0; i < 100_000; i += 1) components[`deputie${String(i).padStart(6, "0")}`.slice(0, 8) + String(i)] = 1;
    const outcome = safeScore(input);
    if (outcome.success) throw new Error("expected an input error");
    expect(outcome.error.issues).toHaveLength(100_000);
    expect(outcome.error.issues[0]?.message).toContain("是否应为 deputies");
    expect(outcome.error.issues[99_999]?.message).toMatch(/请删除或改正$/);
  });
});
