/**
 * The one module that does score arithmetic.
 *
 * Inputs are read through their decimal text into *micro units* (integers scaled by 10^6, exact
 * because a `Num` has at most 6 decimals and 9 integer digits, so every value is below 10^15 and
 * a safe integer). Component values are exact rationals of `bigint`s; each is rounded half-up to
 * the policy's decimals exactly once, from the remainder of the exact division. Points are then
 * integers scaled by 10^decimals, so sums of points are exact integer sums. decimal.js renders
 * the approximation of a non-terminating value and compares published fixed-point strings.
 *
 * @internal
 */
import Decimal from "decimal.js";

/** Micro units per unit: every `Num` is an integer number of micro units. */
export const MICRO = 1_000_000;
const MICRO_BIG = 1_000_000n;

/** The grammar of a `Num` written as text (SPEC §4). */
export const NUM_PATTERN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;

/** An exact non-negative rational `num/den` with `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * Reads a `Num` (a JSON number or a decimal string) into micro units, or `undefined` when its
 * decimal text does not match the grammar. A JSON number is read through `String(n)`.
 */
export function toMicro(value: unknown): number | undefined {
  let text: string;
  if (typeof value === "number") {
    if (Object.is(value, -0)) return 0;
    text = String(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    return undefined;
  }
  if (text.length > 16 || !NUM_PATTERN.test(text)) return undefined;
  const dot = text.indexOf(".");
  if (dot < 0) return Number(text) * MICRO;
  const whole = Number(text.slice(0, dot));
  const frac = text.slice(dot + 1);
  return whole * MICRO + Number(frac) * 10 ** (6 - frac.length);
}

/** The number of decimals a micro value needs (0..6). */
export function decimalsOf(micro: number): number {
  let rest = micro % MICRO;
  if (rest === 0) return 0;
  let places = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    places -= 1;
  }
  return places;
}

/** The canonical decimal text of a micro value: `20000000` → `"20"`, `23510000` → `"23.51"`. */
export function microText(micro: number): string {
  const whole = Math.floor(micro / MICRO);
  const rest = micro - whole * MICRO;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(6, "0").replace(/0+$/, "")}`;
}

/** Converts micro units to an integer at `decimals` places; the caller has checked it fits. */
export function microToScaled(micro: number, decimals: number): number {
  return micro / 10 ** (6 - decimals);
}

/** Converts an integer at `decimals` places back to micro units. */
export function scaledToMicro(scaled: number, decimals: number): number {
  return scaled * 10 ** (6 - decimals);
}

/** Whether a micro value is exact at `decimals` places. */
export function fitsDecimals(micro: number, decimals: number): boolean {
  return micro % 10 ** (6 - decimals) === 0;
}

/** The exact rational `num/den` from integers (numbers or bigints). */
export function ratio(num: number | bigint, den: number | bigint): Rational {
  return { num: BigInt(num), den: BigInt(den) };
}

/** `a + b`, exactly. */
export function addRational(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

/** `r × k` for an integer `k`. */
export function scaleRational(r: Rational, k: number | bigint): Rational {
  return { num: r.num * BigInt(k), den: r.den };
}

/** `r / k` for a positive integer `k`. */
export function divideRational(r: Rational, k: number | bigint): Rational {
  return { num: r.num, den: r.den * BigInt(k) };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `r` in lowest terms. */
export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return g <= 1n ? r : { num: r.num / g, den: r.den / g };
}

/**
 * Rounds a non-negative rational half-up (四舍五入) to `decimals` places and returns the integer
 * scaled by 10^decimals. Decided exactly from the remainder of the exact division.
 */
export function roundHalfUp(r: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const twice = 2n * r.den;
  return Number((2n * r.num * scale + r.den) / twice);
}

/** The fixed-point text of an integer at `decimals` places: `(9105, 2)` → `"91.05"`. */
export function fixed(scaled: number, decimals: number): string {
  if (decimals === 0) return String(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** The canonical text of an integer at `decimals` places: `(2000, 2)` → `"20"`. */
export function scaledText(scaled: number, decimals: number): string {
  return microText(scaledToMicro(scaled, decimals));
}

function terminatingPlaces(den: bigint): number | undefined {
  let d = den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos += 1;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives += 1;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}

/**
 * The exact text of a non-negative rational: its canonical decimal when it terminates
 * (`"23.505"`), else the reduced fraction (`"70/3"`).
 */
export function rationalText(r: Rational): string {
  const q = reduce(r);
  const places = terminatingPlaces(q.den);
  if (places === undefined) return `${q.num}/${q.den}`;
  const scaled = (q.num * 10n ** BigInt(places)) / q.den;
  const digits = scaled.toString().padStart(places + 1, "0");
  const cut = digits.length - places;
  const frac = digits.slice(cut).replace(/0+$/, "");
  return frac === "" ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${frac}`;
}

/**
 * A decimal approximation of an exact value text (`"70/3"` → `"23.3333333333"`), for people;
 * a terminating text is returned unchanged.
 */
export function approximate(text: string, places = 10): string {
  const slash = text.indexOf("/");
  if (slash < 0) return text;
  const quotient = new Decimal(text.slice(0, slash)).div(text.slice(slash + 1));
  return quotient.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

/** Compares two decimal texts exactly: negative, zero or positive. */
export function compareDecimalText(a: string, b: string): number {
  return new Decimal(a).cmp(new Decimal(b));
}

/** Sums decimal texts exactly and renders the sum with `decimals` places. */
export function sumDecimalText(values: readonly string[], decimals: number): string {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total.toFixed(decimals);
}

/** Whether a text is a fixed-point number with exactly `decimals` places. */
export function isFixedText(text: string, decimals: number): boolean {
  const pattern = decimals === 0 ? /^(0|[1-9][0-9]*)$/ : new RegExp(`^(0|[1-9][0-9]*)\\.[0-9]{${decimals}}$`);
  return pattern.test(text);
}

/** The micro value of `MICRO_BIG`, exposed for rationals built from micro units. */
export const MICRO_DENOMINATOR = MICRO_BIG;

/** `a + b` for non-negative integers, exact: switches to `bigint` past the safe-integer range. */
export function addExact(a: number | bigint, b: number): number | bigint {
  if (typeof a === "number") {
    const sum = a + b;
    return Number.isSafeInteger(sum) ? sum : BigInt(a) + BigInt(b);
  }
  return a + BigInt(b);
}
