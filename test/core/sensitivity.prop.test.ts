/**
 * Laws of `sensitivity` (SPEC §11) on random fields of bodies: the exact total range bounds every
 * point of the parameters' range, as `score()` computes it under that point's policy; the sampled
 * rank figures are ordered and hold the base; the same seed gives the same result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePolicy, score, xuancheng2022 } from "../../src/index.js";
import { sensitivity } from "../../src/sensitivity.js";
import { compareExactText, fieldArb, microText, rankingUnder, scenarioPolicy } from "../support/scenarios.js";

const quotaPolicy = definePolicy({
  id: "laws",
  tiers: [{ tier: "excellent", min: 85 }, { tier: "competent", min: 70 }, { tier: "basically-competent", min: 60 }],
  excellentQuota: "0.3",
});

/** A point of the default ranges: weights with up to 6 decimals, the deduction on the 2-decimal grid. */
const pointArb = fc.record({
  "surveyWeights.basicallySatisfied": fc.integer({ min: 500_000, max: 800_000 }).map(microText),
  "surveyWeights.dissatisfied": fc.integer({ min: 0, max: 200_000 }).map(microText),
  complaintDeduction: fc.integer({ min: 50, max: 200 }).map((cents) => microText(cents * 10_000)),
  roundAggregation: fc.constantFrom("mean-of-fractions", "pooled"),
  quotaRounding: fc.constantFrom("floor", "half-up", "ceil"),
});

describe("sensitivity laws", () => {
  it("random points of the range never score outside [total.min, total.max], as score() computes them", () => {
    fc.assert(
      fc.property(fieldArb, pointArb, fc.constantFrom(xuancheng2022, quotaPolicy), (inputs, point, policy) => {
        const result = sensitivity(inputs, { policy, samples: 1 });
        const derived = scenarioPolicy(policy, point);
        for (const entry of result.participants) {
          const input = inputs.find((i) => (i["participant"] as { id: string }).id === entry.participant.id);
          const total = score(input, { policy: derived, allowIncomplete: true }).total;
          expect(compareExactText(entry.total.min, total)).toBeLessThanOrEqual(0);
          expect(compareExactText(total, entry.total.max)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("one-at-a-time scenarios agree with score() and rank() under the same derived policy, body for body", () => {
    fc.assert(
      fc.property(fieldArb, fc.constantFrom(xuancheng2022, quotaPolicy), fc.constantFrom(undefined, "category" as const), (inputs, policy, by) => {
        const result = sensitivity(inputs, { policy, samples: 1, by });
        for (const scenario of result.oneAtATime) {
          const ranking = rankingUnder(inputs, scenarioPolicy(policy, { [scenario.parameter]: scenario.value }), by);
          const expected = new Map(ranking.map((e) => [e.participant.id, { participantId: e.participant.id, total: e.total, rank: e.rank, tier: e.tier }]));
          for (const r of scenario.results) expect(r).toEqual(expected.get(r.participantId));
        }
      }),
      { numRuns: 25 },
    );
  });

  it("orders every body's rank figures min ≤ p5 ≤ p50 ≤ p95 ≤ max around the base, and the base total inside its range", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer({ min: 0, max: 1000 }), (inputs, seed) => {
        const result = sensitivity(inputs, { policy: quotaPolicy, samples: 50, seed });
        for (const p of result.participants) {
          expect(compareExactText(p.total.min, p.base.total)).toBeLessThanOrEqual(0);
          expect(compareExactText(p.base.total, p.total.max)).toBeLessThanOrEqual(0);
          if (p.rank === null) {
            expect(p.base.rank).toBeNull();
            expect(p.stable).toBe(true);
            continue;
          }
          const { min, p5, p50, p95, max } = p.rank;
          expect([min <= p5, p5 <= p50, p50 <= p95, p95 <= max]).toEqual([true, true, true, true]);
          expect(min <= (p.base.rank as number) && (p.base.rank as number) <= max).toBe(true);
          expect(p.stable).toBe(min === max);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("gives the same result for the same seed", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (inputs, seed) => {
        expect(sensitivity(inputs, { policy: quotaPolicy, samples: 30, seed })).toEqual(sensitivity(inputs, { policy: quotaPolicy, samples: 30, seed }));
      }),
      { numRuns: 15 },
    );
  });
});
