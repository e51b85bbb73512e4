/**
 * The shared pieces of the 公示表 (issue 21): its heading, the 等次 column only with tiers, the
 * CSV's title lines, where a published table's header is, and a policy's assumed parameters in words.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, score, xuancheng2022, type ScoreResult } from "wubi-wuping";
import { assumedParameters, headerIndex, isHeadingOrNote, parameterValueText, rankingCsv, rankingHeading, rankingTable } from "wubi-wuping/formats";

const results: ScoreResult[] = readFileSync("examples/2022/inputs.ndjson", "utf8")
  .trim()
  .split("\n")
  .map((line) => score(JSON.parse(line)));

describe("the 公示表's heading", () => {
  it("names the unit given, else the one all bodies share, the year, the policy, the appraisal period and the date", () => {
    const heading = rankingHeading(results, { unit: " 宣城市城管执法局 ", date: "2024-03-01" });
    expect(heading.title).toBe("宣城市城管执法局 2022 年度“五比五评”考评结果公示表");
    expect(heading.subtitle).toBe("计分政策：宣城市城管执法局 2022 年“五比五评”考评与计分方法（xuancheng-2022）；考评期间：2022 年 1 月 1 日至 2023 年 2 月 28 日；结果日期：2024 年 3 月 1 日");
    expect(heading.period).toEqual({ from: "2022-01-01", to: "2023-02-28" });
    expect(rankingHeading(results).title).toBe("2022 年度“五比五评”考评结果公示表");
    expect(rankingHeading(results.slice(0, 2)).unit).toBe("市城管执法局");
    expect(rankingHeading([]).title).toBe("“五比五评”考评结果公示表");
    // A leap year's period ends on 29 February.
    const in2023 = results.map((r) => ({ ...r, year: 2023 }));
    expect(rankingHeading(in2023).period?.to).toBe("2024-02-29");
    expect(() => rankingHeading(results, { date: "2023/03/10", lang: "en" })).toThrow(/YYYY-MM-DD/);
  });

  it("puts the title lines above the CSV's header only when asked", () => {
    const table = rankingTable(results);
    const bare = rankingCsv(table);
    const titled = rankingCsv(table, rankingHeading(results, { unit: "宣城市城管执法局" }));
    expect(titled).toBe(`\uFEFF宣城市城管执法局 2022 年度“五比五评”考评结果公示表\r\n${rankingHeading(results).subtitle}\r\n\r\n${bare.slice(1)}`);
  });
});

describe("the 等次 column", () => {
  it("is there when a body has a tier (a veto) or the policy sets tiers, and left out, cells too, otherwise", () => {
    expect(rankingTable(results).headers).toContain("等次");
    const unvetoed = results.filter((r) => !r.vetoed);
    const table = rankingTable(unvetoed);
    expect(table.tierColumn).toBe(false);
    expect(table.headers).not.toContain("等次");
    expect(table.rows.every((row) => row.length === table.headers.length)).toBe(true);
    expect(table.headers.slice(-2)).toEqual(["总分", "状态"]);
    const tiered = definePolicy({ id: "tiered", tiers: [{ tier: "excellent", min: 99 }] });
    const under = unvetoed.map((r) => score(JSON.parse(readFileSync(`examples/2022/${r.participant.id}.json`, "utf8")), { policy: tiered }));
    expect(rankingTable(under, { policy: tiered }).headers).toContain("等次");
  });
});

describe("reading a published table", () => {
  it("takes the first record of two or more cells as the header, and a record with only its first cell as a heading or note", () => {
    expect(headerIndex([["公示表"], ["计分政策：…"], [""], ["名次", "编号", "总分"], ["1", "a", "9"]])).toBe(3);
    expect(headerIndex([["编号", "总分"]])).toBe(0);
    expect(headerIndex([[], ["编号"], ["a"]])).toBe(1);
    expect(headerIndex([[""], [" "]])).toBe(-1);
    expect(isHeadingOrNote(["行政执法（1 个）", "", " "], 3)).toBe(true);
    expect(isHeadingOrNote(["", "a", "9"], 3)).toBe(false);
    expect(isHeadingOrNote(["a"], 1)).toBe(false);
  });
});

describe("assumed parameters in words", () => {
  it("writes every assumed parameter of the preset with its Chinese names, its value in words and its meaning", () => {
    const rows = assumedParameters(xuancheng2022, "zh");
    expect(rows.map((r) => r.parameter)).toEqual(["roundAggregation", "surveyWeights", "complaintDeduction", "decimals", "unitCeiling", "sameMatterTieBreak", "bonusCap", "tiers", "excellentQuota", "quotaRounding", "vetoPeriod", "cycleStart", "ballotQuorum", "repeatedRater", "minSeconds", "groupWeights"]);
    for (const row of rows) {
      expect(row.label).toMatch(/^\p{Script=Han}+$/u);
      expect(row.value).not.toMatch(/^[a-z-]+$|["[\]{}]|null|[a-z]+-[a-z]+/);
      expect(row.meaning.length).toBeGreaterThan(5);
    }
    expect(parameterValueText("roundAggregation", "pooled", "zh")).toBe("各轮得分之和除以各轮满分之和");
    expect(parameterValueText("roundAggregation", "pooled", "zh", { codes: true })).toBe("各轮得分之和除以各轮满分之和（pooled）");
    expect(parameterValueText("quotaRounding", "ceil", "en", { codes: true })).toBe("rounded up (ceil)");
    expect(parameterValueText("somethingElse", null, "zh")).toBe("未设定");
    expect(parameterValueText("somethingElse", [], "zh")).toBe("无");
    expect(assumedParameters(xuancheng2022, "en")[6]).toMatchObject({ label: "bonus cap", name: "bonus cap", value: "none" });
  });
});
