/**
 * The page as a clerk meets it (issue #21), in headless Chromium: a heading without an empty year
 * before anything is loaded; an unfilled workbook summed up body by body before its details, the
 * advice naming the page's checkbox 允许缺项; an .xls and a CSV answered with what to do; and no
 * English id of an assumption or an option anywhere in the Chinese page.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "wubi-wuping";
import ExcelJS from "exceljs";
import { SHEET_NAMES, readWorkbook, writeTemplate } from "@wubi-wuping/workbook";
import { loadFiles, openPage, root, type Files, type OpenPage } from "./browser.js";

let open: OpenPage;

beforeAll(async () => {
  open = await openPage();
}, 60_000);

afterAll(async () => {
  await open?.close();
});

const load = (files: Files): Promise<void> => loadFiles(open.page, files);

const problemsOf = (name: string) => open.page.locator(`.problem-file[data-file="${name}"] li`).allTextContents();

describe("the page for a clerk", () => {
  it("shows the year in the heading only once it is known", async () => {
    const { page } = open;
    expect(await page.textContent("#public-title")).toBe("“五比五评”考评结果公示表");
    const dir = join(root, "examples/2022");
    await load(readdirSync(dir).filter((n) => n.endsWith(".json")).map((n) => join(dir, n)));
    // The examples name two units (市城管执法局, 所属事业单位): none is the publishing unit (W18).
    expect(await page.textContent("#public-title")).toBe("2022 年度“五比五评”考评结果公示表");
  });

  it("names no assumption or option by its English id in Chinese", async () => {
    const { page } = open;
    await page.click("tr[data-participant-id]");
    await page.waitForSelector("[data-explain] pre.explain-text");
    await page.waitForSelector("#sensitivity-body[aria-busy=false] svg");
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain("本结果依赖的假定参数");
    for (const id of ASSUMPTIONS) expect(text, id).not.toContain(id);
    expect(text).not.toMatch(/allowIncomplete|allow-incomplete/);
  });

  it("shows no English id in the Chinese sensitivity view: parameters and their values in words", async () => {
    const { page } = open;
    const dir = join(root, "examples/2022");
    // The example quota policy varies 优秀名额的取整方式 too (floor, half-up, ceil).
    await load([...readdirSync(dir).filter((n) => n.endsWith(".json")).map((n) => join(dir, n)), join(root, "examples/policy/xuancheng-2022-quota.json")]);
    await page.waitForSelector("#sensitivity-body[aria-busy=false] svg");
    const bodyIds = await page.$$eval("tr[data-participant-id]", (trs) => trs.map((tr) => tr.getAttribute("data-participant-id") ?? ""));
    const view = await page.evaluate(() => {
      const section = document.getElementById("sensitivity-body") as HTMLElement;
      const svgText = Array.from(section.querySelectorAll("svg text, svg title"), (t) => t.textContent ?? "").join("\n");
      return `${section.innerText}\n${svgText}`;
    });
    expect(view).toContain("各轮按本轮满分折算后取平均");
    expect(view).toContain("优秀名额的取整方式");
    // Body ids are the office's own data; once they are taken out, no Latin word is left but p5–p95.
    const words = bodyIds.reduce((text, id) => text.replaceAll(id, ""), view).replaceAll("p5–p95", "").match(/[A-Za-z][A-Za-z-]+/g);
    expect(words).toBeNull();
  });

  it("sums up an unfilled workbook body by body before its details, advising the checkbox 允许缺项", async () => {
    const roster = JSON.parse(readFileSync(join(root, "examples/roster/xuancheng-2022.json"), "utf8")) as { id: string; name: string }[];
    const template = await writeTemplate({ roster, year: 2022 });
    await load({ name: "模板.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(template) });
    const lines = await problemsOf("模板.xlsx");
    expect(lines.slice(0, roster.length)).toEqual(
      roster.map((body) => `${body.id} ${body.name}：7 项未填写：日常督查、专项督查、随机暗访、服务对象代表评价、“两代表一委员”评价、县市区对口部门评价、分管联系市领导评价`),
    );
    expect(await open.page.locator('.problem-file[data-file="模板.xlsx"] li.summary strong').count()).toBe(roster.length);
    expect(lines).toHaveLength(roster.length * 8);
    for (const line of lines.slice(roster.length)) expect(line).toContain("（或以 “允许缺项” 计为暂定结果）");
    expect(lines.join("\n")).not.toMatch(/allowIncomplete|allow-incomplete/);
    // The file's count is of the problems themselves, not of the summary lines.
    expect(await open.page.locator("#file-list li").textContent()).toContain(`${roster.length * 7} 处问题`);
  });

  it("answers an .xls and a CSV with what to do instead", async () => {
    await load([
      { name: "2022考评记录.xls", mimeType: "application/vnd.ms-excel", buffer: readFileSync(join(root, "test/fixtures/workbook/legacy.xls")) },
      { name: "排名.csv", mimeType: "text/csv", buffer: Buffer.from("名次,编号,总分\n1,cgjdk,94.51\n") },
    ]);
    expect((await problemsOf("2022考评记录.xls")).join("")).toContain("另存为 .xlsx");
    const csv = (await problemsOf("排名.csv")).join("");
    expect(csv).toContain("考评记录工作簿（.xlsx）");
    expect(csv).toContain("CSV UTF-8");
    expect(csv).not.toContain("不支持的文件类型");
  });

  it("gives the blank workbook to fill, so a clerk with only the page is not stuck", async () => {
    const { page } = open;
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-template")]);
    expect(download.suggestedFilename()).toBe("考评记录模板.xlsx");
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["说明", ...SHEET_NAMES]);
    const read = await readWorkbook(new Uint8Array(readFileSync(path)));
    expect(read.success && read.inputs).toEqual([]);
  });
});
