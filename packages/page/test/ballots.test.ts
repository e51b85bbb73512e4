/**
 * Ballot workbooks on the offline page (issue #22), in headless Chromium: a native 测评票 sheet
 * and a survey platform's export (its component and date given in the form beside the file) are
 * tallied, each box shown exactly as the core's `tally` of the same box counts it; a box with a
 * problem shows it; ballots beside the records give the scores the core gives on the inputs with
 * the tallies applied, and the explanation shows the ballots behind each survey count; counts
 * typed in the records that differ from the ballots are named, both of them.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ASSUMPTIONS, applyTally, explain, rank, score, tally, type RankEntry, type ScoreResult, type TallyResult } from "wubi-wuping";
import { readBallots, type BallotBoxJson } from "@wubi-wuping/workbook";
import type { Locator } from "playwright-core";
import { loadFiles, openPage, root, settle as settled, type Files, type OpenPage } from "./browser.js";

const fixtures = join(root, "test/fixtures/ballots");
const fixture = (name: string): Buffer => readFileSync(join(fixtures, name));
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exampleDir = join(root, "examples/2022");
const exampleFiles = readdirSync(exampleDir).filter((name) => name.endsWith(".json")).sort();
const inputs = exampleFiles.map((name) => JSON.parse(readFileSync(join(exampleDir, name), "utf8")) as Record<string, unknown> & { participant: { id: string; name: string }; components: Record<string, { ballots: Record<string, number>; date: string }> });
const results: ScoreResult[] = inputs.map((input) => score(input));

let open: OpenPage;

beforeAll(async () => {
  open = await openPage();
}, 60_000);

afterAll(async () => {
  await open?.close();
});

/** Loads files (replacing what was loaded) and waits for the page to settle. */
const load = (files: Files): Promise<void> => loadFiles(open.page, files);
const settle = (): Promise<void> => settled(open.page);

/**
 * Types a value into a ballot form's field and commits it (`change`), as a clerk does, once the
 * page has settled: a field typed into while the page is still recomputing is drawn again from
 * what was committed before, and the typing is lost.
 */
const enter = async (field: Locator, value: string): Promise<void> => {
  await settle();
  await field.fill(value);
  await field.dispatchEvent("change");
};

const xlsx = (name: string, buffer: Buffer | Uint8Array) => ({ name, mimeType: XLSX, buffer: Buffer.from(buffer) });
const json = (name: string, value: unknown) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(value)) });
const examples = () => exampleFiles.map((name) => ({ name, mimeType: "application/json", buffer: readFileSync(join(exampleDir, name)) }));

/** Each body row of the ranking: its id and total. */
async function rows(): Promise<{ id: string; total: string }[]> {
  return open.page.$$eval("tr[data-participant-id]", (trs) => trs.map((tr) => ({ id: tr.getAttribute("data-participant-id") ?? "", total: tr.getAttribute("data-total") ?? "" })));
}
const expected = (entries: readonly RankEntry[]) => entries.map((entry) => ({ id: entry.participant.id, total: entry.total }));

/** A box as the page shows it: 发出/收回/计入, per body the counts, every ballot not counted, the repeated raters. */
async function shownBox(file: string) {
  return open.page.$eval(`.box[data-box-file="${file}"]`, (box) => ({
    counts: box.querySelector(".box-counts")?.textContent ?? "",
    rules: box.querySelector(".rules")?.textContent ?? "",
    bodies: Array.from(box.querySelectorAll("tr[data-tally-participant]"), (tr) => [tr.getAttribute("data-tally-participant"), ...Array.from(tr.querySelectorAll("td"), (td) => Number(td.textContent))]),
    notCounted: Array.from(box.querySelectorAll("tr[data-not-counted]"), (tr) => [tr.getAttribute("data-participant"), tr.getAttribute("data-not-counted"), tr.querySelector("td.ids")?.textContent ?? ""]),
    raters: Array.from(box.querySelectorAll("tr[data-rater]"), (tr) => [tr.getAttribute("data-rater"), tr.querySelector("td.ids")?.textContent ?? ""]),
    tooFast: box.querySelector(".too-fast")?.textContent ?? "",
  }));
}

/** What the page must show for a tally (the bodies with a mark in the box, as the page lists them). */
function expectedBox(t: TallyResult) {
  return {
    bodies: t.participants.map((p) => {
      const c = p.survey.ballots;
      return [p.participantId, c.satisfied, c.basicallySatisfied, c.dissatisfied, c.unknown, p.blank.length, p.invalid.length, p.notCounted.length];
    }),
    notCounted: t.participants.flatMap((p) => (["blank", "invalid", "notCounted"] as const).filter((r) => p[r].length > 0).map((r) => [p.participantId, r, p[r].join("、")])),
    raters: t.repeatedRaters.map((r) => [/^[0-9a-f]{64}$/.test(r.rater) ? `${r.rater.slice(0, 12)}…` : r.rater, r.ballots.join("、")]),
  };
}

const problemsOf = async (name: string): Promise<string> => (await open.page.locator(`.problem-file[data-file="${name}"]`).textContent()) ?? "";

/**
 * The rows of a 测评票 sheet of the deputies survey (2023-01-10) for the seven example bodies
 * whose counts are each body's own, so that the tally reproduces the examples' counts; `spoil`
 * changes one mark.
 */
function deputiesBallots(spoil?: { readonly body: string; readonly from: string; readonly to: string }): (string | null)[][] {
  const marks = inputs.map((input) => {
    const b = input.components["deputies"]?.ballots ?? {};
    const list = [
      ...Array<string>(b["satisfied"] ?? 0).fill("满意"),
      ...Array<string>(b["basicallySatisfied"] ?? 0).fill("基本满意"),
      ...Array<string>(b["dissatisfied"] ?? 0).fill("不满意"),
      ...Array<string>(b["unknown"] ?? 0).fill("不了解"),
    ];
    if (spoil !== undefined && input.participant.id === spoil.body) list[list.indexOf(spoil.from)] = spoil.to;
    return list;
  });
  const n = Math.max(...marks.map((list) => list.length));
  return [
    ["票号", "考评项目", "测评日期", ...inputs.map((input) => input.participant.id)],
    ...Array.from({ length: n }, (_, i) => [String(i + 1).padStart(3, "0"), "“两代表一委员”评价", "2023-01-10", ...marks.map((list) => list[i] ?? null)]),
  ];
}

/** A ballot workbook of the deputies survey alone. */
async function deputiesWorkbook(spoil?: { readonly body: string; readonly from: string; readonly to: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("测评票").addRows(deputiesBallots(spoil));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The examples' records workbook without the deputies' counts in 测评, with the ballots' sheet or not. */
async function recordsWithoutDeputies(ballots: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(root, "test/fixtures/page/examples-2022.xlsx")) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet("测评") as ExcelJS.Worksheet;
  for (let r = sheet.rowCount; r >= 2; r -= 1) if (sheet.getRow(r).getCell(2).value === "“两代表一委员”评价") sheet.spliceRows(r, 1);
  if (ballots) book.addWorksheet("测评票").addRows(deputiesBallots());
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The core's tally of a ballot workbook for the example bodies. */
async function coreTally(bytes: Buffer, participants: readonly unknown[], options: Record<string, unknown> = {}): Promise<TallyResult> {
  const read = await readBallots(bytes, { participants: participants as never, ...options });
  if (!read.success) throw new Error(read.issues.map((i) => i.message).join("\n"));
  return tally(read.boxes[0] as BallotBoxJson, { participants: participants as never });
}

describe("ballots on the offline page", () => {
  it("tallies a native 测评票 sheet loaded alone, for the bodies of its columns, as the core tallies it", async () => {
    const { page } = open;
    // Its columns are headed by the bodies' names: without records, the names are the bodies.
    const roster = JSON.parse(fixture("1-roster.json").toString("utf8")) as { name: string }[];
    await load(xlsx("1-native.xlsx", fixture("1-native.xlsx")));
    await page.waitForSelector('.box[data-box-file="1-native.xlsx"]');
    const core = await coreTally(fixture("1-native.xlsx"), roster.map((r) => r.name));
    const shown = await shownBox("1-native.xlsx");
    expect({ bodies: shown.bodies, notCounted: shown.notCounted, raters: shown.raters }).toEqual(expectedBox(core));
    expect(shown.counts).toBe(`发出票数未填，收回 ${core.box.returned} 张，计入 ${core.box.counted} 张`);
    expect(shown.rules).toBe("计票规则：有效票条件（假定，可由政策覆盖）；收回率要求（假定，可由政策覆盖）；重复评价人（假定，可由政策覆盖）；最短答题用时（假定，可由政策覆盖）；评价人类别权重（假定，可由政策覆盖）");
    expect(await page.textContent("#ballots-body")).toContain("尚未载入考评记录");
    expect(await page.locator("#file-list li").textContent()).toContain(`${core.box.returned} 张测评票`);
    expect(await rows()).toEqual([]);
    // The ballots issued, typed in the form beside the file.
    const issued = page.locator('[data-ballot-file="1-native.xlsx"] input[data-field="issued"]');
    await enter(issued, "20");
    await page.waitForFunction(() => document.querySelector(".box .box-counts")?.textContent?.startsWith("发出 20 张") === true);
    expect((await shownBox("1-native.xlsx")).counts).toBe(`发出 20 张，收回 ${core.box.returned} 张，计入 ${core.box.counted} 张`);
  });

  it("shows a box's problems with their place: more ballots back than issued, a mark it cannot read", async () => {
    const { page } = open;
    const issued = page.locator('[data-ballot-file="1-native.xlsx"] input[data-field="issued"]');
    await enter(issued, "5");
    await page.waitForSelector('.problem-file[data-file="1-native.xlsx"]');
    const shown = await problemsOf("1-native.xlsx");
    expect(shown).toContain("发出票数：收回 12 张测评票，多于发出的 5 张：按有效票条件整箱无效，一张都不计");
    expect(shown).toContain("(box-over-issued)");
    expect(await page.locator('.box[data-box-file="1-native.xlsx"]').count()).toBe(0);

    const name = "openpyxl-native-problems.xlsx";
    await load(xlsx(name, fixture(name)));
    const read = await readBallots(fixture(name), { participants: ["cgjdk", "城市管理科", "科室甲"] });
    if (read.success) throw new Error("the spoilt ballots read");
    const problems = await problemsOf(name);
    expect(read.issues.length).toBeGreaterThan(0);
    for (const issue of read.issues) expect(problems).toContain(issue.message);
    expect(problems).toContain("invalid-mark");
    expect(problems).toMatch(/测评票!F2/);
  });

  it("asks for a platform export's component and date, then tallies it beside the records, scoring as the core does", async () => {
    const { page } = open;
    const roster = JSON.parse(fixture("0-roster.json").toString("utf8")) as { id: string; name: string; category: string }[];
    const records = roster.map((r) => ({ year: 2022, participant: { id: r.id, name: r.name, category: r.category }, components: {} }));
    await page.check("#allow-incomplete");
    await load([json("records.json", records[0]), ...records.slice(1).map((r, i) => json(`records-${i}.json`, r)), xlsx("0-platform.xlsx", fixture("0-platform.xlsx"))]);
    const form = '[data-ballot-file="0-platform.xlsx"]';
    expect(await page.textContent(`${form} .ask`)).toContain("请在这里选择、填写");
    expect(await page.locator(".box").count()).toBe(0);
    await page.selectOption(`${form} select[data-field="component"]`, "serviceRecipients");
    await settle();
    const date = page.locator(`${form} input[data-field="date"]`);
    await enter(date, "2022-12-20");
    await page.waitForSelector('.box[data-box-file="0-platform.xlsx"]');

    const core = await coreTally(fixture("0-platform.xlsx"), records, { component: "serviceRecipients", date: "2022-12-20", year: 2022 });
    const shown = await shownBox("0-platform.xlsx");
    expect({ bodies: shown.bodies, notCounted: shown.notCounted, raters: shown.raters }).toEqual(expectedBox(core));
    expect(core.repeatedRaters.length).toBeGreaterThan(0);
    // The raters are SHA-256 of addresses: shortened, and no address anywhere.
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/10\.7\.0\.\d/);
    for (const r of core.repeatedRaters) expect(text).not.toContain(r.rater);
    expect(text).toContain("问卷平台的评价人标识是来源地址的 SHA-256 摘要");
    // Groups: each body's counts by rater group.
    const groups = await page.$$eval('.box[data-box-file="0-platform.xlsx"] tr[data-group]', (trs) => trs.map((tr) => [tr.getAttribute("data-group-participant"), tr.getAttribute("data-group"), ...Array.from(tr.querySelectorAll("td.num"), (td) => Number(td.textContent))]));
    expect(groups).toEqual(core.participants.flatMap((p) => Object.entries(p.survey.groups ?? {}).map(([g, c]) => [p.participantId, g, c.satisfied, c.basicallySatisfied, c.dissatisfied, c.unknown])));

    const applied = applyTally(records, [core]);
    const scored = applied.map((input) => score(input, { allowIncomplete: true }));
    expect(await rows()).toEqual(expected(rank(scored)));
    // The sensitivity view is of the inputs with the ballots' counts, not of those before the form was filled.
    await page.waitForSelector("#sensitivity-body[aria-busy=false] svg");
    const bases = await page.$$eval(".sensitivity-table tbody tr", (trs) => trs.map((tr) => tr.children[1]?.textContent ?? ""));
    expect([...bases].sort()).toEqual(scored.map((r) => r.total).sort());
    await page.click(`tr[data-participant-id="${roster[0]?.id}"]`);
    const explained = await page.locator("[data-explain] pre.explain-text").textContent();
    expect(explained).toBe(explain(scored[0] as ScoreResult, { ids: false, tallies: [core] }));
    expect(explained).toContain("测评票：2022-12-20 测评");
    await page.uncheck("#allow-incomplete");
  });

  it("reproduces the examples' scores from their deputies' ballots, typed counts and all, and shows the ballots in the explanation", async () => {
    const { page } = open;
    const ballots = await deputiesWorkbook();
    const core = await coreTally(ballots, inputs);
    await load([...examples(), xlsx("代表委员测评票.xlsx", ballots)]);
    await page.waitForSelector('.box[data-box-file="代表委员测评票.xlsx"]');
    expect(await rows()).toEqual(expected(rank(results)));
    expect((await shownBox("代表委员测评票.xlsx")).bodies).toEqual(expectedBox(core).bodies);
    await page.click('tr[data-participant-id="cgjdk"]');
    const cgjdk = results.find((r) => r.participant.id === "cgjdk") as ScoreResult;
    const explained = (await page.locator("[data-explain] pre.explain-text").textContent()) ?? "";
    expect(explained).toBe(explain(cgjdk, { ids: false, tallies: [core] }));
    expect(explained).toContain("测评票：2023-01-10 测评，收回 23 张，计入 23 张");
    // No assumption named by its English id in the Chinese page, ballots and all.
    const text = await page.evaluate(() => document.body.innerText);
    for (const id of ASSUMPTIONS) expect(text, id).not.toContain(id);

    // The same scores with the deputies' counts left out of the records: they come from the ballots alone.
    const without = inputs.map((input) => {
      const { deputies: _, ...components } = input.components;
      return { ...input, components };
    });
    await load([...without.map((input) => json(`${input.participant.id}.json`, input)), xlsx("代表委员测评票.xlsx", ballots)]);
    await page.waitForSelector('.box[data-box-file="代表委员测评票.xlsx"]');
    expect(await rows()).toEqual(expected(rank(applyTally(without, [core]).map((input) => score(input)))));
    expect(await rows()).toEqual(expected(rank(results)));
  });

  it("scores a records workbook whose deputies' counts are on its own 测评票 sheet, and still sums up one without them", async () => {
    const { page } = open;
    await load(xlsx("考评记录.xlsx", await recordsWithoutDeputies(true)));
    await page.waitForSelector('.box[data-box-file="考评记录.xlsx"]');
    expect(await rows()).toEqual(expected(rank(results)));
    expect(await page.locator('.problem-file[data-file="考评记录.xlsx"]').count()).toBe(0);
    expect(await page.locator("#file-list li").textContent()).toContain("7 个参评对象");

    await load(xlsx("考评记录.xlsx", await recordsWithoutDeputies(false)));
    expect(await rows()).toEqual([]);
    const lines = await page.locator('.problem-file[data-file="考评记录.xlsx"] li.summary').allTextContents();
    expect(lines).toEqual(inputs.map((input) => `${input.participant.id} ${input.participant.name}：1 项未填写：“两代表一委员”评价`));
    expect(await page.locator(".box").count()).toBe(0);
  });

  it("names both counts when the records' typed counts differ from the ballots, and scores the other bodies", async () => {
    const { page } = open;
    const ballots = await deputiesWorkbook({ body: "cgjdk", from: "满意", to: "不满意" });
    await load([...examples(), xlsx("代表委员测评票.xlsx", ballots)]);
    await page.waitForSelector('.problem-file[data-file="cgjdk.json"]');
    const problems = await problemsOf("cgjdk.json");
    expect(problems).toContain(
      "城管监督科（cgjdk）的“两代表一委员”评价：考评记录中填写的票数（满意 17、基本满意 4、不满意 0、不了解 1）与测评票 代表委员测评票.xlsx 的统计（满意 16、基本满意 4、不满意 1、不了解 1）不一致，该参评对象未计分",
    );
    expect(problems).toContain("(counts-differ)");
    expect(await rows()).toEqual(expected(rank(results.filter((r) => r.participant.id !== "cgjdk"))));
  });

  it("speaks English on request", async () => {
    const { page } = open;
    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.getElementById("ballots-title")?.textContent === "Ballots");
    expect(await page.textContent('.box[data-box-file="代表委员测评票.xlsx"] h3')).toBe("“两代表一委员”评价 (deputies) (surveyed 2023-01-10) — 代表委员测评票.xlsx");
    expect(await problemsOf("cgjdk.json")).toContain("the counts typed in the records (satisfied 17, basically satisfied 4, dissatisfied 0, unknown 1) differ from the tally of the ballots");
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.getElementById("ballots-title")?.textContent === "测评票");
  });

  it("makes no request beyond the page itself and logs no console error", () => {
    expect(open.errors).toEqual([]);
  });
});
