/**
 * The declarations of `src/model/input.ts` on the cases the whole-input tests leave out: a
 * repeated id in each list that has ids, the rules across fields of a commendation and a veto
 * waiting for exactly the fields they read, the parameters of their issues, and the preset's
 * limits. Each case is checked on the schema (the issues, every one) and on the fast reader.
 */
import { describe, expect, it } from "vitest";
import { NO } from "../../src/model/declare.js";
import { inputValue, ScoreInputValue, type InputLimits } from "../../src/model/input.js";
import { commendation, completeInput, withComponents, type Json } from "../support/inputs.js";

const LIMITS: InputLimits = {
  decimals: 2,
  unitCeilingMicro: { municipal: 500_000, "provincial-department": 500_000, provincial: 3_000_000, national: 5_000_000 },
};

type Found = [path: string, code: string, params?: Record<string, unknown>];

/** Every issue of the schema (path, the library's code or zod's, and the library's parameters). */
function found(raw: unknown, input = inputValue(LIMITS)): Found[] {
  const result = input.schema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.join(".");
    if (issue.code !== "custom") return [path, issue.code];
    const { code, ...params } = issue.params as { code: string };
    return [path, code, params];
  });
}

function check(raw: Json, expected: Found[], input = inputValue(LIMITS)): void {
  expect(found(raw, input)).toEqual(expected);
  expect(input.read(raw) === NO).toBe(expected.length > 0);
}

const veto = (fields: Json): Json => ({ id: "v1", ground: "other", subject: "participant", date: "2022-06-01", confirmed: true, reason: "迟报", ...fields });

describe("a repeated id", () => {
  it("is refused in the rounds of each inspection, the complaints, the commendations and the vetoes", () => {
    check(completeInput(), []);
    for (const component of ["routineInspection", "specialInspection", "unannouncedVisit"]) {
      const rounds = [
        { id: "r1", date: "2022-04-12", score: 3 },
        { id: "r1", date: "2022-10-18", score: 4 },
      ];
      check(withComponents({ [component]: { rounds } }), [[`components.${component}.rounds.1.id`, "duplicate-id", { id: "r1" }]]);
    }
    const complaint = { id: "k1", date: "2022-03-01", verified: true, deduction: "0.5" };
    check(withComponents({ complaints: { complaints: [complaint, complaint] } }), [["components.complaints.complaints.1.id", "duplicate-id", { id: "k1" }]]);
    check(completeInput({ commendations: [commendation({}), commendation({})] }), [["commendations.1.id", "duplicate-id", { id: "c1" }]]);
    check(completeInput({ vetoes: [veto({}), veto({})] }), [["vetoes.1.id", "duplicate-id", { id: "v1" }]]);
  });
});

describe("the rules of a commendation", () => {
  it("name the recipient, the level and the ceiling they found", () => {
    check(completeInput({ commendations: [commendation({ recipient: "participant", awarded: "0.2" })] }), [
      ["commendations.0.awarded", "awarded-not-allowed", { recipient: "participant" }],
    ]);
    check(completeInput({ commendations: [commendation({ recipient: "unit", level: "municipal", awarded: "0.6" })] }), [
      ["commendations.0.awarded", "awarded-above-ceiling", { level: "municipal", ceiling: "0.5" }],
    ]);
    check(completeInput({ commendations: [commendation({ recipient: "unit", level: "municipal" })] }), [["commendations.0.awarded", "awarded-required", {}]]);
    check(completeInput({ commendations: [commendation({ recipient: "unit", level: "municipal", awarded: "0.5" })] }), []);
  });

  it("hold the ceiling to unit commendations only: another recipient's award is not allowed at all", () => {
    check(completeInput({ commendations: [commendation({ recipient: "section", level: "municipal", awarded: "3" })] }), [
      ["commendations.0.awarded", "awarded-not-allowed", { recipient: "section" }],
    ]);
  });

  it("wait while a field they read is invalid", () => {
    check(completeInput({ commendations: [commendation({ recipient: "people", awarded: "0.2" })] }), [["commendations.0.recipient", "invalid_value"]]);
    check(completeInput({ commendations: [commendation({ recipient: "participant", awarded: "0.125" })] }), [
      ["commendations.0.awarded", "too-many-decimals", { decimals: 2, value: "0.125" }],
    ]);
    check(completeInput({ commendations: [commendation({ recipient: "unit", level: "municipal", awarded: "0.555" })] }), [
      ["commendations.0.awarded", "too-many-decimals", { decimals: 2, value: "0.555" }],
    ]);
  });
});

describe("the rule of a veto", () => {
  it("requires a reason that is not blank for the ground other", () => {
    for (const reason of [undefined, "", "   ", "\n\t"]) {
      const fields = reason === undefined ? { reason: undefined } : { reason };
      check(completeInput({ vetoes: [veto(fields)] }), [["vetoes.0.reason", "reason-required", {}]]);
    }
    check(completeInput({ vetoes: [veto({ reason: " 迟报 " })] }), []);
    check(completeInput({ vetoes: [veto({ ground: "case-filed", reason: "" })] }), []);
  });
});

describe("the preset's input", () => {
  it("has 2 decimals and the unit ceilings of the levels' points", () => {
    const unit = (level: string, awarded: string): Json => completeInput({ commendations: [commendation({ recipient: "unit", level, awarded })] });
    check(unit("municipal", "0.5"), [], ScoreInputValue);
    check(unit("provincial", "3"), [], ScoreInputValue);
    check(unit("national", "5"), [], ScoreInputValue);
    check(unit("provincial-department", "0.51"), [["commendations.0.awarded", "awarded-above-ceiling", { level: "provincial-department", ceiling: "0.5" }]], ScoreInputValue);
    check(unit("provincial", "3.01"), [["commendations.0.awarded", "awarded-above-ceiling", { level: "provincial", ceiling: "3" }]], ScoreInputValue);
    check(unit("national", "0.125"), [["commendations.0.awarded", "too-many-decimals", { decimals: 2, value: "0.125" }]], ScoreInputValue);
  });
});
