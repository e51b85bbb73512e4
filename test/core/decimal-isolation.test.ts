/**
 * A host application's global decimal.js settings change no score: the library computes on its
 * own `Decimal.clone` (`src/decimal.ts`), whether the host configures decimal.js before the
 * library loads or after.
 */
import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { safeScore } from "../../src/index.js";
import { meanOfRatios, rationalText, reducedRationalText, roundHalfUp, ratio, mulExact } from "../../src/decimal.js";

interface Case {
  readonly input: unknown;
  readonly options: { readonly allowIncomplete?: boolean };
}

const cases: Case[] = readFileSync(new URL("../fixtures/conformance.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Case);

/** Every conformance case scored by a given `safeScore`, as JSON text. */
const allScores = (scoreWith: typeof safeScore): string[] => cases.map((c) => JSON.stringify(scoreWith(c.input, c.options)));

/** What a careless host sets: few digits, truncation, exponents early, another modulo. */
const HOSTILE: Decimal.Config = { precision: 5, rounding: Decimal.ROUND_DOWN, toExpNeg: -2, toExpPos: 3, modulo: Decimal.EUCLID, minE: -50, maxE: 50 };

/** Large exact values: a mean over distinct `outOf`s and a half-up decision past 20 digits. */
const largeValues = (): string[] => {
  const mean = meanOfRatios(new Map([[1_000_003, 500_000], [1_000_033, 600_000], [1_000_037, 700_000], [999_999_999_999_989, 123_456_789_012_345]]), 25, 3);
  const wide = ratio(mulExact(mulExact(999_999_999_999_999, 999_999_999_999_999), 5), 10);
  return [reducedRationalText(mean), rationalText(wide), roundHalfUp(wide, 2).toString(), roundHalfUp(ratio(2, 3), 4).toString()];
};

afterEach(() => {
  Decimal.set({ defaults: true });
});

describe("the library's decimal.js is its own", () => {
  it("scores every conformance case the same after the host sets decimal.js to 5 digits, rounding down", () => {
    const before = allScores(safeScore);
    const large = largeValues();
    Decimal.set(HOSTILE);
    // The host's settings are in force for the host's own Decimal…
    expect(new Decimal(2).div(3).toString()).toBe("0.66666");
    expect(new Decimal(123456).toString()).toBe("1.23456e+5");
    // …and reach nothing of the library's.
    expect(allScores(safeScore)).toEqual(before);
    expect(largeValues()).toEqual(large);
    // 999999999999999² × 5 / 10 at 2 decimals, half-up, on BigInt: past any 5-digit precision.
    expect(large[2]).toBe(((999_999_999_999_999n ** 2n * 5n * 100n * 2n + 10n) / 20n).toString());
  });

  it("scores the same when the host set decimal.js before the library loaded", async () => {
    const before = allScores(safeScore);
    Decimal.set(HOSTILE);
    vi.resetModules();
    const fresh = (await import("../../src/index.js")) as typeof import("../../src/index.js");
    expect(fresh.safeScore).not.toBe(safeScore);
    expect(allScores(fresh.safeScore)).toEqual(before);
  });
});
