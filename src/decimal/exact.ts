/**
 * Exact integer and rational arithmetic: integers are {@link Exact} — a safe-integer `number` while
 * every intermediate stays below 2^53 (the common case, and the fast one), a `bigint` from the
 * first operation that would leave that range. An operation on numbers whose exact result is not a
 * safe integer gives a float of at least 2^53, which the range check sees, so no result is ever an
 * inexact float. One gcd, one half-up division.
 *
 * @internal
 */

/** Micro units per unit: every `Num` is an integer number of micro units. */
export const MICRO = 1_000_000;

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

export const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_BIG = BigInt(SAFE);
/** 10^0 … 10^15, all exact doubles. */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** An exact integer as a `bigint`. */
export function big(x: Exact): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}

/** A bigint back to a number when it is a safe integer, so later operations take the fast path. */
export function small(x: bigint): Exact {
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

/**
 * `a + b`, exactly: switches to `bigint` past the safe-integer range.
 *
 * @example
 * ```ts
 * addExact(2 ** 53 - 1, 1); //=> 9007199254740992n
 * ```
 */
export function addExact(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (sum <= SAFE && sum >= -SAFE) return sum;
  }
  return big(a) + big(b);
}

/**
 * The exact rational `num/den` from integers (numbers or bigints).
 *
 * @example
 * ```ts
 * ratio(47_010_000, 2_000_000); //=> { num: 47010000, den: 2000000 }
 * ```
 */
export function ratio(num: Exact, den: Exact): Rational {
  return { num: typeof num === "bigint" ? small(num) : num, den: typeof den === "bigint" ? small(den) : den };
}

/**
 * `a + b`, exactly.
 *
 * @example
 * ```ts
 * addRational(ratio(1, 2), ratio(1, 3)); //=> { num: 5, den: 6 }
 * ```
 */
export function addRational(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: addExact(a.num, b.num), den: a.den };
  return reduce({ num: addExact(mulExact(a.num, b.den), mulExact(b.num, a.den)), den: mulExact(a.den, b.den) });
}

/**
 * The greatest common divisor of `|a|` and `b ≥ 0` (the one Euclid of the library).
 *
 * @example
 * ```ts
 * gcd(12, 18); //=> 6
 * gcd(2n ** 70n, 2n ** 65n * 3n); //=> 36893488147419103232n
 * ```
 */
export function gcd(a: Exact, b: Exact): Exact {
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

/**
 * `r` in lowest terms.
 *
 * @example
 * ```ts
 * reduce({ num: 6, den: 4 }); //=> { num: 3, den: 2 }
 * ```
 */
export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  if (typeof g === "number") {
    // both are numbers
    return g <= 1 ? r : { num: (r.num as number) / g, den: (r.den as number) / g };
  }
  return g <= 1n ? r : { num: small(big(r.num) / g), den: small(big(r.den) / g) };
}

/**
 * `n / d` rounded half-up (四舍五入) to an integer, for `n ≥ 0` and `d > 0`: the one rounding of
 * the library, decided exactly from the remainder of the exact division.
 *
 * @example
 * ```ts
 * divideHalfUp(9405, 100); //=> 94
 * divideHalfUp(9450, 100); //=> 95
 * ```
 */
export function divideHalfUp(n: Exact, d: Exact): Exact {
  if (typeof n === "number" && typeof d === "number" && n + d <= SAFE) {
    // The float quotient of two integers below 2^53 is within one of the true floor, so one
    // correction makes `q` exact; `q × d ≤ n + d` stays a safe integer, so `rest` is exact.
    let q = Math.floor(n / d);
    let rest = n - q * d;
    if (rest < 0) {
      q -= 1;
      rest += d;
    } else if (rest >= d) {
      q += 1;
      rest -= d;
    }
    return rest * 2 >= d ? q + 1 : q;
  }
  const bigD = big(d);
  return small((2n * big(n) + bigD) / (2n * bigD));
}

/**
 * Rounds a non-negative rational half-up to `decimals` places and returns the integer scaled by
 * 10^decimals.
 *
 * @example
 * ```ts
 * roundHalfUp({ num: 283, den: 30 }, 2); //=> 943
 * ```
 */
export function roundHalfUp(r: Rational, decimals: number): number {
  return Number(divideHalfUp(mulExact(r.num, POW10[decimals] ?? 10 ** decimals), r.den));
}

/**
 * Micro units as an integer at `decimals` places; the caller has checked it fits.
 *
 * @example
 * ```ts
 * microToScaled(23_510_000, 2); //=> 2351
 * ```
 */
export function microToScaled(micro: number, decimals: number): number {
  return micro / 10 ** (6 - decimals);
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
    const g = gcd(d, den % d) as bigint;
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
    const g = gcd(f, num % f) as bigint;
    if (g !== 1n) {
      num /= g;
      den /= g;
    }
  }
  return { num: small(num), den: small(den) };
}
