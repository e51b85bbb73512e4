/**
 * What is not a workbook, or is one too large to read, is refused with one clear message, in
 * bounded time and memory, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../src/index.js";
import { workbookParts, zipOf } from "../../../test/support/zip.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/workbook/${name}`, import.meta.url));

/** Reads `bytes` and expects exactly one problem with `code`, returning its message. */
async function refusal(bytes: Uint8Array | ArrayBuffer, code: string, lang: "zh" | "en" = "zh"): Promise<string> {
  const started = performance.now();
  const outcome = await readWorkbook(bytes, { lang });
  const elapsed = performance.now() - started;
  expect(outcome.success).toBe(false);
  if (outcome.success) return "";
  expect(outcome.issues).toHaveLength(1);
  const [issue] = outcome.issues;
  expect(issue?.code).toBe(code);
  expect(issue?.message).not.toMatch(/\n|\s+at /);
  expect(elapsed).toBeLessThan(5_000);
  return issue?.message ?? "";
}

/** A million-row sheet: every row one numeric cell, as a runaway export would write it. */
const MILLION_ROWS = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${"<row><c><v>1</v></c></row>".repeat(1_000_000)}</sheetData></worksheet>`;

describe("bad input", () => {
  it("refuses a CSV or a text file renamed .xlsx, and an empty file, as not a workbook", async () => {
    expect(await refusal(Buffer.from("\uFEFF编号,名称,类别\r\n001,城管监督科,综合管理(审批)\r\n"), "not-a-workbook")).toMatch(/不是 Excel 工作簿/);
    expect(await refusal(Buffer.from("just some notes"), "not-a-workbook", "en")).toMatch(/not an Excel workbook/);
    expect(await refusal(new Uint8Array(0), "not-a-workbook")).toMatch(/空的/);
  });

  it("refuses a truncated download and a zip that holds no workbook", async () => {
    const whole = fixture("openpyxl.xlsx");
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)), "not-a-workbook")).toMatch(/不完整/);
    expect(await refusal(whole.subarray(0, whole.length - 30), "not-a-workbook")).toMatch(/不完整/);
    expect(await refusal(zipOf([{ name: "readme.txt", content: "hello" }]), "not-a-workbook", "en")).toMatch(/zip archive but not an Excel workbook/);
  });

  it("refuses the old .xls format and a password-protected workbook with what to do about each", async () => {
    expect(await refusal(fixture("legacy.xls"), "not-a-workbook")).toMatch(/旧版 \.xls.*另存为 \.xlsx/);
    // An encrypted workbook is an OLE compound file whose directory names the streams
    // EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO §2.3.4): the header and those entries.
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1152);
    expect(await refusal(ole, "not-a-workbook")).toMatch(/打开密码.*取消密码/);
  });

  it("refuses a zip bomb from its central directory before inflating anything", async () => {
    const parts = workbookParts("<worksheet/>");
    const bomb = zipOf([...parts.slice(0, -1), { name: "xl/worksheets/sheet1.xml", content: "<worksheet/>", declared: 0xfffffff0 }]);
    expect(await refusal(bomb, "workbook-too-large")).toMatch(/解压后约 4096 MiB，超过上限 100 MiB/);
  });

  it("refuses a zip whose entry inflates to more than it declares, stopping at the declared size", async () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const lying = zipOf([...workbookParts("<worksheet/>"), { name: "xl/media/image1.png", content: zeros, declared: 1024 }], { crc: false });
    expect(lying.length).toBeLessThan(50_000);
    expect(await refusal(lying, "not-a-workbook")).toMatch(/已损坏/);
  });

  it("refuses a defined name over a whole sheet, which the XLSX library would visit cell by cell", async () => {
    const parts = workbookParts("<worksheet/>");
    const named = parts.map((p) =>
      p.name === "xl/workbook.xml" ? { ...p, content: String(p.content).replace("</sheets>", "</sheets><definedNames><definedName name=\"x\">'参评对象'!$A$1:$XFD$1048576</definedName></definedNames>") } : p,
    );
    expect(await refusal(zipOf(named), "workbook-too-large")).toMatch(/17179869184 个单元格/);
  });

  it("refuses a sheet of a million rows in one message, without reading it to the end", async () => {
    const bytes = zipOf(workbookParts(MILLION_ROWS), { crc: false });
    expect(await refusal(bytes, "workbook-too-large", "en")).toMatch(/more than 100000 rows/);
  });
});
