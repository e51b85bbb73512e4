#!/usr/bin/env node
/**
 * Renders the 公示表 of the seven example bodies of 2022 (examples/2022) to
 * docs/images/ranking-workbook-2022.png: `writeResults` writes the results workbook, LibreOffice
 * prints it to PDF headless, and pdftoppm (poppler-utils) turns the 排名 sheet's page into a PNG.
 *
 * Usage: npm run build && node scripts/ranking-screenshot.mjs [OUT_DIR]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { score } from "wubi-wuping";
import { writeResults } from "@wubi-wuping/workbook";

const out = process.argv[2] ?? new URL("../docs/images/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const inputs = readFileSync(new URL("../examples/2022/inputs.ndjson", import.meta.url), "utf8").trim().split("\n").map((line) => JSON.parse(line));
const bytes = await writeResults(inputs.map((input) => score(input)), { unit: "宣城市城管执法局", date: "2023-03-10" });
const dir = mkdtempSync(join(tmpdir(), "wubi-shot-"));
try {
  const xlsx = join(dir, "ranking.xlsx");
  writeFileSync(xlsx, bytes);
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore", timeout: 120_000 });
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", join(dir, "ranking.pdf"), join(dir, "page")]);
  renameSync(join(dir, "page.png"), join(out, "ranking-workbook-2022.png"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${join(out, "ranking-workbook-2022.png")}`);
