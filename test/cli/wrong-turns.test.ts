/**
 * Wrong turns of a clerk at the command line (issue #21): a workbook given to `score` or
 * `score --batch`, which read JSON, is one line naming `import` (or, for the old .xls, saying to
 * re-save it as .xlsx), exit 1, nothing on stdout.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spreadsheetKind } from "../../src/cli/io.js";
import { BUILT, cli, cliBytes, spawnCli } from "./run.js";

const tmp = mkdtempSync(join(tmpdir(), "wubi-wrong-turns-"));
const XLSX = join(tmp, "2022考评记录.xlsx");
copyFileSync("test/fixtures/workbook/example.xlsx", XLSX);
const XLS = "test/fixtures/workbook/legacy.xls";

describe("a workbook given to score", () => {
  it.each([
    ["score", [XLSX]],
    ["score --batch", ["--batch", XLSX]],
  ])("%s: one Chinese line naming import, exit 1, nothing on stdout", async (_, args) => {
    const run = await cli(["score", ...args]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toEqual([
      `${XLSX} 是 Excel 工作簿，score 读取的是 JSON 输入：请先用 import 把工作簿转换为输入：wubi-wuping import ${XLSX} > 输入.ndjson，然后运行 wubi-wuping score --batch 输入.ndjson`,
    ]);
  });

  it("says the same in English with --lang en, for a workbook on stdin too", async () => {
    const run = await cli(["score", "--batch", "-", "--lang", "en"], readFileSync(XLSX));
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.errLines).toEqual([
      "stdin is an Excel workbook, but score reads JSON inputs: turn the workbook into inputs with import first: wubi-wuping import records.xlsx > inputs.ndjson, then wubi-wuping score --batch inputs.ndjson",
    ]);
  });

  it("tells the old .xls apart: save it as .xlsx first", async () => {
    for (const args of [[XLS], ["--batch", XLS]]) {
      const run = await cli(["score", ...args]);
      expect(run.code).toBe(1);
      expect(run.out).toBe("");
      expect(run.errLines).toHaveLength(1);
      expect(run.err).toContain("是旧版 Excel 工作簿（.xls）");
      expect(run.err).toContain("另存为 .xlsx");
      expect(run.err).toContain("wubi-wuping import test/fixtures/workbook/legacy.xlsx > 输入.ndjson");
    }
  });

  it("goes by the name when the content does not say (an .xlsx that is not a zip)", async () => {
    const path = join(tmp, "成绩 表.xlsx");
    writeFileSync(path, "year,total\n");
    const run = await cli(["score", "--batch", path, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toContain(`wubi-wuping import "${path}" > inputs.ndjson`);
  });

  it("lets JSON and NDJSON through, whatever the name", () => {
    expect(spreadsheetKind("inputs.ndjson", Buffer.from('{"year":2022}'))).toBeUndefined();
    expect(spreadsheetKind("a.json", Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe("xlsx");
    expect(spreadsheetKind("a.json", Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBe("xls");
    expect(spreadsheetKind("a.XLS", new Uint8Array())).toBe("xls");
  });

  it.runIf(BUILT)("the built executable: exit 1, stdout empty, one line on stderr", () => {
    const run = spawnCli(["score", "--batch", XLSX]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("import");
  });
});

/** Runs the CLI with stdout as a byte stream (the workbook commands write bytes). */
async function withBytes(argv: readonly string[]): Promise<{ code: number; stdout: Buffer; err: string[] }> {
  const { code, stdout, errLines } = await cliBytes(argv);
  return { code, stdout, err: errLines };
}

describe("an unfilled workbook given to import", () => {
  it("says first, one line per body, what is not filled in, then the details naming --allow-incomplete", async () => {
    const template = await withBytes(["template", "--roster", "examples/roster/xuancheng-2022.json", "--year", "2022"]);
    expect(template.code).toBe(0);
    const path = join(tmp, "模板.xlsx");
    writeFileSync(path, template.stdout);
    const run = await withBytes(["import", path]);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBe(0);
    const roster = JSON.parse(readFileSync("examples/roster/xuancheng-2022.json", "utf8")) as { id: string; name: string }[];
    const labels = "日常督查、专项督查、随机暗访、服务对象代表评价、“两代表一委员”评价、县市区对口部门评价、分管联系市领导评价";
    expect(run.err.slice(0, roster.length)).toEqual(roster.map((body) => `${path}: ${body.id} ${body.name}：7 项未填写：${labels} (missing-component)`));
    expect(run.err).toHaveLength(roster.length * 8);
    for (const line of run.err.slice(roster.length)) {
      expect(line).toMatch(/（或以 --allow-incomplete 计为暂定结果） \(missing-component\)$/);
      expect(line).not.toContain("allowIncomplete");
    }
  });
});

describe("template --roster --year", () => {
  it("pre-fills only the bodies eligible that year and says on stderr how many it left out, and why", async () => {
    const run = await withBytes(["template", "--roster", "examples/roster/generated-100.json", "--year", "2022"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual(["名单中有 25 个参评对象未预填：它们自 2023、2024 年起才参加考评（名单中的 since 晚于 --year 2022）"]);
    const english = await withBytes(["template", "--roster", "examples/roster/generated-100.json", "--year", "2023", "--lang", "en"]);
    expect(english.err).toEqual(["11 bodies of the roster were not pre-filled: they take part only from 2024 on (their since is after --year 2023)"]);
    const all = await withBytes(["template", "--roster", "examples/roster/generated-100.json", "--year", "2024"]);
    expect(all.err).toEqual([]);
    expect(all.stdout.length).toBeGreaterThan(0);
  });
});

describe("a file saved as UTF-16 (Windows PowerShell's >)", () => {
  it("is named as such, with the way back, by score, score --batch and rank", async () => {
    const text = `${readFileSync("examples/2022/cgjdk.json", "utf8").replace(/\s*\n\s*/g, "")}\n`;
    const path = join(tmp, "输入.ndjson");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    for (const argv of [["score", path], ["score", "--batch", path], ["rank", path]]) {
      const run = await cli(argv);
      expect(run.code, argv.join(" ")).toBe(1);
      expect(run.out).toBe("");
      expect(run.errLines).toEqual([
        `${path} 是 UTF-16 编码的文本（Windows PowerShell 的 > 会这样保存），不是 UTF-8：请在“命令提示符”（cmd）或 Git Bash 中重新运行生成它的命令，或用记事本“另存为”，编码选择 UTF-8`,
      ]);
    }
  });
});
