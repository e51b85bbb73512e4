/** The CLI's table and CSV helper: display width for Chinese text, alignment, RFC 4180 CSV with a BOM. */
import { describe, expect, it } from "vitest";
import { csvField, displayWidth, renderTable, toCsv } from "../../src/formats/table.js";

describe("displayWidth", () => {
  it("counts East Asian wide and fullwidth characters as two columns and the rest as one", () => {
    expect(displayWidth("城管监督科")).toBe(10);
    expect(displayWidth("cgjdk")).toBe(5);
    expect(displayWidth("综合管理(审批)")).toBe(14);
    expect(displayWidth("（１２）")).toBe(8);
    expect(displayWidth("、。「」")).toBe(8);
    expect(displayWidth("\u{20000}")).toBe(2);
    expect(displayWidth("\u{1F600}")).toBe(2);
  });

  it("counts combining marks, zero-width and control characters as nothing", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200Bb\uFEFF")).toBe(2);
    expect(displayWidth("\u001b")).toBe(0);
  });
});

describe("renderTable", () => {
  it("aligns columns by display width, right-aligning where asked, with no trailing spaces", () => {
    const lines = renderTable(
      ["名次", "参评对象", "总分"],
      [
        ["1", "城管监督科", "93.23"],
        ["10", "csglk", "9.00"],
      ],
      ["right", "left", "right"],
    );
    expect(lines).toEqual(["名次  参评对象     总分", "----  ----------  -----", "   1  城管监督科  93.23", "  10  csglk        9.00"]);
  });

  it("shows control characters in a cell as ? so no input can drive the terminal", () => {
    expect(renderTable(["a"], [["x\u001b[2Jy"]])).toEqual(["a", "------", "x?[2Jy"]);
  });
});

describe("CSV", () => {
  it("quotes a field only when it holds a comma, a quote or a line break, doubling quotes (RFC 4180)", () => {
    expect(csvField("城管监督科")).toBe("城管监督科");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
  });

  it("keeps a name that a spreadsheet would run as a formula from running", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+1城管")).toBe("'+1城管");
    expect(csvField("92.35")).toBe("92.35");
  });

  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    expect(toCsv(["名次", "参评对象"], [["1", "城市管理科(行政审批科)"]])).toBe("\uFEFF名次,参评对象\r\n1,城市管理科(行政审批科)\r\n");
  });
});
