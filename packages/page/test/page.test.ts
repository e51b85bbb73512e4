/**
 * The offline page, opened from disk in headless Chromium: files loaded through the file input,
 * the ranking checked row by row against the library, explanations, language, keyboard, problems,
 * downloads, printing to PDF, and that nothing leaves the page.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { COMPONENTS, definePolicy, explain, rank, safeScore, score, type RankEntry, type ScoreResult } from "wubi-wuping";
import { sensitivity } from "wubi-wuping/sensitivity";
import { readWorkbook } from "@wubi-wuping/workbook";
import { loadFiles, openPage, pageUrl, root, type Files, type OpenPage } from "./browser.js";
import { flat, pdfPages } from "./pdf.js";

const run = promisify(execFile);
const exampleDir = join(root, "examples/2022");
const examples = readdirSync(exampleDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => join(exampleDir, name));
const inputs = examples.map((file) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
const results: ScoreResult[] = inputs.map((input) => score(input));
const quotaPolicyFile = join(root, "examples/policy/xuancheng-2022-quota.json");
const workbooks = join(root, "test/fixtures/page");

let open: OpenPage;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "wubi-wuping-page-"));
  open = await openPage();
}, 60_000);

afterAll(async () => {
  await open?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Each body row as the page shows it: its three data attributes. */
async function rows(): Promise<{ id: string; total: string; rank: string }[]> {
  return open.page.$$eval("tr[data-participant-id]", (trs) =>
    trs.map((tr) => ({ id: tr.getAttribute("data-participant-id") ?? "", total: tr.getAttribute("data-total") ?? "", rank: tr.getAttribute("data-rank") ?? "" })),
  );
}

const expected = (entries: readonly RankEntry[]) =>
  entries.map((entry) => ({ id: entry.participant.id, total: entry.total, rank: entry.rank === null ? "" : String(entry.rank) }));

/** Loads files through the file input (replacing what was loaded) and waits for the page to settle. */
const load = (files: Files): Promise<void> => loadFiles(open.page, files);

const explainText = () => open.page.locator("[data-explain] pre.explain-text").textContent();

describe("the offline page", () => {
  it("ranks the seven examples loaded through the file input exactly as the library does", async () => {
    await load(examples);
    expect(await rows()).toEqual(expected(rank(results)));
    // Only body rows carry the hooks: the header row carries none.
    expect(await open.page.locator("[data-participant-id]").count()).toBe(7);
    expect(await open.page.locator("thead [data-total], thead [data-rank]").count()).toBe(0);
  });

  it("shows the sensitivity chart and the rank range of every body once two or more are loaded", async () => {
    const { page } = open;
    await page.waitForSelector("#sensitivity-body[aria-busy=false] svg");
    const analysis = sensitivity(inputs);
    const shown = await page.$$eval(".sensitivity-table tbody tr", (trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? "")));
    expect(shown).toEqual(
      analysis.participants.map((p) => [
        `${p.participant.name}（${p.participant.id}）`,
        p.base.total,
        `${p.total.min} – ${p.total.max}`,
        p.base.rank === null ? "不参与排名" : String(p.base.rank),
        p.rank === null ? "—" : `${p.rank.min} – ${p.rank.max}`,
        p.rank === null ? "—" : `${p.rank.p5} – ${p.rank.p95}`,
        p.stable ? "是" : "否",
      ]),
    );
    expect(await page.locator("#sensitivity-body svg").getAttribute("role")).toBe("img");
  });

  it("shows a body's explanation when its row is clicked: every component, its records, the bonus, the veto, the assumptions", async () => {
    const { page } = open;
    const result = results.find((r) => r.participant.id === "cgjdk") as ScoreResult;
    const input = inputs[examples.findIndex((file) => file.endsWith("cgjdk.json"))] as { commendations: { id: string }[] };
    await page.click('tr[data-participant-id="cgjdk"]');
    expect(await explainText()).toBe(explain(result, { ids: false }));
    const shown = (await page.locator("[data-explain]").textContent()) ?? "";
    for (const component of COMPONENTS) expect(shown).toContain(component.label);
    for (const id of ["rc-2022-1", "zx-2022-2", "af-2022-3", "12345-2022-0418"]) expect(shown).toContain(id);
    for (const commendation of input.commendations) expect(shown).toContain(commendation.id);
    expect(shown).toContain("加分事项");
    expect(shown).toContain("一票否决");
    // Issue #21: the assumptions are named in words alone on the page, never by their ids.
    expect(shown).toContain("本结果依赖的假定参数");
    for (const assumption of result.assumptions) expect(shown).not.toContain(assumption);
    expect(await page.getAttribute('tr[data-participant-id="cgjdk"]', "aria-selected")).toBe("true");
  });

  it("moves between rows with the arrow keys and opens the focused row with Enter", async () => {
    const { page } = open;
    const order = expected(rank(results)).map((row) => row.id);
    await page.focus(`tr[data-participant-id="${order[0]}"]`);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const third = results.find((r) => r.participant.id === order[2]) as ScoreResult;
    expect(await explainText()).toBe(explain(third, { ids: false }));
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-participant-id"))).toBe(order[6]);
    // One tab stop for the whole table: only the focused row is in the tab order.
    expect(await page.locator('tr[data-participant-id][tabindex="0"]').count()).toBe(1);
  });

  it("switches the whole page to English and back to Chinese", async () => {
    const { page } = open;
    const id = (await page.getAttribute("tr[data-participant-id][aria-selected=true]", "data-participant-id")) ?? "";
    const result = results.find((r) => r.participant.id === id) as ScoreResult;
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en" && document.querySelector("thead th")?.textContent === "Rank");
    expect(await explainText()).toBe(explain(result, { lang: "en", ids: false }));
    expect(await page.textContent("#print-ranking")).toBe("Print the public list");
    expect(await page.getAttribute('button[data-lang="en"]', "aria-pressed")).toBe("true");
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN" && document.querySelector("thead th")?.textContent === "名次");
    expect(await explainText()).toBe(explain(result, { ids: false }));
  });

  it("ranks by category on request, with the policy's tiers and quota applied", async () => {
    const { page } = open;
    await load([...examples, quotaPolicyFile]);
    const policy = definePolicy(JSON.parse(readFileSync(quotaPolicyFile, "utf8")));
    const scored = inputs.map((input) => score(input, { policy }));
    expect(await rows()).toEqual(expected(rank(scored, { policy })));
    await page.selectOption("#grouping", "category");
    await page.waitForSelector("tr.group-row");
    const entries = rank(scored, { policy, by: "category" });
    expect(await rows()).toEqual(expected(entries));
    const tiers = await page.$$eval("tr[data-participant-id]", (trs) => trs.map((tr) => tr.children[tr.children.length - 2]?.textContent));
    expect(tiers).toEqual(entries.map((entry) => ({ excellent: "优秀", competent: "称职", "basically-competent": "基本称职", incompetent: "不称职" })[entry.tier ?? "competent"]));
    expect(await page.textContent("#policy-line")).toContain("xuancheng-2022-quota");
    await page.selectOption("#grouping", "");
    await page.waitForFunction(() => document.querySelector("tr.group-row") === null);
  });

  it("loads files dropped on the page", async () => {
    const { page } = open;
    await page.click("#clear-files");
    const files = examples.slice(0, 3).map((file) => ({ name: file.slice(file.lastIndexOf("/") + 1), text: readFileSync(file, "utf8") }));
    const transfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: "application/json" }));
      return data;
    }, files);
    await page.dispatchEvent("body", "dragover", { dataTransfer: transfer });
    await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelectorAll("tr[data-participant-id]").length === 3);
    expect(await rows()).toEqual(expected(rank(results.slice(0, 3))));
  });

  it("lists each file's problems with their path or line, in Chinese", async () => {
    const { page } = open;
    const bad = { ...inputs[0], components: { ...(inputs[0]?.["components"] as object), routineInspection: { rounds: [{ date: "2022-05-18", score: "26" }] } } };
    const problems = async (name: string) => (await page.locator(`.problem-file[data-file="${name}"]`).textContent()) ?? "";
    const file = (path: string) => ({ name: path.slice(path.lastIndexOf("/") + 1), mimeType: "application/json", buffer: readFileSync(path) });
    await load([
      file(examples[1] as string),
      { name: "坏的输入.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) },
      { name: "批量.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(`${JSON.stringify(inputs[2])}\n{ not json\n`) },
      { name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("hello") },
      { name: "重复.json", mimeType: "application/json", buffer: readFileSync(examples[1] as string) },
      { name: "政策.json", mimeType: "application/json", buffer: Buffer.from('{"id":"city-2023","bonusCap":-1}') },
    ]);
    expect((await rows()).map((row) => row.id).sort()).toEqual([results[1]?.participant.id, results[2]?.participant.id].sort());
    expect(await problems("重复.json")).toContain(`参评对象“${results[1]?.participant.id}”已从 ${file(examples[1] as string).name} 载入`);
    expect(await problems("政策.json")).toContain("政策文件有误，改用默认政策");
    expect(await problems("政策.json")).toContain("bonusCap");
    expect(await page.textContent("#policy-line")).toContain("xuancheng-2022");
    // The library's own message, at its path.
    const refused = safeScore(bad);
    if (refused.success) throw new Error("the bad input scores");
    expect(await problems("坏的输入.json")).toContain(`components.routineInspection.rounds[0].score：${refused.error.issues[0]?.message}`);
    expect(await problems("批量.ndjson")).toContain("第 2 行");
    expect(await problems("批量.ndjson")).toContain("不是有效的 JSON");
    expect(await problems("说明.txt")).toContain("不支持的文件类型");
  });

  it("ranks the bodies of a workbook loaded through the file input as the library scores them", async () => {
    await load(join(workbooks, "examples-2022.xlsx"));
    const read = await readWorkbook(readFileSync(join(workbooks, "examples-2022.xlsx")));
    if (!read.success) throw new Error("the fixture workbook does not read");
    expect(await rows()).toEqual(expected(rank(read.inputs.map((input) => score(input)))));
    expect(await rows()).toEqual(expected(rank(results)));
  });

  it("shows a workbook's problems at their sheet and cell", async () => {
    const { page } = open;
    await load(join(workbooks, "wrong-cells.xlsx"));
    const shown = (await page.locator('.problem-file[data-file="wrong-cells.xlsx"]').textContent()) ?? "";
    const read = await readWorkbook(readFileSync(join(workbooks, "wrong-cells.xlsx")));
    if (read.success) throw new Error("the spoilt workbook reads");
    expect(read.issues.map((issue) => [issue.sheet, issue.column, issue.row])).toEqual([
      ["督查暗访", "D", 3],
      ["投诉", "A", 2],
    ]);
    for (const issue of read.issues) expect(shown).toContain(issue.message);
    expect(shown).toContain("督查暗访!D3");
    expect(shown).toContain("投诉!A2");
    expect(await rows()).toEqual([]);
  });

  it("loads and ranks a workbook of 100 bodies (the figure is printed, not asserted)", async () => {
    const { page } = open;
    const file = join(workbooks, "bodies-100.xlsx");
    await load(file);
    const read = await readWorkbook(readFileSync(file));
    if (!read.success) throw new Error("the fixture workbook does not read");
    expect(await rows()).toEqual(expected(rank(read.inputs.map((input) => score(input)))));
    const ms = await page.evaluate(() => {
      performance.measure("load-and-rank", "wubi-wuping:files", "wubi-wuping:rendered");
      return performance.getEntriesByName("load-and-rank").at(-1)?.duration ?? Number.NaN;
    });
    console.info(`offline page: 100 bodies from a workbook read, scored, ranked and rendered in ${ms.toFixed(0)} ms`);
    expect(ms).toBeGreaterThan(0);
  });

  it("downloads the results as NDJSON, the ranking as XLSX, and as the CSV that `rank --format csv` prints", async () => {
    const { page } = open;
    await load(examples);
    const save = async (button: string, name: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      const path = join(work, name);
      await download.saveAs(path);
      return path;
    };
    const ndjson = await save("#download-results", "results.ndjson");
    const lines = readFileSync(ndjson, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(results);
    // The XLSX holds what `rank --format xlsx` writes, sheet by sheet and cell by cell.
    const cells = async (path: string): Promise<Record<string, unknown[][]>> => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      return Object.fromEntries(book.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues().map((row) => (Array.isArray(row) ? row : []))]));
    };
    const fromPage = await cells(await save("#download-xlsx", "ranking.xlsx"));
    const cliXlsx = join(work, "cli.xlsx");
    await run("sh", ["-c", `"${process.execPath}" "${join(root, "dist/cli.js")}" rank "${ndjson}" --format xlsx > "${cliXlsx}"`]);
    expect(Object.keys(fromPage)).toEqual(["排名", "计分说明", "假定参数"]);
    expect(fromPage).toEqual(await cells(cliXlsx));
    // Rows 1–3: the 公示表's title, its policy line and the header; the bodies follow.
    expect(fromPage["排名"]?.slice(4, 4 + results.length).map((row) => row[2])).toEqual(rank(results).map((e) => e.participant.id));
    const csv = readFileSync(await save("#download-csv", "ranking.csv"), "utf8");
    const cli = await run(process.execPath, [join(root, "dist/cli.js"), "rank", ndjson, "--format", "csv"]);
    expect(csv).toBe(cli.stdout);
    const labels = COMPONENTS.map((c) => c.label).join(",");
    expect(csv.split("\r\n")[0]).toBe(`\uFEFF名次,编号,名称,单位,类别,年度,${labels},日常考评,综合评价,基础分,加分,总分,等次,状态`);
  });

  it("ranks results loaded from NDJSON, explains them without records, and names a result of another policy", async () => {
    const { page } = open;
    const other = score(inputs[0], { policy: definePolicy({ id: "city-2023", bonusCap: 5 }) });
    const lines = [...results.slice(1), other].map((r) => JSON.stringify(r)).join("\n");
    await load([{ name: "结果.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(`${lines}\n`) }]);
    expect(await rows()).toEqual(expected(rank(results.slice(1))));
    const problems = (await page.locator('.problem-file[data-file="结果.ndjson"]').textContent()) ?? "";
    expect(problems).toContain("第 7 行 policy.id");
    expect(problems).toContain("policy-mismatch");
    const id = results[1]?.participant.id ?? "";
    await page.click(`tr[data-participant-id="${id}"]`);
    expect(await explainText()).toBe(explain(results[1] as ScoreResult, { ids: false }));
    expect(await page.textContent("[data-explain]")).toContain("只载入了计分结果，没有原始记录。");
    // Results alone cannot be re-scored: no sensitivity view, and the page says why.
    expect(await page.textContent("#sensitivity-body")).toBe("载入两个或更多参评对象的输入数据后显示敏感性分析。");
    await load(examples);
  });

  it("prints the 公示表 on A4 landscape with the year, the unit and page numbers", async () => {
    const { page } = open;
    await page.fill("#unit", "宣城市城市管理综合执法局");
    await page.click("#print-target-ranking");
    const pdf = await pdfPages(await page.pdf({ preferCSSPageSize: true }), work, "ranking");
    expect(pdf.map((p) => p.size)).toEqual(["landscape"]);
    const first = pdf[0]?.text ?? "";
    expect(first).toContain(flat("宣城市城市管理综合执法局 2022 年度“五比五评”考评结果公示表"));
    expect(first).toContain(flat("第 1 页，共 1 页"));
    for (const result of results) expect(first).toContain(result.total);
    // Only the 公示表: no explanation, no controls, no file list.
    expect(first).not.toContain("计分说明");
    expect(first).not.toContain("下载");
    expect(first).not.toContain("cgjdk.json");
  });

  it("downloads the XLSX with the unit typed on the page in the 公示表's title, as `rank --format xlsx --unit` writes it", async () => {
    const { page } = open;
    // The examples name two units (市城管执法局, 市属事业单位): without the typed one the title names none.
    await page.fill("#unit", "宣城市城市管理综合执法局");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-xlsx")]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const title = book.getWorksheet("排名")?.getCell("A1").value;
    expect(title).toBe("宣城市城市管理综合执法局 2022 年度“五比五评”考评结果公示表");
    expect(title).toBe(await page.textContent("#public-title"));
  });

  it("prints a body's 计分说明 on A4 portrait, ending with lines for 审核人 and 日期", async () => {
    const { page } = open;
    await page.click('tr[data-participant-id="zfzd"]');
    await page.click("#print-target-explain");
    const pdf = await pdfPages(await page.pdf({ preferCSSPageSize: true }), work, "explain");
    expect(pdf.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pdf.map((p) => p.size))).toEqual(new Set(["portrait"]));
    expect(pdf[0]?.text).toContain(flat("市城市管理综合执法支队 计分说明"));
    pdf.forEach((p, i) => expect(p.text).toContain(flat(`第 ${i + 1} 页，共 ${pdf.length} 页`)));
    const last = pdf.at(-1)?.text ?? "";
    expect(last).toMatch(/审核人：.*日期：/);
    expect(pdf.map((p) => p.text).join("")).not.toContain("考评结果公示表");
  });

  it("labels every control and keeps text contrast at 4.5:1 or more", async () => {
    const unlabeled = await open.page.$$eval("input, select, button, textarea", (controls) =>
      controls
        .filter((c) => {
          const own = (c.getAttribute("aria-label") ?? c.textContent ?? "").trim();
          const labels = (c as HTMLInputElement).labels;
          const byLabel = labels !== null && Array.from(labels).some((l) => (l.textContent ?? "").trim() !== "");
          return own === "" && !byLabel && c.getAttribute("aria-labelledby") === null;
        })
        .map((c) => c.outerHTML),
    );
    expect(unlabeled).toEqual([]);
    const low = await open.page.evaluate(contrastProblems);
    expect(low).toEqual([]);
  });

  it("makes no request beyond the page itself and logs no console error", () => {
    expect([...new Set(open.requests)]).toEqual([pageUrl]);
    expect(open.errors).toEqual([]);
  });
});

/**
 * Runs in the page: every element with its own text whose colour against its background (the
 * nearest opaque one) is below 4.5:1 (WCAG AA for normal text).
 */
function contrastProblems(): string[] {
  const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): number[] => {
    for (let e = element; e !== null; e = e.parentElement) {
      const parts = rgb(getComputedStyle(e).backgroundColor);
      if (parts.length === 3 || (parts[3] ?? 0) > 0.9) return parts.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const problems: string[] = [];
  for (const element of document.querySelectorAll("body *")) {
    const own = Array.from(element.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
    const style = getComputedStyle(element);
    if (!own || style.visibility === "hidden" || (element as HTMLElement).offsetParent === null) continue;
    const a = luminance(rgb(style.color));
    const b = luminance(background(element));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problems.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
  }
  return problems;
}
