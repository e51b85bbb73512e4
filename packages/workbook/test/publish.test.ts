/**
 * The results workbook as the 公示表 (issue 21): its title and policy line, the 等次 column only
 * with tiers, a heading per category and notes; 假定参数 in words; 计分说明 one body per page; the
 * same results giving the same bytes whatever the clock; and `readTable` finding the header under
 * the title, as in a bare table.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pythonWith } from "../../../test/support/programs.js";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { definePolicy, score, type ScoreResult } from "wubi-wuping";
import { displayWidth, rankingHeading, rankingTable } from "wubi-wuping/formats";
import { readTable, writeResults } from "../src/index.js";
import { withZipTimes } from "../src/zip-time.js";

const lines = (path: string): unknown[] => readFileSync(path, "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown);
const examples: ScoreResult[] = lines("examples/2022/inputs.ndjson").map((input) => score(input as never));
const facts: ScoreResult[] = lines("test/fixtures/workbook/facts.ndjson").map((input) => score(input as never));
const tiered = definePolicy(JSON.parse(readFileSync("examples/policy/xuancheng-2022-quota.json", "utf8")));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => workbook.getWorksheet(name) as ExcelJS.Worksheet;
/** Column A's text of every row of a sheet, by row number. */
const columnA = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.eachRow((row, r) => (out[r] = String(row.getCell(1).value ?? "")));
  return out;
};

afterEach(() => vi.useRealTimers());

describe("the 排名 sheet as the 公示表", () => {
  it("opens with the title (unit, year) and a line with the policy, the appraisal period and the date of the results", async () => {
    const ws = sheet(await load(await writeResults(examples, { unit: "宣城市城管执法局", date: "2023-03-10" })), "排名");
    expect(ws.getCell("A1").value).toBe("宣城市城管执法局 2022 年度“五比五评”考评结果公示表");
    expect(ws.getCell("A2").value).toBe(
      "计分政策：宣城市城管执法局 2022 年“五比五评”考评与计分方法（xuancheng-2022）；考评期间：2022 年 1 月 1 日至 2023 年 2 月 28 日；结果日期：2023 年 3 月 10 日",
    );
    const width = rankingTable(examples).headers.length;
    const merges = (ws as unknown as { _merges: Record<string, { model: { left: number; right: number; top: number } }> })._merges;
    expect(merges["A1"]?.model).toMatchObject({ left: 1, right: width, top: 1 });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    // Without a unit the one every body shares names it; the examples' bodies share none.
    const shared = examples.filter((r) => r.participant.unit === "市城管执法局");
    expect(shared).toHaveLength(2);
    expect(sheet(await load(await writeResults(shared)), "排名").getCell("A1").value).toBe("市城管执法局 2022 年度“五比五评”考评结果公示表");
    expect(sheet(await load(await writeResults(examples)), "排名").getCell("A1").value).toBe("2022 年度“五比五评”考评结果公示表");
    await expect(writeResults(examples, { date: "2023-02-30" })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("has the 等次 column only when the policy sets tiers or a body has one, and says so in a note otherwise", async () => {
    const headers = async (results: ScoreResult[], policy?: typeof tiered): Promise<unknown[]> =>
      (sheet(await load(await writeResults(results, { policy })), "排名").getRow(3).values as unknown[]).slice(1);
    expect(await headers(facts)).not.toContain("等次");
    expect(columnA(sheet(await load(await writeResults(facts)), "排名"))).toContain("注：本政策未设定按分数评定的等次（假定参数“分数等次”），只有一票否决者评为“不称职”。");
    // A veto's 不称职 keeps the column (the examples' gysyc).
    expect(await headers(examples)).toContain("等次");
    const underTiers = lines("examples/2022/inputs.ndjson").map((input) => score(input as never, { policy: tiered }));
    expect(await headers(underTiers, tiered)).toContain("等次");
    expect(columnA(sheet(await load(await writeResults(underTiers, { policy: tiered })), "排名")).join("\n")).not.toContain("未设定按分数评定的等次");
    expect(rankingTable(facts).headers).not.toContain("等次");
    expect(rankingTable(facts).rows[0]).toHaveLength(rankingTable(facts).headers.length);
  });

  it("sets each category apart under its own heading, borders every cell, and sizes columns for the longest name", async () => {
    const ws = sheet(await load(await writeResults(examples, { by: "category" })), "排名");
    const a = columnA(ws);
    expect(a[4]).toBe("行政执法（1 个）");
    expect(a[6]).toBe("综合管理(审批)（6 个）");
    expect(ws.getCell("B5").value).toBe("zfzd");
    expect(ws.getCell("A5").value).toBe(1);
    expect(ws.getCell("A7").value).toBe(1);
    const table = rankingTable(examples, { by: "category" });
    for (let c = 1; c <= table.headers.length; c += 1) {
      expect(ws.getCell(3, c).border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" } });
      expect(ws.getCell(5, c).border).toMatchObject({ left: { style: "thin" }, right: { style: "thin" } });
    }
    // Issue 21 (legible print): a name longer than the 名称 column wraps in its cell, whose row is
    // tall enough for its lines (the column held the longest name on one line before).
    const name = table.headers.indexOf("名称") + 1;
    const width = ws.getColumn(name).width as number;
    expect(ws.getCell(5, name).alignment).toMatchObject({ wrapText: true });
    ws.eachRow((row, r) => {
      const text = r > 3 && !row.getCell(1).isMerged ? String(row.getCell(name).value ?? "") : "";
      if (text !== "") expect(row.height, text).toBeGreaterThanOrEqual(Math.ceil(displayWidth(text) / (width - 1)) * 11 * 1.3);
    });
    // 名次 and 编号 are centred, so a rank never runs into an id.
    expect(ws.getCell("A5").alignment).toMatchObject({ horizontal: "center" });
    // The 排名 sheet's own count of pages (docs/decisions.md W23): LibreOffice's &N counts every sheet's.
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 1 页");
  });
});

describe("假定参数 and 计分说明", () => {
  it("names each assumption and parameter in Chinese with its value in words, never JSON, under a header tall enough for its lines", async () => {
    const ws = sheet(await load(await writeResults(examples)), "假定参数");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["假定", "参数", "取值", "含义", "用到的参评对象数", "代号"]);
    const rows: Record<string, unknown[]> = {};
    ws.eachRow((row, r) => {
      if (r > 1 && typeof row.getCell(6).value === "string") rows[String(row.getCell(2).value)] = (row.values as unknown[]).slice(1);
    });
    expect(rows["各轮得分的汇总方式"]?.slice(0, 3)).toEqual(["各轮汇总", "各轮得分的汇总方式", "各轮按本轮满分折算后取平均"]);
    expect(rows["加分上限"]?.[2]).toBe("无上限");
    expect(rows["按分数评定的等次"]?.[2]).toBe("不设（只有一票否决给出“不称职”）");
    expect(rows["优秀等次比例（排名时适用）"]?.[2]).toBe("不限");
    for (const row of Object.values(rows)) {
      for (const text of row.slice(0, 4)) expect(String(text)).not.toMatch(/^[a-z-]+$|["[\]{}]|null/);
      expect(String(row[3]).length).toBeGreaterThan(5);
    }
    const widths = [1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width ?? 9);
    const needed = Math.max(...(ws.getRow(1).values as string[]).slice(1).map((h, i) => Math.ceil(displayWidth(h) / ((widths[i] ?? 9) - 1))));
    expect(needed).toBeGreaterThan(1);
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(needed * 11 * 1.2);
  });

  it("prints 计分说明 with wrapped lines, each body after a page break", async () => {
    const bytes = await writeResults(examples);
    const ws = sheet(await load(bytes), "计分说明");
    // ExcelJS does not read page breaks back: the sheet's XML (the second sheet) is read with Python's zipfile.
    const script = "import sys, zipfile, re; x = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet2.xml').decode(); print(' '.join(re.findall(r'<brk id=\"(\\d+)\"', x)))";
    const file = join(mkdtempSync(join(tmpdir(), "wubi-breaks-")), "r.xlsx");
    writeFileSync(file, bytes);
    const breaks = execFileSync(pythonWith("zipfile"), ["-c", script, file], { encoding: "utf8" }).trim().split(" ").map(Number);
    rmSync(dirname(file), { recursive: true, force: true });
    expect(breaks).toHaveLength(examples.length - 1);
    // The row after each break starts a body: its 编号 in column A.
    for (const r of breaks) expect(typeof ws.getCell(r + 1, 1).value).toBe("string");
    expect(ws.getCell("C3").alignment).toMatchObject({ wrapText: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", printTitlesRow: "1:1" });
  });
});

describe("reproducible bytes", () => {
  it("gives the same bytes for the same results whatever the clock, with the tool as author", async () => {
    const first = await writeResults(examples, { by: "category" });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-07-04T13:14:15Z") });
    const second = await writeResults(examples, { by: "category" });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    vi.useRealTimers();
    const workbook = await load(first);
    expect(workbook.creator).toBe(`wubi-wuping ${PACKAGE_VERSION}`);
    expect(workbook.lastModifiedBy).toBe(`wubi-wuping ${PACKAGE_VERSION}`);
    // Without a date, the end of the appraisal period; with one, that day.
    expect(workbook.created.toISOString()).toBe("2023-02-28T00:00:00.000Z");
    const dated = await load(await writeResults(examples, { date: "2023-03-10" }));
    expect(dated.modified.toISOString()).toBe("2023-03-10T00:00:00.000Z");
  });

  it("sets every zip entry's time, central directory and local header alike", () => {
    // Two entries, "a" and "b", stored, with times 0; then fixed to 2023-03-10 08:30:00.
    const zip = new Uint8Array(readFileSync(new URL("../../../test/fixtures/workbook/example.xlsx", import.meta.url)));
    const fixed = withZipTimes(zip, new Date(Date.UTC(2023, 2, 10, 8, 30, 0)));
    const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
    const time = (8 << 11) | (30 << 5);
    const date = ((2023 - 1980) << 9) | (3 << 5) | 10;
    let seen = 0;
    for (let i = 0; i + 4 <= fixed.length; i += 1) {
      const signature = view.getUint32(i, true);
      if (signature === 0x02014b50) {
        expect([view.getUint16(i + 12, true), view.getUint16(i + 14, true)]).toEqual([time, date]);
        const local = view.getUint32(i + 42, true);
        expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]).toEqual([time, date]);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(3);
    expect(withZipTimes(new Uint8Array([1, 2, 3]), new Date())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe("readTable on a 公示表", () => {
  it("finds the header under the title, skips category headings and notes, and reads a bare table as before", async () => {
    const outcome = await readTable(await writeResults(examples, { by: "category", unit: "宣城市城管执法局" }));
    if (!outcome.success) throw new Error("not read");
    const table = rankingTable(examples, { by: "category" });
    expect(outcome.table.headers).toEqual(table.headers);
    expect(outcome.table.rows.map((r) => r.cells["编号"])).toEqual(table.entries.map((e) => e.participant.id));
    expect(outcome.table.rows[0]?.row).toBe(5);
    const bare = new ExcelJS.Workbook();
    const ws = bare.addWorksheet("排名");
    ws.addRows([["编号", "总分"], ["cgjdk", 94.51], ["zfzd", 92.94]]);
    const plain = await readTable(new Uint8Array(await bare.xlsx.writeBuffer()));
    expect(plain.success && plain.table).toEqual({ sheet: "排名", headers: ["编号", "总分"], rows: [{ row: 2, cells: { 编号: "cgjdk", 总分: "94.51" } }, { row: 3, cells: { 编号: "zfzd", 总分: "92.94" } }] });
  });
});

declare const PACKAGE_VERSION: string;
void rankingHeading;
