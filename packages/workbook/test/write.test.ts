/**
 * The template and the results workbook: what a clerk sees (headers, drop-downs, formats, frozen
 * rows, print setup), a filled template read back, and both opened by LibreOffice Calc.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { pythonWith } from "../../../test/support/programs.js";
import { CATEGORY_LABELS, score, type RosterEntry, type ScoreResult } from "wubi-wuping";
import { cellText, rankingHeading, rankingTable } from "wubi-wuping/formats";
import { SHEETS, readWorkbook, writeResults, writeTemplate } from "../src/index.js";

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/workbook/${name}`, import.meta.url), "utf8");
const roster = JSON.parse(readFileSync("examples/roster/xuancheng-2022.json", "utf8")) as RosterEntry[];
const results: ScoreResult[] = fixture("facts.ndjson")
  .trim()
  .split("\n")
  .map((line) => score(JSON.parse(line)));

/** The rows of the 公示表 that hold a body (a 编号 in column B), below the header row 3. */
function bodyRowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row, r) => {
    if (r > 3 && !row.getCell(2).isMerged && typeof row.getCell(2).value === "string") rows.push(row);
  });
  return rows;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const dir = mkdtempSync(join(tmpdir(), "wubi-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeTemplate", () => {
  it("writes 说明 and every sheet with its headers, drop-downs, text ids, date formats and a frozen header row", async () => {
    const workbook = await load(await writeTemplate());
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["说明", ...SHEETS.map((s) => s.name)]);
    for (const spec of SHEETS) {
      const ws = workbook.getWorksheet(spec.name) as ExcelJS.Worksheet;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
      spec.columns.forEach((column, i) => {
        const letter = ws.getColumn(i + 1).letter;
        const list = validations[`${letter}2`];
        if (column.values !== undefined || column.kind === "bool") expect(list?.type, `${spec.name} ${column.header}`).toBe("list");
        else expect(list, `${spec.name} ${column.header}`).toBeUndefined();
        if (column.asText === true) expect(ws.getColumn(i + 1).numFmt).toBe("@");
        if (column.kind === "date") expect(ws.getColumn(i + 1).numFmt).toBe("yyyy-mm-dd");
        expect(ws.getColumn(i + 1).width).toBeGreaterThanOrEqual(8);
      });
    }
    const notes = workbook.getWorksheet("说明") as ExcelJS.Worksheet;
    const described: string[] = [];
    notes.eachRow((row) => {
      const [, sheet, header, , about, example] = row.values as unknown[];
      if (typeof header === "string" && typeof about === "string" && typeof example === "string" && example !== "") described.push(`${String(sheet)}.${header}`);
    });
    // Every column explained, each with an example.
    for (const spec of SHEETS) for (const c of spec.columns) expect(described).toContain(`${spec.name}.${c.header}`);
  });

  it("pre-fills 参评对象 from a roster, and a filled template imports", async () => {
    const workbook = await load(await writeTemplate({ roster, year: 2022 }));
    const bodies = workbook.getWorksheet("参评对象") as ExcelJS.Worksheet;
    expect((bodies.getRow(2).values as unknown[]).slice(1)).toEqual([roster[0]?.id, roster[0]?.name, roster[0]?.unit, CATEGORY_LABELS[roster[0]?.category ?? "public-service"], 2022]);
    const fill = (name: string, rows: unknown[][]): void => {
      const ws = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      rows.forEach((row, r) => row.forEach((value, c) => (ws.getRow(r + 2).getCell(c + 1).value = value as ExcelJS.CellValue)));
    };
    const ids = roster.map((r) => r.id);
    fill("督查暗访", ids.flatMap((id) => ["日常督查", "专项督查", "随机暗访"].flatMap((c) => [[id, c, new Date(Date.UTC(2022, 2, 1)), "4.5"], [id, c, "2022-09-01", 5]])));
    fill("测评", ids.flatMap((id) => ["服务对象代表评价", "“两代表一委员”评价", "县市区对口部门评价"].map((c) => [id, c, 30, 5, 1])));
    fill("市领导评分", ids.map((id) => [id, 9]));
    const outcome = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (outcome.success) expect(outcome.inputs.map((i) => score(i).participant.id)).toEqual(ids);
  });

  it("refuses an invalid roster or year with an InputError", async () => {
    await expect(writeTemplate({ roster: [{ id: "x" }] })).rejects.toThrow(/name|category/);
    await expect(writeTemplate({ year: 1999 })).rejects.toThrow(/2000/);
  });
});

describe("writeResults", () => {
  it("writes 排名 with the ranking table, scores as numbers showing the policy's decimals and ids as text, printable on A4 landscape", async () => {
    const workbook = await load(await writeResults(results, { by: "category" }));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["排名", "计分说明", "假定参数"]);
    const ws = workbook.getWorksheet("排名") as ExcelJS.Worksheet;
    const table = rankingTable(results, { by: "category" });
    // The 公示表's title and policy line come first; the header is row 3.
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(table.headers);
    const total = table.headers.indexOf("总分") + 1;
    const bodyRows = bodyRowsOf(ws);
    expect(bodyRows).toHaveLength(table.rows.length);
    table.rows.forEach((cells, r) => {
      const row = bodyRows[r] as ExcelJS.Row;
      expect(row.getCell(2).value).toBe(cellText(cells[1] as never));
      expect(typeof row.getCell(2).value).toBe("string");
      expect(row.getCell(total).value).toBe(Number(cellText(cells[total - 1] as never)));
      expect(row.getCell(total).numFmt).toBe("0.00");
    });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:3" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const explanations = workbook.getWorksheet("计分说明") as ExcelJS.Worksheet;
    expect(String(explanations.getRow(2).getCell(3).value)).toContain(results[0]?.participant.name);
    const assumed = workbook.getWorksheet("假定参数") as ExcelJS.Worksheet;
    // The assumptions' ids are in the last column (代号), for finding them in a result's list.
    const ids = (assumed.getColumn(6).values as unknown[]).slice(2).filter((v) => typeof v === "string" && !v.includes(" "));
    expect(new Set(ids)).toEqual(new Set(results.flatMap((r) => r.assumptions).filter((a) => a !== "cycle-start")));
  });
});

describe("in a second, independent reader (openpyxl, which reads what Excel and WPS read)", () => {
  it("finds the drop-downs, text formats, frozen rows and print setup the template and results declare", async () => {
    writeFileSync(join(dir, "t.xlsx"), await writeTemplate({ roster, year: 2022 }));
    writeFileSync(join(dir, "r.xlsx"), await writeResults(results));
    const script = [
      "import json, sys, openpyxl",
      "t = openpyxl.load_workbook(sys.argv[1]); r = openpyxl.load_workbook(sys.argv[2])",
      "s = t['表彰']; rk = r['排名']",
      "print(json.dumps({",
      " 'sheets': t.sheetnames + r.sheetnames,",
      " 'lists': sorted(str(v.sqref) + ' ' + v.formula1 for v in s.data_validations.dataValidation),",
      " 'frozen': [t['参评对象'].freeze_panes, rk.freeze_panes],",
      " 'idFormat': t['参评对象']['A2'].number_format,",
      " 'print': [rk.page_setup.paperSize, rk.page_setup.orientation, rk.sheet_properties.pageSetUpPr.fitToPage, rk.page_setup.fitToWidth, rk.page_setup.fitToHeight, rk.print_title_rows],",
      " 'total': [rk.cell(4, 19).value, rk.cell(4, 19).number_format, rk.cell(4, 2).value],",
      "}, ensure_ascii=False))",
    ].join("\n");
    const seen = JSON.parse(execFileSync(pythonWith("openpyxl"), ["-c", script, join(dir, "t.xlsx"), join(dir, "r.xlsx")], { encoding: "utf8" })) as Record<string, unknown>;
    const first = rankingTable(results).rows[0] ?? [];
    expect(seen).toEqual({
      sheets: ["说明", ...SHEETS.map((x) => x.name), "排名", "计分说明", "假定参数"],
      lists: ['D2:D2001 "市委市政府,省直单位,省部级,党中央国务院"', 'E2:E2001 "本人,科室,单位"', 'G2:G2001 "是,否"'],
      frozen: ["A2", "A4"],
      idFormat: "@",
      print: [9, "landscape", true, 1, 0, "$1:$3"],
      total: [Number(cellText(first[18] as never)), "0.00", cellText(first[1] as never)],
    });
  });
});

describe("in LibreOffice Calc", () => {
  it("opens the template and the results workbook with the values written (converted to CSV headless)", async () => {
    writeFileSync(join(dir, "template.xlsx"), await writeTemplate({ roster, year: 2022 }));
    writeFileSync(join(dir, "results.xlsx"), await writeResults(results));
    const profile = join(dir, "profile");
    // Every sheet to its own CSV (sheet index -1), UTF-8, cells as shown (so 0.00 formats apply).
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", join(dir, "csv"), join(dir, "template.xlsx"), join(dir, "results.xlsx")], {
      stdio: "ignore",
      timeout: 120_000,
    });
    const csv = (name: string): string => readFileSync(join(dir, "csv", name), "utf8").replace(/\r?\n$/, "");
    expect(readdirSync(join(dir, "csv")).sort()).toEqual([...["说明", ...SHEETS.map((s) => s.name)].map((s) => `template-${s}.csv`), ...["排名", "计分说明", "假定参数"].map((s) => `results-${s}.csv`)].sort());
    expect(csv("template-参评对象.csv").split("\n")).toEqual([
      "编号,名称,单位,类别,考评年度",
      ...roster.map((r) => [r.id, r.name, r.unit ?? "", CATEGORY_LABELS[r.category], "2022"].map((v) => (/[,"]/.test(v) ? `"${v}"` : v)).join(",")),
    ]);
    const table = rankingTable(results);
    const heading = rankingHeading(results);
    const band = (text: string): string => [/[,"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text, ...table.headers.slice(1).map(() => "")].join(",");
    expect(csv("results-排名.csv").split("\n")).toEqual([
      band(heading.title),
      band(heading.subtitle),
      table.headers.join(","),
      ...table.rows.map((row) => row.map(cellText).join(",")),
      band(""),
      band(heading.tierNote as string),
    ]);
  });
});
