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
      ["components.complaints.complaints.1.id", "duplicate-id"],
      ["components.deputes", "unrecognized_keys"],
    ]);
  });

  it("writes messages in Chinese by default", () => {
    const outcome = safeScore(bad());
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "数值过小：期望 number >=2000",
        "无效日期：应为 YYYY-MM-DD 格式的真实日期，年份在 1949 至 2099 之间",
        "无效数值：应为不带正负号和指数的十进制数，如 23.5（整数最多 9 位，小数最多 6 位）",
        "得分高于本次满分 25",
        "无效输入：期望 boolean，实际接收 string",
        "编号“a”在本列表中重复；每条记录的 id 必须唯一",
        "出现未知的键(key): "deputes"",
      ]
    `);
  });

  it("writes messages in English on request", () => {
    const outcome = safeScore(bad(), { lang: "en" });
    if (outcome.success) throw new Error("expected an error");
    expect(outcome.error.issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "Too small: expected number to be >=2000",
        "Invalid date: expected a real calendar day written YYYY-MM-DD, year 1949 to 2099",
        "Invalid number: expected a decimal without sign or exponent, such as 23.5 (at most 9 integer and 6 decimal digits)",
        "The score is above this round's full marks of 25",
        "Invalid input: expected boolean, received string",
        "The id "a" appears more than once in this list; ids must be unique",
        "Unrecognized key: "deputes"",
      ]
    `);
  });

  it("summarises the issues in the error message", () => {
    expect(() => score({ ...completeInput(), participant: { id: "", name: "x", category: "police" } }, { lang: "en" })).toThrowErrorMatchingInlineSnapshot(`
      [InputError: The input has 2 problem(s)
      participant.id: Too small: expected string to have >=1 characters
      participant.category: Invalid option: expected one of "public-service"|"law-enforcement"|"comprehensive-management"]
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
