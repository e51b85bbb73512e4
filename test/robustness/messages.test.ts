/**
 * Messages and rendered paths under hostile keys and ids (issue 5): a key with a line break, a
 * direction override or 50 MB of text never breaks a message's line nor makes it huge.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPath, safeScore } from "../../src/index.js";
import { validInput, type JsonObject } from "./support.js";

describe("formatPath", () => {
  it("renders ordinary paths as before", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["components", "routineInspection", "rounds", 1, "score"])).toBe("components.routineInspection.rounds[1].score");
    expect(formatPath(["commendationPoints", "provincial-department"])).toBe("commendationPoints.provincial-department");
    expect(formatPath([0, "id"])).toBe("[0].id");
  });

  it("quotes and escapes a key holding a line break or an invisible character, and cuts a long one", () => {
    // Regression: these keys were printed raw, splitting the CLI's one line per problem.
    expect(formatPath(["participant", "a\nb"])).toBe('participant["a\\nb"]');
    expect(formatPath(["participant", "a\u202Eb\u2028"])).toBe('participant["a\\u202eb\\u2028"]');
    expect(formatPath(["x".repeat(5_000_000)])).toBe(`["${"x".repeat(100)}…"]`);
  });

  it("is one line of at most a few hundred characters per key, whatever the keys", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 120 }), fc.nat()), { maxLength: 4 }), (path) => {
        const text = formatPath(path);
        expect(text).not.toMatch(/[\n\r\u2028\u2029\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        expect(text.length).toBeLessThanOrEqual(10 + path.length * 700);
      }),
      { numRuns: 100 },
    );
  });
});

describe("messages that quote the input", () => {
  it("quote an unknown key escaped and cut to 100 characters", () => {
    const input = validInput();
    (input["participant"] as JsonObject)[`${"k".repeat(200)}\n`] = 1;
    const outcome = safeScore(input, { lang: "en" });
    expect(!outcome.success && outcome.error.issues[0]?.message).toBe(`There is no key "${"k".repeat(100)}…" in the participant; remove or correct it`);
  });

  it("quote a repeated id escaped", () => {
    const input = validInput();
    input["vetoes"] = [
      { id: "v\n1", ground: "case-filed", subject: "staff", date: "2022-07-01", confirmed: false },
      { id: "v\n1", ground: "case-filed", subject: "staff", date: "2022-07-02", confirmed: false },
    ];
    const en = safeScore(input, { lang: "en" });
    const zh = safeScore(input);
    expect(!en.success && en.error.issues.map((i) => i.message)).toEqual(['The id "v\\u000a1" appears more than once in this list; ids must be unique']);
    expect(!zh.success && zh.error.issues.map((i) => i.message)).toEqual(['编号 "v\\u000a1" 在本列表中重复；每条记录的编号（id）必须唯一']);
  });

  it("count the problems of a list beyond its first 1,000, in both languages", () => {
    const input = validInput();
    input["vetoes"] = Array.from({ length: 1500 }, () => 0);
    const en = safeScore(input, { lang: "en" });
    const zh = safeScore(input);
    expect(!en.success && en.error.issues.at(-1)).toEqual({ path: ["vetoes"], code: "too-many-issues", message: "Too many problems in this list: the first 1000 are listed, of 1500 in all" });
    expect(!zh.success && zh.error.issues.at(-1)?.message).toBe("本列表的问题过多：以上列出前 1000 处，共 1500 处");
    // 1,000 problems are all listed, with no count.
    input["vetoes"] = Array.from({ length: 1000 }, () => 0);
    const exact = safeScore(input);
    expect(!exact.success && exact.error.issues.map((i) => i.code).filter((c) => c === "too-many-issues")).toEqual([]);
  });
});
