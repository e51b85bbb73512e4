/**
 * The one module that does score arithmetic.
 *
 * Inputs are read through their decimal text into *micro units* (integers scaled by 10^6, exact
 * because a `Num` has at most 6 decimals and 9 integer digits, so every value is below 10^15 and
 * a safe integer). Component values are exact rationals of integers; each is rounded half-up to
 * the policy's decimals exactly once, from the remainder of the exact division. Points are then
 * integers scaled by 10^decimals, so sums of points are exact integer sums.
 *
 * Integers are {@link Exact}: a safe-integer `number` while every intermediate stays below 2^53
 * (the common case, and the fast one), a `bigint` from the first operation that would leave that
 * range. An operation on numbers whose exact result is not a safe integer gives a float of at
 * least 2^53, which the range check sees, so no result is ever an inexact float.
 *
 * Decimal texts (totals, shares, approximations) are handled on `bigint`s scaled by a power of
 * ten, exactly; no binary floating point touches a score.
 *
 * @internal
 */

/** Micro units per unit: every `Num` is an integer number of micro units. */
export const MICRO = 1_000_000;
const MICRO_BIG = 1_000_000n;

/** The grammar of a `Num` written as text (SPEC §4). */
export const NUM_PATTERN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;

/**
 * An exact integer: a safe-integer `number`, or a `bigint` once it would leave the safe range.
 *
 * @example
 * ```ts
 * const small: Exact = 25_000_000;
 * const large: Exact = 2n ** 60n;
 * ```
 */
export type Exact = number | bigint;

/** An exact non-negative rational `num/den` with `den > 0`. */
export interface Rational {
  readonly num: Exact;
  readonly den: Exact;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_BIG = BigInt(SAFE);
/** 10^0 … 10^15, all exact doubles. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

function big(x: Exact): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}

/** A bigint back to a number when it is a safe integer, so later operations take the fast path. */
function small(x: bigint): Exact {
  return x <= SAFE_BIG && x >= -SAFE_BIG ? Number(x) : x;
}

/**
 * `a × b`, exactly.
 *
 * @example
 * ```ts
 * mulExact(25, 1_000_000); //=> 25000000
 * mulExact(2 ** 40, 2 ** 20); //=> 1152921504606846976n
 * ```
 */
export function mulExact(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const product = a * b;
    if (product <= SAFE && product >= -SAFE) return product;
  }
  return big(a) * big(b);
}

/** `a + b`, exactly: switches to `bigint` past the safe-integer range. */
export function addExact(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (sum <= SAFE && sum >= -SAFE) return sum;
  }
  return big(a) + big(b);
}

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
  let rest = micro - whole * MICRO;
  if (rest === 0) return String(whole);
  let places = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    places -= 1;
  }
  return `${whole}.${String(rest).padStart(places, "0")}`;
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
export function ratio(num: Exact, den: Exact): Rational {
  return { num: typeof num === "bigint" ? small(num) : num, den: typeof den === "bigint" ? small(den) : den };
}

/** `a + b`, exactly. */
export function addRational(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: addExact(a.num, b.num), den: a.den };
  return reduce({ num: addExact(mulExact(a.num, b.den), mulExact(b.num, a.den)), den: mulExact(a.den, b.den) });
}

/** `r × k` for an integer `k`. */
export function scaleRational(r: Rational, k: Exact): Rational {
  return { num: mulExact(r.num, k), den: r.den };
}

/** `r / k` for a positive integer `k`. */
export function divideRational(r: Rational, k: Exact): Rational {
  return { num: r.num, den: mulExact(r.den, k) };
}

function gcd(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    let x = Math.abs(a);
    let y = b;
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  let x = big(a);
  if (x < 0n) x = -x;
  let y = big(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** `r` in lowest terms. */
export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  if (typeof g === "number") {
    // both are numbers
    return g <= 1 ? r : { num: (r.num as number) / g, den: (r.den as number) / g };
  }
  return g <= 1n ? r : { num: small(big(r.num) / g), den: small(big(r.den) / g) };
}

/**
 * Rounds a non-negative rational half-up (四舍五入) to `decimals` places and returns the integer
 * scaled by 10^decimals. Decided exactly from the remainder of the exact division.
 */
export function roundHalfUp(r: Rational, decimals: number): number {
  const n = mulExact(r.num, POW10[decimals] ?? 10 ** decimals);
  const den = r.den;
  if (typeof n === "number" && typeof den === "number" && n + den <= SAFE) {
    // The float quotient of two integers below 2^53 is within one of the true floor, so one
    // correction makes `q` exact; `q × den ≤ n + den` stays a safe integer, so `rest` is exact.
    let q = Math.floor(n / den);
    let rest = n - q * den;
    if (rest < 0) {
      q -= 1;
      rest += den;
    } else if (rest >= den) {
      q += 1;
      rest -= den;
    }
    return rest * 2 >= den ? q + 1 : q;
  }
  const d = big(den);
  return Number((2n * big(n) + d) / (2n * d));
}

/** The fixed-point text of an integer at `decimals` places: `(9105, 2)` → `"91.05"`. */
export function fixed(scaled: Exact, decimals: number): string {
  if (decimals === 0) return String(scaled);
  if (typeof scaled === "bigint") {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
    const cut = digits.length - decimals;
    return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }
  if (decimals === 2 && scaled >= 0) {
    // The preset's case, on every component and total: no padding or slicing of digit strings.
    const cents = scaled % 100;
    return `${(scaled - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
  }
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  return `${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** The canonical text of an integer at `decimals` places: `(2000, 2)` → `"20"`. */
export function scaledText(scaled: number, decimals: number): string {
  return microText(scaledToMicro(scaled, decimals));
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

/** Canonical decimal text of `digits / 10^places` (no trailing zeros, no trailing dot). */
function pointText(digits: string, places: number): string {
  if (places === 0) return digits;
  const padded = digits.padStart(places + 1, "0");
  const cut = padded.length - places;
  let end = padded.length;
  while (end > cut && padded.charCodeAt(end - 1) === 48) end -= 1;
  return end === cut ? padded.slice(0, cut) : `${padded.slice(0, cut)}.${padded.slice(cut, end)}`;
}

/**
 * The exact text of a non-negative rational: its canonical decimal when it terminates
 * (`"23.505"`), else the reduced fraction (`"70/3"`).
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
  let x = rest;
  let y = n % rest;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
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
 * {@link rationalText} of a rational already in lowest terms (from {@link meanOfRatios}), without
 * the gcd, which on numbers of a hundred thousand digits costs seconds.
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

/** A decimal text (`"-12.50"`, `"3"`, `"1e3"`) as `int / 10^scale`, exactly. */
function parseDecimalText(text: string): { readonly int: bigint; readonly scale: number } {
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

/** `int / 10^scale` rendered with exactly `decimals` places, rounded half away from zero. */
function fixedOfScaled(int: bigint, scale: number, decimals: number): string {
  const negative = int < 0n;
  let magnitude = negative ? -int : int;
  if (scale > decimals) {
    const divisor = 10n ** BigInt(scale - decimals);
    magnitude = (2n * magnitude + divisor) / (2n * divisor);
  } else {
    magnitude *= 10n ** BigInt(decimals - scale);
  }
  const digits = magnitude.toString().padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  const text = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/**
 * A decimal approximation of an exact value text (`"70/3"` → `"23.3333333333"`), for people:
 * rounded half-up to `places` decimals, trailing zeros dropped; a terminating text is returned
 * unchanged.
 */
export function approximate(text: string, places = 10): string {
  const slash = text.indexOf("/");
  if (slash < 0) return text;
  const num = BigInt(text.slice(0, slash));
  const den = BigInt(text.slice(slash + 1));
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const scaled = (2n * n * 10n ** BigInt(places) + d) / (2n * d);
  const body = pointText(scaled.toString(), places);
  return negative && scaled !== 0n ? `-${body}` : body;
}

/** Compares two decimal texts exactly: negative, zero or positive. */
export function compareDecimalText(a: string, b: string): number {
  const x = parseDecimalText(a);
  const y = parseDecimalText(b);
  const left = x.scale >= y.scale ? x.int : x.int * 10n ** BigInt(y.scale - x.scale);
  const right = y.scale >= x.scale ? y.int : y.int * 10n ** BigInt(x.scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Sums decimal texts exactly and renders the sum with `decimals` places (half-up). */
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
  return fixedOfScaled(total, scale, decimals);
}

/** Whether a text is a fixed-point number with exactly `decimals` places. */
export function isFixedText(text: string, decimals: number): boolean {
  const pattern = decimals === 0 ? /^(0|[1-9][0-9]*)$/ : new RegExp(`^(0|[1-9][0-9]*)\\.[0-9]{${decimals}}$`);
  return pattern.test(text);
}

/** The micro value of `MICRO_BIG`, exposed for rationals built from micro units. */
export const MICRO_DENOMINATOR = MICRO_BIG;

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

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * `times × (Σ sum / outOf) / per` over the entries of `sums` (outOf → sum), exactly and in lowest
 * terms, for positive safe-integer `outOf`, `times` and `per`. The sum is taken over the least
 * common multiple of the denominators, grown one denominator at a time, and reduced by each small
 * factor of that denominator in turn (which leaves numerator and denominator coprime), so no step
 * takes the gcd of two large numbers: with many distinct `outOf` values the cost grows with their
 * count times the size of the result, not with its cube, as adding reduced fractions one by one did
 * (2,000 rounds with distinct prime `outOf` values took minutes).
 *
 * @example
 * ```ts
 * meanOfRatios(new Map([[25_000_000, 47_010_000]]), 25, 2); //=> { num: 4701, den: 200 }
 * ```
 */
export function meanOfRatios(sums: ReadonlyMap<number, Exact>, times: number, per: number): Rational {
  let num = 0n;
  let den = 1n;
  const factors: bigint[] = [];
  for (const [outOf, sum] of sums) {
    const d = BigInt(outOf);
    const g = gcdBig(d, den % d);
    const grow = d / g;
    num = num * grow + big(sum) * (den / g);
    den *= grow;
    if (grow !== 1n) factors.push(grow);
  }
  num *= BigInt(times);
  den *= BigInt(per);
  factors.push(BigInt(per));
  // den = Π factors. Dividing out gcd(num, f) for each factor f in turn leaves gcd(num, den) = 1:
  // after a factor's step, what remains of it shares no prime with num, and num only shrinks.
  for (const f of factors) {
    const g = gcdBig(f, num % f);
    if (g !== 1n) {
      num /= g;
      den /= g;
    }
  }
  return { num: small(num), den: small(den) };
}
