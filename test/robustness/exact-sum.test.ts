/**
 * The exact mean of fractions over many distinct `outOf` values (`meanOfRatios`, the fix for the
 * cubic slowdown the size campaign found): the same value as the textbook sum, in lowest terms.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addExact, meanOfRatios, mulExact, rationalText, reducedRationalText, type Integer } from "../../src/decimal.js";

const big = (x: Integer): bigint => BigInt(x.toString());

/** A bigint as the library's exact integer, built from safe-integer parts (`hi × 10^15 + lo`). */
const exactOf = (x: bigint): Integer => addExact(mulExact(Number(x / 10n ** 15n), 1e15), Number(x % 10n ** 15n));

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The textbook: Σ sum/outOf one fraction at a time, × times / per, then one gcd. */
function textbook(sums: ReadonlyMap<number, Integer>, times: number, per: number): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const [outOf, sum] of sums) {
    num = num * BigInt(outOf) + big(sum) * den;
    den *= BigInt(outOf);
  }
  num *= BigInt(times);
  den *= BigInt(per);
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}


describe("meanOfRatios", () => {
  it("equals the textbook sum and is in lowest terms", () => {
    const outOf = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 999_999_999_999_999 }), fc.constantFrom(25_000_000, 10_000_000, 5_000_000, 2 ** 49, 5 ** 21));
    const sum: fc.Arbitrary<Integer> = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(exactOf));
    fc.assert(
      fc.property(fc.array(fc.tuple(outOf, sum), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 2_000_000 }), (entries, times, per) => {
        const sums = new Map<number, Integer>(entries);
        const value = meanOfRatios(sums, times, per);
        const expected = textbook(sums, times, per);
        expect([big(value.num), big(value.den)]).toEqual([expected.num, expected.den]);
        expect(gcd(big(value.num), big(value.den))).toBe(1n);
        expect(reducedRationalText(value)).toBe(rationalText(value));
      }),
      {
        numRuns: 300,
        examples: [
          // The case of the report: shared factors between denominators, and a zero sum.
          [[[4, 2], [6, 3], [8, 0]], 25, 3],
          [[[2 ** 49, 1], [2 ** 48, 1], [5 ** 21, 7]], 10, 1_000_000],
          [[[1_000_003, 500_000], [1_000_033, 600_000], [1_000_037, 700_000]], 25, 3],
          [[[25_000_000, 0]], 25, 1],
        ],
      },
    );
  });

  it("gives a reduced value fit for the trace: 23.505 for 23.5/25 and 23.51/25 summed, and 0 for nothing scored", () => {
    const value = meanOfRatios(new Map<number, Integer>([[25_000_000, 47_010_000]]), 25, 2);
    expect({ num: value.num.toNumber(), den: value.den.toNumber() }).toEqual({ num: 4701, den: 200 });
    expect(reducedRationalText(value)).toBe("23.505");
    expect(reducedRationalText(meanOfRatios(new Map<number, Integer>([[25_000_000, 0], [10_000_000, 0]]), 25, 2))).toBe("0");
  });
});
