/**
 * The two policy parameters of SPEC §2 that close assumptions on their own: `roundAggregation`
 * (pooled rounds) and `quotaRounding` (how `rank` counts the 优秀 quota).
 */
import { describe, expect, it } from "vitest";
import { definePolicy, explain, rank, score, xuancheng2022 } from "../../src/index.js";
import { resultOf } from "./rank-fixtures.js";
import { withComponents } from "../support/inputs.js";
import { thrownIssues } from "../support/errors.js";

// One round out of the component's 25, one out of 100: the two aggregations differ.
const mixed = withComponents({
  routineInspection: { rounds: [{ date: "2022-04-12", score: 20 }, { date: "2022-10-18", score: 90, outOf: 100 }] },
});
const pooled = definePolicy({ id: "pooled", roundAggregation: "pooled" });

describe("roundAggregation", () => {
  it("is mean-of-fractions in the preset, assumed, and pooled when a policy says so", () => {
    expect(xuancheng2022.parameters.roundAggregation).toEqual({ value: "mean-of-fractions", provenance: { kind: "assumed", assumption: "round-aggregation" } });
    expect(pooled.parameters.roundAggregation).toEqual({ value: "pooled", provenance: { kind: "policy", policy: "pooled" } });
  });

  it("pools rounds as Σ score ÷ Σ outOf and traces the pooled-fraction step in place of the mean", () => {
    const mean = score(mixed).components[0];
    const sum = score(mixed, { policy: pooled }).components[0];
    // mean: 25 × (20/25 + 90/100) / 2 = 21.25; pooled: 25 × 110 / 125 = 22
    expect(mean?.points).toBe("21.25");
    expect(sum?.points).toBe("22.00");
    expect(sum?.trace[1]).toEqual({ op: "pooled-fraction", scores: ["20", "90"], outOf: ["25", "100"], value: "22" });
    expect(sum?.trace.some((s) => s.op === "mean-of-fractions")).toBe(false);
  });

  it("takes round-aggregation off the result's assumptions once a policy sets it", () => {
    expect(score(mixed).assumptions).toContain("round-aggregation");
    expect(score(mixed, { policy: pooled }).assumptions).not.toContain("round-aggregation");
    const same = definePolicy({ id: "mean-set", roundAggregation: "mean-of-fractions" });
    expect(score(mixed, { policy: same }).total).toBe(score(mixed).total);
    expect(score(mixed, { policy: same }).assumptions).not.toContain("round-aggregation");
  });

  it("is written out by explain, in Chinese and English", () => {
    const result = score(mixed, { policy: pooled });
    expect(explain(result)).toContain("25 × (20 + 90) / (25 + 100) = 22");
    expect(explain(result, { lang: "en" })).toContain("25 × (20 + 90) / (25 + 100) = 22");
  });

  it("refuses a value that is not one of the two, naming the path", () => {
    expect(thrownIssues(() => definePolicy({ id: "x", roundAggregation: "median" })).map((i) => i.path)).toEqual([["roundAggregation"]]);
  });
});

describe("quotaRounding", () => {
  const tiers = [{ tier: "excellent", min: 90 }, { tier: "competent", min: 0 }];
  // Ten final results all at 优秀 by score: a quota of 25% admits 2.5 of them.
  const results = (policy: string) =>
    Array.from({ length: 10 }, (_, i) => resultOf({ id: `b${i}`, total: `${99 - i}.00`, tier: "excellent", policy }));
  const excellentUnder = (overrides: Record<string, unknown>) => {
    const policy = definePolicy({ id: "q", tiers, excellentQuota: "0.25", ...overrides });
    return rank(results("q"), { policy }).filter((e) => e.tier === "excellent").length;
  };

  it("rounds quota × entries down in the preset, half-up (四舍五入) or up (进一法) when the policy says so", () => {
    expect(xuancheng2022.parameters.quotaRounding).toEqual({ value: "floor", provenance: { kind: "assumed", assumption: "score-tiers" } });
    expect(excellentUnder({})).toBe(2);
    expect(excellentUnder({ quotaRounding: "floor" })).toBe(2);
    expect(excellentUnder({ quotaRounding: "half-up" })).toBe(3);
    expect(excellentUnder({ quotaRounding: "ceil" })).toBe(3);
  });

  it("does not round an exact product up or down (0.3 × 10 is 3 under every rounding)", () => {
    for (const quotaRounding of ["floor", "half-up", "ceil"]) expect(excellentUnder({ excellentQuota: "0.3", quotaRounding })).toBe(3);
    expect(excellentUnder({ excellentQuota: "0.21", quotaRounding: "half-up" })).toBe(2); // 2.1
    expect(excellentUnder({ excellentQuota: "0.21", quotaRounding: "ceil" })).toBe(3);
  });

  it("is allowed without a quota, where it changes nothing", () => {
    const policy = definePolicy({ id: "q", tiers, quotaRounding: "ceil" });
    expect(rank(results("q"), { policy }).every((e) => e.tier === "excellent")).toBe(true);
  });

  it("refuses a rounding it does not know, naming the path", () => {
    expect(thrownIssues(() => definePolicy({ id: "x", quotaRounding: "up" })).map((i) => i.path)).toEqual([["quotaRounding"]]);
  });
});
