/**
 * `groupWeights` as a discrete parameter of `sensitivity` (SPEC §13.4): not varied unless `ranges`
 * names it; each value tried gives the totals `score` gives under the policy with those weights.
 */
import { describe, expect, it } from "vitest";
import { InputError, definePolicy, score } from "../../src/index.js";
import { sensitivity } from "../../src/sensitivity.js";
import { withComponents } from "../support/inputs.js";

const body = (id: string, groups: Record<string, { satisfied: number; basicallySatisfied: number; dissatisfied: number }>) => {
  const sum = (key: "satisfied" | "basicallySatisfied" | "dissatisfied") => Object.values(groups).reduce((n, g) => n + g[key], 0);
  return withComponents(
    { serviceRecipients: { ballots: { satisfied: sum("satisfied"), basicallySatisfied: sum("basicallySatisfied"), dissatisfied: sum("dissatisfied") }, groups } },
    { participant: { id, name: id, category: "public-service" } },
  );
};

const inputs = [
  body("a", { 市民群众: { satisfied: 8, basicallySatisfied: 2, dissatisfied: 0 }, 商户: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 1 } }),
  body("b", { 市民群众: { satisfied: 5, basicallySatisfied: 0, dissatisfied: 5 }, 商户: { satisfied: 10, basicallySatisfied: 0, dissatisfied: 0 } }),
];
const SIXFOUR = { serviceRecipients: { 市民群众: 6, 商户: 4 } };

describe("sensitivity over group weights", () => {
  it("does not vary groupWeights unless ranges names it", () => {
    expect(sensitivity(inputs, { samples: 10 }).parameters.map((p) => p.parameter)).not.toContain("groupWeights");
  });

  it("tries each value named, null pooled, with the totals score gives under that policy", () => {
    const s = sensitivity(inputs, { ranges: { groupWeights: [null, SIXFOUR] }, samples: 20 });
    expect(s.parameters).toContainEqual({ parameter: "groupWeights", values: ["null", '{"serviceRecipients":{"市民群众":"6","商户":"4"}}'] });
    const weighted = definePolicy({ id: "w", groupWeights: SIXFOUR });
    const scenario = s.oneAtATime.find((o) => o.parameter === "groupWeights" && o.value !== "null");
    for (const input of inputs) {
      const id = (input["participant"] as { id: string }).id;
      expect(scenario?.results.find((r) => r.participantId === id)?.total).toBe(score(input, { policy: weighted }).total);
      const entry = s.participants.find((p) => p.participant.id === id);
      const totals = [score(input).total, score(input, { policy: weighted }).total].map(Number);
      expect(Number(entry?.total.min)).toBeLessThanOrEqual(Math.min(...totals));
      expect(Number(entry?.total.max)).toBeGreaterThanOrEqual(Math.max(...totals));
    }
  });

  it("refuses weights that leave out a group of an input, or leave a survey without votes", () => {
    try {
      sensitivity(inputs, { ranges: { groupWeights: [{ serviceRecipients: { 市民群众: 1 } }] }, lang: "en" });
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues.map((i) => [i.path, i.code])).toEqual([
        [[0, "components", "serviceRecipients", "groups", "商户"], "unknown-group"],
        [[1, "components", "serviceRecipients", "groups", "商户"], "unknown-group"],
      ]);
    }
    const silent = [body("c", { 市民群众: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }, 商户: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 } })];
    expect(() => sensitivity(silent, { ranges: { groupWeights: [{ serviceRecipients: { 市民群众: 1, 商户: 1 } }] } })).not.toThrow();
    // a survey without groups has no named group with votes under any weights (decision T5)
    const pooled = [withComponents({}, { participant: { id: "d", name: "d", category: "public-service" } })];
    try {
      sensitivity(pooled, { ranges: { groupWeights: [null, { serviceRecipients: { 市民群众: 1 } }] } });
      throw new Error("expected a refusal");
    } catch (error) {
      expect((error as InputError).issues.map((i) => [i.path, i.code])).toEqual([[[0, "components", "serviceRecipients"], "missing-component"]]);
      expect((error as InputError).issues[0]?.message).toBe("缺少服务对象代表评价的有效记录；请补齐数据，或用 allowIncomplete 计为暂定结果（按政策“xuancheng-2022+groupWeights2”）");
    }
  });
});
