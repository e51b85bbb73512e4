/** `sensitivity` and `compare` (SPEC §11): which parameters vary, their ranges, and bad input refused. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, xuancheng2022 } from "../../src/index.js";
import { compare, sensitivity } from "../../src/sensitivity.js";
import { thrownIssues } from "../support/errors.js";
import { completeInput, withComponents } from "../support/inputs.js";

const dir = new URL("../../examples/2022/", import.meta.url);
const examples: unknown[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as unknown);
const quota = definePolicy({ id: "quota", excellentQuota: "0.2", tiers: [{ tier: "excellent", min: 93 }, { tier: "competent", min: 80 }] });
const names = (policy: Parameters<typeof sensitivity>[1]) => sensitivity(examples, { samples: 1, ...policy }).parameters;

describe("sensitivity", () => {
  it("varies the four assumed parameters of the preset over SPEC §11's default ranges, and the quota rounding only under a quota", () => {
    expect(names({})).toEqual([
      { parameter: "surveyWeights.basicallySatisfied", range: ["0.5", "0.8"] },
      { parameter: "surveyWeights.dissatisfied", range: ["0", "0.2"] },
      { parameter: "complaintDeduction", range: ["0.5", "2"] },
      { parameter: "roundAggregation", values: ["mean-of-fractions", "pooled"] },
    ]);
    expect(names({ policy: quota }).at(-1)).toEqual({ parameter: "quotaRounding", values: ["floor", "half-up", "ceil"] });
  });

  it("holds a field the policy sets (both weights for surveyWeights) unless ranges names it", () => {
    const city = definePolicy({ id: "city", surveyWeights: { satisfied: 1, basicallySatisfied: "0.7", dissatisfied: 0 }, complaintDeduction: 2 });
    expect(names({ policy: city }).map((p) => p.parameter)).toEqual(["roundAggregation"]);
    const named = names({ policy: city, ranges: { "surveyWeights.dissatisfied": ["0", "0.1"], roundAggregation: ["pooled"] } });
    expect(named).toEqual([
      { parameter: "surveyWeights.dissatisfied", range: ["0", "0.1"] },
      { parameter: "roundAggregation", values: ["pooled"] },
    ]);
  });

  it("rounds the deduction's range into the policy's decimal grid (at 0 decimals the default becomes 1 .. 2)", () => {
    const whole = definePolicy({ id: "whole", decimals: 0, commendationPoints: { municipal: 1, "provincial-department": 1, provincial: 3, national: 5 } });
    expect(sensitivity([completeInput()], { policy: whole, samples: 1 }).parameters[2]).toEqual({ parameter: "complaintDeduction", range: ["1", "2"] });
    expect(names({ ranges: { complaintDeduction: ["0.555", "2.004"] } })[2]).toEqual({ parameter: "complaintDeduction", range: ["0.56", "2"] });
  });

  it("counts the base as a scenario, so a range that leaves out the base value still bounds the base total", () => {
    const result = sensitivity(examples, { samples: 10, ranges: { complaintDeduction: ["2", "3"] } });
    for (const p of result.participants) expect(Number(p.total.max)).toBeGreaterThanOrEqual(Number(p.base.total));
  });

  it("ranks a vetoed or provisional body nowhere: rank null and stable", () => {
    const provisional = withComponents({}, { participant: { id: "zz", name: "暂定", category: "law-enforcement" } });
    delete (provisional["components"] as Record<string, unknown>)["deputies"];
    const result = sensitivity([...examples, provisional], { samples: 5 });
    const unranked = result.participants.filter((p) => p.base.rank === null).map((p) => [p.participant.id, p.rank, p.stable]);
    expect(unranked).toEqual([["gysyc", null, true], ["zz", null, true]]);
  });

  it("gives tier shares only under a policy with tiers, in tier order, over every scenario", () => {
    expect(sensitivity(examples, { samples: 5 }).participants.every((p) => !("tiers" in p))).toBe(true);
    const shares = sensitivity(examples, { policy: quota, samples: 200 }).participants.map((p) => p.tiers);
    expect(shares[0]).toEqual({ excellent: "1.0000" });
    for (const s of shares) expect(Object.values(s ?? {}).reduce((sum, x) => sum + Number(x), 0)).toBeCloseTo(1, 3);
  });

  it("ranks within categories with by: category", () => {
    const result = sensitivity(examples, { samples: 5, by: "category" });
    // zfzd is the one law-enforcement body: first of its category in every scenario.
    expect(result.participants.filter((p) => p.base.rank === 1).map((p) => p.participant.id)).toEqual(["zfzd", "jdzhzx"]);
    expect(result.participants.find((p) => p.participant.id === "zfzd")).toMatchObject({ rank: { min: 1, max: 1 }, stable: true });
  });
});

const first = (run: () => unknown) => thrownIssues(run).map((i) => ({ path: i.path, code: i.code, message: i.message }));

describe("sensitivity and compare refuse", () => {
  it("inputs of several years and a body given twice, naming each input", () => {
    const other = completeInput({ year: 2023, participant: { id: "b", name: "乙", category: "law-enforcement" } });
    expect(first(() => sensitivity([completeInput(), other, completeInput()]))).toMatchInlineSnapshot(`
      [
        {
          "code": "mixed-years",
          "message": "该输入的年度 2023 与第一条输入的年度 2022 不同；一次分析只比较同一年度的输入",
          "path": [
            1,
            "year",
          ],
        },
        {
          "code": "duplicate-id",
          "message": "编号 "hjwsc" 在本列表中重复；每条记录的编号（id）必须唯一",
          "path": [
            2,
            "participant",
            "id",
          ],
        },
      ]
    `);
  });

  it("an invalid input, naming the input and the policy", () => {
    const issues = first(() => compare([{ ...completeInput(), extra: 1 }], { candidate: quota }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [[0, "extra"], "unrecognized_keys"],
      [[0, "extra"], "unrecognized_keys"],
    ]);
    expect(issues.map((i) => i.message.match(/“[^”]+”）$/)?.[0])).toEqual(["“xuancheng-2022”）", "“quota”）"]);
  });

  it("a range with low > high, a weight above 1, a deduction of 0, an unknown parameter, with every path at once", () => {
    const issues = first(() =>
      sensitivity(examples, {
        ranges: {
          "surveyWeights.basicallySatisfied": ["0.8", "0.5"],
          "surveyWeights.dissatisfied": ["0", "1.2"],
          complaintDeduction: ["0", "2"],
          surveyWeight: ["0", "1"],
        } as never,
      }),
    );
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([["ranges.surveyWeight", "unrecognized_keys"]]);
    const domain = first(() =>
      sensitivity(examples, {
        ranges: { "surveyWeights.basicallySatisfied": ["0.8", "0.5"], "surveyWeights.dissatisfied": ["0", "1.2"], complaintDeduction: ["0", "2"] },
      }),
    );
    expect(domain.map((i) => [i.path.join("."), i.code])).toEqual([
      ["ranges.surveyWeights.basicallySatisfied", "range-order"],
      ["ranges.surveyWeights.dissatisfied.1", "too_big"],
      ["ranges.complaintDeduction.0", "too_small"],
      ["ranges.surveyWeights.basicallySatisfied", "weights-order"],
    ]);
    expect(domain[0]?.message).toBe("下限大于上限；请写成 [下限, 上限]");
  });

  it("a deduction that rounds to 0 on the policy's grid, weights whose ranges cross, a value listed twice", () => {
    const issues = first(() =>
      sensitivity(examples, {
        ranges: { complaintDeduction: ["0.004", "1"], "surveyWeights.basicallySatisfied": ["0.1", "0.3"], roundAggregation: ["pooled", "pooled"] },
      }),
    );
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["ranges.complaintDeduction.0", "too_small"],
      ["ranges.roundAggregation.1", "duplicate-value"],
      ["ranges.surveyWeights.basicallySatisfied", "weights-order"],
    ]);
  });

  it("samples of 0 or above 100,000, in Chinese by default and in English on request", () => {
    expect(first(() => sensitivity(examples, { samples: 0 })).map((i) => [i.path, i.code])).toEqual([[["samples"], "too_small"]]);
    const en = first(() => sensitivity(examples, { samples: 100_001, lang: "en" }));
    expect(en.map((i) => [i.path, i.code])).toEqual([[["samples"], "too_big"]]);
    expect(en[0]?.message).toMatch(/100000/);
    expect(first(() => sensitivity(examples, { samples: 0 }))[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("bad options and bad inputs together, in one error", () => {
    const issues = first(() => sensitivity([completeInput(), completeInput()], { samples: 0, ranges: { complaintDeduction: ["2", "1"] } }));
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["samples", "too_small"],
      ["ranges.complaintDeduction", "range-order"],
      ["1.participant.id", "duplicate-id"],
    ]);
    const both = first(() => compare([completeInput(), completeInput()], { candidate: { id: "x" } as never }));
    expect(both.map((i) => [i.path.join("."), i.code])).toEqual([
      ["candidate", "invalid_type"],
      ["1.participant.id", "duplicate-id"],
    ]);
  });

  it("a candidate that is not a policy, and a missing one", () => {
    expect(first(() => compare(examples, { candidate: { id: "x" } as never })).map((i) => i.path)).toEqual([["candidate"]]);
    expect(first(() => compare(examples, {} as never)).map((i) => i.path)).toEqual([["candidate"]]);
  });
});

describe("compare", () => {
  it("lists every body in the base ranking's order with what changed, and counts the changes", () => {
    const candidate = definePolicy({ id: "harsh", complaintDeduction: 3 });
    const result = compare(examples, { candidate });
    expect(result.participants.map((p) => p.participant.id)).toEqual(["jdzhzx", "cgjdk", "zfzd", "csglk", "yllhc", "hjwsc", "gysyc"]);
    for (const p of result.participants) {
      expect(p.changed.includes("total")).toBe(p.base.total !== p.candidate.total);
      expect(p.changed.includes("rank")).toBe(p.base.rank !== p.candidate.rank);
    }
    expect(result.summary.totalChanged).toBe(result.participants.filter((p) => p.changed.includes("total")).length);
    expect(compare(examples, { candidate: xuancheng2022 }).summary).toEqual({ totalChanged: 0, rankChanged: 0, tierChanged: 0 });
  });

  it("compares totals by exact value across decimals (91.0 under 1 decimal equals 91.00)", () => {
    const one = definePolicy({ id: "one", decimals: 1 });
    const result = compare([completeInput({ components: { ...(completeInput()["components"] as object), cityLeaders: { scores: [{ score: 9 }] } } })], { candidate: one });
    const p = result.participants[0];
    expect(p?.changed.includes("total")).toBe(p !== undefined && Number(p.base.total) !== Number(p.candidate.total));
  });
});
