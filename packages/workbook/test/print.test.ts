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

/**
 * The printed size (pt) of each word of pure Chinese characters on page `page` of the PDF printed
 * last under `name`: a CJK glyph is one em wide, so a word's width over its characters is its size.
 */
function chineseSizes(name: string, page: number): { word: string; size: number }[] {
  const html = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", join(dir, `${name}.pdf`), "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .filter((m) => /^\p{Script=Han}+$/u.test(m[3] as string))
    .map((m) => ({ word: m[3] as string, size: (Number(m[2]) - Number(m[1])) / [...(m[3] as string)].length }));
}

/**
 * Whether `text` is printed whole on page `page` of the PDF printed last under `name`: on one line,
 * or wrapped in its cell — lines that start at one left edge, each right under the one before.
 */
const boxes = new Map<string, string>();
function printedWhole(name: string, page: number, text: string): boolean {
  const key = `${name}:${page}`;
  const html = boxes.get(key) ?? execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", join(dir, `${name}.pdf`), "-"], { encoding: "utf8" });
  boxes.set(key, html);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    top: Number(m[2]),
    bottom: Number(m[3]),
    text: flat(m[4] as string),
  }));
  const below = (w: (typeof words)[number]) => words.find((o) => Math.abs(o.x - w.x) < 1 && o.top > w.bottom - 1 && o.top < w.bottom + (w.bottom - w.top) * 0.5);
  const wanted = flat(text);
  return words.some((first) => {
    let read = first.text;
    for (let w: (typeof words)[number] | undefined = first; w !== undefined && read.length < wanted.length && wanted.startsWith(read); ) {
      w = below(w);
      if (w !== undefined) read += w.text;
    }
    return read === wanted;
  });
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
    expect(page.text).toContain(flat(heading.tierNote as string));
    expect(page.text).toMatch(/第1页，共\d+页/);
    // Issue 21: legible on paper (it printed at 5.5 pt) — the bodies' names, units, categories and
    // tiers, the policy line and the notes at 9 pt or more; the bold headers at 7.5 pt or more.
    const sizes = chineseSizes("seven", pages.indexOf(page) + 1);
    const headerWords = new Set(rankingTable(examples).headers.flatMap((h) => [...h.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0])));
    const isHeader = (word: string): boolean => [...headerWords].some((h) => h.includes(word));
    const body = sizes.filter((s) => !isHeader(s.word) && !/^(第|页|共)$/.test(s.word));
    for (const name of ["城管监督科", "市园林绿化管理处", "不称职"]) expect(body.map((s) => s.word)).toContain(name);
    const smallest = (list: typeof sizes) => list.reduce((a, b) => (b.size < a.size ? b : a));
    console.info(`公示表 of seven bodies: body text at ${smallest(body).size.toFixed(2)} pt and more, headers at ${smallest(sizes).size.toFixed(2)} pt and more`);
    expect(smallest(body).size, smallest(body).word).toBeGreaterThanOrEqual(9);
    expect(smallest(sizes).size, smallest(sizes).word).toBeGreaterThanOrEqual(7.5);
    // Every name whole, on one line or wrapped in its cell (the lines of a cell read top to bottom).
    for (const result of examples) expect(printedWhole("seven", pages.indexOf(page) + 1, result.participant.name), result.participant.name).toBe(true);
    // The footer counts the 排名 sheet's own pages, not the workbook's.
    expect(page.text).toContain("第1页，共1页");
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
    // Text at 9 pt takes more pages than the 5.5 pt of before (issue 21): up to 11 are read.
    const pages = printed(await writeResults(results, { by: "category" }), "hundred", "1-12").filter((page) => page.text.includes(flat(heading.title)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(12);
    const headers = rankingTable(results).headers.filter((h) => h.length <= 4);
    for (const page of pages) {
      expect(page.landscape).toBe(true);
      expect(page.text.startsWith(flat(heading.title))).toBe(true);
      for (const header of headers) expect(page.text).toContain(header);
    }
    // Each page's footer: its number and the 排名 sheet's own count of pages (docs/decisions.md W23), never the workbook's.
    pages.forEach((page, i) => expect(page.text).toContain(`第${i + 1}页，共${pages.length}页`));
    // Every name whole, on one line or wrapped in its cell (the 排名 sheet's pages come first).
    for (const result of results) {
      expect(pages.some((_, i) => printedWhole("hundred", i + 1, result.participant.name)), result.participant.name).toBe(true);
    }
  }, 240_000);
});
