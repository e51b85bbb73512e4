/**
 * The command line's own sentences: Chinese by default, English with `--lang en`, naming its
 * flags; one line each, exit 2 for a usage mistake.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./run.js";

describe("usage mistakes", () => {
  it("say in Chinese which flag is missing, with the usage line", async () => {
    const run = await cli(["coverage", "--roster", "r.json", "--evaluations", "e.json"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatchInlineSnapshot(`
      "缺少必需的选项 --year Y
      用法：wubi-wuping coverage --roster FILE --evaluations FILE --year Y [--plan] [--format table|json] [--lang zh|en]"
    `);
    const en = await cli(["coverage", "--roster", "r.json", "--evaluations", "e.json", "--lang", "en"]);
    expect(en.err.split("\n")[0]).toBe("--year Y is required");
    expect(en.err.split("\n")[1]).toMatch(/^usage: wubi-wuping coverage /);
  });

  it("name the values a flag takes", async () => {
    expect((await cli(["coverage", "--roster", "r", "--evaluations", "e", "--year", "23"])).err).toBe("--year 应为四位数的年份，不能是 23");
    expect((await cli(["rank", "x.ndjson", "--format", "xml"])).err).toBe("--format 只能是 table、csv、json 或 xlsx，不能是 xml");
    expect((await cli(["rank", "x.ndjson", "--format", "xml", "--lang", "en"])).err).toBe("--format takes table, csv, json or xlsx, not xml");
    expect((await cli(["score", "a.json", "--lang", "fr"])).err).toBe("--lang 只能是 zh 或 en，不能是 fr");
  });

  it("count arguments in the language asked for", async () => {
    const run = await cli(["score"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^wubi-wuping score：缺少参数；用法：wubi-wuping score FILE\|- /);
  });
});

describe("messages that name an option", () => {
  it("name the CLI flag, in a terminal line and in a --batch error line alike", async () => {
    const input = JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")) as { components: Record<string, unknown> };
    delete input.components["deputies"];
    const batch = await cli(["score", "--batch", "-"], `${JSON.stringify(input)}\n`);
    const line = JSON.parse(batch.out) as { error: { issues: { message: string }[] } };
    expect(line.error.issues[0]?.message).toBe("缺少“两代表一委员”评价的有效记录；请补齐数据，或用 --allow-incomplete 计为暂定结果");
    const en = await cli(["score", "-", "--lang", "en"], JSON.stringify(input));
    expect(en.err).toBe("-: components.deputies: Deputies' and members' evaluation has nothing to count; supply its records, or use --allow-incomplete for a provisional result (missing-component)");
  });
});

describe("--help", () => {
  it("is Chinese by default and English with --lang en, one language at a time", async () => {
    const zh = await cli(["--help"]);
    expect(zh.out.split("\n").slice(0, 3)).toEqual(["wubi-wuping —— 五比五评考评计分：精确计算，逐项说明", "", "用法："]);
    expect(zh.out).toContain("退出码：0 成功；1 输入错误、核对不一致或覆盖违规；2 命令行错误。");
    expect(zh.out).not.toMatch(/Exit codes|usage:/);
    const en = await cli(["--help", "--lang", "en"]);
    expect(en.out).toContain("Exit codes: 0 ok, 1 input error, mismatch or coverage violations, 2 usage error.");
    expect(en.out).not.toContain("退出码");
    const score = await cli(["score", "--help"]);
    expect(score.out).toContain("  --allow-incomplete     缺项按 0 分计，结果为暂定（provisional）");
    expect(score.out).not.toContain("score a missing component 0");
  });
});
