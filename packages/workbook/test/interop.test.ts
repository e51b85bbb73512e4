/**
 * Workbooks written by other programs import: LibreOffice Calc and openpyxl fixtures
 * (scripts/workbook-fixtures.mjs: labels and ids, text and numeric cells, date cells and text,
 * shuffled columns, empty rows, ignored sheets), and the shared conformance workbooks.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "wubi-wuping";
import { readWorkbook } from "../src/index.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/workbook/${name}`, import.meta.url));
const ndjson = (name: string): unknown[] =>
  fixture(name)
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
const scored = (inputs: readonly unknown[]): string[] => inputs.map((input) => JSON.stringify(score(input)));

describe("workbooks written by other programs", () => {
  const facts = ndjson("facts.ndjson");
  it.each(["libreoffice.xlsx", "openpyxl.xlsx"])("imports %s into inputs that score byte-identically to the same facts as JSON", async (name) => {
    const outcome = await readWorkbook(fixture(name));
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (!outcome.success) return;
    expect(outcome.inputs.map((i) => i.participant.id)).toEqual(facts.map((f) => (f as { participant: { id: string } }).participant.id));
    expect(scored(outcome.inputs)).toEqual(scored(facts));
  });

  it("imports the shared conformance workbook into inputs that score byte-identically to its NDJSON", async () => {
    const outcome = await readWorkbook(fixture("example.xlsx"));
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (outcome.success) expect(scored(outcome.inputs)).toEqual(scored(ndjson("example.ndjson")));
  });

  it("names every planted problem of the conformance workbook by its sheet, row and column", async () => {
    const outcome = await readWorkbook(fixture("planted-problems.xlsx"));
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    const found = outcome.issues.map((i) => `${i.sheet}!${i.column}${i.row}`);
    for (const planted of ndjson("planted-problems.ndjson") as { sheet: string; row: number; col: string }[]) {
      expect(found).toContain(`${planted.sheet}!${planted.col}${planted.row}`);
    }
    for (const issue of outcome.issues) expect(issue.message.startsWith(`${issue.sheet}`)).toBe(true);
  });
});
