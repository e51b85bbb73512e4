/**
 * `writeTemplate({ ballots: true })`: the sheet 测评票 with the roster's bodies as columns and
 * drop-downs in every mark cell and in 考评项目, as openpyxl (a second, independent reader) sees
 * it; filled by openpyxl and read back through `readBallots`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import type { RosterEntry } from "wubi-wuping";
import { BALLOT_SHEET, SHEETS, readBallots, readWorkbook, writeTemplate } from "../src/index.js";
import { pythonWith } from "../../../test/support/programs.js";

const roster: RosterEntry[] = [
  { id: "cgjdk", name: "城管监督科", category: "comprehensive-management" },
  { id: "csglk", name: "城市管理科", category: "public-service" },
  { id: "zfzd", name: "执法中队", category: "law-enforcement" },
];
const dir = mkdtempSync(join(tmpdir(), "wubi-ballots-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeTemplate with ballots", () => {
  it("adds 测评票 last, its fixed headers then each body's name, and nothing without the option", async () => {
    const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return workbook;
    };
    const plain = await load(await writeTemplate({ roster }));
    expect(plain.worksheets.map((ws) => ws.name)).toEqual(["说明", ...SHEETS.map((s) => s.name)]);
    const withBallots = await load(await writeTemplate({ roster, year: 2022, ballots: true }));
    expect(withBallots.worksheets.map((ws) => ws.name)).toEqual(["说明", ...SHEETS.map((s) => s.name), BALLOT_SHEET]);
    const ws = withBallots.getWorksheet(BALLOT_SHEET) as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["票号", "考评项目", "测评日期", "评价人类别", "评价人标识", "用时（秒）", "城管监督科", "城市管理科", "执法中队"]);
    const notes = (withBallots.getWorksheet("说明") as ExcelJS.Worksheet).getColumn(1).values as unknown[];
    expect(notes).toContain(BALLOT_SHEET);
    await expect(writeTemplate({ ballots: "yes" as unknown as boolean })).rejects.toThrow(/ballots/);
  });

  it("heads two bodies of one name by their ids", async () => {
    const twins: RosterEntry[] = [
      { id: "a1", name: "综合科", category: "public-service" },
      { id: "a2", name: "综合科", category: "public-service" },
      { id: "b", name: "法规科", category: "public-service" },
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate({ roster: twins, ballots: true })) as unknown as ExcelJS.Buffer);
    expect((workbook.getWorksheet(BALLOT_SHEET)?.getRow(1).values as unknown[]).slice(7)).toEqual(["a1", "a2", "法规科"]);
  });

  it("declares drop-downs in every mark cell and in 考评项目, seen by openpyxl; filled by openpyxl, reads back", async () => {
    const python = pythonWith("openpyxl");
    expect(python, "a python3 with openpyxl on PATH").toBeDefined();
    if (python === undefined) return;
    const template = join(dir, "template.xlsx");
    const filled = join(dir, "filled.xlsx");
    writeFileSync(template, await writeTemplate({ roster, year: 2022, ballots: true }));
    const script = [
      "import datetime, json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['测评票']",
      "lists = sorted(str(v.sqref) + ' ' + v.formula1 for v in ws.data_validations.dataValidation)",
      "col = {c.value: c.column for c in ws[1]}",
      "rows = [",
      " {'票号': '0001', '考评项目': '“两代表一委员”评价', '测评日期': datetime.date(2022, 12, 20), '评价人类别': '企业代表', '评价人标识': 'r1', '用时（秒）': 95, '城管监督科': '满意', '城市管理科': '满意┋不满意', '执法中队': '不了解'},",
      " {'票号': '0002', '考评项目': '“两代表一委员”评价', '测评日期': datetime.date(2022, 12, 20), '评价人类别': '商户', '城管监督科': '基本满意', '执法中队': '基本满意、基本满意'},",
      "]",
      "for r, row in enumerate(rows, start=2):",
      "  for header, value in row.items(): ws.cell(row=r, column=col[header]).value = value",
      "wb.save(sys.argv[2])",
      "print(json.dumps({'lists': lists, 'idFormat': ws.column_dimensions['A'].number_format}, ensure_ascii=False))",
    ].join("\n");
    const seen = JSON.parse(execFileSync(python, ["-c", script, template, filled], { encoding: "utf8" })) as { lists: string[]; idFormat: string };
    expect(seen).toEqual({
      lists: ['B2:B2001 "服务对象代表评价,“两代表一委员”评价,县市区对口部门评价"', 'G2:G2001 "满意,基本满意,不满意,不了解"', 'H2:H2001 "满意,基本满意,不满意,不了解"', 'I2:I2001 "满意,基本满意,不满意,不了解"'],
      idFormat: "@",
    });
    const bytes = readFileSync(filled);
    const outcome = await readBallots(bytes, { participants: roster, issued: 40 });
    expect(outcome.success ? [] : outcome.issues).toEqual([]);
    if (!outcome.success) return;
    expect(outcome.boxes).toEqual([
      {
        year: 2022,
        component: "deputies",
        date: "2022-12-20",
        issued: 40,
        ballots: [
          { id: "0001", group: "企业代表", rater: "r1", seconds: 95, marks: { cgjdk: "satisfied", csglk: ["satisfied", "dissatisfied"], zfzd: "unknown" } },
          { id: "0002", group: "商户", marks: { cgjdk: "basically-satisfied", zfzd: ["basically-satisfied", "basically-satisfied"] } },
        ],
      },
    ]);
    // The records sheets of the same workbook still import (the roster pre-filled, nothing else).
    const records = await readWorkbook(bytes, { allowIncomplete: true });
    expect(records.success ? records.inputs.map((i) => i.participant.id) : records.issues).toEqual(["cgjdk", "csglk", "zfzd"]);
  });
});

describe("template --ballots", () => {
  async function cli(argv: readonly string[]): Promise<{ code: number; stdout: Buffer; text: string }> {
    const chunks: Buffer[] = [];
    const lines: string[] = [];
    const stdout = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const code = await runCli(argv, { out: (t) => lines.push(t), err: (t) => lines.push(t), stdin: Readable.from([]), stdout });
    return { code, stdout: Buffer.concat(chunks), text: lines.join("\n") };
  }

  it("adds the sheet 测评票 with the roster's bodies, and says so in its help in Chinese and English", async () => {
    const rosterFile = join(dir, "roster.json");
    writeFileSync(rosterFile, JSON.stringify(roster));
    const run = await cli(["template", "--roster", rosterFile, "--ballots"]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.stdout as unknown as ExcelJS.Buffer);
    expect((workbook.getWorksheet(BALLOT_SHEET)?.getRow(1).values as unknown[]).slice(7)).toEqual(roster.map((r) => r.name));
    const without = new ExcelJS.Workbook();
    await without.xlsx.load((await cli(["template", "--roster", rosterFile])).stdout as unknown as ExcelJS.Buffer);
    expect(without.getWorksheet(BALLOT_SHEET)).toBeUndefined();
    const zh = await cli(["template", "--help"]);
    expect(zh.text).toContain("[--ballots]");
    expect(zh.text).toContain("--ballots       另加“测评票”表");
    expect((await cli(["template", "--help", "--lang", "en"])).text).toContain("--ballots       also add the sheet 测评票");
  });
});
