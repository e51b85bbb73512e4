/**
 * Input errors: every problem at once, with its path, code and a message a clerk can act on.
 */
import { describe, expect, it } from "vitest";
import { InputError, safeScore, score } from "../../src/index.js";
import { completeInput, withComponents } from "../support/inputs.js";

const bad = () =>
  withComponents(
    {
      routineInspection: { rounds: [{ date: "2022-02-30", score: "23,5" }, { date: "2022-05-01", score: 26 }] },
      complaints: { complaints: [{ id: "a", date: "2022-01-01", verified: true }, { id: "a", date: "2022-01-02", verified: "yes" }] },
      deputes: { ballots: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 } },
    },
    { year: 1999 },
  );

describe("InputError", () => {
  it("reports every problem at once with its path and code", () => {
    const outcome = safeScore(bad());
    expect(outcome.success).toBe(false);
    if (outcome.success) return;
    expect(outcome.error).toBeInstanceOf(InputError);
    expect(outcome.error.name).toBe("InputError");
    expect(outcome.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["year", "too_small"],
      ["components.routineInspection.rounds.0.date", "invalid_format"],
      ["components.routineInspection.rounds.0.score", "invalid_format"],
      ["components.routineInspection.rounds.1.score", "score-above-out-of"],
      ["components.complaints.complaints.1.verified", "invalid_type"],
      ["components.deputes", "unrecognized_keys"],
    ]);
  });

  it("writes messages in Chinese by default", () => {
    const outcome = safeScore(bad());
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "考评年度不得小于 2000，填写的是 1999",
        "日常督查第 1 轮的日期应为 YYYY-MM-DD 格式的真实日期，如 2022-05-18（年份 1949 至 2099），填写的是 "2022-02-30"",
        "日常督查第 1 轮的得分应为不带正负号和指数的十进制数，如 23.5（整数最多 9 位，小数最多 6 位），填写的是文字 "23,5"",
        "日常督查第 2 轮的得分高于本轮满分 25（填写的是 26）",
        "第 2 件投诉的“是否查实”应为 true 或 false，填写的是文字 "yes"",
        "考评项目中没有 "deputes" 这一项；是否应为 deputies（“两代表一委员”评价）？",
      ]
    `);
  });

  it("writes messages in English on request", () => {
    const outcome = safeScore(bad(), { lang: "en" });
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "The year must be at least 2000, not 1999",
        "The date of round 1 of routine inspection must be a real calendar day written YYYY-MM-DD, such as 2022-05-18 (year 1949 to 2099), not "2022-02-30"",
        "The score of round 1 of routine inspection must be a decimal without sign or exponent, such as 23.5 (at most 9 integer and 6 decimal digits), not the text "23,5"",
        "The score of round 2 of routine inspection is above the round's full marks of 25 (given: 26)",
        "The verified flag of complaint 2 must be true or false, not the text "yes"",
        "There is no key "deputes" in the components; did you mean deputies (deputies' and members' evaluation)?",
      ]
    `);
  });

  it("summarises the issues in the error message", () => {
    expect(() => score({ ...completeInput(), participant: { id: "", name: "x", category: "police" } }, { lang: "en" })).toThrowErrorMatchingInlineSnapshot(`
      [InputError: The input has 2 problem(s)
      participant.id: The id of the participant must not be empty
      participant.category: The category of the participant must be one of public-service, law-enforcement, comprehensive-management, not "police"]
    `);
  });

  it("flags a repeated id once the list is otherwise valid", () => {
    const outcome = safeScore(
      withComponents({ complaints: { complaints: [{ id: "a", date: "2022-01-01", verified: true }, { id: "a", date: "2022-01-02", verified: false }] } }),
    );
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([["components.complaints.complaints.1.id", "duplicate-id"]]);
  });

  it("refuses __proto__ and constructor keys", () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1, ${JSON.stringify(completeInput()).slice(1)}`) as unknown;
    const outcome = safeScore(input);
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["__proto__", "unrecognized_keys"],
      ["constructor", "unrecognized_keys"],
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("missing components among other problems", () => {
  it("reports an absent component together with the other issues", () => {
    const input = withComponents({ routineInspection: { rounds: [{ date: "2022-02-30", score: 20 }, { date: "2022-05-01", score: 21 }] } });
    delete (input["components"] as Record<string, unknown>)["deputies"];
    const outcome = safeScore(input);
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["components.routineInspection.rounds.0.date", "invalid_format"],
      ["components.deputies", "missing-component"],
    ]);
  });

  it("does not report it when allowIncomplete is set", () => {
    const input = withComponents({ routineInspection: { rounds: [{ date: "2022-02-30", score: 20 }] } });
    delete (input["components"] as Record<string, unknown>)["deputies"];
    const outcome = safeScore(input, { allowIncomplete: true });
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => i.code)).toEqual(["invalid_format"]);
  });
});
