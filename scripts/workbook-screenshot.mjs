#!/usr/bin/env node
/**
 * Renders the template (the roster of 附件1 pre-filled, a few records typed in as a clerk would)
 * to docs/images/workbook-template.png: LibreOffice prints the workbook to PDF headless, then
 * pdftoppm (poppler-utils) turns the pages of 参评对象 and 督查暗访 into one PNG each.
 *
 * Usage: npm run build && node scripts/workbook-screenshot.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeTemplate } from "@wubi-wuping/workbook";

const out = new URL("../docs/images/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const roster = JSON.parse(readFileSync(new URL("../examples/roster/xuancheng-2022.json", import.meta.url), "utf8"));
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(await writeTemplate({ roster, year: 2022 }));
const rounds = workbook.getWorksheet("督查暗访");
[
  ["cgjdk", "日常督查", new Date(Date.UTC(2022, 2, 15)), 23.5, null, "2022-1", "第一轮全覆盖督查"],
  ["cgjdk", "日常督查", new Date(Date.UTC(2022, 8, 20)), 24, null, "2022-2", null],
  ["cgjdk", "专项督查", new Date(Date.UTC(2022, 4, 10)), 92, 100, null, "按百分制打分"],
  ["zfzd", "随机暗访", "2022-06-01", 9.5, null, null, null],
].forEach((row, r) => row.forEach((value, c) => value !== null && (rounds.getRow(r + 2).getCell(c + 1).value = value)));
// Only the two sheets shown are printed.
for (const ws of workbook.worksheets) if (ws.name !== "参评对象" && ws.name !== "督查暗访") ws.state = "hidden";
const dir = mkdtempSync(join(tmpdir(), "wubi-shot-"));
try {
  const xlsx = join(dir, "template.xlsx");
  writeFileSync(xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", join(dir, "template.pdf"), join(dir, "page")]);
  renameSync(join(dir, "page-1.png"), join(out, "workbook-template-participants.png"));
  renameSync(join(dir, "page-2.png"), join(out, "workbook-template-rounds.png"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${out}workbook-template-participants.png and workbook-template-rounds.png`);
