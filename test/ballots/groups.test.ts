/**
 * Rater groups in the survey method (SPEC §13.4): counts per group in the input, checked against
 * the counts, and scored group-weighted under a policy's `groupWeights`.
 */
import { describe, expect, it } from "vitest";
import { InputError, definePolicy, explain, safeScore, score } from "../../src/index.js";
import { withComponents } from "../support/inputs.js";

const counts = (satisfied: number, basicallySatisfied: number, dissatisfied: number, unknown?: number) =>
  unknown === undefined ? { satisfied, basicallySatisfied, dissatisfied } : { satisfied, basicallySatisfied, dissatisfied, unknown };

/** serviceRecipients with these groups, its counts their sum. */
function grouped(groups: Record<string, ReturnType<typeof counts>>) {
  const sum = (key: "satisfied" | "basicallySatisfied" | "dissatisfied" | "unknown") => Object.values(groups).reduce((n, c) => n + ((c as { [k: string]: number | undefined })[key] ?? 0), 0);
  const unknown = Object.values(groups).some((c) => "unknown" in c) ? sum("unknown") : undefined;
  return withComponents({ serviceRecipients: { ballots: counts(sum("satisfied"), sum("basicallySatisfied"), sum("dissatisfied"), unknown), groups } });
}

const component = (input: unknown, policy?: ReturnType<typeof definePolicy>) =>
  score(input, { policy, allowIncomplete: true }).components.find((c) => c.id === "serviceRecipients");

const weighted = definePolicy({ id: "groups-64", groupWeights: { serviceRecipients: { 市民群众: 6, 商户: 4 } } });

describe("a survey with groups", () => {
  it("scores from its counts under the preset, the groups information only, and lists group-weights", () => {
    const input = grouped({ 市民群众: counts(30, 5, 1), 商户: counts(11, 1, 0) });
    const plain = withComponents({ serviceRecipients: { ballots: counts(41, 6, 1) } });
    expect(component(input)?.points).toBe(component(plain)?.points);
    expect(score(input).assumptions).toContain("group-weights");
    expect(score(plain).assumptions).not.toContain("group-weights");
  });

  it("must add up to its counts, field by field", () => {
    const input = withComponents({ serviceRecipients: { ballots: counts(41, 6, 1, 2), groups: { 市民群众: counts(30, 5, 1, 2), 商户: counts(10, 1, 0) } } });
    const outcome = safeScore(input, { lang: "en" });
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.error.issues).toMatchObject([
      { path: ["components", "serviceRecipients", "groups"], code: "groups-mismatch", params: { field: "satisfied", ballots: 41, sum: 40 } },
    ]);
    const zh = safeScore(input);
    expect(zh.success ? "" : zh.error.issues[0]?.message).toBe("服务对象代表评价的“满意”票数为 41，而各类评价人的“满意”票数之和为 40：两者必须相等；请核对各类别的票数");
  });

  it("refuses a group the policy does not weigh", () => {
    const outcome = safeScore(grouped({ 市民群众: counts(3, 0, 0), 企业代表: counts(1, 0, 0) }), { policy: weighted });
    expect(outcome.success ? [] : outcome.error.issues.map((i) => [i.path, i.code])).toEqual([[["components", "serviceRecipients", "groups", "企业代表"], "unknown-group"]]);
  });
});

describe("group-weighted scoring", () => {
  it("weighs each group's fraction: max × Σ ω·f / Σ ω, rounded half-up once", () => {
    // 市民群众 f = (8 + 2×0.6)/10 = 0.92, 商户 f = (1 + 0)/2 = 0.5: 15 × (6×0.92 + 4×0.5) / 10 = 11.28
    const c = component(grouped({ 市民群众: counts(8, 2, 0), 商户: counts(1, 0, 1) }), weighted);
    expect(c?.points).toBe("11.28");
    expect(c?.trace[1]).toEqual({
      op: "group-weighted",
      groups: [
        { group: "市民群众", weight: "6", fraction: "0.92" },
        { group: "商户", weight: "4", fraction: "0.5" },
      ],
      value: "11.28",
    });
    expect(c?.trace[2]).toEqual({ op: "round-half-up", from: "11.28", to: "11.28" });
  });

  it("keeps a non-terminating value exact until its one rounding", () => {
    // 市民群众 f = 1/3, 商户 f = 1: 15 × (6/3 + 4) / 10 = 9
    expect(component(grouped({ 市民群众: counts(1, 0, 2), 商户: counts(1, 0, 0) }), weighted)?.points).toBe("9.00");
    // 市民群众 f = 2/3, 商户 f = 0: 15 × 6 × 2/3 / 10 = 6; weights 1 and 2: 15 × (2/3) / 3 = 10/3
    const twoThirds = definePolicy({ id: "g12", groupWeights: { serviceRecipients: { 市民群众: 1, 商户: 2 } } });
    const c = component(grouped({ 市民群众: counts(2, 0, 1), 商户: counts(0, 0, 1) }), twoThirds);
    expect([c?.trace[1]?.op === "group-weighted" ? c.trace[1].value : "", c?.points]).toEqual(["10/3", "3.33"]);
  });

  it("leaves out a named group without votes, renormalises the others and says so", () => {
    const result = score(grouped({ 市民群众: counts(8, 2, 0), 商户: counts(0, 0, 0, 3) }), { policy: weighted });
    const c = result.components.find((x) => x.id === "serviceRecipients");
    expect(c?.points).toBe("13.80");
    expect(result.findings).toContainEqual({ code: "group-missing", component: "serviceRecipients", group: "商户" });
    expect(explain(result)).toContain("15 × (6×0.92) / (6) = 13.8（按评价人类别加权，各类得分率：市民群众 0.92）");
  });

  it("makes the component missing when no named group has votes, or the survey has no groups", () => {
    expect(component(grouped({ 商户: counts(0, 0, 0, 1) }), weighted)?.missing).toBe(true);
    expect(component(withComponents({ serviceRecipients: { ballots: counts(10, 0, 0) } }), weighted)?.missing).toBe(true);
    expect(() => score(withComponents({ serviceRecipients: { ballots: counts(10, 0, 0) } }), { policy: weighted })).toThrow(InputError);
  });

  it("leaves the other surveys pooled and takes group-weights off the assumptions", () => {
    const input = grouped({ 市民群众: counts(8, 2, 0), 商户: counts(1, 0, 1) });
    const result = score(input, { policy: weighted });
    expect(result.assumptions).not.toContain("group-weights");
    expect(result.components.find((c) => c.id === "deputies")?.points).toBe(score(input).components.find((c) => c.id === "deputies")?.points);
  });
});

describe("compare with a candidate policy that weighs groups", () => {
  it("needs nothing new: the candidate's groupWeights score the grouped surveys", async () => {
    const { compare } = await import("../../src/sensitivity.js");
    const a = { ...grouped({ 市民群众: counts(8, 2, 0), 商户: counts(1, 0, 1) }), participant: { id: "a", name: "甲", category: "public-service" } };
    const b = { ...grouped({ 市民群众: counts(5, 0, 5), 商户: counts(10, 0, 0) }), participant: { id: "b", name: "乙", category: "public-service" } };
    const result = compare([a, b], { candidate: weighted });
    const points = (input: unknown, policy?: ReturnType<typeof definePolicy>) => score(input, { policy }).total;
    expect(result.participants.map((p) => [p.participant.id, p.base.total, p.candidate.total])).toEqual(
      expect.arrayContaining([
        ["a", points(a), points(a, weighted)],
        ["b", points(b), points(b, weighted)],
      ]),
    );
    expect(points(b, weighted)).not.toBe(points(b));
  });
});
