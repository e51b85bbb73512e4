/**
 * Worked examples, one per rule, each computed by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { InputError, definePolicy, safeScore, score, type ScoreResult } from "../../src/index.js";
import { commendation, completeInput, withComponents, type Json } from "../support/inputs.js";

const component = (result: ScoreResult, id: string) => {
  const found = result.components.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no component ${id}`);
  return found;
};

const issuesOf = (input: unknown, options = {}) => {
  const outcome = safeScore(input, options);
  if (outcome.success) throw new Error("expected an input error");
  return outcome.error.issues.map((i) => ({ path: i.path, code: i.code }));
};

describe("a complete year", () => {
  // routine 25×(23/25+24.5/25)/2 = 23.75; special 5×(4.5/5+5/5)/2 = 4.75; visits (9+9.5)/2 = 9.25;
  // complaints none → 10. daily = 47.75.
  // service 15×(41×1+6×0.6+1×0)/48 = 13.9375 → 13.94; deputies 15×(18+1.8)/21 = 14.142857… → 14.14;
  // county 10×(7+1.2)/10 = 8.2 → 8.20; leaders 9.2. comprehensive = 45.48; base = total = 93.23.
  it("adds the eight components into the daily, comprehensive and base scores", () => {
    const result = score(completeInput());
    expect(result.components.map((c) => c.points)).toEqual(["23.75", "4.75", "9.25", "10.00", "13.94", "14.14", "8.20", "9.20"]);
    expect([result.daily, result.comprehensive, result.base, result.bonus.points, result.total]).toEqual([
      "47.75",
      "45.48",
      "93.23",
      "0.00",
      "93.23",
    ]);
    expect(result.status).toBe("final");
    expect(result.tier).toBeNull();
    expect(result.assumptions).toEqual(["round-aggregation", "survey-weights", "complaint-deduction", "rounding", "score-tiers"]);
  });

  it("names each component by the source's official name and clause", () => {
    const result = score(completeInput());
    expect(result.components.map((c) => [c.label, c.clause, c.max])).toEqual([
      ["日常督查", "附件2-一.1", "25"],
      ["专项督查", "附件2-一.2", "5"],
      ["随机暗访", "附件2-一.3", "10"],
      ["处理投诉", "附件2-一.4", "10"],
      ["服务对象代表评价", "附件2-二.1", "15"],
      ["“两代表一委员”评价", "附件2-二.2", "15"],
      ["县市区对口部门评价", "附件2-二.3", "10"],
      ["分管联系市领导评价", "附件2-二.4", "10"],
    ]);
  });
});

describe("rounds (日常督查, 专项督查, 随机暗访)", () => {
  // 25 × (23.5/25 + 23.51/25) / 2 = 23.505, half-up at the third decimal → 23.51.
  it("rounds a mean of 23.505 half-up to 23.51", () => {
    const result = score(withComponents({ routineInspection: { rounds: [{ date: "2022-03-01", score: 23.5 }, { date: "2022-09-01", score: "23.51" }] } }));
    expect(component(result, "routineInspection").trace).toEqual([
      { op: "window", from: "2022-01-01", to: "2022-12-31" },
      { op: "mean-of-fractions", max: "25", terms: ["23.5/25", "23.51/25"], value: "23.505" },
      { op: "round-half-up", from: "23.505", to: "23.51" },
    ]);
  });

  // 10 × (9.5/10 + 9/10 + 9.8/10) / 3 = 28.3/3 = 283/30 = 9.4333… → 9.43.
  it("decides a non-terminating mean exactly and shows it as a fraction", () => {
    const result = score(
      withComponents({ unannouncedVisit: { rounds: [{ date: "2022-04-07", score: "9.5" }, { date: "2022-08-30", score: 9 }, { date: "2022-12-15", score: "9.8" }] } }),
    );
    const c = component(result, "unannouncedVisit");
    expect(c.points).toBe("9.43");
    expect(c.trace.at(-1)).toEqual({ op: "round-half-up", from: "283/30", to: "9.43" });
  });

  // 25 × (18/20 + 45/50) / 2 = 25 × (0.9 + 0.9) / 2 = 22.5.
  it("takes each round as a fraction of its own full marks", () => {
    const result = score(withComponents({ routineInspection: { rounds: [{ date: "2022-03-01", score: 18, outOf: 20 }, { date: "2022-09-01", score: "45", outOf: "50.0" }] } }));
    const c = component(result, "routineInspection");
    expect(c.points).toBe("22.50");
    expect(c.trace[1]).toEqual({ op: "mean-of-fractions", max: "25", terms: ["18/20", "45/50"], value: "22.5" });
    // Trace numbers are canonical (SPEC §8): the rounding's result is "22.5"; the points "22.50".
    expect(c.trace[2]).toEqual({ op: "round-half-up", from: "22.5", to: "22.5" });
  });

  // One round of 4/5 → 5 × 0.8 = 4.00, scored but flagged: the source asks for at least 2 rounds.
  it("scores a single round and flags too-few-rounds", () => {
    const result = score(withComponents({ specialInspection: { rounds: [{ date: "2022-06-01", score: 4 }] } }));
    expect(component(result, "specialInspection")).toMatchObject({ points: "4.00", counted: 1, excluded: 0 });
    expect(result.findings).toContainEqual({ code: "too-few-rounds", component: "specialInspection", counted: 1, minimum: 2 });
  });

  it("lists rounds in the trace by date, then id, whatever the input order", () => {
    const result = score(
      withComponents({
        routineInspection: {
          rounds: [
            { id: "b", date: "2022-06-01", score: 20 },
            { date: "2022-06-01", score: 21 },
            { id: "a", date: "2022-06-01", score: 22 },
            { date: "2022-01-05", score: 23 },
          ],
        },
      }),
    );
    expect(component(result, "routineInspection").trace[1]).toMatchObject({ terms: ["23/25", "21/25", "22/25", "20/25"] });
  });
});

describe("the daily window (附件2-一: year start to December)", () => {
  // 2022-01-01 and 2022-12-31 count: (20 + 24) / 2 = 22; 2023-01-01 is outside and counts for nothing.
  it("counts the first and last day and excludes a day outside", () => {
    const result = score(
      withComponents({
        routineInspection: {
          rounds: [
            { id: "first", date: "2022-01-01", score: 20 },
            { id: "last", date: "2022-12-31", score: 24 },
            { id: "after", date: "2023-01-01", score: 0 },
          ],
        },
      }),
    );
    const c = component(result, "routineInspection");
    expect([c.points, c.counted, c.excluded]).toEqual(["22.00", 2, 1]);
    expect(result.findings).toContainEqual({ code: "outside-window", component: "routineInspection", id: "after", date: "2023-01-01" });
  });

  it("refuses a component whose every round is outside the window", () => {
    expect(issuesOf(withComponents({ routineInspection: { rounds: [{ date: "2021-12-31", score: 20 }] } }))).toEqual([
      { path: ["components", "routineInspection"], code: "missing-component" },
    ]);
  });
});

describe("the comprehensive window (附件2-二: December to February of the next year)", () => {
  const survey = (date: string) => ({ ballots: { satisfied: 10, basicallySatisfied: 0, dissatisfied: 0 }, date });

  it("counts a survey on 1 December and on 28 February 2023 for the 2022 year", () => {
    const result = score(withComponents({ serviceRecipients: survey("2022-12-01"), deputies: survey("2023-02-28") }));
    expect(component(result, "serviceRecipients").points).toBe("15.00");
    expect(component(result, "deputies").points).toBe("15.00");
  });

  it("excludes a survey of 30 November and of 1 March", () => {
    const result = score(withComponents({ serviceRecipients: survey("2022-11-30"), deputies: survey("2023-03-01") }), { allowIncomplete: true });
    expect(component(result, "serviceRecipients")).toMatchObject({ points: "0.00", missing: true, counted: 0, excluded: 1 });
    expect(component(result, "deputies")).toMatchObject({ points: "0.00", missing: true });
    expect(result.findings).toContainEqual({ code: "outside-window", component: "serviceRecipients", date: "2022-11-30" });
  });

  it("ends on 29 February in a leap year: 2024-02-29 counts for the 2023 year", () => {
    const result = score(withComponents({ serviceRecipients: survey("2024-02-29") }, { year: 2023 }), { allowIncomplete: true });
    expect(component(result, "serviceRecipients").trace[0]).toEqual({ op: "window", from: "2023-12-01", to: "2024-02-29" });
    expect(component(result, "serviceRecipients").points).toBe("15.00");
  });

  it("refuses 2023-02-29 as a date: 2023 is not a leap year", () => {
    expect(issuesOf(withComponents({ serviceRecipients: survey("2023-02-29") }))).toEqual([
      { path: ["components", "serviceRecipients", "date"], code: "invalid_format" },
    ]);
  });
});

describe("complaints (处理投诉)", () => {
  // 10 − (0.5 + 1) = 8.5: the first has its own deduction, the second the policy's 1 point;
  // the unverified one and the one received in 2021 deduct nothing.
  it("deducts verified complaints inside the window only", () => {
    const result = score(
      withComponents({
        complaints: {
          complaints: [
            { id: "a", date: "2022-03-01", verified: true, deduction: "0.5" },
            { id: "b", date: "2022-05-01", verified: true },
            { id: "c", date: "2022-06-01", verified: false },
            { id: "d", date: "2021-12-01", verified: true },
          ],
        },
      }),
    );
    const c = component(result, "complaints");
    expect([c.points, c.counted, c.excluded]).toEqual(["8.50", 3, 1]);
    expect(c.trace[1]).toEqual({
      op: "deduct",
      max: "10",
      deductions: ["0.5", "1"],
      complaints: [
        { id: "a", deduction: "0.5", source: "complaint" },
        { id: "b", deduction: "1", source: "policy" },
      ],
      unverified: 1,
      value: "8.5",
    });
  });

  // 12 verified complaints × 1 = 12 > 10: max(0, 10 − 12) = 0.
  it("never deducts past zero", () => {
    const complaints = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, date: "2022-07-01", verified: true }));
    expect(component(score(withComponents({ complaints: { complaints } })), "complaints").points).toBe("0.00");
  });

  it("gives full marks for an empty list but refuses an absent one", () => {
    expect(component(score(completeInput()), "complaints").points).toBe("10.00");
    const input = completeInput();
    delete (input["components"] as Json)["complaints"];
    expect(issuesOf(input)).toEqual([{ path: ["components", "complaints"], code: "missing-component" }]);
  });
});

describe("surveys (服务对象代表评价, “两代表一委员”评价, 县市区对口部门评价)", () => {
  // 15 × (30×1 + 10×0.6 + 10×0) / 50 = 15 × 36 / 50 = 10.8; the 7 unknown ballots are not counted.
  it("weighs 满意 1, 基本满意 0.6, 不满意 0 and leaves 不了解 out", () => {
    const result = score(withComponents({ deputies: { ballots: { satisfied: 30, basicallySatisfied: 10, dissatisfied: 10, unknown: 7 } } }));
    expect(component(result, "deputies").points).toBe("10.80");
  });

  it("treats a survey with only unknown ballots as missing", () => {
    const input = withComponents({ deputies: { ballots: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 4 } } });
    expect(issuesOf(input)).toEqual([{ path: ["components", "deputies"], code: "missing-component" }]);
    const provisional = score(input, { allowIncomplete: true });
    expect(provisional.status).toBe("provisional");
    expect(component(provisional, "deputies")).toMatchObject({ points: "0.00", missing: true });
  });
});

describe("city leaders' scores (分管联系市领导评价)", () => {
  // (9.2 + 8.75) / 2 = 8.975 → 8.98.
  it("takes the mean of the leaders' scores", () => {
    const result = score(withComponents({ cityLeaders: { scores: [{ by: "甲", score: "9.2" }, { by: "乙", score: 8.75 }] } }));
    expect(component(result, "cityLeaders").points).toBe("8.98");
  });

  it("refuses a score above 10", () => {
    expect(issuesOf(withComponents({ cityLeaders: { scores: [{ score: "10.5" }] } }))).toEqual([
      { path: ["components", "cityLeaders", "scores", 0, "score"], code: "too_big" },
    ]);
  });
});

describe("the bonus (附件2-三)", () => {
  const scoreWith = (commendations: Json[]) => score(completeInput({ commendations }));

  it("counts 0.5, 0.5, 3 and 5 points by level", () => {
    const result = scoreWith([
      commendation({ id: "a", matter: "甲", level: "municipal" }),
      commendation({ id: "b", matter: "乙", level: "provincial-department" }),
      commendation({ id: "c", matter: "丙", level: "provincial" }),
      commendation({ id: "d", matter: "丁", level: "national" }),
    ]);
    expect(result.bonus.counted.map((c) => c.points)).toEqual(["0.50", "0.50", "3.00", "5.00"]);
    // 93.23 + 9.00 = 102.23: the bonus may take the total past 100.
    expect([result.bonus.points, result.total]).toEqual(["9.00", "102.23"]);
  });

  it("excludes for each reason, the first that applies", () => {
    const result = scoreWith([
      commendation({ id: "unapproved", matter: "甲", approved: false, documentNumber: "bad" }),
      commendation({ id: "garbled", matter: "乙", documentNumber: "宣政2022年12号" }),
      commendation({ id: "old", matter: "丙", documentNumber: "皖政〔2021〕3号" }),
      commendation({ id: "kept", matter: "丁" }),
    ]);
    expect(result.bonus.excluded).toEqual([
      { id: "garbled", reason: "invalid-document-number", documentNumber: "宣政2022年12号", documentNumberError: "unrecognized" },
      { id: "old", reason: "wrong-year", documentNumber: "皖政〔2021〕3号", documentYear: 2021 },
      { id: "unapproved", reason: "not-approved" },
    ]);
    expect(result.bonus.points).toBe("3.00");
  });

  it("counts one commendation per matter, the highest level", () => {
    const result = scoreWith([
      commendation({ id: "city", matter: "文明创建", level: "municipal" }),
      commendation({ id: "nation", matter: " 文明创建 ", level: "national" }),
    ]);
    expect(result.bonus.counted.map((c) => c.id)).toEqual(["nation"]);
    expect(result.bonus.excluded).toEqual([{ id: "city", reason: "superseded", by: "nation" }]);
  });

  it("breaks a tie of equal points by the higher level, then the smaller id", () => {
    const byLevel = scoreWith([
      commendation({ id: "a", matter: "防汛", level: "municipal" }),
      commendation({ id: "b", matter: "防汛", level: "provincial-department" }),
    ]);
    expect(byLevel.bonus.excluded).toEqual([{ id: "a", reason: "superseded", by: "b" }]);
    expect(byLevel.assumptions).toContain("same-matter-tie-break");
    const byId = scoreWith([commendation({ id: "z", matter: "防汛" }), commendation({ id: "y", matter: "防汛" })]);
    expect(byId.bonus.counted.map((c) => c.id)).toEqual(["y"]);
  });

  it("counts a unit commendation at its awarded points, which can lose to a section one", () => {
    const result = scoreWith([
      commendation({ id: "unit", matter: "先进", level: "provincial", recipient: "unit", awarded: "1.5" }),
      commendation({ id: "mine", matter: "先进", level: "municipal", recipient: "section" }),
      commendation({ id: "unit2", matter: "其他", level: "provincial", recipient: "unit", awarded: 2 }),
    ]);
    // "先进": unit 1.5 beats section 0.5; "其他": unit 2. Bonus 3.5.
    expect(result.bonus.counted).toEqual([
      { id: "unit", matter: "先进", level: "provincial", recipient: "unit", points: "1.50" },
      { id: "unit2", matter: "其他", level: "provincial", recipient: "unit", points: "2.00" },
    ]);
    expect(result.bonus.points).toBe("3.50");
    expect(result.assumptions).toContain("unit-commendation-ceiling");
  });

  it("checks awarded on every commendation", () => {
    expect(
      issuesOf(
        completeInput({
          commendations: [
            commendation({ id: "a", recipient: "unit", level: "municipal", awarded: "0.6" }),
            commendation({ id: "b", recipient: "unit" }),
            commendation({ id: "c", awarded: 1 }),
            commendation({ id: "d", recipient: "unit", awarded: "0.125", approved: false }),
          ],
        }),
      ),
    ).toEqual([
      { path: ["commendations", 0, "awarded"], code: "awarded-above-ceiling" },
      { path: ["commendations", 1, "awarded"], code: "awarded-required" },
      { path: ["commendations", 2, "awarded"], code: "awarded-not-allowed" },
      { path: ["commendations", 3, "awarded"], code: "too-many-decimals" },
    ]);
  });

  it("flags a non-standard document number and still counts it", () => {
    const result = scoreWith([commendation({ id: "a", documentNumber: "皖建[2022]第012号" })]);
    expect(result.bonus.points).toBe("3.00");
    expect(result.findings).toEqual([
      { code: "nonstandard-document-number", id: "a", documentNumber: "皖建[2022]第012号", normalized: "皖建〔2022〕12号" },
    ]);
  });
});

describe("the veto (附件2-四)", () => {
  const veto = (fields: Json) => ({ id: "v1", ground: "case-filed", subject: "participant", date: "2022-08-01", confirmed: true, ...fields });

  it("rates a confirmed veto inside the period 不称职 and still computes the score", () => {
    const result = score(completeInput({ vetoes: [veto({})] }));
    expect([result.vetoed, result.tier, result.total]).toEqual([true, "incompetent", "93.23"]);
    expect(result.vetoes).toEqual([{ id: "v1", ground: "case-filed", status: "counted" }]);
    expect(result.assumptions).toContain("veto-period");
  });

  it("counts a veto in February of the next year", () => {
    expect(score(completeInput({ vetoes: [veto({ date: "2023-02-28" })] })).vetoed).toBe(true);
  });

  it("leaves an unconfirmed veto pending and changes nothing", () => {
    const result = score(completeInput({ vetoes: [veto({ confirmed: false })] }));
    expect([result.vetoed, result.tier]).toEqual([false, null]);
    expect(result.findings).toEqual([{ code: "pending-veto", id: "v1" }]);
  });

  it("puts outside-the-period before unconfirmed", () => {
    const result = score(completeInput({ vetoes: [veto({ confirmed: false, date: "2023-03-01" })] }));
    expect(result.vetoes[0]?.status).toBe("outside-period");
    expect(result.findings).toEqual([{ code: "veto-outside-period", id: "v1", date: "2023-03-01" }]);
  });

  it("requires a reason for the ground other", () => {
    expect(issuesOf(completeInput({ vetoes: [veto({ ground: "other" })] }))).toEqual([{ path: ["vetoes", 0, "reason"], code: "reason-required" }]);
  });
});

describe("provisional results", () => {
  it("scores a missing component zero with allowIncomplete and marks the result provisional", () => {
    const input = completeInput();
    delete (input["components"] as Json)["cityLeaders"];
    const result = score(input, { allowIncomplete: true });
    expect(result.status).toBe("provisional");
    expect(result.tier).toBeNull();
    expect(component(result, "cityLeaders")).toEqual({
      id: "cityLeaders",
      label: "分管联系市领导评价",
      group: "comprehensive",
      clause: "附件2-二.4",
      max: "10",
      points: "0.00",
      missing: true,
      counted: 0,
      excluded: 0,
      trace: [{ op: "window", from: "2022-12-01", to: "2023-02-28" }, { op: "missing" }],
    });
    expect(result.total).toBe("84.03");
  });

  it("refuses every missing component at once without allowIncomplete", () => {
    const input = completeInput({ components: {} });
    const outcome = safeScore(input);
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.error).toBeInstanceOf(InputError);
    expect(outcome.error.issues).toHaveLength(8);
  });
});

describe("exact sums past 2^53", () => {
  // 1,001 unit commendations of 999999999.9999 each under a 4-decimal policy: the bonus is
  // 1,001 × 999,999,999.9999 = 1,000,999,999,999.8999, beyond what a float sum keeps exact.
  it("adds a bonus and total beyond 2^53 scaled units exactly", () => {
    const policy = definePolicy({ id: "large-awards", decimals: 4, unitCeiling: "999999999.9999" });
    const commendations = Array.from({ length: 1001 }, (_, i) =>
      commendation({ id: `u${i}`, matter: `事项${i}`, recipient: "unit", awarded: "999999999.9999", documentNumber: "宣政〔2022〕1号" }),
    );
    const result = score(completeInput({ commendations }), { policy });
    expect(result.bonus.points).toBe("1000999999999.8999");
    // base at 4 decimals: 23.75 + 4.75 + 9.25 + 10 + 13.9375 + 14.1429 + 8.2 + 9.2 = 93.2304
    expect(result.total).toBe("1001000000093.1303");
  });
});
