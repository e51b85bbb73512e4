/**
 * `wubi-wuping score FILE|-`: one participant-year, explained or as JSON, and every way the input
 * can be wrong: one clear line, exit 1 (input) or 2 (usage), never a stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score } from "../../src/index.js";
import { cli } from "./run.js";

const CGJDK = "examples/2022/cgjdk.json";
const cgjdkText = readFileSync(CGJDK, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "wubi-score-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("score FILE", () => {
  it("prints the explanation in Chinese by default and exits 0", async () => {
    const run = await cli(["score", CGJDK]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    expect(run.out).toContain("总分：93.51 + 1.00 = 94.51");
  });

  it("prints the explanation in English with --lang en", async () => {
    const run = await cli(["score", CGJDK, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Total: 93.51 + 1.00 = 94.51");
  });

  it("prints the result as one line of JSON with --json, the same as score()", async () => {
    const run = await cli(["score", CGJDK, "--json"]);
    expect(run.code).toBe(0);
    expect(run.outLines).toHaveLength(1);
    expect(JSON.parse(run.out)).toEqual(score(JSON.parse(cgjdkText)));
  });

  it("reads standard input for -", async () => {
    const run = await cli(["score", "-", "--json"], [cgjdkText.slice(0, 100), cgjdkText.slice(100)]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).total).toBe("94.51");
  });

  it("accepts a file that starts with a UTF-8 BOM and uses CRLF line endings", async () => {
    const path = file("bom-crlf.json", `\uFEFF${cgjdkText.replace(/\n/g, "\r\n")}`);
    const run = await cli(["score", path, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).total).toBe("94.51");
  });

  it("scores under the derived policy of --policy FILE", async () => {
    const policy = file("policy.json", JSON.stringify({ id: "city-2023", tiers: [{ tier: "excellent", min: 90 }] }));
    const run = await cli(["score", CGJDK, "--json", "--policy", policy]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.policy).toEqual({ id: "city-2023" });
    expect(result.tier).toBe("excellent");
  });

  it("refuses a missing component, and scores it 0 in a provisional result with --allow-incomplete", async () => {
    const input = JSON.parse(cgjdkText);
    delete input.components.deputies;
    const path = file("incomplete.json", JSON.stringify(input));
    const refused = await cli(["score", path]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`${path}: components.deputies: 缺少“两代表一委员”评价的有效记录；请补齐数据，或用 --allow-incomplete 计为暂定结果 (missing-component)`);
    const allowed = await cli(["score", path, "--json", "--allow-incomplete"]);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.out).status).toBe("provisional");
  });

  it("lists every problem of an invalid input, one line each, in the language asked for", async () => {
    const input = JSON.parse(cgjdkText);
    input.year = 1999;
    input.components.routineInspection.rounds[0].score = "-1";
    const path = file("two-problems.json", JSON.stringify(input));
    const run = await cli(["score", path, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toHaveLength(2);
    expect(run.errLines[0]).toMatch(/: year: .* \(too_small\)$/);
    expect(run.errLines[1]).toMatch(/: components\.routineInspection\.rounds\[0\]\.score: The score of round 1 of routine inspection must be a decimal .*, not the text "-1" \(invalid_format\)$/);
  });
});

describe("score with a bad file", () => {
  const expectOneLine = (run: { code: number; out: string; errLines: string[]; err: string }, code: number): void => {
    expect(run.code).toBe(code);
    expect(run.out).toBe("");
    expect(run.errLines).toHaveLength(1);
    expect(run.err).not.toContain("\n");
    expect(run.err).not.toMatch(/ at .*:[0-9]+:[0-9]+/);
  };

  it("says a file that is not JSON is not JSON", async () => {
    const run = await cli(["score", "test/fixtures/bad-inputs/not-json.json"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"test/fixtures/bad-inputs/not-json.json 不是有效的 JSON：无法识别的值 year（文字须加双引号；true、false、null 须小写）（第 1 行第 1 列）"`);
  });

  it("says where a truncated file ends too early", async () => {
    const run = await cli(["score", "test/fixtures/bad-inputs/truncated.json", "--lang", "en"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"test/fixtures/bad-inputs/truncated.json is not valid JSON: the text starting here has no closing double quote (a truncated file?) (line 11, column 5)"`);
  });

  it("says an empty file is empty", async () => {
    const run = await cli(["score", "test/fixtures/bad-inputs/empty.json"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"test/fixtures/bad-inputs/empty.json 是空的，没有 JSON 内容"`);
  });

  it("names standard input as such when it is empty", async () => {
    const run = await cli(["score", "-", "--lang", "en"], "");
    expectOneLine(run, 1);
    expect(run.err).toBe("stdin is empty: no JSON in it");
  });

  it("says a binary file is not text", async () => {
    const path = file("binary.json", Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]));
    const run = await cli(["score", path, "--lang", "en"]);
    expectOneLine(run, 1);
    expect(run.err).toBe(`${path} is not UTF-8 text (GBK, or a binary file?): save it as UTF-8 (in Notepad or WPS: Save As, encoding UTF-8) and try again`);
  });

  it("says a JSON array is not the object an input must be", async () => {
    const run = await cli(["score", "test/fixtures/bad-inputs/array.json", "--lang", "en"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"test/fixtures/bad-inputs/array.json: (root): The input must be an object ({ … }), not an array of 1 (invalid_type)"`);
  });

  it("says a missing file is missing", async () => {
    const run = await cli(["score", "no/such/file.json"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"找不到文件：no/such/file.json"`);
  });

  it("says a directory is not a file", async () => {
    const run = await cli(["score", "examples", "--lang", "en"]);
    expectOneLine(run, 1);
    expect(run.err).toMatchInlineSnapshot(`"This is a directory, not a file: examples"`);
  });

  it("says an unreadable policy file is unreadable", async () => {
    const run = await cli(["score", CGJDK, "--policy", "no-policy.json"]);
    expectOneLine(run, 1);
    expect(run.err).toBe("找不到文件：no-policy.json");
  });

  it("names the path of a refused policy value", async () => {
    const policy = file("bad-policy.json", JSON.stringify({ id: "xuancheng-2022", bonusCap: "-1" }));
    const run = await cli(["score", CGJDK, "--policy", policy, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(/bad-policy\.json: bonusCap: The bonus cap must be a decimal .*, not the text "-1" \(invalid_format\)$/);
  });
});

describe("score with a wrong command line", () => {
  it("refuses an unknown flag with exit 2 in one line", async () => {
    const run = await cli(["score", CGJDK, "--jsn"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatchInlineSnapshot(`"wubi-wuping score：未知选项 --jsn（见 wubi-wuping score --help）"`);
  });

  it("refuses a flag without its value, a missing file argument and an extra argument with exit 2", async () => {
    const noValue = await cli(["score", CGJDK, "--policy"]);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toBe("wubi-wuping score：选项 --policy 需要一个值（见 wubi-wuping score --help）");
    const none = await cli(["score", "--lang", "en"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^wubi-wuping score: missing argument; usage: wubi-wuping score FILE\|- /);
    const extra = await cli(["score", CGJDK, "other.json", "--lang", "en"]);
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/^wubi-wuping score: unexpected argument other\.json; usage: /);
  });

  it("refuses an unknown language and a line limit without --batch", async () => {
    const fr = await cli(["score", CGJDK, "--lang", "fr"]);
    expect(fr.code).toBe(2);
    expect(fr.err).toMatchInlineSnapshot(`"--lang 只能是 zh 或 en，不能是 fr"`);
    const limit = await cli(["score", CGJDK, "--max-line-bytes", "10"]);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatchInlineSnapshot(`"wubi-wuping score：--max-line-bytes 只能与 --batch 一起使用"`);
    expect((await cli(["score", CGJDK, "--max-line-bytes", "10", "--lang", "en"])).err).toBe("wubi-wuping score: --max-line-bytes applies only with --batch");
  });

  it("refuses an unknown command with exit 2 and a one-line message", async () => {
    const run = await cli(["scroe", CGJDK]);
    expect(run.code).toBe(2);
    expect(run.err).toMatchInlineSnapshot(`"未知命令 scroe；是否应为 score？（可用的命令：score、rank、verify、coverage、compare、sensitivity、template、import、tally、policy、schema、docnum、serve；见 wubi-wuping --help）"`);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect((await cli(["scor", "--lang", "en"])).err).toMatchInlineSnapshot(`"unknown command: scor; did you mean score? (commands: score, rank, verify, coverage, compare, sensitivity, template, import, tally, policy, schema, docnum, serve; see wubi-wuping --help)"`);
    expect((await cli(["frobnicate"])).err).not.toContain("是否应为");
  });
});
