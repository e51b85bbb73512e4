/**
 * `rank --format xlsx|csv --unit … --date …`: the 公示表's heading from the command line and
 * SOURCE_DATE_EPOCH, the same bytes from the same results, and `verify --published` reading the
 * titled CSV and XLSX as it reads bare tables.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readTable } from "@wubi-wuping/workbook";
import { sourceDateEpochDay } from "../../src/cli/commands/rank.js";
import { cli, cliBytes, tempFiles } from "./run.js";

const file = tempFiles("wubi-publish-");
const inputs = file("inputs.ndjson", readFileSync("examples/2022/inputs.ndjson", "utf8"));

/** Runs the CLI in this process, stdout as bytes (a stream, as the binary formats need). */
async function bytesOf(argv: readonly string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const { code, stdout, errLines } = await cliBytes(argv);
  return { code, stdout, stderr: errLines.join("\n") };
}

afterEach(() => vi.unstubAllEnvs());

describe("rank --format xlsx|csv as the 公示表", () => {
  it("titles the workbook with --unit and --date, and gives the same bytes for the same results", async () => {
    const results = file("results.ndjson", `${(await cli(["score", "--batch", inputs])).out}\n`);
    const xlsx = await bytesOf(["rank", results, "--format", "xlsx", "--unit", "宣城市城管执法局", "--date", "2023-03-10"]);
    expect(xlsx.stderr).toBe("");
    const again = await bytesOf(["rank", results, "--format", "xlsx", "--unit", "宣城市城管执法局", "--date", "2023-03-10"]);
    expect(again.stdout.equals(xlsx.stdout)).toBe(true);
    const table = file("排名.xlsx", "");
    writeFileSync(table, xlsx.stdout);
    const verified = await cli(["verify", inputs, "--published", table]);
    expect(verified.err).toBe("");
    expect(verified.code).toBe(0);
    const read = await readTable(new Uint8Array(xlsx.stdout), { sheet: "排名" });
    expect(read.success && read.table.rows.map((r) => r.cells["编号"])).toEqual(["jdzhzx", "cgjdk", "zfzd", "csglk", "yllhc", "hjwsc", "gysyc"]);
  });

  it("takes the date of the results from SOURCE_DATE_EPOCH (its day in China Standard Time) and refuses one that is not whole seconds", async () => {
    expect(sourceDateEpochDay("1678406400", "zh")).toBe("2023-03-10");
    // 2023-03-09 20:00 UTC is already 10 March in Beijing.
    expect(sourceDateEpochDay("1678392000", "zh")).toBe("2023-03-10");
    expect(sourceDateEpochDay(undefined, "zh")).toBeUndefined();
    expect(() => sourceDateEpochDay("1.5e9", "en")).toThrow("SOURCE_DATE_EPOCH takes whole seconds since 1970-01-01 (within 1949..2099), not 1.5e9");
    const results = file("results-sde.ndjson", `${(await cli(["score", "--batch", inputs])).out}\n`);
    vi.stubEnv("SOURCE_DATE_EPOCH", "1678406400");
    const stamped = await bytesOf(["rank", results, "--format", "xlsx"]);
    const dated = await bytesOf(["rank", results, "--format", "xlsx", "--date", "2023-03-10"]);
    expect(stamped.stdout.equals(dated.stdout)).toBe(true);
    vi.stubEnv("SOURCE_DATE_EPOCH", "yesterday");
    const wrong = await bytesOf(["rank", results, "--format", "xlsx"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^SOURCE_DATE_EPOCH 应为自 1970-01-01 起的整秒数/);
    // The terminal table does not read it.
    expect((await cli(["rank", results])).code).toBe(0);
  });

  it("writes the title lines above the CSV's header only when --unit or --date asks, and verify --published reads both", async () => {
    const results = file("results-csv.ndjson", `${(await cli(["score", "--batch", inputs])).out}\n`);
    const bare = await cli(["rank", results, "--format", "csv"]);
    expect(bare.out.startsWith("\uFEFF名次,编号,名称")).toBe(true);
    const titled = await cli(["rank", results, "--format", "csv", "--unit", "宣城市城管执法局", "--date", "2023-03-10"]);
    const records = titled.out.split("\r\n");
    expect(records.slice(0, 3)).toEqual([
      "\uFEFF宣城市城管执法局 2022 年度“五比五评”考评结果公示表",
      "计分政策：宣城市城管执法局 2022 年“五比五评”考评与计分方法（xuancheng-2022）；考评期间：2022 年 1 月 1 日至 2023 年 2 月 28 日；结果日期：2023 年 3 月 10 日",
      "",
    ]);
    expect(records.slice(3).join("\r\n")).toBe(bare.out.replace(/^\uFEFF/, ""));
    for (const [name, text] of [["bare.csv", bare.out], ["titled.csv", titled.out]] as const) {
      const verified = await cli(["verify", inputs, "--published", file(name, `${text}\n`)]);
      expect(verified.err).toBe("");
      expect(verified.code).toBe(0);
    }
    // A changed total under the title lines is found, at its line in the file.
    const tampered = titled.out.replace(",95.82,", ",96.82,");
    const changed = await cli(["verify", inputs, "--published", file("tampered.csv", `${tampered}\n`)]);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/tampered\.csv 第 5 行 jdzhzx（市城市管理监督指挥中心）：总分 表中为 96\.82，重新计算为 95\.82/);
  });

  it("refuses --unit or --date with another format, and a --date that is not a day", async () => {
    const results = file("results-flags.ndjson", `${(await cli(["score", "--batch", inputs])).out}\n`);
    const table = await cli(["rank", results, "--unit", "宣城市城管执法局"]);
    expect(table.code).toBe(2);
    expect(table.err).toBe("wubi-wuping rank：--unit 只能与 --format csv|xlsx 一起使用");
    const day = await cli(["rank", results, "--format", "csv", "--date", "2023-02-30", "--lang", "en"]);
    expect(day.code).toBe(2);
    expect(day.err).toBe("--date takes a day YYYY-MM-DD, such as 2023-03-10, not 2023-02-30");
  });
});
