/**
 * `readWorkbook` on workbooks made for one rule each: sheets and columns by name, cells by kind,
 * every problem at once at its cell, the §8 problems of an assembled input mapped back.
 */
import { describe, expect, it } from "vitest";
import { score } from "wubi-wuping";
import { readWorkbook } from "../src/index.js";
import { bookOf, completeBody, type Sheets } from "./book.js";

async function read(sheets: Sheets, options: Parameters<typeof readWorkbook>[1] = {}) {
  return readWorkbook(await bookOf(sheets), options);
}

/** The problems as `sheet!cell code`, for comparing at a glance. */
async function problems(sheets: Sheets, options: Parameters<typeof readWorkbook>[1] = {}): Promise<string[]> {
  const outcome = await read(sheets, options);
  expect(outcome.success).toBe(false);
  return outcome.success ? [] : outcome.issues.map((i) => `${i.sheet ?? ""}!${i.column ?? ""}${i.row ?? ""} ${i.code}`);
}

describe("readWorkbook", () => {
  it("reads one input per body with its records in row order, scoring as the same facts in JSON do", async () => {
    const outcome = await read(completeBody());
    expect(outcome.success).toBe(true);
    if (!outcome.success) return;
    const [input] = outcome.inputs;
    expect(input).toEqual({
      year: 2022,
      participant: { id: "001", name: "城管监督科", unit: "市城管执法局", category: "comprehensive-management" },
      components: {
        routineInspection: { rounds: [{ id: "r1", date: "2022-03-15", score: "23.5" }, { id: "r2", date: "2022-09-15", score: "24" }] },
        specialInspection: { rounds: [{ date: "2022-04-01", score: "4.5" }, { date: "2022-10-01", score: "90", outOf: "100" }] },
        unannouncedVisit: { rounds: [{ date: "2022-05-01", score: "9" }, { date: "2022-11-01", score: "8.5" }] },
        complaints: { complaints: [] },
        serviceRecipients: { ballots: { satisfied: 40, basicallySatisfied: 6, dissatisfied: 1 } },
        deputies: { ballots: { satisfied: 12, basicallySatisfied: 2, dissatisfied: 0 } },
        countyCounterparts: { ballots: { satisfied: 9, basicallySatisfied: 1, dissatisfied: 0 } },
        cityLeaders: { scores: [{ score: "9.5" }] },
      },
    });
    expect(score(input).total).toBe("94.15");
  });

  it("finds columns by header in any order, with or without a trailing *, and skips empty rows", async () => {
    const sheets = completeBody();
    sheets["参评对象"] = [
      ["考评年度*", "类别 *", "名称", "编号*"],
      [null, null, "  ", null],
      ["2022", "comprehensive-management", "城管监督科", "001"],
    ];
    const outcome = await read(sheets);
    expect(outcome.success && outcome.inputs[0]?.participant).toEqual({ id: "001", name: "城管监督科", category: "comprehensive-management" });
  });

  it("reads a formula cell as its stored value and refuses one with none", async () => {
    const sheets = completeBody();
    (sheets["市领导评分"] as unknown[][])[1] = ["001", { formula: "9+0.5", result: 9.5 }, null, null];
    const ok = await read(sheets);
    expect(ok.success && ok.inputs[0]?.components.cityLeaders).toEqual({ scores: [{ score: "9.5" }] });
    (sheets["市领导评分"] as unknown[][])[1] = ["001", { formula: "9+0.5" }, null, null];
    expect(await problems(sheets)).toEqual(["市领导评分!B2 formula-without-value"]);
  });

  it("keeps an id typed as text (001) and reads a number-formatted one as String(value)", async () => {
    const sheets = completeBody();
    (sheets["参评对象"] as unknown[][])[1] = [1, "城管监督科", null, "综合管理(审批)", 2022];
    for (const name of ["督查暗访", "测评", "市领导评分"]) for (const row of (sheets[name] as unknown[][]).slice(1)) row[0] = 1;
    const outcome = await read(sheets);
    expect(outcome.success && outcome.inputs[0]?.participant.id).toBe("1");
  });

  it("reads a date cell as the calendar day it shows and refuses a plain number in a date column", async () => {
    const sheets = completeBody();
    (sheets["督查暗访"] as unknown[][])[1] = ["001", "日常督查", new Date(Date.UTC(2022, 2, 15)), 23.5, null, "r1", null];
    const outcome = await read(sheets);
    expect(outcome.success && outcome.inputs[0]?.components.routineInspection?.rounds[0]?.date).toBe("2022-03-15");
    (sheets["督查暗访"] as unknown[][])[1] = ["001", "日常督查", 44635, 23.5, null, "r1", null];
    expect(await problems(sheets)).toEqual(["督查暗访!C2 invalid-cell"]);
  });

  it("refuses a misspelt, a repeated and a headerless column, and names a missing required one", async () => {
    const sheets = completeBody();
    sheets["市领导评分"] = [
      ["编号", "得份", "评分人", "评分人", null],
      ["001", 9.5, null, null, "x"],
    ];
    expect(await problems(sheets)).toEqual(["市领导评分!B1 unknown-column", "市领导评分!D1 duplicate-column", "市领导评分! missing-column"]);
    sheets["市领导评分"] = [
      ["编号", "得分", null],
      ["001", 9.5, "x"],
    ];
    expect(await problems(sheets)).toEqual(["市领导评分!C1 unknown-column"]);
  });

  it("refuses an unknown sheet but ignores 说明 and sheets whose name starts with #, and requires 参评对象", async () => {
    const sheets = { ...completeBody(), 说明: [["随便写"]], "#草稿": [["编号"], ["x"]], 表扬: [["编号"]] };
    expect(await problems(sheets)).toEqual(["表扬! unknown-sheet"]);
    const { 参评对象: _, ...rest } = completeBody();
    expect(await problems(rest)).toEqual(["参评对象! missing-sheet"]);
  });

  it("names every cell at fault at once: a bad value, an unknown body, a repeated body and survey", async () => {
    const sheets = completeBody();
    (sheets["参评对象"] as unknown[][]).push(["001", "重复", null, "综合管理(审批)", 2022]);
    (sheets["督查暗访"] as unknown[][]).push(["002", "日常督查", "2022-03-15", 20, null, null, null]);
    (sheets["督查暗访"] as unknown[][])[3] = ["001", "专项检查", "2022-04-01", "4,5", null, null, null];
    (sheets["测评"] as unknown[][]).push(["001", "serviceRecipients", 1, 1, 1, null, null]);
    (sheets["投诉"] as unknown[][]).push(["001", "T1", "2022-13-01", "对", null]);
    expect(await problems(sheets)).toEqual([
      "督查暗访!B4 invalid-cell",
      "督查暗访!D4 invalid-cell",
      "投诉!D2 invalid-cell",
      "参评对象!A3 duplicate-participant",
      "督查暗访!A8 unknown-participant",
      "测评!B5 duplicate-survey",
      "投诉!C2 invalid_format",
    ]);
  });

  it("reports the §8 problems of an assembled input at the cells they came from, a missing component at the body's row", async () => {
    const sheets = completeBody();
    (sheets["督查暗访"] as unknown[][])[2] = ["001", "日常督查", "2022-09-15", 24, null, "r1", null];
    (sheets["督查暗访"] as unknown[][])[3] = ["001", "专项督查", "2022-04-01", 6, null, null, null];
    (sheets["督查暗访"] as unknown[][])[5] = ["001", "随机暗访", "2022-05-01", 9, 8, null, null];
    sheets["市领导评分"] = [["编号", "得分"]];
    const { 投诉: _, ...withoutComplaints } = sheets;
    const outcome = await read(withoutComplaints);
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.issues.map((i) => `${i.sheet}!${i.column}${i.row} ${i.code}`)).toEqual([
      "督查暗访!F3 duplicate-id",
      "督查暗访!D4 score-above-out-of",
      "督查暗访!D6 score-above-out-of",
      "参评对象!A2 missing-component",
      "参评对象!A2 missing-component",
    ]);
    expect(outcome.issues[0]?.message).toMatch(/^督查暗访!F3（轮次编号）：/);
    expect(outcome.issues[3]?.message).toMatch(/^参评对象!A2（编号）：缺少考评项目“处理投诉”的记录：请在“投诉”表中/);
    const incomplete = await read({ ...withoutComplaints, 督查暗访: (completeBody()["督查暗访"] as unknown[][]) }, { allowIncomplete: true });
    expect(incomplete.success && Object.keys(incomplete.inputs[0]?.components ?? {})).not.toContain("complaints");
  });

  it("writes its messages in English with lang en, naming the cell the same way", async () => {
    const sheets = completeBody();
    (sheets["市领导评分"] as unknown[][])[1] = ["001", "九分", null, null];
    const outcome = await read(sheets, { lang: "en" });
    expect(outcome.success || outcome.issues.map((i) => i.message)).toEqual([
      // Issue #21 changed this wording: the cell's content quoted, the number's form in plain words.
      "市领导评分!B2 (得分): holds \"九分\": must be a number, e.g. 23.5, with at most 6 decimals",
    ]);
  });

  it("quotes what every invalid cell holds, and says what a number must look like in plain words", async () => {
    const sheets = completeBody();
    (sheets["督查暗访"] as unknown[][])[1] = ["001", "日常督查", "2022.5.18", "23分", null, "r1", null];
    (sheets["督查暗访"] as unknown[][])[2] = ["001", "日常督察", 44819, -3, 12.1234567, "r2", null];
    (sheets["督查暗访"] as unknown[][])[3] = ["001", "专项督查", "2022-04-01", 1234567890, null, null, null];
    (sheets["参评对象"] as unknown[][])[1] = ["001", "城管监督科", null, "综合管理(审批)", "22年"];
    (sheets["测评"] as unknown[][])[1] = ["001", "服务对象代表评价", "四十", 6, 1, null, true];
    const outcome = await read(sheets);
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    const invalid = outcome.issues.filter((i) => i.code === "invalid-cell").map((i) => i.message);
    expect(invalid).toEqual([
      "参评对象!E2（考评年度）：填的是“22年”，应为四位年份，如 2022",
      "督查暗访!C2（日期）：填的是“2022.5.18”，应为日期：日期格式的单元格，或文字 YYYY-MM-DD，如 2022-03-15",
      "督查暗访!D2（得分）：填的是“23分”，应为数字，如 23.5，最多 6 位小数",
      "督查暗访!B3（考评项目）：填的是“日常督察”，应为以下之一：日常督查、专项督查、随机暗访",
      "督查暗访!C3（日期）：填的是“44819”，这是数字，不是日期：请把单元格设为日期格式，或填文字 YYYY-MM-DD，如 2022-03-15",
      "督查暗访!D3（得分）：填的是“-3”，不能是负数：应为数字，如 23.5，最多 6 位小数",
      "督查暗访!E3（满分）：填的是“12.1234567”，应为数字，如 23.5，最多 6 位小数",
      "督查暗访!D4（得分）：填的是“1234567890”，数字太大：整数部分最多 9 位",
      "测评!C2（满意）：填的是“四十”，应为不小于 0 的整数，如 12",
      "测评!G2（测评日期）：填的是“TRUE”，应为日期：日期格式的单元格，或文字 YYYY-MM-DD，如 2022-03-15",
    ]);
  });

  it("sums up each body's unfilled components in one line before the details, naming the front end's switch", async () => {
    const sheets = completeBody();
    (sheets["参评对象"] as unknown[][]).push(["002", "市容科", null, "公共服务", 2022]);
    sheets["市领导评分"] = [["编号", "得分"]];
    const outcome = await read(sheets, { allowIncompleteName: "--allow-incomplete" });
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.summaries?.map((s) => s.message)).toEqual([
      "001 城管监督科：1 项未填写：分管联系市领导评价",
      "002 市容科：7 项未填写：日常督查、专项督查、随机暗访、服务对象代表评价、“两代表一委员”评价、县市区对口部门评价、分管联系市领导评价",
    ]);
    expect(outcome.summaries?.[1]).toMatchObject({ sheet: "参评对象", row: 3, id: "002", name: "市容科", missing: ["routineInspection", "specialInspection", "unannouncedVisit", "serviceRecipients", "deputies", "countyCounterparts", "cityLeaders"] });
    expect(outcome.issues.filter((i) => i.code === "missing-component")).toHaveLength(8);
    expect(outcome.issues[0]?.message).toMatch(/（或以 --allow-incomplete 计为暂定结果）$/);
    const english = await read(sheets, { lang: "en" });
    expect(english.success || english.summaries?.[0]?.message).toBe("001 城管监督科: 1 component not filled in: 分管联系市领导评价");
    expect(english.success || english.issues[0]?.message).toMatch(/\(or use allowIncomplete for a provisional result\)$/);
    const fine = await read(completeBody());
    expect(fine.success).toBe(true);
    const wrongCell = completeBody();
    (wrongCell["市领导评分"] as unknown[][])[1] = ["001", "九分", null, null];
    const noSummary = await read(wrongCell);
    expect(noSummary.success || noSummary.summaries).toEqual([]);
  });
});
