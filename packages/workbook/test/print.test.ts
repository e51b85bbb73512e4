/**
 * The results workbook as printed: LibreOffice Calc converts it to PDF headless (a private
 * profile), poppler's pdfinfo and pdftotext read each page. The 公示表 of the seven example
 * bodies is one landscape page with every name whole; a hundred bodies print over several pages,
 * the title and the header on each; each body's 计分说明 starts on a page of its own.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { score, type ScoreResult } from "wubi-wuping";
import { rankingHeading, rankingTable } from "wubi-wuping/formats";
import { readWorkbook, writeResults } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "wubi-print-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text without whitespace: a PDF's glyph runs carry no reliable spaces between Chinese characters. */
const flat = (text: string): string => text.replace(/\s+/g, "");

interface Page {
  readonly landscape: boolean;
  readonly text: string;
}

/** Prints `bytes` to PDF with LibreOffice (pages `range`, e.g. "1-6", or all) and reads each page. */
function printed(bytes: Uint8Array, name: string, range?: string): Page[] {
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const filter = range === undefined ? "pdf" : `pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"${range}"}}`;
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", filter, "--outdir", dir, xlsx], { stdio: "ignore", timeout: 180_000 });
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
  const pages = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f");
  return sizes.map((landscape, i) => ({ landscape, text: flat(pages[i] ?? "") }));
}

const examples: ScoreResult[] = readFileSync("examples/2022/inputs.ndjson", "utf8")
  .trim()
  .split("\n")
  .map((line) => score(JSON.parse(line)));

describe("the results workbook printed by LibreOffice", () => {
  it("prints the 公示表 of the seven example bodies on one landscape page: title, policy line, every name whole, notes, page 1 of N", async () => {
    const options = { unit: "宣城市城管执法局", date: "2023-03-10" };
    const pages = printed(await writeResults(examples, options), "seven");
    const heading = rankingHeading(examples, options);
    const ranking = pages.filter((page) => page.text.includes(flat(heading.title)));
    expect(ranking).toHaveLength(1);
    const page = ranking[0] as Page;
    expect(page.landscape).toBe(true);
    expect(page.text.startsWith(flat(heading.title))).toBe(true);
    expect(page.text).toContain(flat(heading.subtitle));
    for (const header of rankingTable(examples).headers.filter((h) => h.length <= 4)) expect(page.text).toContain(header);
    for (const result of examples) expect(page.text).toContain(flat(result.participant.name));
    expect(page.text).toContain(flat(heading.tierNote as string));
    expect(page.text).toMatch(/第1页，共\d+页/);
    // 计分说明: each body's explanation starts on a page of its own.
    const starts = pages.map((p) => (p.text.match(/五比五评考评计分说明——/g) ?? []).length);
    expect(starts.filter((n) => n === 1)).toHaveLength(examples.length);
    expect(Math.max(...starts)).toBe(1);
  }, 240_000);

  it("prints a hundred bodies over several pages, the title and the header on each, every body once", async () => {
    const read = await readWorkbook(readFileSync("test/fixtures/page/bodies-100.xlsx"));
    if (!read.success) throw new Error(read.issues.map((i) => i.message).join("\n"));
    const results = read.inputs.map((input) => score(input));
    expect(results).toHaveLength(100);
    const heading = rankingHeading(results);
    // Only the first pages: the 排名 sheet comes first, 计分说明's two hundred pages after it.
    const pages = printed(await writeResults(results, { by: "category" }), "hundred", "1-8").filter((page) => page.text.includes(flat(heading.title)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(8);
    const headers = rankingTable(results).headers.filter((h) => h.length <= 4);
    for (const page of pages) {
      expect(page.landscape).toBe(true);
      expect(page.text.startsWith(flat(heading.title))).toBe(true);
      for (const header of headers) expect(page.text).toContain(header);
    }
    const all = pages.map((page) => page.text).join("");
    for (const result of results) expect(all).toContain(flat(result.participant.name));
  }, 240_000);
});
