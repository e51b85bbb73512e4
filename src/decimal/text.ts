/**
 * Reading and writing decimal text: a `Num`'s text into micro units, micro units and scaled
 * integers back into canonical (`"23.5"`) and fixed-point (`"23.50"`) text, and exact rationals
 * into their exact text (`"23.505"`, `"70/3"`). One fixed-point writer ({@link fixed}).
 *
 * @internal
 */
import { MICRO, POW10, SAFE, big, gcd, mulExact, reduce, type Exact, type Rational } from "./exact.js";

/** The grammar of a `Num` written as text (SPEC §4). */
export const NUM_PATTERN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;

/**
 * The micro units of a decimal text matching {@link NUM_PATTERN}, or `undefined`. Reads the
 * characters once instead of a regular expression and slices: this runs for every value of
 * every input.
 */
function microOfText(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 16) return undefined;
  let i = 0;
  let whole = 0;
  if (text.charCodeAt(0) === 48) {
    i = 1; // "0", or "0." followed by decimals; "01" is refused below
  } else {
    while (i < length) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      whole = whole * 10 + c;
      i += 1;
    }
    if (i === 0 || i > 9) return undefined;
  }
  if (i === length) return whole * MICRO;
  if (text.charCodeAt(i) !== 46) return undefined;
  const start = i + 1;
  const places = length - start;
  if (places < 1 || places > 6) return undefined;
  let fraction = 0;
  for (i = start; i < length; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    fraction = fraction * 10 + c;
  }
  return whole * MICRO + fraction * (POW10[6 - places] as number);
}

/**
 * Reads a `Num` (a JSON number or a decimal string) into micro units, or `undefined` when its
 * decimal text does not match the grammar. A JSON number is read through `String(n)`.
 *
 * @example
 * ```ts
 * toMicro("23.5"); //=> 23500000
 * toMicro(1e-7); //=> undefined
 * ```
 */
export function toMicro(value: unknown): number | undefined {
  if (typeof value === "number") {
    // An integer's `String(n)` is its digits (below 10^21), so the grammar is a range check;
    // `-0` reads as 0, as `String(-0)` is "0".
    if (Number.isInteger(value)) return value >= 0 && value <= 999_999_999 ? (value === 0 ? 0 : value * MICRO) : undefined;
    // `String(n)` has at most 6 decimals exactly when the 6-decimal value `m / 10^6` nearest to n
    // reads back as n: that decimal then round-trips, and the shortest one that does (which is
    // what `String` writes) has no more decimals; conversely `n × 10^6` is within 0.22 of the
    // integer `String(n)` scales to, below 10^15. So no string is built for a number.
    if (!(value > 0 && value < 1e9)) return undefined;
    const micro = Math.round(value * MICRO);
    return micro / MICRO === value ? micro : undefined;
  }
  return typeof value === "string" ? microOfText(value) : undefined;
}

/**
 * The number of decimals a micro value needs (0..6).
 *
 * @example
 * ```ts
 * decimalsOf(23_510_000); //=> 2
 * ```
 */
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

/**
 * The canonical decimal text of a micro value.
 *
 * @example
 * ```ts
 * microText(20_000_000); //=> "20"
 * microText(23_510_000); //=> "23.51"
 * ```
 */
export function microText(micro: number): string {
  const whole = Math.floor(micro / MICRO);
  let rest = micro - whole * MICRO;
  if (rest === 0) return String(whole);
  if (rest % 10_000 === 0) {
    // Two places or one, as scores are written: no loop, no padding.
    const cents = rest / 10_000;
    return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? "0" : ""}${cents}`;
  }
  let places = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    places -= 1;
  }
  return `${whole}.${String(rest).padStart(places, "0")}`;
}

/**
 * The fixed-point text of an integer at `decimals` places (the one fixed-point writer).
 *
 * @example
 * ```ts
 * fixed(9105, 2); //=> "91.05"
 * fixed(-5n, 3); //=> "-0.005"
 * ```
 */
export function fixed(scaled: Exact, decimals: number): string {
  if (decimals === 0) return String(scaled);
  if (typeof scaled === "number" && decimals === 2 && scaled >= 0) {
    // The preset's case, on every component and total: no padding or slicing of digit strings.
    const cents = scaled % 100;
    return `${(scaled - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
  }
  const negative = scaled < 0;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Canonical decimal text of `digits / 10^places` (no trailing zeros, no trailing dot).
 *
 * @example
 * ```ts
 * pointText("2350", 3); //=> "2.35"
 * ```
 */
export function pointText(digits: string, places: number): string {
  if (places === 0) return digits;
  const padded = digits.padStart(places + 1, "0");
  const cut = padded.length - places;
  let end = padded.length;
  while (end > cut && padded.charCodeAt(end - 1) === 48) end -= 1;
  return end === cut ? padded.slice(0, cut) : `${padded.slice(0, cut)}.${padded.slice(cut, end)}`;
}

/**
 * The canonical text of an integer at `decimals` places.
 *
 * @example
 * ```ts
 * scaledText(2000, 2); //=> "20"
 * ```
 */
export function scaledText(scaled: number, decimals: number): string {
  return microText(scaled * 10 ** (6 - decimals));
}

/** The decimals `1/den` needs when it terminates (`den = 2^a·5^b` → `max(a, b)`), else `undefined`. */
function terminatingPlaces(den: Exact): number | undefined {
  let twos = 0;
  let fives = 0;
  if (typeof den === "number") {
    let d = den;
    while (d % 2 === 0) {
      d /= 2;
      twos += 1;
    }
    while (d % 5 === 0) {
      d /= 5;
      fives += 1;
    }
    return d === 1 ? Math.max(twos, fives) : undefined;
  }
  let d = den;
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
 *
 * @example
 * ```ts
 * rationalText({ num: 140, den: 6 }); //=> "70/3"
 * ```
 */
export function rationalText(r: Rational): string {
  if (typeof r.num === "number" && typeof r.den === "number") {
    const text = smallRationalText(r.num, r.den);
    if (text !== undefined) return text;
  }
  return reducedRationalText(reduce(r));
}

/**
 * {@link rationalText} on safe integers without a full Euclid on large numbers (a component's
 * value has a denominator like `25·10^6 × 3`): take out the 2s and 5s the two share, then the gcd
 * with what remains of the denominator once its 2s and 5s are gone, which is small. Every division
 * here is exact (`Number.isInteger(x / 5)` tells whether 5 divides a safe integer `x`: a quotient
 * that is not an integer is at least 0.2 from one, more than its rounding). `undefined` when the
 * decimal would not fit a safe integer.
 */
function smallRationalText(num: number, den: number): string | undefined {
  let rest = den;
  let twos = 0;
  let fives = 0;
  // Tens first: a denominator in micro units carries six of them, one division each.
  while (Number.isInteger(rest / 10)) {
    rest /= 10;
    twos += 1;
    fives += 1;
  }
  while (Number.isInteger(rest / 2)) {
    rest /= 2;
    twos += 1;
  }
  while (Number.isInteger(rest / 5)) {
    rest /= 5;
    fives += 1;
  }
  // Now den = 2^twos · 5^fives · rest; divide out the 2s and 5s num shares, counting what is left.
  let n = num;
  let d = den;
  while (twos > 0 && fives > 0 && Number.isInteger(n / 10)) {
    n /= 10;
    d /= 10;
    twos -= 1;
    fives -= 1;
  }
  while (twos > 0 && Number.isInteger(n / 2)) {
    n /= 2;
    d /= 2;
    twos -= 1;
  }
  while (fives > 0 && Number.isInteger(n / 5)) {
    n /= 5;
    d /= 5;
    fives -= 1;
  }
  // What n and d still share is a factor of `rest`, which is prime to 10.
  const x = gcd(rest, n % rest) as number;
  if (x > 1) {
    n /= x;
    d /= x;
    rest /= x;
  }
  if (rest !== 1) return `${n}/${d}`;
  // n / (2^twos · 5^fives): scale to 10^places with the factors it lacks.
  const places = Math.max(twos, fives);
  const factor = 2 ** (places - twos) * 5 ** (places - fives);
  const scaled = n * factor;
  return factor <= SAFE && scaled <= SAFE ? pointText(String(scaled), places) : undefined;
}

/**
 * {@link rationalText} of a rational already in lowest terms (from `meanOfRatios`), without the
 * gcd, which on numbers of a hundred thousand digits costs seconds.
 *
 * @example
 * ```ts
 * reducedRationalText({ num: 4701, den: 200 }); //=> "23.505"
 * ```
 */
export function reducedRationalText(q: Rational): string {
  const places = terminatingPlaces(q.den);
  if (places === undefined) return `${q.num}/${q.den}`;
  // den divides 10^places, so num × (10^places / den) is the exact scaled value.
  const scaled =
    typeof q.den === "number" && places <= 15
      ? mulExact(q.num, (POW10[places] as number) / q.den)
      : (big(q.num) * 10n ** BigInt(places)) / big(q.den);
  return pointText(String(scaled), places);
}

/**
 * A decimal text (`"-12.50"`, `"3"`, `"1e3"`) as `int / 10^scale`, exactly.
 *
 * @example
 * ```ts
 * parseDecimalText("-12.50"); //=> { int: -1250n, scale: 2 }
 * ```
 */
export function parseDecimalText(text: string): { readonly int: bigint; readonly scale: number } {
  const match = /^([+-])?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
  if (match === null || (match[2] === "" && (match[3] ?? "") === "")) throw new SyntaxError(`Not a decimal: ${text}`);
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  const magnitude = BigInt(`${whole}${fraction}` || "0");
  let scale = fraction.length - Number(exponent);
  let int = sign === "-" ? -magnitude : magnitude;
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { int, scale };
}
