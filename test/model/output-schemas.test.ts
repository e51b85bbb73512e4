/**
 * The schemas of what the library returns, held to real outputs: each accepts what its function
 * returns, and refuses it once any one value in it, at any depth, is replaced by one of the wrong
 * kind (so a schema that lost a field, a literal or a branch cannot pass). Also the cycle's own
 * rule, the cap on a list's issues, and the groups' Chinese names. The modules are imported inside
 * the tests, so a schema that fails to build fails a test rather than the file.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const inputs = (): unknown[] =>
  readFileSync(new URL("../../examples/2022/inputs.ndjson", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

/** Every path to a value that is not an object or an array, in `value`. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...at, i]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...at, key]));
  return [at];
}

/** `value` with the leaf at `path` replaced by a symbol, which no JSON-shaped schema takes. */
function spoiled(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0) return Symbol("wrong");
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? spoiled(item, rest) : item));
  return { ...(value as Record<string, unknown>), [head]: spoiled((value as Record<string, unknown>)[head], rest) };
}

interface Schema {
  safeParse(value: unknown): { success: boolean };
}

function holdsTo(schema: Schema, output: unknown): void {
  expect(schema.safeParse(output).success).toBe(true);
  const paths = leafPaths(output);
  expect(paths.length).toBeGreaterThan(0);
  const passed = paths.filter((path) => schema.safeParse(spoiled(output, path)).success).map((path) => path.join("."));
  expect(passed).toEqual([]);
}

describe("the output schemas", () => {
  it("hold to cycleOf, checkCoverage and planCycle (a plan and its problems)", async () => {
    const { cycleOf, checkCoverage, planCycle, CycleSchema, CoverageReportSchema, PlanResultSchema } = await import("../../src/index.js");
    const roster = json("examples/roster/xuancheng-2022.json");
    const evaluations = json("examples/roster/evaluations-hypothetical.json");
    const cycle = cycleOf(2023);
    holdsTo(CycleSchema, cycle);
    const report = checkCoverage({ roster, evaluations, year: 2023 });
    expect(report.participants.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.code).sort()).toEqual(["repeated", "unknown-participant"]);
    holdsTo(CoverageReportSchema, report);
    const plan = planCycle({ roster, evaluations, cycle, fromYear: 2023 });
    expect(plan.ok).toBe(true);
    holdsTo(PlanResultSchema, plan);
    const problems = planCycle({ roster, evaluations, cycle, fromYear: 2025 });
    expect(problems.ok).toBe(false);
    holdsTo(PlanResultSchema, problems);
  });

  it("hold to score: every example, one with a veto, and provisional ones", async () => {
    const { definePolicy, score, ScoreResultSchema } = await import("../../src/index.js");
    const all = inputs() as { components: Record<string, unknown>; vetoes?: unknown }[];
    for (const input of all) holdsTo(ScoreResultSchema, score(input, { allowIncomplete: true }));
    const [first] = all;
    const { routineInspection: _r, ...fewer } = first?.components ?? {};
    holdsTo(ScoreResultSchema, score({ ...first, components: fewer }, { allowIncomplete: true }));
    // A bonus cap below the examples' bonuses: a bonus-capped finding.
    const capped = all.map((input) => score(input, { policy: definePolicy({ id: "capped", bonusCap: "0.1" }), allowIncomplete: true }));
    expect(capped.some((r) => r.findings.some((f) => f.code === "bonus-capped"))).toBe(true);
    for (const result of capped) holdsTo(ScoreResultSchema, result);
  });

  it("hold to rank, with a final and a provisional body", async () => {
    const { rank, score, RankEntrySchema } = await import("../../src/index.js");
    // One body without its city leaders' scores: provisional.
    const [first, ...rest] = inputs() as { components: Record<string, unknown> }[];
    const { cityLeaders: _dropped, ...components } = first?.components ?? {};
    const results = [{ ...first, components }, ...rest].map((input) => score(input, { allowIncomplete: true }));
    const entries = rank(results);
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set(["final", "provisional"]));
    for (const entry of entries) holdsTo(RankEntrySchema, entry);
  });

  it("hold to compare and sensitivity", async () => {
    const { definePolicy } = await import("../../src/index.js");
    const { compare, sensitivity, CompareResultSchema, SensitivityResultSchema } = await import("../../src/sensitivity.js");
    const all = inputs();
    const candidate = definePolicy({ id: "city-2023", complaintDeduction: "2" });
    holdsTo(CompareResultSchema, compare(all, { candidate }));
    // `by` is read: ranks within categories start again at 1 in each.
    const byCategory = compare(all, { candidate, by: "category" }).participants;
    const firsts = byCategory.filter((p) => p.base.rank === 1).map((p) => p.participant.category);
    expect(new Set(firsts).size).toBeGreaterThan(1);
    expect(() => compare(all, { candidate, by: "unit" as "category" })).toThrow();
    const quota = definePolicy({ id: "quota", excellentQuota: "0.3" });
    holdsTo(SensitivityResultSchema, sensitivity(all, { policy: quota, samples: 20 }));
  });
});

describe("the cycle's own rule", () => {
  it("takes a last year from the first to 99 years after it, and nothing outside", async () => {
    const { CycleSchema } = await import("../../src/index.js");
    const ok = (firstYear: number, lastYear: number): boolean => CycleSchema.safeParse({ index: 0, firstYear, lastYear }).success;
    expect([ok(2022, 2021), ok(2022, 2022), ok(2022, 2024), ok(2000, 2099), ok(2000, 2100)]).toEqual([false, true, true, true, false]);
  });
});

describe("a list's issues", () => {
  it("are capped at MAX_LIST_ISSUES with one too-many-issues issue counting them, and not below it", async () => {
    const { EvaluationsSchema } = await import("../../src/index.js");
    const { MAX_LIST_ISSUES } = await import("../../src/model/issue-cap.js");
    // An empty id (an issue zod goes on after) and an item that is not an object (one it stops at).
    for (const item of [{ participantId: "", year: 2022 }, null]) {
      const issues = (n: number) => EvaluationsSchema.safeParse(Array.from({ length: n }, () => item)).error?.issues ?? [];
      expect(issues(MAX_LIST_ISSUES)).toHaveLength(MAX_LIST_ISSUES);
      expect(issues(MAX_LIST_ISSUES).some((i) => i.code === "custom")).toBe(false);
      const capped = issues(MAX_LIST_ISSUES + 5);
      expect(capped).toHaveLength(MAX_LIST_ISSUES + 1);
      expect(capped.at(-1)).toMatchObject({ code: "custom", path: [], params: { code: "too-many-issues", shown: MAX_LIST_ISSUES, total: MAX_LIST_ISSUES + 5 } });
    }
  });
});

describe("the groups' Chinese names", () => {
  it("are the source's: 日常考评 and 综合评价", async () => {
    const { GROUP_LABELS } = await import("../../src/model/components.js");
    expect(GROUP_LABELS).toEqual({ daily: "日常考评", comprehensive: "综合评价" });
  });
});
