/**
 * How the page tells its files apart (pure, no browser): by name and content, every problem of a
 * file at once, in Chinese or English.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readWorkbook } from "@wubi-wuping/workbook";
import { kindOf, readPageFile } from "../src/load.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("readPageFile", () => {
  it("passes a workbook on by its zip signature, whatever its name", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(readPageFile({ name: "考评.XLSX", bytes: zip }, "zh").kind).toBe("workbook");
    expect(readPageFile({ name: "renamed.json", bytes: zip }, "zh").kind).toBe("workbook");
  });

  it("tells inputs, results and policies apart, and says what it cannot recognise", () => {
    expect(kindOf({ year: 2022, participant: {}, components: {} })).toBe("input");
    expect(kindOf({ total: "94.51", policy: { id: "xuancheng-2022" } })).toBe("result");
    expect(kindOf({ id: "city-2023", bonusCap: 5 })).toBe("policy");
    expect(kindOf([{ id: "x" }])).toBeUndefined();
    expect(readPageFile({ name: "a.json", bytes: bytes('{"hello":1}') }, "zh")).toMatchObject({
      problems: [{ file: "a.json", where: "", message: "无法识别的内容：应为考评输入、计分结果或带 id 的政策" }],
    });
  });

  it("reads NDJSON line by line: CRLF, a BOM and blank lines accepted, each bad line named", () => {
    const text = `\uFEFF{"year":2022,"participant":{}}\r\n\r\n{ oops\r\n{"line":4,"error":{"issues":[]}}\r\n{"total":"1.00","policy":{}}\r\n`;
    const content = readPageFile({ name: "b.ndjson", bytes: bytes(text) }, "zh");
    if (content.kind !== "items") throw new Error("not items");
    expect(content.items.map((item) => [item.kind, item.origin.where])).toEqual([
      ["input", "第 1 行"],
      ["result", "第 5 行"],
    ]);
    expect(content.problems.map((p) => p.where)).toEqual(["第 3 行", "第 4 行"]);
    expect(content.problems[1]?.message).toBe("这一行是批量计分的错误记录，没有结果");
  });

  it("refuses a file that is not UTF-8, an empty file and another type, in the language asked", () => {
    const gbk = new Uint8Array([0x7b, 0xb3, 0xc7, 0x7d]);
    const message = (name: string, data: Uint8Array) => {
      const content = readPageFile({ name, bytes: data }, "en");
      return content.kind === "items" ? content.problems[0]?.message : undefined;
    };
    expect(message("gbk.json", gbk)).toBe("The file is not UTF-8: save it as UTF-8 in an editor and load it again");
    expect(message("empty.ndjson", bytes(" \n"))).toBe("The file is empty");
    expect(message("notes.txt", bytes("hi"))).toBe("Unsupported file type: load .xlsx, .json or .ndjson files");
  });

  it("passes an old .xls (or a password-protected workbook) to the workbook reader, which says to re-save it as .xlsx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readPageFile({ name: "2022考评记录.xls", bytes: ole }, "zh").kind).toBe("workbook");
    expect(readPageFile({ name: "renamed.json", bytes: ole }, "zh").kind).toBe("workbook");
    const legacy = new Uint8Array(readFileSync("test/fixtures/workbook/legacy.xls"));
    const read = await readWorkbook(legacy, { lang: "zh" });
    expect(read.success || read.issues.map((i) => i.message)).toEqual(["这是旧版 .xls 格式：请在 WPS/Excel 中另存为 .xlsx"]);
  });

  it("answers a CSV with where its content belongs: records in the workbook, a published table to verify as CSV UTF-8", () => {
    for (const lang of ["zh", "en"] as const) {
      const content = readPageFile({ name: "排名.csv", bytes: bytes("名次,编号\n1,cgjdk\n") }, lang);
      expect(content.kind).toBe("items");
      if (content.kind !== "items") return;
      expect(content.items).toEqual([]);
      expect(content.problems).toHaveLength(1);
      const message = content.problems[0]?.message ?? "";
      expect(message).toContain(".xlsx");
      expect(message).toContain("verify");
      expect(message).toContain("CSV UTF-8");
    }
    expect(readPageFile({ name: "a.csv", bytes: bytes("x") }, "zh")).toMatchObject({ problems: [{ message: expect.stringMatching(/^本页不读取 CSV 文件。考评记录请填在考评记录工作簿（\.xlsx）中再载入/) }] });
  });

  it("offers .xls and .csv in the file picker, so their answers can be reached", () => {
    const shell = readFileSync("packages/page/src/shell.html", "utf8");
    const accept = /<input type="file" id="files"[^>]* accept="([^"]*)"/.exec(shell)?.[1]?.split(",") ?? [];
    expect(accept).toEqual(expect.arrayContaining([".xlsx", ".xls", ".csv", ".json", ".ndjson"]));
  });
});
