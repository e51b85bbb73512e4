/**
 * Derived policies: validated values whose every parameter records where it comes from.
 */
import { describe, expect, it } from "vitest";
import { InputError, definePolicy, score, xuancheng2022 } from "../../src/index.js";
import { commendation, completeInput } from "../support/inputs.js";

const refused = (overrides: unknown, lang: "zh" | "en" = "en") => {
  try {
    definePolicy(overrides, { lang });
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => ({ path: i.path, code: i.code }));
    throw error;
  }
  throw new Error("expected the policy to be refused");
};

const firstMessage = (overrides: unknown, lang: "zh" | "en") => {
  try {
    definePolicy(overrides, { lang });
  } catch (error) {
    if (error instanceof InputError) return error.issues[0]?.message;
    throw error;
  }
  throw new Error("expected the policy to be refused");
};

describe("the preset xuancheng-2022", () => {
  it("records a clause or an assumption for every parameter", () => {
    for (const [name, parameter] of Object.entries(xuancheng2022.parameters)) {
      expect(["clause", "assumed"], name).toContain(parameter.provenance.kind);
    }
    expect(xuancheng2022.parameters.commendationPoints).toEqual({
      value: { municipal: "0.5", "provincial-department": "0.5", provincial: "3", national: "5" },
      provenance: { kind: "clause", clauses: ["附件2-三.1"] },
    });
  });

  it("is frozen", () => {
    expect(Object.isFrozen(xuancheng2022.parameters.surveyWeights.value)).toBe(true);
  });
});

describe("definePolicy", () => {
  it("sets tiers by score and takes score-tiers off the assumptions", () => {
    const policy = definePolicy({ id: "city-2023", tiers: [{ tier: "excellent", min: 93 }, { tier: "competent", min: "80" }] });
    const result = score(completeInput(), { policy });
    expect([result.total, result.tier, result.policy.id]).toEqual(["93.23", "excellent", "city-2023"]);
    expect(result.assumptions).not.toContain("score-tiers");
    expect(policy.parameters.tiers.provenance).toEqual({ kind: "policy", policy: "city-2023" });
    const low = score(completeInput(), { policy: definePolicy({ id: "strict", tiers: [{ tier: "competent", min: 95 }] }) });
    expect(low.tier).toBe("incompetent");
  });

  it("caps the bonus and reports the cap", () => {
    const policy = definePolicy({ id: "capped", bonusCap: "4" });
    const result = score(
      completeInput({ commendations: [commendation({ id: "a", matter: "甲", level: "national" }), commendation({ id: "b", matter: "乙" })] }),
      { policy },
    );
    expect([result.bonus.points, result.total]).toEqual(["4.00", "97.23"]);
    expect(result.findings).toEqual([{ code: "bonus-capped", uncapped: "8.00", cap: "4.00" }]);
    expect(result.assumptions).not.toContain("bonus-cap");
  });

  it("rounds to the policy's decimals", () => {
    const policy = definePolicy({ id: "three", decimals: 3 });
    const result = score(completeInput(), { policy });
    // 15 × 44.6 / 48 = 13.9375 → 13.938; 15 × 19.8 / 21 = 14.142857… → 14.143.
    expect(result.components.map((c) => c.points).slice(4, 6)).toEqual(["13.938", "14.143"]);
    expect(result.assumptions).not.toContain("rounding");
  });

  it("changes survey weights, the deduction and the minimum of rounds", () => {
    const policy = definePolicy({
      id: "weights",
      surveyWeights: { satisfied: 1, basicallySatisfied: "0.8", dissatisfied: "0.2" },
      complaintDeduction: "2",
      minRounds: 3,
    });
    const result = score(completeInput(), { policy });
    // 15 × (41 + 6×0.8 + 1×0.2) / 48 = 15 × 46 / 48 = 14.375 → 14.38.
    expect(result.components[4]?.points).toBe("14.38");
    expect(result.findings.filter((f) => f.code === "too-few-rounds")).toHaveLength(3);
  });

  it("refuses a preset's id and values out of range, every one at once", () => {
    expect(
      refused({
        id: "xuancheng-2022",
        surveyWeights: { satisfied: "0.5", basicallySatisfied: "0.6", dissatisfied: 0 },
        bonusCap: 0,
        excellentQuota: "1.5",
        tiers: [{ tier: "competent", min: 60 }, { tier: "excellent", min: 90 }],
      }),
    ).toEqual([
      { path: ["id"], code: "custom" },
      { path: ["surveyWeights"], code: "custom" },
      { path: ["bonusCap"], code: "too_small" },
      { path: ["tiers", 1, "min"], code: "custom" },
      { path: ["excellentQuota"], code: "too_big" },
    ]);
  });

  it("refuses unknown keys and a missing id", () => {
    expect(refused({ id: "x", bonus: 1 })).toEqual([{ path: ["bonus"], code: "unrecognized_keys" }]);
    expect(refused({})).toEqual([{ path: ["id"], code: "invalid_type" }]);
  });

  it("refuses a fixed value that does not fit the policy's decimals", () => {
    // decimals 0: the preset's municipal and provincial-department points (0.5) no longer fit.
    expect(refused({ id: "whole", decimals: 0 })).toEqual([
      { path: ["decimals"], code: "too-many-decimals" },
      { path: ["decimals"], code: "too-many-decimals" },
    ]);
    expect(refused({ id: "fine", bonusCap: "2.125" })).toEqual([{ path: ["bonusCap"], code: "too-many-decimals" }]);
  });

  it("speaks Chinese by default and English on request", () => {
    expect(firstMessage({ id: "x", minRounds: 0 }, "zh")).toMatchInlineSnapshot(`"每年不少于的督查次数不得小于 1，填写的是 0"`);
    expect(firstMessage({ id: "x", minRounds: 0 }, "en")).toMatchInlineSnapshot(`"The minimum rounds must be at least 1, not 0"`);
  });
});

describe("policy ids", () => {
  it("accepts ids that are names on Object.prototype", () => {
    for (const id of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      expect(definePolicy({ id }).id).toBe(id);
    }
  });
});
