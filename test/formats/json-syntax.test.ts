/**
 * JSON syntax errors as the CLI reports them: found by its own scan, in Chinese (or English) with
 * the line and column, never the JavaScript engine's English text.
 */
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSyntaxError, jsonSyntaxText } from "../../src/formats/json-syntax.js";
import { cli, tempFiles } from "../cli/run.js";

const file = tempFiles("wubi-json-");

describe("jsonSyntaxText", () => {
  it.each([
    ['{"year": 2022 "x": 1}', "缺少逗号 , 或 }（此处是 \"）（第 1 行第 15 列）"],
    ['{"year": 2022,}', "最后一项后面多了一个逗号（第 1 行第 14 列）"],
    ["{year: 2022}", "键名须用英文双引号括起，如 \"year\"（第 1 行第 2 列）"],
    ["{'year': 2022}", "文字和键名须用英文双引号 \" 括起，不能用单引号 '（第 1 行第 2 列）"],
    ['{“year”: 2022}', "此处是中文引号 “，应为英文双引号 \"（第 1 行第 2 列）"],
    ['{"year"：2022}', "此处是全角符号 ：，应为半角（英文）符号（第 1 行第 8 列）"],
    ['{"year" 2022}', "键名后面缺少冒号 :（第 1 行第 9 列）"],
    ['{\n  "score": 023\n}', "数字的写法不对（不能有前导 0、结尾的小数点，或缺少数字）（第 2 行第 12 列）"],
    ['{"ok": True}', "无法识别的值 True（文字须加双引号；true、false、null 须小写）（第 1 行第 8 列）"],
    ['{"a": "x\\q"}', "文字中有无效的转义 \\q（反斜杠 \\ 应写作 \\\\）（第 1 行第 9 列）"],
    ['{"a": "x', "从此处开始的文字缺少结尾的双引号（文件被截断？）（第 1 行第 7 列）"],
    ['{"a": [1, 2', "内容在结束前中断（文件被截断，或缺少 } 或 ]）（第 1 行第 12 列）"],
    ['{"a": 1}}', "JSON 内容结束后还有多余的字符 }（第 1 行第 9 列）"],
  ])("explains %j in Chinese", (text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonSyntaxText(text, "zh")).toBe(message);
  });

  it("explains in English on request", () => {
    expect(jsonSyntaxText('{"year": 2022,}', "en")).toBe("a comma after the last item (line 1, column 14)");
  });

  it("finds an error exactly when JSON.parse refuses the text", () => {
    const unit = fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "a", "1", "0", "-", ".", "e", " ", "\n", "true", "null", "\\", "'");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 16 }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(jsonSyntaxError(text) === undefined).toBe(parses);
      }),
      { numRuns: 2000, examples: [["{}"], ["[1,]"], ['"\\u12"'], ["-"], ["1e"], ["01"], [" "]] },
    );
  });

  it("scans a deeply nested text without overflowing the stack", () => {
    expect(jsonSyntaxError(`${"[".repeat(100_000)}${"]".repeat(99_999)}`)?.reason).toBe("end");
  });
});

describe("the CLI on a file that is not JSON or not UTF-8", () => {
  it("names the file, the reason and the place in Chinese", async () => {
    const path = file("comma.json", '{\n  "year": 2022,\n}\n');
    const run = await cli(["score", path]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`${path} 不是有效的 JSON：最后一项后面多了一个逗号（第 2 行第 15 列）`);
  });

  it("refuses a GBK file with a hint to save it as UTF-8, for an input, a policy, a batch and a roster", async () => {
    // {"name":"城管监督科"} in GBK, as an older office program saves it.
    const gbk = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xb3, 0xc7, 0xb9, 0xdc, 0xbc, 0xe0, 0xb6, 0xbd, 0xbf, 0xc6]), Buffer.from('"}')]);
    const path = file("gbk.json", "");
    writeFileSync(path, gbk);
    const input = await cli(["score", path]);
    expect(input.code).toBe(1);
    expect(input.err.replace(path, "FILE")).toMatchInlineSnapshot(`"FILE 不是 UTF-8 编码的文本（可能是 GBK 编码，或二进制文件）：请用记事本或 WPS“另存为”，编码选择 UTF-8 后再试"`);
    const policy = await cli(["policy", "--policy", path]);
    expect(policy.code).toBe(1);
    expect(policy.err).toContain("另存为");
    const roster = await cli(["coverage", "--roster", path, "--evaluations", path, "--year", "2022"]);
    expect(roster.err).toContain("不是 UTF-8 编码的文本");
    const batch = await cli(["score", "--batch", path]);
    expect(JSON.parse(batch.out).error.issues[0].message).toMatchInlineSnapshot(`"该行不是 UTF-8 编码的文本（可能是 GBK 编码，或二进制文件）：请用记事本或 WPS“另存为”，编码选择 UTF-8 后再试"`);
    expect((await cli(["score", path, "--lang", "en"])).err).toContain("save it as UTF-8");
  });
});
