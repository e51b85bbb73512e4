/**
 * Laws of the exact arithmetic in `src/decimal.ts` (decimal.js): its readings and texts agree with
 * the plain definitions (SPEC §4's `String(n)` reading, bigint fractions), and its decimal-text
 * helpers with the tests' own BigInt rationals (`support/fraction.ts`), an oracle independent of
 * decimal.js.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NUM_PATTERN,
  approximate,
  compareDecimalText,
  floorOfShare,
  halfUpOfShare,
  isWholeShare,
  microText,
  mulExact,
  pointTexts,
  productDenominator,
  rationalText,
  ratio,
  roundHalfUp,
  roundedFraction,
  roundedValue,
  sumDecimalText,
  toMicro,
  exact,
} from "../src/decimal.js";
import { Fraction } from "./support/fraction.js";

/** SPEC §4 as written: the grammar on `String(n)`, read digit by digit. */
function referenceMicro(value: number): number | undefined {
  const text = String(value);
  if (text.length > 16 || !NUM_PATTERN.test(text)) return undefined;
  const [whole = "", fraction = ""] = text.split(".");
  return Number(BigInt(`${whole}${fraction.padEnd(6, "0")}`));
}

/** A fraction in lowest terms as a terminating decimal or `num/den`, on bigints. */
function referenceText(num: bigint, den: bigint): string {
  let [x, y] = [num, den];
  while (y !== 0n) [x, y] = [y, x % y];
  const [n, d] = [num / x, den / x];
  let [rest, twos, fives] = [d, 0, 0];
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  if (rest !== 1n) return `${n}/${d}`;
  const places = Math.max(twos, fives);
  const digits = ((n * 10n ** BigInt(places)) / d).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

const decimalNumber = fc
  .tuple(fc.nat({ max: 10 ** 10 }), fc.nat({ max: 8 }), fc.nat({ max: 10 ** 8 }))
  .map(([whole, places, digits]) => Number(`${whole}.${String(digits % 10 ** places).padStart(places, "0")}`));
const safeInt = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.nat({ max: 10 ** 9 }).map((n) => n * 1000),
  fc.integer({ min: 0, max: 52 }).map((k) => 2 ** k),
  fc.integer({ min: 0, max: 22 }).map((k) => 5 ** k),
  fc.maxSafeNat(),
);
const plainDecimal = fc
  .tuple(fc.boolean(), fc.nat({ max: 10 ** 9 }), fc.nat({ max: 6 }), fc.nat({ max: 10 ** 6 }))
  .map(([negative, whole, places, digits]) => `${negative ? "-" : ""}${whole}${places === 0 ? "" : `.${String(digits % 10 ** places).padStart(places, "0")}`}`);

describe("exact arithmetic", () => {
  it("reads a JSON number exactly as the grammar reads String(n)", () => {
    fc.assert(
      fc.property(fc.oneof(decimalNumber, fc.double(), fc.double({ min: 0, max: 1e9 }), fc.integer()), (n) => {
        expect(toMicro(n)).toBe(referenceMicro(n));
      }),
      { numRuns: 20_000 },
    );
    for (const n of [0, -0, 1e-6, 1e-7, 5e-7, 999_999_999.999999, 999_999_999.999_999_9, 1e9, 0.1 + 0.2, 1 / 3]) {
      expect(toMicro(n)).toBe(Object.is(n, -0) ? 0 : referenceMicro(n));
    }
  });

  it("writes a micro value as its canonical decimal, as the BigInt oracle does", () => {
    // Whole numbers, one and two places (scores as written) and up to six, and any safe integer.
    const micro = fc.oneof(
      fc.nat({ max: 999_999_999 }).map((n) => n * 1_000_000),
      fc.nat({ max: 10 ** 11 }).map((n) => n * 10_000),
      fc.nat({ max: 10 ** 12 }).map((n) => n * 100_000),
      fc.nat({ max: 10 ** 15 }),
      fc.maxSafeNat(),
    );
    fc.assert(
      fc.property(micro, (m) => {
        expect(microText(m)).toBe(Fraction.of(m).div(1_000_000).toDecimalText());
      }),
      { numRuns: 20_000 },
    );
    for (const m of [0, 1, 10_000, 90_000, 100_000, 1_000_000, 1_010_000, 1_090_000, 23_510_000, 999_999_999_990_000])
      expect(microText(m)).toBe(Fraction.of(m).div(1_000_000).toDecimalText());
  });

  it("writes a non-negative rational whose terms carry many 2s, 5s and 10s (as micro units do) exactly", () => {
    // num and den of the form m · 2^a · 5^b with small m: the shapes component values take
    // (`Σ score × max / (outOf × n)` in micro units), where the text strips the shared 10s first.
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.nat({ max: 12 }), fc.nat({ max: 12 }))
      .map(([m, a, b]) => m * 2 ** a * 5 ** b)
      .filter((x) => Number.isSafeInteger(x));
    fc.assert(
      fc.property(shaped, shaped.filter((d) => d > 0), (num, den) => {
        expect(rationalText(ratio(num, den))).toBe(referenceText(BigInt(num), BigInt(den)));
      }),
      { numRuns: 10_000 },
    );
  });

  it("writes a rational as its lowest-terms fraction or its terminating decimal, past 2^53 too", () => {
    fc.assert(
      fc.property(safeInt, safeInt.filter((d) => d > 0), safeInt.filter((k) => k > 0), (num, den, k) => {
        expect(rationalText(ratio(num, den))).toBe(referenceText(BigInt(num), BigInt(den)));
        const [n, d] = [mulExact(num, k), mulExact(den, 3 * (k % 1000) + 1)];
        expect(rationalText(ratio(n, d))).toBe(referenceText(BigInt(num) * BigInt(k), BigInt(den) * BigInt(3 * (k % 1000) + 1)));
      }),
      { numRuns: 5_000 },
    );
  });

  it("rounds half-up from the exact remainder, on small and on large integers", () => {
    fc.assert(
      fc.property(safeInt, safeInt.filter((d) => d > 0), fc.nat({ max: 4 }), safeInt.filter((k) => k > 0), (num, den, decimals, k) => {
        const exact = (2n * BigInt(num) * 10n ** BigInt(decimals) + BigInt(den)) / (2n * BigInt(den));
        expect(roundHalfUp(ratio(num, den), decimals).toString()).toBe(exact.toString());
        // num × k / den: a numerator past 2^53, where a quotient at any fixed precision would be cut.
        const big = (2n * BigInt(num) * BigInt(k) * 10n ** BigInt(decimals) + BigInt(den)) / (2n * BigInt(den));
        expect(roundHalfUp(ratio(mulExact(num, k), den), decimals).toString()).toBe(big.toString());
      }),
      { numRuns: 5_000 },
    );
  });

  it("rounds and writes a value from one division as the BigInt oracle does (roundedValue, pointTexts)", () => {
    // The shapes component values take (many 2s, 5s and 10s) and arbitrary safe integers, past 2^53 too.
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.nat({ max: 12 }), fc.nat({ max: 12 }))
      .map(([m, a, b]) => m * 2 ** a * 5 ** b)
      .filter((x) => Number.isSafeInteger(x));
    const term = fc.oneof(shaped, safeInt);
    fc.assert(
      fc.property(term, term.filter((d) => d > 0), fc.nat({ max: 4 }), fc.integer({ min: 1, max: 1000 }), (num, den, decimals, k) => {
        // As given, and times k / 3k: a shared factor to take out, and a third that does not terminate.
        for (const [kn, kd] of [
          [1, 1],
          [k, 3 * k],
        ] as const) {
          const [n, d] = [BigInt(num) * BigInt(kn), BigInt(den) * BigInt(kd)];
          const { points, text } = roundedValue(ratio(mulExact(num, kn), mulExact(den, kd)), decimals);
          const halfUp = (2n * n * 10n ** BigInt(decimals) + d) / (2n * d);
          expect(points.toString()).toBe(halfUp.toString());
          expect(text).toBe(referenceText(n, d));
          const shifted = Fraction.of(Number(halfUp)).div(10 ** decimals);
          if (Number.isSafeInteger(Number(halfUp))) expect(pointTexts(points, decimals).canonical).toBe(shifted.toDecimalText());
        }
      }),
      { numRuns: 5_000 },
    );
    expect(pointTexts(mulExact(470, 1), 2)).toEqual({ fixed: "4.70", canonical: "4.7" });
    expect(pointTexts(0, 3)).toEqual({ fixed: "0.000", canonical: "0" });
  });

  it("rounds over a denominator given as two factors as the BigInt oracle does, at every policy's decimals", () => {
    // The score's denominators (a maximum in micro units times the rounds, the answers times 10^6),
    // taken apart once per pair of factors; decimals up to 6, more places than the denominator's 2s and 5s.
    const factor = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10 ** 9 }), fc.constantFrom(1_000_000, 25_000_000, 15_000_000, 20_000_000));
    fc.assert(
      fc.property(safeInt, factor, fc.integer({ min: 1, max: 10 ** 6 }), fc.nat({ max: 6 }), (num, a, b, decimals) => {
        const [n, d] = [BigInt(num), BigInt(a) * BigInt(b)];
        for (let i = 0; i < 2; i += 1) {
          // Twice: the second time from the remembered denominator.
          const { points, text } = roundedFraction(exact(num), productDenominator(a, b), decimals);
          expect(points.toString()).toBe(((2n * n * 10n ** BigInt(decimals) + d) / (2n * d)).toString());
          expect(text).toBe(referenceText(n, d));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it("rounds a value that terminates although its denominator has a factor prime to 10, and the half-way values, exactly", () => {
    // num = r·m and den = r·2^a·5^b: the value m / (2^a·5^b) terminates (decimal.js rounds the exact
    // decimal); and (2j + 1) / (2·10^decimals), exactly half-way, always rounds up.
    const rest = fc.integer({ min: 1, max: 9_999 }).filter((r) => r % 2 !== 0 && r % 5 !== 0);
    fc.assert(
      fc.property(rest, fc.nat({ max: 10 ** 9 }), fc.nat({ max: 8 }), fc.nat({ max: 8 }), fc.nat({ max: 4 }), (r, m, a, b, decimals) => {
        const den = BigInt(r) * 2n ** BigInt(a) * 5n ** BigInt(b);
        const num = BigInt(r) * BigInt(m);
        const { points, text } = roundedValue(ratio(mulExact(r, m), mulExact(r, Number(2n ** BigInt(a) * 5n ** BigInt(b)))), decimals);
        expect(points.toString()).toBe(((2n * num * 10n ** BigInt(decimals) + den) / (2n * den)).toString());
        expect(text).toBe(referenceText(num, den));
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 6 }), fc.nat({ max: 4 }), fc.integer({ min: 1, max: 999 }).filter((r) => r % 2 !== 0 && r % 5 !== 0), (j, decimals, r) => {
        const den = 2 * 10 ** decimals;
        for (const [n, d] of [
          [2 * j + 1, den],
          [(2 * j + 1) * r, den * r],
        ] as const) {
          expect(roundedValue(ratio(n, d), decimals).points.toString()).toBe(String(j + 1));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("compares, sums and takes shares of decimal texts as the BigInt oracle does", () => {
    fc.assert(
      fc.property(plainDecimal, plainDecimal, fc.array(plainDecimal, { maxLength: 8 }), fc.nat({ max: 4 }), fc.nat({ max: 500 }), (a, b, list, decimals, count) => {
        expect(compareDecimalText(a, b)).toBe(Fraction.of(a).cmp(b));
        const sum = list.reduce((total, x) => total.plus(x), Fraction.of(0));
        expect(sumDecimalText(list, decimals)).toBe(sum.toFixed(decimals));
        const share = a.replace("-", "");
        const product = Fraction.of(share).times(count);
        expect(floorOfShare(share, count)).toBe(Number(product.floor()));
        expect(isWholeShare(share, count)).toBe(product.den === 1n);
        if (share.length <= 16 && NUM_PATTERN.test(share)) expect(halfUpOfShare(share, count)).toBe(Number(product.scaledHalfUp(0)));
      }),
      { numRuns: 3_000 },
    );
  });

  it("writes a negative sum that rounds to zero without a sign", () => {
    expect(sumDecimalText(["-0.001"], 2)).toBe("0.00");
    expect(sumDecimalText(["0.004", "-0.009"], 2)).toBe("-0.01");
  });

  it("approximates a non-terminating value half-up to 10 places", () => {
    expect(approximate("70/3")).toBe("23.3333333333");
    expect(approximate("2/3")).toBe("0.6666666667");
    expect(approximate("1/7", 3)).toBe("0.143");
    expect(approximate("23.505")).toBe("23.505");
  });
});
