/**
 * How the page tells its files apart (pure, no browser): by name and content, every problem of a
 * file at once, in Chinese or English.
 */
import { describe, expect, it } from "vitest";
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
});
