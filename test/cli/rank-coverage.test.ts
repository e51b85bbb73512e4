/** The `rank` and `coverage` commands, driven in-process through `runCli` with a fake io. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCoverage, cycleOf, planCycle, rank, type ScoreResult } from "../../src/index.js";
import { displayWidth } from "../../src/formats/table.js";
import { resultOf } from "../core/rank-fixtures.js";
import { cli } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "wubi-rank-coverage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(content: string | Buffer): string {
  fileCount += 1;
  const path = join(dir, `f${fileCount}`);
  writeFileSync(path, content);
  return path;
}
const ndjson = (results: readonly unknown[], eol = "\n"): string => results.map((r) => JSON.stringify(r)).join(eol) + eol;

const withName = (r: ScoreResult, name: string): ScoreResult => ({ ...r, participant: { ...r.participant, name } });
const results: ScoreResult[] = [
  withName(resultOf({ id: "cgjdk", total: "91.05" }), "城管监督科"),
  withName(resultOf({ id: "zfzd", total: "93.23", category: "law-enforcement" }), "市城市管理综合执法支队"),
  withName(resultOf({ id: "csglk", total: "91.05" }), "城市管理科(行政审批科)"),
  withName(resultOf({ id: "yllhc", total: "99.00", vetoed: true }), "市园林绿化管理处"),
  withName(resultOf({ id: "hjwsc", total: "88.00", status: "provisional" }), '市环境卫生管理处,"试"'),
];
const resultsFile = file(ndjson(results));
const ROSTER = "examples/roster/xuancheng-2022.json";

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe("rank", () => {
  it("prints a table whose columns line up in a terminal however wide the Chinese names are", async () => {
    const run = await cli(["rank", resultsFile]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^名次 +参评对象 +编号 +类别 +总分 +等次 +否决 +状态$/);
    expect(lines.slice(2).map((line) => line.trim().split(/\s+/)[0])).toEqual(["1", "2", "2", "-", "-"]);
    // The id column starts at the same display column on every line.
    const starts = lines.filter((_, i) => i !== 1).map((line, i) => {
      const id = i === 0 ? "编号" : (["zfzd", "cgjdk", "csglk", "yllhc", "hjwsc"][i - 1] as string);
      return displayWidth(line.slice(0, line.indexOf(` ${id} `) + 1));
    });
    expect(new Set(starts).size).toBe(1);
  });

  it("writes CSV with a UTF-8 BOM, the ranking table's Chinese headers, CRLF records and RFC 4180 quoting", async () => {
    const run = await cli(["rank", resultsFile, "--format", "csv"]);
    expect(run.code).toBe(0);
    const text = `${run.out}\n`; // the io adds the final "\n" of the last CRLF
    const head = "名次,编号,名称,单位,类别,年度,日常督查,专项督查,随机暗访,处理投诉,服务对象代表评价,“两代表一委员”评价,县市区对口部门评价,分管联系市领导评价,日常考评,综合评价,基础分,加分,总分,等次,状态";
    // Every fixture result is the example cgjdk's with its total and standing changed.
    const parts = "2022,23.51,4.70,9.43,9.50,13.94,13.86,9.27,9.30,47.14,46.37,93.51,1.00";
    expect(text.split("\r\n")).toEqual([
      `\uFEFF${head}`,
      `1,zfzd,市城市管理综合执法支队,,行政执法,${parts},93.23,,正式`,
      `2,cgjdk,城管监督科,,综合管理(审批),${parts},91.05,,正式`,
      `2,csglk,城市管理科(行政审批科),,综合管理(审批),${parts},91.05,,正式`,
      `,yllhc,市园林绿化管理处,,综合管理(审批),${parts},99.00,不称职,正式`,
      `,hjwsc,"市环境卫生管理处,""试""",,综合管理(审批),${parts},88.00,,暂定`,
      "",
    ]);
  });

  it("prints the same entries as the rank function with --format json, by category when asked", async () => {
    const run = await cli(["rank", resultsFile, "--format", "json", "--by", "category"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual(rank(results, { by: "category" }));
  });

  it("accepts a BOM, CRLF line ends and blank lines, from a file or stdin", async () => {
    const text = `\uFEFF${ndjson(results.slice(0, 2), "\r\n\r\n")}\r\n`;
    const fromFile = await cli(["rank", file(text), "--format", "json"]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.out)).toEqual(rank(results.slice(0, 2)));
    const fromStdin = await cli(["rank", "-", "--format", "json"], Buffer.from(text));
    expect(fromStdin.out).toBe(fromFile.out);
  });

  it("names the file line of every result it refuses, one line each, exit 1", async () => {
    const bad = file(`${JSON.stringify(results[0])}\n\n${JSON.stringify({ ...results[1], policy: { id: "other" } })}\n{"total": 1}\n`);
    const run = await cli(["rank", bad, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    const lines = run.err.split("\n");
    expect(lines[0]).toBe(`${bad}:3: policy.id: This result was computed under policy "other", but the ranking uses "xuancheng-2022"; pass that policy or rescore (policy-mismatch)`);
    expect(lines.slice(1).every((line) => line.startsWith(`${bad}:4: `))).toBe(true);
    noStackTrace(run.err);
  });

  it("reports a line that is not JSON with its line number, exit 1", async () => {
    const run = await cli(["rank", file(`${JSON.stringify(results[0])}\n{oops\n`)]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/:2: 不是有效的 JSON：/);
    noStackTrace(run.err);
  });

  it("applies the quota of the policy given with --policy to results computed under it", async () => {
    const policy = file(JSON.stringify({ id: "quota", excellentQuota: "0.5", tiers: [{ tier: "excellent", min: 90 }] }));
    const quotaResults = ["95.00", "94.00", "93.00"].map((total, i) => resultOf({ id: `b${i}`, total, tier: "excellent", policy: "quota" }));
    const run = await cli(["rank", file(ndjson(quotaResults)), "--policy", policy, "--format", "json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as { tier: string }[]).map((e) => e.tier)).toEqual(["excellent", "competent", "competent"]);
  });

  it("treats a wrong command line as a usage error (exit 2) and a missing file as an input error (exit 1)", async () => {
    expect((await cli(["rank", resultsFile, "--format", "pdf"])).code).toBe(2);
    expect((await cli(["rank", resultsFile, "--by", "unit"])).code).toBe(2);
    expect((await cli(["rank"])).code).toBe(2);
    const missing = await cli(["rank", join(dir, "nope.ndjson")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^找不到文件：/);
  });

  it("explains itself with --help", async () => {
    const run = await cli(["rank", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^用法：wubi-wuping rank FILE\.ndjson/);
  });
});

describe("coverage", () => {
  const evaluations = [
    { participantId: "cgjdk", year: 2022 },
    { participantId: "zfzd", year: 2022 },
    { participantId: "zfzd", year: 2023 },
    { participantId: "old", year: 2023 },
  ];
  const evaluationsFile = file(`\uFEFF${JSON.stringify(evaluations)}`);
  const rosterData: unknown = JSON.parse(readFileSync(ROSTER, "utf8"));

  it("prints the cycle, each body's coverage, the findings and with --plan the plan from --year", async () => {
    const run = await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2023", "--plan"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("考评周期：第 1 个周期（2022-2024 年），统计截至 2023 年年末");
    expect(run.out).toMatch(/zfzd +市城市管理综合执法支队 +行政执法 +2022、2023 +已覆盖/);
    expect(run.out).toContain("重复考评：zfzd（2022、2023 年）");
    expect(run.out).toContain("不在名单上：old（2023 年的考评记录）");
    expect(run.out).toContain("考评计划（2023-2024 年）");
    expect(run.out).toContain("每年人数：2023 年 3 个，2024 年 2 个");
  });

  it("marks the uncovered as violations at the end of the cycle's last year and exits 1, naming them on stderr", async () => {
    const run = await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2024", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.errLines).toEqual(["violations: 5 participants are still unevaluated at the end of cycle 1 (2022-2024): csglk, jdzhzx, yllhc, hjwsc, gysyc"]);
    expect(run.out).toMatch(/csglk +城市管理科\(行政审批科\) +comprehensive-management +- +uncovered \(violation\)/);
    expect(run.out).toContain("7 participants: 2 covered, 5 uncovered, 5 violations");
  });

  it("prints the coverage report as JSON, with the plan beside it under --plan", async () => {
    const plain = await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2023", "--format", "json"]);
    expect(JSON.parse(plain.out)).toEqual(checkCoverage({ roster: rosterData, evaluations, year: 2023 }));
    const planned = await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2023", "--format", "json", "--plan"]);
    expect(JSON.parse(planned.out)).toEqual({
      coverage: checkCoverage({ roster: rosterData, evaluations, year: 2023 }),
      plan: planCycle({ roster: rosterData, evaluations, cycle: cycleOf(2023), fromYear: 2023 }),
    });
  });

  it("says which bodies cannot be planned and why", async () => {
    const late = file(JSON.stringify([{ id: "new", name: "新设机构", category: "public-service", since: 2026 }]));
    const run = await cli(["coverage", "--roster", late, "--evaluations", file("[]"), "--year", "2022", "--plan"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("无法排出计划");
    expect(run.out).toMatch(/new +新设机构 +起始年度（since）晚于本周期最后一年/);
  });

  it("names the file and path of every problem in a roster, exit 1", async () => {
    const bad = file(JSON.stringify([{ id: "a", name: "甲", category: "x" }, { id: "a", name: "乙", category: "public-service", extra: true }]));
    const run = await cli(["coverage", "--roster", bad, "--evaluations", evaluationsFile, "--year", "2023"]);
    expect(run.code).toBe(1);
    const lines = run.err.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${bad}: \\[0\\]\\.category: .+ \\(invalid_value\\)$`));
    expect(lines[1]).toMatch(new RegExp(`^${bad}: \\[1\\]\\.extra: .+ \\(unrecognized_keys\\)$`));
    expect(lines[2]).toMatch(new RegExp(`^${bad}: \\[1\\]\\.id: .+ \\(duplicate-id\\)$`));
    noStackTrace(run.err);
  });

  it("treats a missing option or a malformed year as a usage error (exit 2), a year before 2022 as an input error (exit 1)", async () => {
    expect((await cli(["coverage", "--evaluations", evaluationsFile, "--year", "2023"])).code).toBe(2);
    expect((await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile])).code).toBe(2);
    expect((await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "23"])).code).toBe(2);
    expect((await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2023", "--format", "csv"])).code).toBe(2);
    const early = await cli(["coverage", "--roster", ROSTER, "--evaluations", evaluationsFile, "--year", "2021"]);
    expect(early.code).toBe(1);
    expect(early.err).toBe("--year: 2021 年早于第一个考评周期（自 2022 年起） (before-first-cycle)");
    expect((await cli(["coverage", "--help"])).code).toBe(0);
  });
});
