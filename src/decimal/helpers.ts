/**
 * Helpers on decimal texts that are not read as `Num`s: totals and shares compared, summed,
 * approximated and checked, exactly.
 *
 * @internal
 */
import { divideHalfUp } from "./exact.js";
import { fixed, parseDecimalText, pointText } from "./text.js";

/**
 * A decimal approximation of an exact value text, for people: rounded half-up to `places`
 * decimals, trailing zeros dropped; a terminating text is returned unchanged.
 *
 * @example
 * ```ts
 * approximate("70/3"); //=> "23.3333333333"
 * approximate("23.505"); //=> "23.505"
 * ```
 */
export function approximate(text: string, places = 10): string {
  const slash = text.indexOf("/");
  if (slash < 0) return text;
  const num = BigInt(text.slice(0, slash));
  const den = BigInt(text.slice(slash + 1));
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const scaled = divideHalfUp(n * 10n ** BigInt(places), d);
  const body = pointText(scaled.toString(), places);
  return negative && scaled !== 0 && scaled !== 0n ? `-${body}` : body;
}

/**
 * Compares two decimal texts exactly: negative, zero or positive.
 *
 * @example
 * ```ts
 * compareDecimalText("91.5", "91.50"); //=> 0
 * ```
 */
export function compareDecimalText(a: string, b: string): number {
  const x = parseDecimalText(a);
  const y = parseDecimalText(b);
  const left = x.scale >= y.scale ? x.int : x.int * 10n ** BigInt(y.scale - x.scale);
  const right = y.scale >= x.scale ? y.int : y.int * 10n ** BigInt(x.scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Sums decimal texts exactly and writes the sum with `decimals` places (half away from zero).
 *
 * @example
 * ```ts
 * sumDecimalText(["0.125", "0.25"], 2); //=> "0.38"
 * ```
 */
export function sumDecimalText(values: readonly string[], decimals: number): string {
  let total = 0n;
  let scale = 0;
  for (const value of values) {
    const term = parseDecimalText(value);
    if (term.scale > scale) {
      total *= 10n ** BigInt(term.scale - scale);
      scale = term.scale;
    }
    total += term.int * 10n ** BigInt(scale - term.scale);
  }
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const rounded = scale > decimals ? BigInt(divideHalfUp(magnitude, 10n ** BigInt(scale - decimals))) : magnitude * 10n ** BigInt(decimals - scale);
  return fixed(negative ? -rounded : rounded, decimals);
}

/**
 * Whether a text is a fixed-point number with exactly `decimals` places.
 *
 * @example
 * ```ts
 * isFixedText("91.05", 2); //=> true
 * isFixedText("91.5", 2); //=> false
 * ```
 */
export function isFixedText(text: string, decimals: number): boolean {
  const pattern = decimals === 0 ? /^(0|[1-9][0-9]*)$/ : new RegExp(`^(0|[1-9][0-9]*)\\.[0-9]{${decimals}}$`);
  return pattern.test(text);
}

/**
 * `⌊share × count⌋` exactly, for a decimal text `share` and a non-negative integer `count`: how
 * many entries a quota admits.
 *
 * @param share - A canonical decimal text, such as a policy's `excellentQuota`.
 * @param count - A non-negative integer.
 * @returns The floor of the exact product.
 * @example
 * ```ts
 * floorOfShare("0.2", 7); //=> 1
 * floorOfShare("0.3", 10); //=> 3  (exact: never 2 from 0.3 × 10 = 2.9999…)
 * ```
 */
export function floorOfShare(share: string, count: number): number {
  const { int, scale } = parseDecimalText(share);
  const product = int * BigInt(count);
  const divisor = 10n ** BigInt(scale);
  let quotient = product / divisor;
  if (product < 0n && quotient * divisor !== product) quotient -= 1n;
  return Number(quotient);
}
