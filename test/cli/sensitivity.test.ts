/** `compare` and `sensitivity` on the command line: formats, languages, exit codes, messages. */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy } from "../../src/index.js";
import { sensitivity } from "../../src/sensitivity.js";
import { cli, tempFiles } from "./run.js";

const dir = new URL("../../examples/2022/", import.meta.url);
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Record<string, unknown>);
const file = tempFiles("wubi-sensitivity-");
const inputsFile = file("inputs.ndjson", `${inputs.map((i) => JSON.stringify(i)).join("\r\n")}\r\n`);
const quotaPolicy = { id: "quota", excellentQuota: "0.2", tiers: [{ tier: "excellent", min: 93 }, { tier: "competent", min: 80 }] };
const policyFile = file("quota.json", JSON.stringify(quotaPolicy));
const candidateFile = file("candidate.json", JSON.stringify({ id: "harsh", complaintDeduction: 2 }));

describe("wubi-wuping sensitivity", () => {
  it("prints a Chinese table: per body whether rank and tier hold, and the parameter that moves ranks most", async () => {
    const run = await cli(["sensitivity", inputsFile, "--policy", policyFile, "--samples", "200"]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^基准名次\s+参评对象\s+编号\s+基准总分\s+总分范围\s+名次范围\s+p5–p95\s+名次\s+基准等次\s+等次\s+受哪些参数影响$/);
    expect(lines.find((l) => l.includes("jdzhzx"))).toMatch(/稳定\s+优秀\s+稳定\s+无$/);
    expect(lines.find((l) => l.includes("cgjdk"))).toMatch(/会变：优秀 0\.\d{4}，称职 0\.\d{4}\s+优秀名额的取整方式$/);
    expect(lines.find((l) => l.includes("gysyc"))).toMatch(/不排名\s+不称职/);
    expect(lines.at(-1)).toBe("使名次变动最大的参数：每件投诉的扣分（取 2 时，名次平均变动 0.6667）");
  });

  it("prints English with --lang en, and the same figures as the API in JSON", async () => {
    const en = await cli(["sensitivity", inputsFile, "--lang", "en", "--samples", "20"]);
    expect(en.out.split("\n")[0]).toMatch(/^Base rank\s+Participant/);
    const json = await cli(["sensitivity", inputsFile, "--format", "json", "--samples", "20", "--seed", "7"]);
    expect(JSON.parse(json.out)).toEqual(sensitivity(inputs, { samples: 20, seed: 7 }));
  });

  it("writes CSV with a BOM, and SVG", async () => {
    const csv = await cli(["sensitivity", inputsFile, "--format", "csv", "--samples", "10"]);
    expect(csv.out.startsWith("\uFEFF编号,参评对象,基准总分,最低总分,最高总分,基准名次,最好名次,最差名次,p5,p50,p95,名次稳定,基准等次,等次分布,等次稳定,受哪些参数影响\r\n")).toBe(true);
    const svg = await cli(["sensitivity", inputsFile, "--format", "svg", "--samples", "10"]);
    expect(svg.out).toMatch(/^<svg [^>]+>[\s\S]*市城市管理监督指挥中心[\s\S]*<\/svg>$/);
  });

  it("reads --ranges FILE and names the file and path of a bad range (exit 1)", async () => {
    const ranges = file("ranges.json", JSON.stringify({ complaintDeduction: ["3", "0.5"], surveyWeight: ["0", "1"] }));
    const run = await cli(["sensitivity", inputsFile, "--ranges", ranges]);
    expect(run.code).toBe(1);
    expect(run.errLines).toEqual([
      expect.stringMatching(new RegExp(`^--ranges ${ranges.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: surveyWeight: .*\\(unrecognized_keys\\)$`)),
    ]);
    const order = await cli(["sensitivity", inputsFile, "--ranges", file("r2.json", JSON.stringify({ complaintDeduction: ["3", "0.5"] }))]);
    expect(order.err).toMatch(/: complaintDeduction: 下限大于上限；请写成 \[下限, 上限\] \(range-order\)$/);
  });

  it("names the file line of an input at fault, and refuses samples of 0 (exit 1) or a non-integer (exit 2)", async () => {
    const twice = file("twice.ndjson", [inputs[0], inputs[0]].map((i) => JSON.stringify(i)).join("\n"));
    const run = await cli(["sensitivity", twice]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/twice\.ndjson:2: participant\.id: 编号 "cgjdk" 在本列表中重复.*\(duplicate-id\)$/);
    const zero = await cli(["sensitivity", inputsFile, "--samples", "0"]);
    expect([zero.code, zero.err]).toEqual([1, expect.stringMatching(/^--samples: .*\(too_small\)$/)]);
    expect((await cli(["sensitivity", inputsFile, "--samples", "many"])).code).toBe(2);
    expect((await cli(["sensitivity", inputsFile, "--format", "png"])).code).toBe(2);
  });
});

describe("wubi-wuping compare", () => {
  it("prints the two rankings side by side with what changed and a summary line", async () => {
    const run = await cli(["compare", inputsFile, "--candidate", candidateFile]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^编号\s+参评对象\s+基准总分\s+候选总分\s+基准名次\s+候选名次\s+基准等次\s+候选等次\s+变化$/);
    expect(lines.at(-1)).toMatch(/^总分变化 \d 个，名次变化 \d 个，等次变化 0 个（共 7 个参评对象）$/);
    const en = await cli(["compare", inputsFile, "--candidate", candidateFile, "--base", policyFile, "--lang", "en", "--format", "csv"]);
    expect(en.out.startsWith("\uFEFFId,Participant,Base total,Candidate total")).toBe(true);
    const json = JSON.parse((await cli(["compare", inputsFile, "--candidate", candidateFile, "--format", "json"])).out) as { summary: unknown };
    expect(Object.keys(json)).toEqual(["participants", "summary"]);
  });

  it("needs --candidate (exit 2) and refuses an input invalid under the candidate, naming line and policy (exit 1)", async () => {
    expect((await cli(["compare", inputsFile])).code).toBe(2);
    const whole = file("whole.json", JSON.stringify({ id: "whole", decimals: 0, commendationPoints: { municipal: 1, "provincial-department": 1, provincial: 3, national: 5 } }));
    const run = await cli(["compare", inputsFile, "--candidate", whole]);
    expect(run.code).toBe(1);
    expect(run.err.split("\n")[0]).toMatch(/inputs\.ndjson:1: components\.complaints\.complaints\[0\]\.deduction: .*（按政策“whole”） \(too-many-decimals\)$/);
    expect(definePolicy(JSON.parse(readFileSync(whole, "utf8"))).id).toBe("whole");
  });
});

describe("examples/2022/inputs.ndjson", () => {
  it("holds the seven example inputs, one a line, as the docs' walk-through reads them", () => {
    const lines = readFileSync(new URL("../../examples/2022/inputs.ndjson", import.meta.url), "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(inputs);
  });
});

describe("wubi-wuping policy and the two new parameters", () => {
  it("shows roundAggregation and quotaRounding with their values and provenance, in Chinese and English", async () => {
    const zh = (await cli(["policy"])).out;
    expect(zh).toContain("roundAggregation（各轮得分的汇总方式）\n    各轮按本轮满分折算后取平均（mean-of-fractions）\n    假定（round-aggregation：来源文件未作规定，可由政策覆盖）");
    expect(zh).toContain("quotaRounding（优秀名额的取整方式（比例 × 参评人数））\n    去尾（floor）\n    假定（score-tiers：来源文件未作规定，可由政策覆盖）");
    const set = file("set.json", JSON.stringify({ id: "set", roundAggregation: "pooled", quotaRounding: "ceil" }));
    const en = (await cli(["policy", "--policy", set, "--lang", "en"])).out;
    expect(en).toContain("roundAggregation (how rounds are aggregated)\n    the sum of scores over the sum of full marks (pooled)\n    set by policy set");
    expect(en).toContain("quotaRounding (how quota × entries is rounded to a count)\n    rounded up (ceil)\n    set by policy set");
  });
});

describe("the analysis tables ranked by category", () => {
  it("put each body's category first, since ranks are then within the category", async () => {
    const s = await cli(["sensitivity", inputsFile, "--by", "category", "--samples", "10"]);
    expect(s.out.split("\n")[0]).toMatch(/^类别\s+基准名次\s+参评对象/);
    expect(s.out.split("\n").find((l) => l.includes("zfzd"))).toMatch(/^行政执法\s+1\s+市城市管理综合执法支队/);
    const c = await cli(["compare", inputsFile, "--candidate", candidateFile, "--by", "category", "--format", "csv", "--lang", "en"]);
    expect(c.out.startsWith("\uFEFFCategory,Id,Participant,")).toBe(true);
    const plain = await cli(["compare", inputsFile, "--candidate", candidateFile]);
    expect(plain.out.split("\n")[0]).toMatch(/^编号/);
  });
});
