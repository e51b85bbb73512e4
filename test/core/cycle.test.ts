/**
 * The three-year cycle (SPEC §7, `二`: 按照三年一个周期,进行全覆盖考评): `cycleOf`, `checkCoverage`,
 * `planCycle`, with worked examples an auditor can follow.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CoverageReportSchema,
  PlanResultSchema,
  RosterSchema,
  checkCoverage,
  cycleOf,
  planCycle,
  type Evaluation,
} from "../../src/index.js";
import { generateRoster, rosterJson } from "../../scripts/roster-generator.js";
import { deepFreeze } from "./rank-fixtures.js";
import { thrownIssues } from "../support/errors.js";

const readExample = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../examples/roster/${name}`, import.meta.url), "utf8"));
const xuancheng = readExample("xuancheng-2022.json");

const issuesOf = thrownIssues;

const body = (id: string, since?: number) => ({
  id,
  name: `科室${id}`,
  category: "comprehensive-management" as const,
  ...(since === undefined ? {} : { since }),
});
const ev = (participantId: string, year: number): Evaluation => ({ participantId, year });

describe("cycleOf", () => {
  it("counts three-year cycles from 2022, from index 0", () => {
    expect(cycleOf(2022)).toEqual({ index: 0, firstYear: 2022, lastYear: 2024 });
    expect(cycleOf(2024)).toEqual({ index: 0, firstYear: 2022, lastYear: 2024 });
    expect(cycleOf(2025)).toEqual({ index: 1, firstYear: 2025, lastYear: 2027 });
    expect(cycleOf(2098)).toEqual({ index: 25, firstYear: 2097, lastYear: 2099 });
  });

  it("refuses a year before the first cycle, or one that is not a year", () => {
    expect(issuesOf(() => cycleOf(2021))).toMatchInlineSnapshot(`
      [
        {
          "code": "before-first-cycle",
          "message": "2021 年早于第一个考评周期（自 2022 年起）",
          "params": {
            "firstYear": 2022,
            "year": 2021,
          },
          "path": [
            "year",
          ],
          "value": 2021,
        },
      ]
    `);
    expect(issuesOf(() => cycleOf(2023.5, undefined, { lang: "en" })).map((i) => i.code)).toEqual(["invalid_type"]);
    expect(issuesOf(() => cycleOf(1999)).map((i) => i.code)).toEqual(["too_small"]);
  });
});

describe("checkCoverage", () => {
  it("lists per roster participant the distinct years it was evaluated in the cycle, ascending", () => {
    const report = checkCoverage({
      roster: [body("a"), body("b"), body("c")],
      evaluations: [ev("a", 2023), ev("a", 2022), ev("a", 2023), ev("c", 2021)],
      year: 2023,
    });
    expect(report).toEqual({
      cycle: { index: 0, firstYear: 2022, lastYear: 2024 },
      participants: [
        { id: "a", years: [2022, 2023], covered: true },
        { id: "b", years: [], covered: false },
        { id: "c", years: [], covered: false },
      ],
      uncovered: ["b", "c"],
      violations: [],
      findings: [{ code: "repeated", participantId: "a", years: [2022, 2023, 2023] }],
    });
    expect(CoverageReportSchema.safeParse(report).success).toBe(true);
  });

  it("worked example, a closed cycle with someone uncovered: at the end of 2024 the uncovered are violations", () => {
    const evaluations = [ev("cgjdk", 2022), ev("csglk", 2022), ev("zfzd", 2023), ev("jdzhzx", 2023), ev("yllhc", 2024), ev("hjwsc", 2024)];
    const at2023 = checkCoverage({ roster: xuancheng, evaluations, year: 2023 });
    expect(at2023.uncovered).toEqual(["yllhc", "hjwsc", "gysyc"]);
    expect(at2023.violations).toEqual([]);
    const at2024 = checkCoverage({ roster: xuancheng, evaluations, year: 2024 });
    expect(at2024.uncovered).toEqual(["gysyc"]);
    expect(at2024.violations).toEqual(["gysyc"]);
  });

  it("worked example, the cycle boundary 2024 → 2025: coverage starts afresh and a 2025 evaluation never counts for 2024", () => {
    const roster = [body("a"), body("b")];
    const evaluations = [ev("a", 2024), ev("b", 2025)];
    const at2024 = checkCoverage({ roster, evaluations, year: 2024 });
    expect(at2024.participants).toEqual([
      { id: "a", years: [2024], covered: true },
      { id: "b", years: [], covered: false },
    ]);
    expect(at2024.violations).toEqual(["b"]);
    const at2025 = checkCoverage({ roster, evaluations, year: 2025 });
    expect(at2025.cycle).toEqual({ index: 1, firstYear: 2025, lastYear: 2027 });
    expect(at2025.participants).toEqual([
      { id: "a", years: [], covered: false },
      { id: "b", years: [2025], covered: true },
    ]);
    expect(at2025.violations).toEqual([]);
  });

  it("worked example, a body removed from the roster: its evaluations are reported, it is no longer owed", () => {
    const roster = [body("a")];
    const report = checkCoverage({ roster, evaluations: [ev("gone", 2022), ev("gone", 2023), ev("a", 2024)], year: 2024 });
    expect(report.uncovered).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(report.findings).toEqual([{ code: "unknown-participant", participantId: "gone", years: [2022, 2023] }]);
  });

  it("reports findings by code, then participant id, and only for evaluations that count", () => {
    const report = checkCoverage({
      roster: [body("b"), body("a")],
      evaluations: [ev("z", 2022), ev("b", 2022), ev("b", 2022), ev("y", 2022), ev("a", 2022), ev("a", 2023), ev("x", 2024), ev("w", 2021)],
      year: 2023,
    });
    expect(report.findings.map((f) => [f.code, f.participantId])).toEqual([
      ["repeated", "a"],
      ["repeated", "b"],
      ["unknown-participant", "y"],
      ["unknown-participant", "z"],
    ]);
  });

  it("refuses an invalid roster with every problem and its path", () => {
    const issues = issuesOf(() =>
      checkCoverage({
        roster: [body("a"), { ...body("b"), rank: 1 }, body("a"), { ...body("c"), category: "other" }, { ...body("d"), since: "2023" }],
        evaluations: [{ participantId: "a" }, { participantId: "a", year: 2022, result: "good" }],
        year: 2020,
      }),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [["roster", 1, "rank"], "unrecognized_keys"],
      [["roster", 2, "id"], "duplicate-id"],
      [["roster", 3, "category"], "invalid_value"],
      [["roster", 4, "since"], "invalid_type"],
      [["evaluations", 0, "year"], "invalid_type"],
      [["evaluations", 1, "result"], "unrecognized_keys"],
      [["year"], "before-first-cycle"],
    ]);
  });

  it("does not mutate its inputs", () => {
    const roster = deepFreeze([body("b"), body("a")]);
    const evaluations = deepFreeze([ev("a", 2023), ev("a", 2022)]);
    expect(() => checkCoverage({ roster, evaluations, year: 2024 })).not.toThrow();
    expect(() => planCycle({ roster, evaluations, cycle: cycleOf(2024) })).not.toThrow();
  });
});

describe("planCycle", () => {
  it("plans the seven bodies of 附件1 over 2022–2024: by category order then id, each to the emptiest year", () => {
    const result = planCycle({ roster: xuancheng, evaluations: [], cycle: cycleOf(2022) });
    expect(result).toEqual({
      ok: true,
      plan: [
        { year: 2022, participants: ["zfzd", "gysyc", "yllhc"] },
        { year: 2023, participants: ["cgjdk", "hjwsc"] },
        { year: 2024, participants: ["csglk", "jdzhzx"] },
      ],
    });
    expect(PlanResultSchema.safeParse(result).success).toBe(true);
  });

  it("plans only those not evaluated in the cycle, from fromYear, one entry per remaining year", () => {
    const result = planCycle({
      roster: [body("a"), body("b"), body("c")],
      evaluations: [ev("a", 2022), ev("b", 2021)],
      cycle: cycleOf(2022),
      fromYear: 2023,
    });
    expect(result).toEqual({
      ok: true,
      plan: [
        { year: 2023, participants: ["b"] },
        { year: 2024, participants: ["c"] },
      ],
    });
  });

  it("worked example, a body joining mid-cycle: planned in or after its since year, after those with no since", () => {
    const roster = [body("new", 2024), body("a"), body("b"), body("c"), body("mid", 2023)];
    expect(planCycle({ roster, evaluations: [], cycle: cycleOf(2022) })).toEqual({
      ok: true,
      plan: [
        { year: 2022, participants: ["a"] },
        { year: 2023, participants: ["b", "mid"] },
        { year: 2024, participants: ["c", "new"] },
      ],
    });
  });

  it("says which participants cannot be planned and why, instead of a plan that misses them", () => {
    const roster = [body("late", 2025), body("a"), body("later", 2026)];
    expect(planCycle({ roster, evaluations: [], cycle: cycleOf(2022) })).toEqual({
      ok: false,
      problems: [
        { participantId: "late", reason: "since-after-cycle" },
        { participantId: "later", reason: "since-after-cycle" },
      ],
    });
    expect(planCycle({ roster, evaluations: [ev("late", 2022), ev("later", 2023)], cycle: cycleOf(2022) }).ok).toBe(true);
  });

  it("reports cycle-over for everyone uncovered when fromYear is after the cycle, and plans nothing when no one is owed", () => {
    const roster = [body("a"), body("b", 2030)];
    expect(planCycle({ roster, evaluations: [ev("a", 2022)], cycle: cycleOf(2022), fromYear: 2025 })).toEqual({
      ok: false,
      problems: [{ participantId: "b", reason: "cycle-over" }],
    });
    expect(planCycle({ roster: [body("a")], evaluations: [ev("a", 2024)], cycle: cycleOf(2022), fromYear: 2025 })).toEqual({ ok: true, plan: [] });
    expect(planCycle({ roster: [body("a")], evaluations: [ev("a", 2024)], cycle: cycleOf(2022) })).toEqual({
      ok: true,
      plan: [
        { year: 2022, participants: [] },
        { year: 2023, participants: [] },
        { year: 2024, participants: [] },
      ],
    });
  });

  it("refuses a fromYear before the cycle and a cycle that ends before it starts", () => {
    expect(issuesOf(() => planCycle({ roster: [], evaluations: [], cycle: cycleOf(2025), fromYear: 2024, lang: "en" }))).toMatchInlineSnapshot(`
      [
        {
          "code": "before-cycle",
          "message": "The starting year may not be before the cycle's first year, 2025",
          "params": {
            "firstYear": 2025,
          },
          "path": [
            "fromYear",
          ],
          "value": 2024,
        },
      ]
    `);
    const cycle = { index: 0, firstYear: 2022, lastYear: 2021 };
    expect(issuesOf(() => planCycle({ roster: [], evaluations: [], cycle })).map((i) => [i.path, i.code])).toEqual([
      [["cycle", "lastYear"], "invalid-cycle"],
    ]);
  });
});

describe("example rosters", () => {
  it("the roster of 附件1 holds the seven bodies with the ids the examples use", () => {
    const roster = RosterSchema.parse(xuancheng);
    expect(roster.map((e) => [e.id, e.category])).toEqual([
      ["cgjdk", "comprehensive-management"],
      ["csglk", "comprehensive-management"],
      ["zfzd", "law-enforcement"],
      ["jdzhzx", "comprehensive-management"],
      ["yllhc", "comprehensive-management"],
      ["hjwsc", "comprehensive-management"],
      ["gysyc", "comprehensive-management"],
    ]);
  });

  it("the generated 100-body roster is exactly what the seeded script prints", () => {
    const text = readFileSync(new URL("../../examples/roster/generated-100.json", import.meta.url), "utf8");
    expect(text).toBe(rosterJson(generateRoster(100, 20220811)));
    expect(RosterSchema.parse(JSON.parse(text))).toHaveLength(100);
  });
});
