/**
 * The one module that does score arithmetic: a thin layer over decimal.js, and the one place that
 * knows how the score rounds (docs/decisions.md, "Score arithmetic on decimal.js").
 *
 * - Every value is a decimal.js `Decimal` of a private constructor ({@link D}, a `Decimal.clone`
 *   with all its settings its own), so a host application's global `Decimal.set(…)` can never
 *   change a score. Its precision is decimal.js's maximum (10^9 digits): sums and products of the
 *   integers here are never rounded, and no operation here divides at a precision.
 * - A `Num` is read through its decimal text (docs/how-a-score-is-built.md) into *micro units*: the integer number of
 *   10^-6 it holds, below 10^15 and so a safe-integer `number`, which is how validated inputs carry
 *   it. Score arithmetic takes them into decimal.js: component values are exact rationals of
 *   integer `Decimal`s ({@link Rational}), each rounded half-up to the policy's decimals exactly
 *   once ({@link roundedValue}: a value that terminates is an exact decimal, rounded by decimal.js;
 *   one that does not, from the integer quotient and remainder ({@link divideHalfUp}); never from a
 *   quotient cut at some precision); points are then integer `Decimal`s scaled by 10^decimals,
 *   summed and capped exactly.
 * - Texts: canonical (`"23.5"`), fixed-point (`"23.50"`) and exact (`"23.505"`, `"70/3"`), and
 *   helpers on decimal texts (compared, summed, shares, approximations for people).
 *
 * No binary floating point touches a score.
 *
 * @internal
 */
import Decimal from "decimal.js";

/**
 * The private decimal.js constructor of the library. Every setting is given (`defaults: true`
 * first), so nothing is inherited from the global `Decimal`, and later changes to it reach no
 * value made here.
 */
const D = Decimal.clone({
  defaults: true,
  // decimal.js's largest precision: an integer sum or product never rounds. Nothing here divides
  // at a precision (`divToInt` and `mod` are exact), so the precision is never spent.
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_UP,
  // `mod`'s remainder has the dividend's sign (truncated division); every operand here is ≥ 0.
  modulo: Decimal.ROUND_DOWN,
  // `toString()` never uses exponential notation.
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
  crypto: false,
});

/** Micro units per unit: every `Num` is an integer number of micro units. */
export const MICRO = 1_000_000;

/**
 * An exact integer: a `Decimal` of the library's private constructor.
 *
 * @example
 * ```ts
 * const points: Exact = exact(9105); // 91.05 at 2 decimals
 * ```
 */
export type Exact = Decimal;

/** An exact integer, or a safe-integer `number` (micro units, counts) the layer takes in. */
export type Integer = Exact | number;

/** An exact non-negative rational `num/den` of integers, `den > 0`. */
export interface Rational {
  readonly num: Exact;
  readonly den: Exact;
}

const ZERO = new D(0);
const ONE = new D(1);
const HALF = new D("0.5");
const FIFTH = new D("0.2");
const TEN_POWERS = new Map<number, Decimal>();

/** 10^k as a `Decimal` (k may be negative), made once per k. */
function tenTo(k: number): Decimal {
  let power = TEN_POWERS.get(k);
  if (power === undefined) {
    power = new D(`1e${k}`);
    TEN_POWERS.set(k, power);
  }
  return power;
}

/**
 * How many entries each memo below holds before it starts again: values repeat (a component's
 * rounds are scored on one scale), so a few thousand cover a batch, and memory stays flat.
 */
const MEMO_LIMIT = 4096;

/** Remembers `value` under `key`, emptying the memo first when it holds `limit` entries. */
function remember<K, V>(memo: Map<K, V>, key: K, value: V, limit = MEMO_LIMIT): V {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Decimals of the small non-negative integers (counts, numbers of rounds), made once each, and of
 * the larger safe integers already read (micro units): a `Decimal` never changes, so one read
 * serves every later use of the same value, and a lookup costs less than decimal.js's constructor.
 */
const SMALL: (Decimal | undefined)[] = [];
const SMALL_LIMIT = 1024;
const LARGE = new Map<number, Decimal>();

function dec(x: Integer): Decimal {
  if (typeof x !== "number") return x;
  if (x >= 0 && x < SMALL_LIMIT) return (SMALL[x] ??= new D(x));
  return LARGE.get(x) ?? remember(LARGE, x, new D(x));
}

/**
 * A safe integer as an {@link Exact}.
 *
 * @example
 * ```ts
 * exact(0).isZero(); //=> true
 * ```
 */
export function exact(x: number): Exact {
  return dec(x);
}

/** The grammar of a `Num` written as text (docs/how-a-score-is-built.md). */
export const NUM_PATTERN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/;

/**
 * Reads a `Num` (a JSON number or a decimal string) into micro units, or `undefined` when its
 * decimal text does not match the grammar. A JSON number is read through `String(n)` (docs/how-a-score-is-built.md;
 * `String(-0)` is `"0"`).
 *
 * @example
 * ```ts
 * toMicro("23.5"); //=> 23500000
 * toMicro(1e-7); //=> undefined
 * ```
 */
export function toMicro(value: unknown): number | undefined {
  if (typeof value === "string") {
    const known = MICRO_OF_TEXT.get(value);
    if (known !== undefined) return known;
    const micro = readMicro(value);
    return micro === undefined ? undefined : remember(MICRO_OF_TEXT, value, micro);
  }
  if (typeof value === "number") {
    const known = MICRO_OF_NUMBER.get(value);
    if (known !== undefined) return known;
    const micro = readMicro(String(value));
    return micro === undefined ? undefined : remember(MICRO_OF_NUMBER, value, micro);
  }
  return undefined;
}

/** The micro units of a `Num`'s text, `undefined` when it does not match the grammar. */
function readMicro(text: string): number | undefined {
  // decimal.js reads `23.5e6` as the integer 23500000: the text's micro units, in one step.
  return NUM_PATTERN.test(text) ? new D(`${text}e6`).toNumber() : undefined;
}

/**
 * The `Num`s {@link toMicro} has read, by text and by JSON number: the values of a batch repeat,
 * and each is read by decimal.js once.
 */
const MICRO_OF_TEXT = new Map<string, number>();
const MICRO_OF_NUMBER = new Map<number, number>();

/**
 * The number of decimals a micro value needs (0..6).
 *
 * @example
 * ```ts
 * decimalsOf(23_510_000); //=> 2
 * ```
 */
export function decimalsOf(micro: number): number {
  return dec(micro).times(tenTo(-6)).decimalPlaces();
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
  return MICRO_TEXTS.get(micro) ?? remember(MICRO_TEXTS, micro, dec(micro).times(tenTo(-6)).toString());
}

/** The texts {@link microText} has written: a trace writes the same few values over and over. */
const MICRO_TEXTS = new Map<number, string>();

/**
 * Micro units as an integer at `decimals` places; the caller has checked it fits.
 *
 * @example
 * ```ts
 * microToScaled(23_510_000, 2).toNumber(); //=> 2351
 * ```
 */
export function microToScaled(micro: number, decimals: number): Exact {
  return dec(micro).times(tenTo(decimals - 6));
}

/**
 * The fixed-point text of an integer at `decimals` places (the one fixed-point writer).
 *
 * @example
 * ```ts
 * fixed(9105, 2); //=> "91.05"
 * fixed(-5, 3); //=> "-0.005"
 * ```
 */
export function fixed(scaled: Integer, decimals: number): string {
  return pointTexts(scaled, decimals).fixed;
}

/**
 * The canonical text of an integer at `decimals` places.
 *
 * @example
 * ```ts
 * scaledText(2000, 2); //=> "20"
 * ```
 */
export function scaledText(scaled: Integer, decimals: number): string {
  return pointTexts(scaled, decimals).canonical;
}

/**
 * `a + b`, exactly.
 *
 * @example
 * ```ts
 * addExact(2 ** 53 - 1, 1).toString(); //=> "9007199254740992"
 * ```
 */
export function addExact(a: Integer, b: Integer): Exact {
  return dec(a).plus(dec(b));
}

/**
 * `a × b`, exactly.
 *
 * @example
 * ```ts
 * mulExact(2 ** 40, 2 ** 20).toString(); //=> "1152921504606846976"
 * ```
 */
export function mulExact(a: Integer, b: Integer): Exact {
  return dec(a).times(dec(b));
}

/**
 * `from − amount`, or 0 when `amount` is larger: what a deduction leaves.
 *
 * @example
 * ```ts
 * deductExact(10_000_000, 12_000_000).toNumber(); //=> 0
 * ```
 */
export function deductExact(from: Integer, amount: Integer): Exact {
  const left = dec(from).minus(dec(amount));
  return left.isNegative() ? ZERO : left;
}

/**
 * The exact rational `num/den` of integers.
 *
 * @example
 * ```ts
 * rationalText(ratio(47_010_000, 2_000_000)); //=> "23.505"
 * ```
 */
export function ratio(num: Integer, den: Integer): Rational {
  return { num: dec(num), den: dec(den) };
}

/**
 * The greatest common divisor of `|a|` and `b ≥ 0` (Euclid, on `mod`).
 *
 * @example
 * ```ts
 * gcd(12, 18).toNumber(); //=> 6
 * ```
 */
export function gcd(a: Integer, b: Integer): Exact {
  let x = dec(a).abs();
  let y = dec(b);
  while (!y.isZero()) {
    const t = x.mod(y);
    x = y;
    y = t;
  }
  return x;
}

/**
 * `n / d` rounded half-up (四舍五入) to an integer, for integers `n ≥ 0` and `d > 0`: the one
 * rounding of the library, decided exactly from the integer quotient and remainder
 * (`2 × remainder ≥ d` rounds up), never from a quotient at some precision.
 *
 * @example
 * ```ts
 * divideHalfUp(9405, 100).toNumber(); //=> 94
 * divideHalfUp(9450, 100).toNumber(); //=> 95
 * ```
 */
export function divideHalfUp(n: Integer, d: Integer): Exact {
  const num = dec(n);
  const den = dec(d);
  const quotient = num.divToInt(den);
  const remainder = num.minus(quotient.times(den));
  return remainder.plus(remainder).gte(den) ? quotient.plus(ONE) : quotient;
}

/**
 * Rounds a non-negative rational half-up to `decimals` places ({@link divideHalfUp}) and returns
 * the integer scaled by 10^decimals.
 *
 * @example
 * ```ts
 * roundHalfUp(ratio(283, 30), 2).toNumber(); //=> 943
 * ```
 */
export function roundHalfUp(r: Rational, decimals: number): Exact {
  return divideHalfUp(r.num.times(tenTo(decimals)), r.den);
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
 * reducedRationalText(meanOfRatios(new Map([[25_000_000, 47_010_000]]), 25, 2)); //=> "23.505"
 * ```
 */
export function meanOfRatios(sums: ReadonlyMap<number, Integer>, times: number, per: number): Rational {
  let num = ZERO;
  let den = ONE;
  const factors: Decimal[] = [];
  for (const [outOf, sum] of sums) {
    const d = new D(outOf);
    const g = gcd(d, den.mod(d));
    const coprime = g.eq(ONE); // distinct outOf values are often coprime: no division then
    const grow = coprime ? d : d.divToInt(g);
    num = num.times(grow).plus(dec(sum).times(coprime ? den : den.divToInt(g)));
    den = den.times(grow);
    if (!grow.eq(ONE)) factors.push(grow);
  }
  num = num.times(times);
  den = den.times(per);
  factors.push(new D(per));
  // den = Π factors. Dividing out gcd(num, f) for each factor f in turn leaves gcd(num, den) = 1:
  // after a factor's step, what remains of it shares no prime with num, and num only shrinks.
  for (const f of factors) {
    const g = gcd(f, num.mod(f));
    if (!g.eq(ONE)) {
      num = num.divToInt(g);
      den = den.divToInt(g);
    }
  }
  return { num, den };
}

/** The trailing zeros of a positive integer (`sd(true)` counts them, `sd()` does not). */
function tensOf(x: Decimal): number {
  return x.isZero() ? 0 : x.sd(true) - x.sd();
}

/** `x × factor` (0.5 or 0.2) when it is an integer, i.e. when 2 or 5 divides `x`; else `undefined`. */
function dividedBy(x: Decimal, factor: Decimal): Decimal | undefined {
  const part = x.times(factor);
  return part.isInteger() ? part : undefined;
}

/** `den = 2^twos · 5^fives · rest` with `rest` prime to 10. */
function splitTens(den: Decimal): { twos: number; fives: number; rest: Decimal } {
  const tens = tensOf(den);
  let rest = tens > 0 ? den.times(tenTo(-tens)) : den;
  let twos = tens;
  let fives = tens;
  for (;;) {
    const half = dividedBy(rest, HALF);
    if (half === undefined) break;
    rest = half;
    twos += 1;
  }
  for (;;) {
    const fifth = dividedBy(rest, FIFTH);
    if (fifth === undefined) break;
    rest = fifth;
    fives += 1;
  }
  return { twos, fives, rest };
}

/** `2^twos · 5^fives` and its inverse, a terminating decimal, by `twos` and `fives`. */
interface PowersOfTwoAndFive {
  readonly value: Decimal;
  /** `1 / value` = `2^(p−twos) × 5^(p−fives) / 10^p`, `p` the larger: multiplying by it divides exactly. */
  readonly inverse: Decimal;
}

/** The {@link PowersOfTwoAndFive} made so far, by `twos` and `fives`. */
const TWOS_AND_FIVES = new Map<string, PowersOfTwoAndFive>();

function twosAndFives(twos: number, fives: number): PowersOfTwoAndFive {
  const key = `${twos},${fives}`;
  const known = TWOS_AND_FIVES.get(key);
  if (known !== undefined) return known;
  const places = Math.max(twos, fives);
  let value: Decimal = ONE;
  let scaled: Decimal = ONE;
  for (let i = 0; i < places; i += 1) {
    if (i < twos) value = value.times(2);
    else scaled = scaled.times(2);
    if (i < fives) value = value.times(5);
    else scaled = scaled.times(5);
  }
  return remember(TWOS_AND_FIVES, key, { value, inverse: scaled.times(tenTo(-places)) });
}

/** The text of `num / (2^twos · 5^fives)`. */
function terminatingText(num: Decimal, twos: number, fives: number): string {
  return num.times(twosAndFives(twos, fives).inverse).toString();
}

/** `gcd(rest, left)` and `rest / gcd`, for a `left` below `rest`. */
interface RestGcd {
  readonly gcd: Decimal;
  readonly restOver: Decimal;
}

/**
 * A denominator taken apart once: `den = 2^twos · 5^fives · rest`, `rest` prime to 10, the gcds
 * of `rest` with the remainders met so far (few: they are below `rest`, which is small), and how
 * it divides at each number of decimals asked for.
 *
 * @example
 * ```ts
 * roundedFraction(exact(70), denominatorOf(exact(3)), 2).text; //=> "70/3"
 * ```
 */
export interface Denominator {
  readonly twos: number;
  readonly fives: number;
  readonly rest: Decimal;
  readonly restIsOne: boolean;
  /** `1 / (2^twos · 5^fives)`, a terminating decimal: multiplying by it divides exactly. */
  readonly inverse: Decimal;
  /** `gcd(rest, left)` by the text of `left`, for the remainders met so far ({@link GCDS_LIMIT} at most). */
  readonly gcds: Map<string, RestGcd>;
  /** The {@link Scale} at each number of decimals (0..6), made when first asked for. */
  readonly scales: (Scale | undefined)[];
}

function takenApart(den: Decimal): Denominator {
  const { twos, fives, rest } = splitTens(den);
  return { twos, fives, rest, restIsOne: rest.eq(ONE), inverse: twosAndFives(twos, fives).inverse, gcds: new Map(), scales: [] };
}

/**
 * The denominators {@link denominatorOf} has taken apart, by their text: a batch divides by the
 * same few (a component's maximum in micro units times the number of rounds, or a survey's answers
 * times 10^6), so each is split into its 2s, 5s and the rest once.
 */
const DENOMINATORS = new Map<string, Denominator>();

/**
 * How many denominators each memo holds ({@link DENOMINATORS}, and {@link PRODUCT_DENOMINATORS} in
 * all), and how many gcds each denominator: with the other memos, what a long-running service can
 * be made to keep stays a few megabytes, whatever it is sent.
 */
const DENOMINATORS_LIMIT = 1024;
const GCDS_LIMIT = 32;

/**
 * A positive integer taken apart as a {@link Denominator}, once per value.
 *
 * @example
 * ```ts
 * denominatorOf(exact(75_000_000)).rest.toNumber(); //=> 3
 * ```
 */
export function denominatorOf(den: Exact): Denominator {
  const key = den.toString();
  return DENOMINATORS.get(key) ?? remember(DENOMINATORS, key, takenApart(den), DENOMINATORS_LIMIT);
}

/** The denominators {@link productDenominator} has taken apart, by their two factors, and how many. */
const PRODUCT_DENOMINATORS = new Map<number, Map<number, Denominator>>();
let productDenominators = 0;

/**
 * The {@link Denominator} of `a × b`, for positive safe integers, remembered by the two factors:
 * the denominators of a score are such products (a maximum in micro units times a number of
 * rounds, a number of answers times 10^6), and a lookup by two numbers costs less than writing the
 * product's text.
 *
 * @example
 * ```ts
 * productDenominator(25_000_000, 3).rest.toNumber(); //=> 3
 * ```
 */
export function productDenominator(a: number, b: number): Denominator {
  const known = PRODUCT_DENOMINATORS.get(a)?.get(b);
  if (known !== undefined) return known;
  if (productDenominators >= DENOMINATORS_LIMIT) {
    PRODUCT_DENOMINATORS.clear();
    productDenominators = 0;
  }
  let byB = PRODUCT_DENOMINATORS.get(a);
  if (byB === undefined) {
    byB = new Map<number, Denominator>();
    PRODUCT_DENOMINATORS.set(a, byB);
  }
  const f = takenApart(mulExact(a, b));
  byB.set(b, f);
  productDenominators += 1;
  return f;
}

/** `gcd(f.rest, left)` for `0 < left < f.rest`, from the denominator's memo. */
function restGcd(f: Denominator, left: Decimal): RestGcd {
  const key = left.toString();
  const known = f.gcds.get(key);
  if (known !== undefined) return known;
  const g = gcd(f.rest, left);
  return remember(f.gcds, key, { gcd: g, restOver: f.rest.divToInt(g) }, GCDS_LIMIT);
}

/**
 * The reduced fraction `num/den` of a value that does not terminate, given `left`, the remainder
 * by `rest` of `num` times a number prime to `rest` (`0 < left < rest`), so that
 * `gcd(rest, left) = gcd(rest, num)`. `gcd(num, den)` is `gcd(num, 2^twos·5^fives) × gcd(rest, left)`,
 * as the two parts of `den` share no prime: the first is found by taking 10s, then 2s and 5s, out
 * of `num` while `den` has them; the second is the memo's.
 */
function fractionText(num: Decimal, f: Denominator, left: Decimal): string {
  let n = num;
  let twos = 0;
  let fives = 0;
  const zeros = Math.min(tensOf(n), f.twos, f.fives);
  if (zeros > 0) {
    n = n.times(tenTo(-zeros));
    twos = zeros;
    fives = zeros;
  }
  while (twos < f.twos) {
    const half = dividedBy(n, HALF);
    if (half === undefined) break;
    n = half;
    twos += 1;
  }
  while (fives < f.fives) {
    const fifth = dividedBy(n, FIFTH);
    if (fifth === undefined) break;
    n = fifth;
    fives += 1;
  }
  const { gcd: g, restOver } = restGcd(f, left);
  const tensLeft = twosAndFives(f.twos - twos, f.fives - fives).value;
  const numerator = g.eq(ONE) ? n : n.divToInt(g);
  return `${numerator.toString()}/${tensLeft.times(restOver).toString()}`;
}

/**
 * How a denominator divides at `decimals` places: `den × widen = 10^places × rest`, with
 * `places = max(twos, fives, decimals)`, so that `num / den = (num × widen) / (10^places × rest)`
 * and the value at `decimals` places is that numerator over `rest`, shifted by `10^-places`.
 */
interface Scale {
  /** `10^places / (2^twos · 5^fives)`, an integer; `undefined` when it is 1. */
  readonly widen: Decimal | undefined;
  /** `10^-places`: the shift from the widened integer quotient to the value. */
  readonly shift: Decimal;
  /** `10^-(places − decimals)`, or `undefined` when `places = decimals`. */
  readonly down: Decimal | undefined;
}

function scaleOf(f: Denominator, decimals: number): Scale {
  const known = f.scales[decimals];
  if (known !== undefined) return known;
  const places = Math.max(f.twos, f.fives, decimals);
  const widen = twosAndFives(places - f.twos, places - f.fives).value;
  const scale: Scale = { widen: widen.eq(ONE) ? undefined : widen, shift: tenTo(-places), down: places === decimals ? undefined : tenTo(decimals - places) };
  f.scales[decimals] = scale;
  return scale;
}

/** A rational's value at `decimals` places before it is rounded, from one integer division. */
interface Divided {
  /** `⌊num × widen / rest⌋`: the value's digits down to `10^-places`. */
  readonly quotient: Decimal;
  /** `num × widen mod rest`; zero exactly when the value terminates. */
  readonly remainder: Decimal;
}

/**
 * `num / den` at `decimals` places, by one integer division of `num × widen` by `rest` (quotient
 * and remainder, exact). `rest` is prime to 10 and so to `widen`: the remainder is zero exactly
 * when `rest` divides `num`, i.e. when the value terminates.
 */
function dividedAt(num: Decimal, f: Denominator, s: Scale): Divided {
  const widened = s.widen === undefined ? num : num.times(s.widen);
  if (f.restIsOne) return { quotient: widened, remainder: ZERO };
  const quotient = widened.divToInt(f.rest);
  return { quotient, remainder: widened.minus(quotient.times(f.rest)) };
}

/**
 * The exact text of `num / den` from its {@link dividedAt}: the canonical decimal when it
 * terminates (`"23.505"`), else the reduced fraction (`"70/3"`); `gcd(rest, remainder)` is
 * `gcd(rest, num)`, as `widen` is prime to `rest`.
 */
function dividedText(num: Decimal, f: Denominator, s: Scale, d: Divided): string {
  return d.remainder.isZero() ? d.quotient.times(s.shift).toString() : fractionText(num, f, d.remainder);
}

/**
 * The exact text of a non-negative rational: its canonical decimal when it terminates
 * (`"23.505"`), else the reduced fraction (`"70/3"`). With `den = 2^a·5^b × rest` (`rest` prime
 * to 10, the denominator taken apart once and remembered): the value terminates exactly when
 * `rest` divides `num`.
 *
 * @example
 * ```ts
 * rationalText(ratio(140, 6)); //=> "70/3"
 * rationalText(ratio(4701, 200)); //=> "23.505"
 * ```
 */
export function rationalText(r: Rational): string {
  const f = denominatorOf(r.den);
  const s = scaleOf(f, 0);
  return dividedText(r.num, f, s, dividedAt(r.num, f, s));
}

/** A component's value rounded: its points at the policy's decimals and its exact text. */
export interface Rounded {
  /** The value rounded half-up, as an integer scaled by 10^decimals ({@link roundHalfUp}). */
  readonly points: Exact;
  /** The exact value's text ({@link rationalText}). */
  readonly text: string;
}

/**
 * {@link roundHalfUp} and {@link rationalText} of `num / den`, the rounding decided exactly. When
 * `den` has no prime but 2 and 5, the value is the exact decimal `num × (1/den)`, rounded half-up
 * by decimal.js. Otherwise from one integer quotient and remainder ({@link dividedAt}): with `q`
 * and `r` those of `num × widen` by `rest`, the value times 10^decimals is `(q + r/rest) / 10^k`,
 * `k = places − decimals ≥ 0`. When `k = 0` it rounds up exactly when `2r ≥ rest`. When `k ≥ 1`,
 * `r/rest < 1` never carries `q`'s last `k` digits across the half, which is an integer
 * (`10^k / 2`): the value rounds as the exact decimal `q / 10^k`, which decimal.js rounds half-up.
 *
 * @example
 * ```ts
 * const { points, text } = roundedFraction(exact(283), denominatorOf(exact(30)), 2);
 * points.toNumber(); //=> 943
 * text; //=> "283/30"
 * ```
 */
export function roundedFraction(num: Exact, f: Denominator, decimals: number): Rounded {
  if (f.restIsOne) {
    // den = 2^twos·5^fives: the value is the exact decimal num × (1/den), which decimal.js rounds.
    const value = num.times(f.inverse);
    return { points: value.toDecimalPlaces(decimals, D.ROUND_HALF_UP).times(tenTo(decimals)), text: value.toString() };
  }
  const s = scaleOf(f, decimals);
  const d = dividedAt(num, f, s);
  const { quotient: q, remainder: r } = d;
  const points = s.down !== undefined ? q.times(s.down).toDecimalPlaces(0, D.ROUND_HALF_UP) : r.plus(r).gte(f.rest) ? q.plus(ONE) : q;
  return { points, text: dividedText(num, f, s, d) };
}

/**
 * {@link roundedFraction} of a non-negative rational.
 *
 * @example
 * ```ts
 * const { points, text } = roundedValue(ratio(283, 30), 2);
 * points.toNumber(); //=> 943
 * text; //=> "283/30"
 * roundedValue(ratio(47_010, 2_000), 2).points.toNumber(); //=> 2351 (23.505 → 23.51)
 * ```
 */
export function roundedValue(r: Rational, decimals: number): Rounded {
  return roundedFraction(r.num, denominatorOf(r.den), decimals);
}

/** The fixed-point and the canonical text of an integer at `decimals` places. */
export interface PointTexts {
  readonly fixed: string;
  readonly canonical: string;
}

/**
 * The texts {@link pointTexts} has written, per number of decimals and by the integer's own text:
 * points are few (a component's lie between 0 and its maximum), so a batch writes each once.
 */
const POINT_TEXTS = new Map<number, Map<string, PointTexts>>();

/**
 * How many texts {@link POINT_TEXTS} holds per number of decimals: every total from 0 to 100 at
 * two decimals (10,001 values) and a component's points besides, so a batch at the usual two
 * decimals writes each text once; at more decimals the values are too many to keep, and the memo
 * starts again when full.
 */
const POINT_TEXTS_LIMIT = 16_384;

/**
 * {@link fixed} and {@link scaledText} of an integer at `decimals` places, shifted once.
 *
 * @example
 * ```ts
 * pointTexts(exact(470), 2); //=> { fixed: "4.70", canonical: "4.7" }
 * ```
 */
export function pointTexts(scaled: Integer, decimals: number): PointTexts {
  const key = typeof scaled === "number" ? String(scaled) : scaled.toString();
  let memo = POINT_TEXTS.get(decimals);
  if (memo === undefined) {
    memo = new Map<string, PointTexts>();
    POINT_TEXTS.set(decimals, memo);
  }
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = dec(scaled).times(tenTo(-decimals));
  // A negative value that rounds to zero cannot occur here: `scaled` is an integer, shifted exactly.
  return remember(memo, key, { fixed: value.toFixed(decimals), canonical: value.toString() }, POINT_TEXTS_LIMIT);
}

/**
 * {@link rationalText} of a rational already in lowest terms (from {@link meanOfRatios}), without
 * a gcd, which on numbers of a hundred thousand digits costs seconds.
 *
 * @example
 * ```ts
 * reducedRationalText(ratio(4701, 200)); //=> "23.505"
 * ```
 */
export function reducedRationalText(q: Rational): string {
  const { twos, fives, rest } = splitTens(q.den);
  return rest.eq(ONE) ? terminatingText(q.num, twos, fives) : `${q.num.toString()}/${q.den.toString()}`;
}

/**
 * A decimal text (`"-12.50"`, `"3"`, `"1e3"`) as a `Decimal`; a `SyntaxError` for anything else.
 */
function decimalOf(text: string): Decimal {
  const trimmed = text.trim();
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(trimmed)) throw new SyntaxError(`Not a decimal: ${text}`);
  return new D(trimmed);
}

/**
 * A decimal approximation of an exact value text, for people: rounded half-up to `places`
 * decimals ({@link divideHalfUp}), trailing zeros dropped; a terminating text is returned unchanged.
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
  const num = decimalOf(text.slice(0, slash));
  const den = decimalOf(text.slice(slash + 1));
  const scaled = divideHalfUp(num.abs().times(tenTo(places)), den.abs());
  const body = scaled.times(tenTo(-places)).toString();
  return num.isNegative() !== den.isNegative() && !scaled.isZero() ? `-${body}` : body;
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
  return decimalOf(a).cmp(decimalOf(b));
}

/**
 * Sums decimal texts exactly and writes the sum with `decimals` places (half away from zero; the
 * sum is exact, so the rounding is decided on the exact value).
 *
 * @example
 * ```ts
 * sumDecimalText(["0.125", "0.25"], 2); //=> "0.38"
 * ```
 */
export function sumDecimalText(values: readonly string[], decimals: number): string {
  let total = ZERO;
  for (const value of values) total = total.plus(decimalOf(value));
  const rounded = total.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
  // A negative sum that rounds to zero is written "0.00", not decimal.js's "-0.00".
  return (rounded.isZero() ? ZERO : rounded).toFixed(decimals);
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
  return decimalOf(share).times(count).floor().toNumber();
}

/**
 * Whether `share × count` is a whole number, for a decimal text `share`.
 *
 * @example
 * ```ts
 * isWholeShare("0.25", 8); //=> true
 * ```
 */
export function isWholeShare(share: string, count: number): boolean {
  return decimalOf(share).times(count).isInteger();
}

/**
 * `share × count` rounded half-up to an integer, decided exactly ({@link divideHalfUp} on the
 * share's micro units): how many entries a `half-up` quota admits.
 *
 * @example
 * ```ts
 * halfUpOfShare("0.25", 10); //=> 3
 * ```
 */
export function halfUpOfShare(share: string, count: number): number {
  return divideHalfUp(mulExact(toMicro(share) as number, count), MICRO).toNumber();
}
