/**
 * An exact rational on BigInt, written here as the tests' independent oracle of the library's
 * arithmetic (which is decimal.js): decimal texts read exactly, sums, products, comparisons, and
 * half-up rounding from the integer quotient and remainder.
 */

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `num/den` in lowest terms, `den > 0`. */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    if (den === 0n) throw new RangeError("zero denominator");
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den) || 1n;
    this.num = (sign * num) / g;
    this.den = (sign * den) / g;
  }

  /** A decimal text (`"-12.50"`, `"3"`, `"1e3"`), a `"num/den"` text, an integer or a bigint. */
  static of(value: string | number | bigint | Fraction): Fraction {
    if (value instanceof Fraction) return value;
    if (typeof value === "bigint") return new Fraction(value);
    if (typeof value === "number") {
      if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
      return new Fraction(BigInt(value));
    }
    const slash = value.indexOf("/");
    if (slash >= 0) return new Fraction(BigInt(value.slice(0, slash)), BigInt(value.slice(slash + 1)));
    const match = /^([+-])?([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(value.trim());
    if (match === null || `${match[2] ?? ""}${match[3] ?? ""}` === "") throw new SyntaxError(`not a decimal: ${value}`);
    const [, sign, whole = "", fraction = "", exponent = "0"] = match;
    const digits = BigInt(`${whole}${fraction}` || "0") * (sign === "-" ? -1n : 1n);
    const scale = fraction.length - Number(exponent);
    return scale >= 0 ? new Fraction(digits, 10n ** BigInt(scale)) : new Fraction(digits * 10n ** BigInt(-scale));
  }

  plus(other: string | number | bigint | Fraction): Fraction {
    const o = Fraction.of(other);
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  times(other: string | number | bigint | Fraction): Fraction {
    const o = Fraction.of(other);
    return new Fraction(this.num * o.num, this.den * o.den);
  }

  div(other: string | number | bigint | Fraction): Fraction {
    const o = Fraction.of(other);
    return new Fraction(this.num * o.den, this.den * o.num);
  }

  cmp(other: string | number | bigint | Fraction): number {
    const o = Fraction.of(other);
    const left = this.num * o.den;
    const right = o.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: string | number | bigint | Fraction): boolean {
    return this.cmp(other) === 0;
  }

  gte(other: string | number | bigint | Fraction): boolean {
    return this.cmp(other) >= 0;
  }

  lte(other: string | number | bigint | Fraction): boolean {
    return this.cmp(other) <= 0;
  }

  /** `⌊this⌋`. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** The magnitude rounded half-up (half away from zero) to `decimals` places, as a scaled integer. */
  scaledHalfUp(decimals: number): bigint {
    const n = (this.num < 0n ? -this.num : this.num) * 10n ** BigInt(decimals);
    const q = n / this.den;
    const rounded = 2n * (n - q * this.den) >= this.den ? q + 1n : q;
    return this.num < 0n ? -rounded : rounded;
  }

  /** Fixed-point text with `decimals` places, rounded half away from zero. */
  toFixed(decimals: number): string {
    const scaled = this.scaledHalfUp(decimals);
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
    const cut = digits.length - decimals;
    const body = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    return negative ? `-${body}` : body;
  }

  /** The canonical decimal text when it terminates (no trailing zeros), else `undefined`. */
  toDecimalText(): string | undefined {
    let [rest, twos, fives] = [this.den, 0, 0];
    while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
    while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
    if (rest !== 1n) return undefined;
    const places = Math.max(twos, fives);
    const text = this.toFixed(places);
    return places === 0 ? text : text.replace(/0+$/, "").replace(/\.$/, "");
  }
}
