/**
 * The template with a roster and a year (issue #21): only the bodies eligible that year (`since`
 * absent or not after it) are pre-filled, and those left out are told to `onLeftOut`.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { RosterEntry } from "wubi-wuping";
import { writeTemplate } from "../src/index.js";

const roster = JSON.parse(readFileSync("examples/roster/generated-100.json", "utf8")) as RosterEntry[];

async function prefilled(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = workbook.getWorksheet("参评对象") as ExcelJS.Worksheet;
  const ids: string[] = [];
  ws.eachRow((row, r) => {
    if (r > 1) ids.push(String(row.getCell(1).value));
  });
  return ids;
}

describe("writeTemplate with a roster and a year", () => {
  it.each([2022, 2023, 2024])("pre-fills only the bodies eligible in %i and tells which it left out", async (year) => {
    let leftOut: readonly RosterEntry[] | undefined;
    const ids = await prefilled(await writeTemplate({ roster, year, onLeftOut: (bodies) => (leftOut = bodies) }));
    const eligible = roster.filter((body) => body.since === undefined || body.since <= year);
    expect(ids).toEqual(eligible.map((body) => body.id));
    const expected = roster.filter((body) => body.since !== undefined && body.since > year);
    if (expected.length === 0) expect(leftOut).toBeUndefined();
    else expect(leftOut).toEqual(expected);
  });

  it("leaves out 25 bodies of the generated roster in 2022, and none without a year", async () => {
    let leftOut: readonly RosterEntry[] = [];
    await writeTemplate({ roster, year: 2022, onLeftOut: (bodies) => (leftOut = bodies) });
    expect(leftOut).toHaveLength(25);
    expect(new Set(leftOut.map((body) => body.since))).toEqual(new Set([2023, 2024]));
    let called = false;
    expect(await prefilled(await writeTemplate({ roster, onLeftOut: () => (called = true) }))).toHaveLength(100);
    expect(called).toBe(false);
  });
});
