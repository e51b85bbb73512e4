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
      "市领导评分!B2 (得分): must be a number without sign, at most 9 integer and 6 decimal digits, e.g. 23.5",
    ]);
  });
});
