/**
 * The one module that does score arithmetic, in three parts:
 *
 * - `decimal/text.ts` — reading and writing decimal text: inputs are read through their decimal
 *   text into *micro units* (integers scaled by 10^6, exact because a `Num` has at most 6 decimals
 *   and 9 integer digits, so every value is below 10^15 and a safe integer); points and exact
 *   values are written back as fixed-point and canonical texts.
 * - `decimal/exact.ts` — exact integer and rational arithmetic: component values are exact
 *   rationals of integers, each rounded half-up to the policy's decimals exactly once, from the
 *   remainder of the exact division; points are then integers scaled by 10^decimals, so sums of
 *   points are exact integer sums.
 * - `decimal/helpers.ts` — exact helpers on decimal texts (totals compared and summed, shares,
 *   approximations for people).
 *
 * No binary floating point touches a score; decimal.js is the tests' independent oracle only.
 *
 * @internal
 */
export { MICRO, addExact, addRational, divideHalfUp, gcd, meanOfRatios, microToScaled, mulExact, ratio, reduce, roundHalfUp, type Exact, type Rational } from "./decimal/exact.js";
export { NUM_PATTERN, decimalsOf, fixed, microText, parseDecimalText, pointText, rationalText, reducedRationalText, scaledText, toMicro } from "./decimal/text.js";
export { approximate, compareDecimalText, floorOfShare, isFixedText, sumDecimalText } from "./decimal/helpers.js";
