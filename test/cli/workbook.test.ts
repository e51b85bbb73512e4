/**
 * The workbook through the CLI, as a clerk runs it: template → filled workbook → import → score →
 * rank --format xlsx → verify --published; the time-zone runs start the built executable in a child
 * process with TZ set, the rest run in this process.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { readTable } from "@wubi-wuping/workbook";
import { BIN, BUILT, cliBytes, tempFiles } from "./run.js";

const fixture = (name: string): string => new URL(`../fixtures/workbook/${name}`, import.meta.url).pathname;
const file = tempFiles("wubi-workbook-cli-");

/** Runs the built CLI with `TZ` set, stdout as bytes. */
function run(argv: readonly string[], tz = "UTC"): { code: number | null; stdout: Buffer; stderr: string } {
  const child = spawnSync(process.execPath, [BIN, ...argv], { env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr.toString("utf8") };
}

/** Runs the CLI in this process, stdout as bytes (a stream, as the binary formats need). */
async function inProcess(argv: readonly string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const { code, stdout, errLines } = await cliBytes(argv);
  return { code, stdout, stderr: errLines.map((t) => `${t}\n`).join("") };
}

describe.runIf(BUILT)("the workbook commands", () => {
  const facts = run(["score", "--batch", fixture("facts.ndjson")]);

  it.each(["America/Los_Angeles", "Asia/Shanghai"])("imports the LibreOffice workbook in %s into results byte-identical to the JSON facts'", (tz) => {
    const imported = run(["import", fixture("libreoffice.xlsx")], tz);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const scored = run(["score", "--batch", file(`inputs-${tz.replace("/", "-")}.ndjson`, imported.stdout.toString("utf8"))], tz);
    expect(scored.code).toBe(0);
    expect(scored.stdout.toString("utf8")).toBe(facts.stdout.toString("utf8"));
  });

  it("writes nothing and names every problem on its own line when the workbook is wrong, exit 1", async () => {
    const planted = await inProcess(["import", fixture("planted-problems.xlsx")]);
    expect(planted.code).toBe(1);
    expect(planted.stdout.length).toBe(0);
    const lines = planted.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/planted-problems\.xlsx: \S+[：!].* \([a-z_-]+\)$/);
    expect(planted.stderr).toContain("投诉!D2（编号）");
    const notWorkbook = await inProcess(["import", fixture("facts.ndjson"), "--lang", "en"]);
    expect(notWorkbook.code).toBe(1);
    expect(notWorkbook.stderr).toMatch(/^.*facts\.ndjson: not an Excel workbook \(\.xlsx\).*\(not-a-workbook\)\n$/);
  });

  it("ranks into an .xlsx whose 排名 sheet holds the CSV's rows and which verify --published accepts", async () => {
    const results = file("results.ndjson", facts.stdout.toString("utf8"));
    const xlsx = await inProcess(["rank", results, "--format", "xlsx", "--by", "category"]);
    expect(xlsx.code).toBe(0);
    const csv = (await inProcess(["rank", results, "--format", "csv", "--by", "category"])).stdout.toString("utf8");
    const outcome = await readTable(new Uint8Array(xlsx.stdout));
    expect(outcome.success).toBe(true);
    if (!outcome.success) return;
    const [head, ...rows] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(outcome.table.headers.join(",")).toBe(head);
    expect(outcome.table.rows.map((r) => r.cells["编号"])).toEqual(rows.map((r) => r.split(",")[1]));
    const table = file("排名.xlsx", "");
    writeFileSync(table, xlsx.stdout);
    const verified = await inProcess(["verify", fixture("facts.ndjson"), "--published", table, "--by", "category"]);
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    const tampered = outcome.table.rows.map((r) => `${r.cells["编号"]},${r.cells["编号"] === "003" ? "1.00" : r.cells["总分"]}`);
    const changed = await inProcess(["verify", fixture("facts.ndjson"), "--published", file("t.csv", ["编号,总分", ...tampered].join("\n"))]);
    expect(changed.code).toBe(1);
  });

  it("goes the whole round trip: template → filled in → import → score → rank --format xlsx", async () => {
    const template = await inProcess(["template", "--roster", "examples/roster/xuancheng-2022.json", "--year", "2022"]);
    expect(template.code).toBe(0);
    // The clerk's part: records typed into the template's sheets.
    const workbook = new ExcelJS.Workbook();
    // (The drop-down lists are left out of this copy: only the records matter here.)
    await workbook.xlsx.load(template.stdout as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] } as unknown as ExcelJS.XlsxReadOptions);
    const roster = JSON.parse(readFileSync("examples/roster/xuancheng-2022.json", "utf8")) as { id: string }[];
    const fill = (name: string, rows: unknown[][]): void => {
      const ws = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      rows.forEach((row, r) => row.forEach((value, c) => (ws.getRow(r + 2).getCell(c + 1).value = value as ExcelJS.CellValue)));
    };
    fill("督查暗访", roster.flatMap(({ id }, i) => ["日常督查", "专项督查", "随机暗访"].flatMap((c) => [[id, c, new Date(Date.UTC(2022, 2, 1 + i)), `${4 + i / 10}`], [id, c, "2022-09-01", 4.5]])));
    fill("测评", roster.flatMap(({ id }, i) => ["服务对象代表评价", "“两代表一委员”评价", "县市区对口部门评价"].map((c) => [id, c, 30 + i, 5, 1])));
    fill("市领导评分", roster.map(({ id }, i) => [id, 9 - i / 10]));
    const filled = file("2022.xlsx", "");
    writeFileSync(filled, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const imported = await inProcess(["import", filled]);
    expect(imported.stderr).toBe("");
    const inputs = file("inputs.ndjson", imported.stdout.toString("utf8"));
    const results = file("results-2022.ndjson", (await inProcess(["score", "--batch", inputs])).stdout.toString("utf8"));
    const ranked = await inProcess(["rank", results, "--format", "xlsx"]);
    expect(ranked.code).toBe(0);
    const table = await readTable(new Uint8Array(ranked.stdout));
    expect(table.success && table.table.rows.map((r) => r.cells["名次"])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(table.success && new Set(table.table.rows.map((r) => r.cells["编号"]))).toEqual(new Set(roster.map((r) => r.id)));
    expect((await inProcess(["template", "--year", "1999"])).code).toBe(2);
  });

  it("refuses to write a workbook to a terminal, asking for a redirection (exit 2)", async () => {
    const err: string[] = [];
    const terminal = Object.assign(new Readable(), { isTTY: true, write: () => true }) as unknown as NodeJS.WritableStream;
    const code = await runCli(["template"], { out: () => undefined, err: (t) => err.push(t), stdin: Readable.from([]), stdout: terminal });
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/不能直接显示在终端上：请重定向到文件，如 > 模板\.xlsx/);
  });
});
