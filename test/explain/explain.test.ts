/**
 * `explain()`: the audit trail a person reads, in Chinese and in English.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, explain, score, type ScoreResult } from "../../src/index.js";
import { commendation, completeInput, withComponents } from "../support/inputs.js";

const example = (id: string): ScoreResult => score(JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8")));
const lines = (text: string): string[] => text.split("\n");

/** Full-width punctuation that must not appear in English sentences. */
const ZH_PUNCTUATION = /[：，；。（）【】「」]|——/;

describe("explain in Chinese", () => {
  const text = explain(example("cgjdk"));

  it("names every component by the source's official term, with its clause, maximum and points", () => {
    for (const head of [
      "1. 日常督查（附件2-一.1，满分 25）：23.51 分",
      "2. 专项督查（附件2-一.2，满分 5）：4.70 分",
      "3. 随机暗访（附件2-一.3，满分 10）：9.43 分",
      "4. 处理投诉（附件2-一.4，满分 10）：9.50 分",
      "5. 服务对象代表评价（附件2-二.1，满分 15）：13.94 分",
      "6. “两代表一委员”评价（附件2-二.2，满分 15）：13.86 分",
      "7. 县市区对口部门评价（附件2-二.3，满分 10）：9.27 分",
      "8. 分管联系市领导评价（附件2-二.4，满分 10）：9.30 分",
    ]) {
      expect(text).toContain(head);
    }
    expect(text).toContain("【日常考评】（附件2-一，满分 50）");
    expect(text).toContain("【综合评价】（附件2-二，满分 50）");
  });

  it("writes each formula with its actual numbers and the one rounding", () => {
    expect(text).toContain("计算：25 × (23.5/25 + 23.51/25) / 2 = 23.505");
    expect(text).toContain("四舍五入：23.505 → 23.51");
    expect(text).toContain("计算：15 × (46×1 + 7×0.6 + 1×0) / (46 + 7 + 1) = 251/18 ≈ 13.9444444444；“不了解” 3 票不计");
    expect(text).toContain("计算：10 − 0.5 = 9.5");
  });

  it("writes formulas a clerk can follow: no one-term mean, no max(0, …), fractions with their decimal", () => {
    const zfzd = explain(example("zfzd"));
    expect(zfzd).toContain("计算：只有 1 项评分，取 9.2");
    expect(zfzd).toContain("计算：10 − (1 + 0.5 + 0.5) = 8");
    expect(zfzd).toContain("= 1023/76 ≈ 13.4605263158");
    for (const t of [text, zfzd]) expect(t).not.toMatch(/max\(0|\) \/ 1 =|\(\d+(\.\d+)?\) /);
    const single = explain(score(withComponents({ routineInspection: { rounds: [{ date: "2022-04-12", score: 23 }] } })));
    expect(single).toContain("计算：25 × 23/25 = 23");
    const none = explain(score(withComponents({ complaints: { complaints: [] } })));
    expect(none).toContain("计算：没有经查实的投诉，不扣分，得 10");
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, date: "2022-03-01", verified: true }));
    expect(explain(score(withComponents({ complaints: { complaints: many } })))).toContain("计算：10 − (1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1) 低于 0，扣完为止，得 0");
  });

  it("lists the complaint each deduction is for, and whether it is the complaint's own or the policy's assumed default", () => {
    expect(explain(example("zfzd"))).toContain(
      [
        "     计算：10 − (1 + 0.5 + 0.5) = 8",
        "     按投诉记录所填扣分（2 件）：12345-2022-0619 扣 0.5、12345-2022-1125 扣 0.5",
        "     未填扣分、按政策每件扣 1 分（1 件；此为假定参数 complaint-deduction，可由政策覆盖）：12345-2022-0214",
      ].join("\n"),
    );
    const policy = definePolicy({ id: "city", complaintDeduction: "2" });
    const derived = explain(score(withComponents({ complaints: { complaints: [{ id: "k", date: "2022-03-01", verified: true }] } }), { policy }));
    expect(derived).toContain("未填扣分、按政策每件扣 2 分（1 件）：k");
  });

  it("gives the subtotals, the base, the bonus and the total as sums of the shown parts", () => {
    expect(text).toContain("日常考评小计：23.51 + 4.70 + 9.43 + 9.50 = 47.14");
    expect(text).toContain("综合评价小计：13.94 + 13.86 + 9.27 + 9.30 = 46.37");
    expect(text).toContain("基础分（四，日常考评 + 综合评价）：47.14 + 46.37 = 93.51");
    expect(text).toContain("总分：93.51 + 1.00 = 94.51");
  });

  it("lists each counted commendation with its level, recipient and clause, and flags a non-standard document number", () => {
    expect(text).toContain("+ 0.50  bz-01「2022 年度城市管理工作先进集体」：省直单位表彰所属科室（附件2-三.1）");
    expect(text).toContain("! 表彰 bz-02 的文号“宣政办[2022]第07号”不符合 GB/T 9704 格式，按“宣政办〔2022〕7号”识别");
    expect(text).toContain("加分合计：1.00");
  });

  it("closes with the assumed parameters the score depended on", () => {
    const tail = lines(text).slice(-7);
    expect(tail[0]).toBe("本结果依赖的假定参数（来源文件未作规定，可由政策覆盖）：");
    expect(tail.slice(1).map((l) => l.split("：")[0])).toEqual([
      "  - round-aggregation",
      "  - survey-weights",
      "  - complaint-deduction",
      "  - rounding",
      "  - bonus-cap",
      "  - score-tiers",
    ]);
  });

  it("with ids: false, names the assumptions in words alone, for a reader who never writes a policy", () => {
    const zfzd = example("zfzd");
    const plain = explain(zfzd, { ids: false });
    expect(plain).toContain("未填扣分、按政策每件扣 1 分（1 件；每件扣分为假定参数，可由政策覆盖）：12345-2022-0214");
    expect(lines(plain).slice(-7).slice(1, 3)).toEqual(["  - 督查、暗访各轮得分按本轮满分折算后取平均", "  - 测评票按 满意 1、基本满意 0.6、不满意 0 计权，“不了解”和弃权不计"]);
    for (const id of zfzd.assumptions) expect(plain).not.toContain(id);
    const english = explain(zfzd, { lang: "en", ids: false });
    for (const id of zfzd.assumptions) expect(english).not.toContain(id);
    expect(english).toContain("(an assumed parameter, which a policy may override)");
    expect(explain(zfzd, { ids: true })).toBe(explain(zfzd));
  });

  it("lists every excluded record of a component with its date, and why it was left out", () => {
    const yllhc = explain(example("yllhc"));
    expect(yllhc).toContain("计入 2 条，排除 1 条");
    expect(yllhc).toContain("× 记录 af-2023-1（2023-01-05）不在计分时段（2022-01-01 至 2022-12-31）内，不计分");
    expect(yllhc).toContain("× 投诉 12345-2021-1228（2021-12-28）不在计分时段（2022-01-01 至 2022-12-31）内，不计分");
    expect(yllhc).toContain("× 2023-03-06 的评分不在计分时段（2022-12-01 至 2023-02-28）内，不计分");
  });

  it("says how many complaints were unverified and so deducted nothing", () => {
    expect(text).toContain("计入 2 条，排除 0 条（其中未经查实的投诉 1 件，不扣分）");
  });

  it("flags a component with fewer rounds than the source requires, and still scores it", () => {
    expect(explain(example("jdzhzx"))).toContain("! 全年只计入 1 次，少于“不少于 2 次”的要求（附件2-一）；仍按计入的各次计分");
  });

  it("gives each excluded commendation its reason, and the superseding one for a repeated matter", () => {
    const zfzd = explain(example("zfzd"));
    expect(zfzd).toContain("+ 3.00  bz-02「城市管理执法规范化建设」：省部级表彰所属科室（附件2-三.1）");
    expect(zfzd).toContain("× bz-01 不计：同一事项受到不同层次表彰表扬的，就高计算，不重复加分（附件2-三.3）；已由 bz-02 计入");
    expect(zfzd).toContain("× bz-03 不计：文号“宣安委〔2021〕103号”的年度为 2021 年，不是考评年度 2022 年（附件2-三.4）");
    const unreadable = explain(score(withComponents({}, { commendations: [commendation({ id: "x", documentNumber: "宣政〔22〕5号" })] })));
    expect(unreadable).toContain("× x 不计：文号“宣政〔22〕5号”无法识别（不是发文字号的格式），无法确定年度；应为 发文机关代字〔年份〕序号号，如 宣政〔2022〕12号（附件2-三.4）");
    const csglk = explain(example("csglk"));
    expect(csglk).toContain("+ 0.30  bz-01「全省城市管理系统先进集体」：省直单位表彰所在单位，根据承担工作关联度酌情加分（附件2-三.2）");
    expect(csglk).toContain("× bz-02 不计：未经加分申报审核通过（附件2-三）");
  });

  it("still explains a result written before exclusions and deductions carried their details", () => {
    const old = JSON.parse(JSON.stringify(example("zfzd"))) as ScoreResult & { bonus: { excluded: Record<string, unknown>[] }; components: { trace: Record<string, unknown>[] }[] };
    for (const e of old.bonus.excluded) for (const key of ["documentNumber", "documentYear", "documentNumberError"]) delete e[key];
    for (const c of old.components) for (const step of c.trace) delete step["complaints"];
    const text = explain(old);
    expect(text).toContain("× bz-03 不计：文号年度不是考评年度（附件2-三.4）");
    expect(text).toContain("计算：10 − (1 + 0.5 + 0.5) = 8\n     四舍五入：8 → 8.00");
  });

  it("states the veto and rates a vetoed body 不称职 by the one-vote veto", () => {
    const gysyc = explain(example("gysyc"));
    expect(gysyc).toContain("fj-01：因发生不作为、慢作为、乱作为等问题，受到党纪政务处分 —— 经认定，发生在考评期间：直接评定“不称职”等次");
    expect(gysyc).toContain("等次：不称职（一票否决：fj-01，附件2-四）");
    const hjwsc = explain(example("hjwsc"));
    expect(hjwsc).toContain("fj-01：被省级以上新闻媒体曝光或被中央、省部级部门定为典型案例通报批评，造成不良影响 —— 尚未认定，暂不影响等次");
    expect(hjwsc).toContain("fj-02：因违法违纪问题被立案查处 —— 2021-11-23 不在考评期间内，不影响等次");
    expect(text).toContain("等次：未按分数评定（本政策不设分数等次）");
  });

  it("names the tier a policy's thresholds give", () => {
    const policy = definePolicy({ id: "city-2023", tiers: [{ tier: "excellent", min: 90 }, { tier: "competent", min: 70 }] });
    const result = score(JSON.parse(readFileSync("examples/2022/cgjdk.json", "utf8")), { policy });
    expect(explain(result)).toContain("等次：优秀（按本政策的分数线）");
    expect(explain(result)).toContain("计分政策 city-2023");
  });

  it("marks a missing component and a provisional result", () => {
    const input = completeInput();
    delete (input["components"] as Record<string, unknown>)["deputies"];
    const result = score(input, { allowIncomplete: true });
    const out = explain(result);
    expect(out).toContain("状态：暂定（有缺项）");
    expect(out).toContain("6. “两代表一委员”评价（附件2-二.2，满分 15）：0.00 分（缺项）");
    expect(out).toContain("无可计分记录：按 0 分计，结果为暂定");
    expect(out).toContain("等次：暂不评定（结果为暂定）");
  });

  it("shortens a formula of many terms and a long list of excluded records, keeping the count", () => {
    const rounds = Array.from({ length: 1000 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, date: "2022-06-01", score: 20 }));
    const outside = Array.from({ length: 30 }, (_, i) => ({ id: `x${i}`, date: "2021-06-01", score: 20 }));
    const out = explain(score(withComponents({ routineInspection: { rounds: [...rounds, ...outside] } })));
    expect(out).toContain("…（共 1000 项）…");
    expect(out).toContain("计入 1000 条，排除 30 条");
    expect(out).toContain("× …… 另有 10 条不在计分时段内，不计分");
    expect(lines(out).length).toBeLessThan(120);
  });
});

describe("explain in English", () => {
  const ids = ["cgjdk", "csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"];

  it("writes English sentences with no Chinese punctuation outside the data and the glossed terms", () => {
    for (const id of ids) {
      const result = example(id);
      for (const line of lines(explain(result, { lang: "en" }))) {
        // Participant names, matters and document numbers are data; they stay as written.
        const data = [result.participant.name, result.participant.unit ?? "", ...result.bonus.counted.map((c) => c.matter)];
        let stripped = line;
        for (const d of data) if (d !== "") stripped = stripped.split(d).join("");
        stripped = stripped.replace(/"[^"]*"/g, "");
        expect(stripped, line).not.toMatch(ZH_PUNCTUATION);
      }
    }
  });

  it("renders clause keys in English and keeps the official term beside each English name", () => {
    const text = explain(example("cgjdk"), { lang: "en" });
    expect(text).toContain("  1. routine inspection (日常督查) (Annex 2 §1.1, max 25): 23.51");
    expect(text).toContain("Value: 25 × (23.5/25 + 23.51/25) / 2 = 23.505");
    expect(text).toContain("Rounded half-up: 23.505 → 23.51");
    expect(text).toContain("Base score (plan §4, daily + comprehensive): 47.14 + 46.37 = 93.51");
    expect(text).not.toMatch(/附件|（/);
  });

  it("explains the veto and the tier in English", () => {
    const text = explain(example("gysyc"), { lang: "en" });
    expect(text).toContain(
      "  fj-01: a Party or administrative sanction for inaction, delay or misconduct (Annex 2 §4.2); confirmed, inside the evaluation period: rated incompetent directly",
    );
    expect(text).toContain("Tier: incompetent (不称职), by the one-vote veto (fj-01; Annex 2 §4)");
  });

  it("says why each record and commendation was excluded", () => {
    expect(explain(example("yllhc"), { lang: "en" })).toContain(
      "× round af-2023-1 (2023-01-05) lies outside the window (2022-01-01 to 2022-12-31) and counts for nothing",
    );
    expect(explain(example("zfzd"), { lang: "en" })).toContain(
      "  × bz-01 excluded: the same matter counts once, at the highest (Annex 2 §3.3); bz-02 counts instead",
    );
  });

  it("never changes a number between the two languages", () => {
    const numbers = (text: string): string[] => text.match(/[0-9]+(\.[0-9]+)?/g) ?? [];
    const result = score(withComponents({}, { commendations: [commendation({})] }));
    const zh = numbers(explain(result)).filter((n) => n.includes("."));
    const en = numbers(explain(result, { lang: "en" })).filter((n) => n.includes("."));
    expect(en).toEqual(expect.arrayContaining(zh));
  });
});
