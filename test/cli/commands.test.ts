/**
 * `policy`, `schema`, `docnum`, and `--help` for every command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { xuancheng2022 } from "../../src/index.js";
import { COMMANDS } from "../../src/cli/main.js";
import { jsonSchemaText } from "../../src/formats/json-schema.js";
import { cli, tempFiles } from "./run.js";

const file = tempFiles("wubi-commands-");

describe("policy", () => {
  it("shows every parameter of the preset with its value and provenance", async () => {
    const run = await cli(["policy"]);
    expect(run.code).toBe(0);
    expect(run.out.split("\n")[0]).toBe("政策 xuancheng-2022：宣城市城管执法局 2022 年“五比五评”考评与计分方法（预设）");
    for (const key of Object.keys(xuancheng2022.parameters)) expect(run.out).toContain(`\n${key}（`);
    expect(run.out).toContain("commendationPoints（表彰表扬加分（按发文印章层级））\n    市委市政府表彰 0.5 分，省直单位表彰 0.5 分，省部级表彰 3 分，党中央、国务院表彰 5 分\n    来源条款 附件2-三.1");
    expect(run.out).toContain("surveyWeights（测评票的权重）\n    满意 1，基本满意 0.6，不满意 0\n    假定（survey-weights：来源文件未作规定，可由政策覆盖）");
  });

  it("shows every value in Chinese in Chinese mode: windows, aggregation, tie-break and the rest", async () => {
    const lines = (await cli(["policy"])).out.split("\n").slice(2);
    const values = lines.filter((_, i) => i % 3 === 1);
    expect(values).toHaveLength(Object.keys(xuancheng2022.parameters).length);
    // Only a value's id, for a policy file to name it, may follow in brackets.
    for (const value of values) expect(value.replace(/（[a-z-]+）/g, ""), value).not.toMatch(/[A-Za-z]/);
    expect(lines.join("\n")).toContain("comprehensiveWindow（综合评价计分时段）\n    考评年度 12 月 1 日至次年 2 月末");
    expect(lines.join("\n")).toContain("sameMatterTieBreak（同一事项分值相同时的取舍）\n    取级别高者；级别也相同时取编号小者（higher-level-then-smaller-id）");
  });

  it("shows the ballot rules of SPEC §13.2, each assumed in the preset and set by a derived policy", async () => {
    const run = await cli(["policy"]);
    expect(run.out).toContain("ballotQuorum（测评票的最低收回率（收回 ÷ 发出））\n    不设\n    假定（ballot-quorum：来源文件未作规定，可由政策覆盖）");
    expect(run.out).toContain("repeatedRater（同一评价人多张票的处理）\n    每张票都计入，重复的列出核查（count）\n    假定（repeated-rater：来源文件未作规定，可由政策覆盖）");
    expect(run.out).toContain("minSeconds（答题用时少于此秒数的票列出核查）\n    不设\n    假定（ballot-speed：来源文件未作规定，可由政策覆盖）");
    expect(run.out).toContain("groupWeights（各类评价人的权重）\n    不分类别，合并计算\n    假定（group-weights：来源文件未作规定，可由政策覆盖）");
    const path = file("ballots.json", JSON.stringify({ id: "ballots-2023", ballotQuorum: 0.8, minSeconds: 30, groupWeights: { serviceRecipients: { 市民群众: 6, 商户: 4 } } }));
    const derived = (await cli(["policy", "--policy", path])).out;
    expect(derived).toContain("ballotQuorum（测评票的最低收回率（收回 ÷ 发出））\n    收回票数不少于发出票数的 0.8\n    由政策 ballots-2023 设定");
    expect(derived).toContain("groupWeights（各类评价人的权重）\n    服务对象代表评价：市民群众 6、商户 4\n    由政策 ballots-2023 设定");
  });

  it("shows the policy in English, clause keys with their English rendering", async () => {
    const run = await cli(["policy", "--lang", "en"]);
    expect(run.out).toContain("minRounds (minimum rounds a year per inspection component)\n    2\n    clause Annex 2 §1 (附件2-一)");
    expect(run.out).toContain("bonusCap (bonus cap)\n    none\n    assumed (bonus-cap)");
  });

  it("shows a derived policy of --policy FILE, marking what it set", async () => {
    const path = file("city.json", JSON.stringify({ id: "city-2023", bonusCap: 5, tiers: [{ tier: "excellent", min: 90 }] }));
    const run = await cli(["policy", "--policy", path, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.out.split("\n")[0]).toBe("policy city-2023: city-2023 (derived from xuancheng-2022)");
    expect(run.out).toContain("bonusCap (bonus cap)\n    5\n    set by policy city-2023");
    expect(run.out).toContain("tiers (tiers by score)\n    excellent >= 90\n    set by policy city-2023");
  });

  it("prints the policy object as JSON with --json", async () => {
    const run = await cli(["policy", "--json"]);
    expect(JSON.parse(run.out)).toEqual(xuancheng2022);
  });

  it("refuses a policy file that is not valid, and any argument", async () => {
    const bad = await cli(["policy", "--policy", file("bad.json", '{"id":"x","minRounds":0}'), "--lang", "en"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json: minRounds: .* \(too_small\)$/);
    expect((await cli(["policy", "extra"])).code).toBe(2);
  });
});

describe("schema", () => {
  it("prints each JSON Schema, the same text as the shipped file", async () => {
    for (const kind of ["input", "policy", "result"] as const) {
      const run = await cli(["schema", kind]);
      expect(run.code).toBe(0);
      expect(`${run.out}\n`).toBe(jsonSchemaText(kind));
      expect(`${run.out}\n`).toBe(readFileSync(`schemas/${kind}.schema.json`, "utf8"));
    }
  });

  it("refuses an unknown schema name with exit 2", async () => {
    const run = await cli(["schema", "output", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe("wubi-wuping schema: expected input, policy or result, not output");
  });
});

describe("docnum", () => {
  it("reads a standard document number", async () => {
    const run = await cli(["docnum", "宣政〔2022〕12号"]);
    expect(run.code).toBe(0);
    expect(run.out).toBe("宣政〔2022〕12号：规范（发文机关代字 宣政，年份 2022，序号 12）");
  });

  it("reads a non-standard one and gives its standard form", async () => {
    const run = await cli(["docnum", "皖建[2022]第012号", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.out).toBe("皖建[2022]第012号: non-standard, read as 皖建〔2022〕12号 (issuer code 皖建, year 2022, serial 12)");
  });

  it("prints parseDocumentNumber's result with --json", async () => {
    const run = await cli(["docnum", "国发【2023】5号", "--json"]);
    expect(JSON.parse(run.out)).toEqual({ ok: true, issuerCode: "国发", year: 2023, serial: 5, standard: false, normalized: "国发〔2023〕5号" });
  });

  it("refuses what is not a document number with exit 1 and the reason", async () => {
    const run = await cli(["docnum", "宣政〔22〕12号", "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toMatchInlineSnapshot(`"宣政〔22〕12号: refused (unrecognized): not in the form of a document number; expected issuer code, the year in brackets, serial and 号, such as 宣政〔2022〕12号"`);
    expect((await cli(["docnum", "宣政〔2022〕1000000000号"])).err).toMatchInlineSnapshot(`"宣政〔2022〕1000000000号：无法识别（serial-too-large）：序号不能超过 999999999；应为 发文机关代字〔年份〕序号号，如 宣政〔2022〕12号"`);
    const zero = await cli(["docnum", "宣政〔2022〕0号", "--json"]);
    expect(zero.code).toBe(1);
    expect(JSON.parse(zero.out)).toEqual({ ok: false, reason: "zero-serial" });
  });

  it("needs exactly one text", async () => {
    expect((await cli(["docnum"])).code).toBe(2);
  });
});

describe("help", () => {
  it("prints help for every command and exits 0", async () => {
    for (const command of COMMANDS) {
      const run = await cli([command.name, "--help"]);
      expect(run.code, command.name).toBe(0);
      expect(run.out).toContain(`用法：wubi-wuping ${command.usage}`);
      expect(run.out).toContain(command.summary.zh);
      expect(run.out).not.toContain(command.summary.en);
      const english = await cli([command.name, "--help", "--lang", "en"]);
      expect(english.out).toContain(`usage: wubi-wuping ${command.usage}`);
      expect(english.out).not.toContain(command.summary.zh);
    }
  });

  it("names no function or field of the library in the Chinese help a clerk reads (score, rank, policy, compare)", async () => {
    // Issue 21: `--policy FILE` was explained as "definePolicy 的 JSON 对象", its quota as "excellentQuota".
    for (const name of ["score", "rank", "policy", "compare"]) {
      const run = await cli([name, "--help"]);
      expect(run.out, name).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
      expect(run.out, name).toContain("政策文件");
    }
  });

  it("describes every option of score, verify, policy, schema and docnum in their help", async () => {
    for (const command of COMMANDS.filter((c) => ["score", "verify", "policy", "schema", "docnum"].includes(c.name))) {
      const run = await cli([command.name, "-h", "--lang", "en"]);
      for (const option of [...Object.keys(command.options), "lang"]) {
        if (command.name === "schema" && option === "lang") continue;
        expect(run.out, `${command.name} --${option}`).toContain(`--${option}`);
      }
      expect(run.out, command.name).toMatch(/Exit codes: 0 /);
    }
  });

  it("prints the list of commands for --help, and to stderr with exit 2 when no command is given", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.out).toContain(`wubi-wuping ${command.usage}`);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe("");
    expect(none.err).toContain("用法：");
    expect((await cli(["--help", "--lang", "en"])).out).toContain("usage:");
  });
});
