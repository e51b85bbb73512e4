/**
 * `verify INPUTS.ndjson --published TABLE`: every input recomputed and ranked, then the published
 * table checked body by body; exit 0 when all agree, 1 naming each body that differs or is missing.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvTable, readTable } from "../../src/cli/published.js";
import { cli, tempFiles } from "./run.js";

const file = tempFiles("wubi-published-");
const ids = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];

/** 20 inputs: the seven examples under new ids and names (one id a spreadsheet would read as a formula, one name with a comma and quotes). */
function twentyInputs(): string[] {
  const inputs: string[] = [];
  for (let i = 0; inputs.length < 20; i += 1) {
    const input = JSON.parse(readFileSync(`examples/2022/${ids[i % 7] as string}.json`, "utf8")) as { participant: { id: string; name: string } };
    input.participant.id = i === 3 ? "=x3" : `b${String(i + 1).padStart(2, "0")}`;
    input.participant.name = i === 4 ? `科室 ${i + 1}, "甲"` : `科室 ${i + 1}`;
    inputs.push(JSON.stringify(input));
  }
  return inputs;
}

const inputsFile = file("inputs.ndjson", `${twentyInputs().join("\r\n")}\r\n`);

/** The table `rank --format csv` writes for the twenty results (as the bytes of the file). */
async function publishedCsv(extra: string[] = [], policy: string[] = []): Promise<string> {
  const scored = await cli(["score", "--batch", inputsFile, ...policy]);
  const results = file("results.ndjson", `${scored.out}\n`);
  const ranked = await cli(["rank", results, "--format", "csv", ...extra, ...policy]);
  expect(ranked.code).toBe(0);
  return `${ranked.out}\n`;
}

describe("verify --published", () => {
  it("agrees with the CSV rank writes for twenty bodies, exit 0", async () => {
    const table = file("排名.csv", await publishedCsv());
    expect(table.length).toBeGreaterThan(0);
    const run = await cli(["verify", inputsFile, "--published", table]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toBe(`一致：${table} 的 20 个参评对象与由 ${inputsFile} 重新计算的结果相同`);
  });

  it("catches one changed total in a twenty-body table and names that body alone", async () => {
    const csv = await publishedCsv();
    const rows = csv.split("\r\n");
    const index = rows.findIndex((r) => r.includes(",b07,"));
    const cells = (rows[index] as string).split(",");
    const at = (rows[0] as string).split(",").indexOf("总分");
    const total = cells[at] as string;
    cells[at] = (Number(total) + 0.01).toFixed(2);
    rows[index] = cells.join(",");
    const table = file("changed.csv", rows.join("\r\n"));
    const run = await cli(["verify", inputsFile, "--published", table]);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual([`${table} 第 ${index + 1} 行 b07（科室 7）：总分 表中为 ${cells[at]}，重新计算为 ${total}`]);
    expect(run.err).toBe(`不一致：${table} 与由 ${inputsFile} 重新计算的结果有 1 处不同`);
  });

  it("names a body missing from the table, one not among the inputs, and a repeated one", async () => {
    const rows = (await publishedCsv()).split("\r\n");
    const withoutB02 = rows.filter((r) => !r.includes(",b02,"));
    const b05 = withoutB02.find((r) => r.includes(",b05,")) as string;
    const table = file("gaps.csv", [...withoutB02.slice(0, -1), b05, `9,zz,外单位,,公共服务,,${",".repeat(11)}90.00,称职,正式`, ""].join("\r\n"));
    const run = await cli(["verify", inputsFile, "--published", table, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.outLines).toEqual([
      expect.stringMatching(/ row 21 b05: the id appears more than once in the table \(rows [0-9]+, 21\)$/),
      `${table} row 22 zz: in the table, but not among the inputs`,
      `b02 (科室 2): among the inputs, but not in ${table}`,
    ]);
  });

  it("reads any table with 编号 and 总分, in any column order, and checks 等次 and 名次 only when present", async () => {
    const run = await cli(["score", "--batch", inputsFile]);
    const totals = run.outLines.map((l) => JSON.parse(l) as { participant: { id: string }; total: string });
    const minimal = ["总分,编号", ...totals.map((r) => `${r.total},"${r.participant.id}"`)].join("\n");
    expect((await cli(["verify", inputsFile, "--published", file("minimal.csv", minimal)])).code).toBe(0);
    const policy = ["--policy", "examples/policy/xuancheng-2022-quota.json"];
    const ranked = readCsvTable("r.csv", Buffer.from(await publishedCsv([], policy)), "zh").rows.map((r) => r.cells);
    const first = ranked[0] as Record<string, string>;
    const rows = ranked.map((c) => `${c["等次"]},${c["编号"]},${c["总分"]}`);
    const tier = await cli(["verify", inputsFile, "--published", file("tier.csv", ["等次,编号,总分", ...rows].join("\n")), ...policy]);
    expect(first["等次"]).toBe("优秀");
    expect(tier.code).toBe(0);
    const changed = ["等次,编号,总分", ...rows.map((r, i) => (i === 0 ? r.replace(/^优秀/, "称职") : r))].join("\n");
    const one = await cli(["verify", inputsFile, "--published", file("tier1.csv", changed), ...policy]);
    expect(one.code).toBe(1);
    expect(one.outLines).toContain(`${join(dirname(inputsFile), "tier1.csv")} 第 2 行 ${first["编号"]}（${first["名称"]}）：等次 表中为 称职，重新计算为 优秀`);
  });

  it("reads the English headers of rank --lang en and checks a table ranked by category with --by category", async () => {
    const english = file("en.csv", await publishedCsv(["--lang", "en"]));
    expect((await cli(["verify", inputsFile, "--published", english])).code).toBe(0);
    const byCategory = file("by-category.csv", await publishedCsv(["--by", "category"]));
    expect((await cli(["verify", inputsFile, "--published", byCategory, "--by", "category"])).code).toBe(0);
    const wrongGrouping = await cli(["verify", inputsFile, "--published", byCategory]);
    expect(wrongGrouping.code).toBe(1);
    expect(wrongGrouping.out).toMatch(/名次 表中为 [0-9]+，重新计算为 [0-9]+/);
  });

  it("refuses a table without 编号 or 总分, an input that cannot be scored, and a wrong command line", async () => {
    const noTotal = await cli(["verify", inputsFile, "--published", file("no-total.csv", "编号,得分\nb01,1\n")]);
    expect(noTotal.code).toBe(1);
    expect(noTotal.err).toMatch(/缺少列 总分（表头行为：编号、得分）/);
    const badInputs = file("bad.ndjson", '{"year":2022}\n');
    const bad = await cli(["verify", badInputs, "--published", file("t.csv", "编号,总分\n")]);
    expect(bad.code).toBe(1);
    expect(bad.errLines[0]).toMatch(new RegExp(`^${badInputs}:1: `));
    expect(bad.errLines.at(-1)).toBe(`无法核对：${badInputs} 中有输入不能计分，请先改正`);
    expect((await cli(["verify", inputsFile, "x.json", "--published", "t.csv"])).code).toBe(2);
    expect((await cli(["verify", inputsFile])).code).toBe(2);
    expect((await cli(["verify", inputsFile, "--published", "t.csv", "--by", "unit"])).code).toBe(2);
    expect((await cli(["verify", inputsFile, "--published", file("none.txt", "")])).err).toMatch(/是空的，没有表头行/);
  });
});

describe("reading a published CSV table", () => {
  it("takes a BOM, CRLF, quoted cells with commas, quotes and line breaks, and drops the formula guard", () => {
    const csv = '\uFEFF编号,参评对象,总分\r\n\'=x3,"科室, ""甲""\r\n第二行",94.51\r\n\r\n\'-1,b,1.00\r\n';
    expect(readCsvTable("t.csv", Buffer.from(csv), "zh")).toEqual({
      headers: ["编号", "参评对象", "总分"],
      rows: [
        { row: 2, cells: { 编号: "=x3", 参评对象: '科室, "甲"\r\n第二行', 总分: "94.51" } },
        { row: 5, cells: { 编号: "-1", 参评对象: "b", 总分: "1.00" } },
      ],
    });
  });

  it("refuses an unclosed quote and text that is not UTF-8, and reads an unknown extension as CSV", async () => {
    expect(() => readCsvTable("t.csv", Buffer.from('编号,总分\n"b01,1\n'), "en")).toThrow(/unclosed double quote/);
    expect(() => readCsvTable("t.csv", Buffer.from([0xb1, 0xe0, 0xba, 0xc5]), "zh")).toThrow(/不是 UTF-8 编码/);
    expect((await readTable("t.txt", Buffer.from("编号,总分\nb01,1\n"), "zh")).rows).toEqual([{ row: 2, cells: { 编号: "b01", 总分: "1" } }]);
    const custom = await readTable("t.xyz", Buffer.from(""), "zh", { ".xyz": () => ({ headers: ["编号"], rows: [] }) });
    expect(custom.headers).toEqual(["编号"]);
  });
});
