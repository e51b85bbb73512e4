/** Laws of the three-year cycle (SPEC §7): `cycleOf`, `checkCoverage`, `planCycle` on generated rosters. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES, checkCoverage, cycleOf, planCycle, type Evaluation, type PlanYear, type RosterEntry } from "../../src/index.js";

const numRuns = 100;

const cycleArb = fc.integer({ min: 0, max: 3 }).map((index) => cycleOf(2022 + 3 * index));

/** A roster of up to 30 bodies; `since` anywhere from before the cycle to inside it, or absent. */
const rosterArb = (sinceYears: fc.Arbitrary<number | undefined>): fc.Arbitrary<RosterEntry[]> =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom("a", "b", "c", "B", "城") }),
        category: fc.constantFrom(...CATEGORIES),
        since: sinceYears,
      }),
      { selector: (e) => e.id, maxLength: 30 },
    )
    .map((entries) =>
      entries.map(({ id, category, since }) => ({ id, name: `单位${id}`, category, ...(since === undefined ? {} : { since }) })),
    );

const evaluationsArb = (roster: readonly RosterEntry[], years: readonly number[]): fc.Arbitrary<Evaluation[]> =>
  fc.array(
    fc.record({
      participantId: roster.length === 0 ? fc.constant("stranger") : fc.oneof(fc.constantFrom(...roster.map((e) => e.id)), fc.constant("stranger")),
      year: fc.constantFrom(...years),
    }),
    { maxLength: 20 },
  );

/** A cycle, a start year inside it, a roster with `since` inside the cycle or absent, and evaluations. */
const scenarioArb = cycleArb.chain((cycle) => {
  const years = [cycle.firstYear - 1, cycle.firstYear, cycle.firstYear + 1, cycle.lastYear, cycle.lastYear + 1];
  const sinceArb = fc.option(fc.integer({ min: cycle.firstYear - 2, max: cycle.lastYear }), { nil: undefined });
  return fc.record({
    cycle: fc.constant(cycle),
    fromYear: fc.integer({ min: cycle.firstYear, max: cycle.lastYear }),
    roster: rosterArb(sinceArb),
  }).chain((s) => evaluationsArb(s.roster, years).map((evaluations) => ({ ...s, evaluations })));
});

const inCycle = (e: Evaluation, c: { firstYear: number; lastYear: number }) => e.year >= c.firstYear && e.year <= c.lastYear;
const followed = (plan: readonly PlanYear[]): Evaluation[] => plan.flatMap((y) => y.participants.map((participantId) => ({ participantId, year: y.year })));

function okPlan(result: ReturnType<typeof planCycle>): PlanYear[] {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.problems)}`);
  return result.plan;
}

describe("cycle laws", () => {
  it("a year lies in the cycle cycleOf gives, three years long, starting 2022 + 3 × index", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2022, max: 2098 }), (year) => {
        const c = cycleOf(year);
        expect(c.firstYear).toBeLessThanOrEqual(year);
        expect(c.lastYear).toBeGreaterThanOrEqual(year);
        expect(c.lastYear - c.firstYear).toBe(2);
        expect(c.firstYear).toBe(2022 + 3 * c.index);
      }),
    );
  });

  it("a participant is covered exactly when it has an evaluation from the cycle's first year to the year; violations only in the last year", () => {
    fc.assert(
      fc.property(scenarioArb, ({ cycle, fromYear, roster, evaluations }) => {
        const report = checkCoverage({ roster, evaluations, year: fromYear });
        expect(report.cycle).toEqual(cycle);
        report.participants.forEach((p, i) => {
          expect(p.id).toBe(roster[i]?.id);
          const expected = evaluations.some((e) => e.participantId === p.id && e.year >= cycle.firstYear && e.year <= fromYear);
          expect(p.covered).toBe(expected);
        });
        expect(report.violations).toEqual(fromYear === cycle.lastYear ? report.uncovered : []);
      }),
      { numRuns },
    );
  });

  it("a plan covers every roster member exactly once per cycle, within the remaining years, never before its since", () => {
    fc.assert(
      fc.property(scenarioArb, ({ cycle, fromYear, roster, evaluations }) => {
        const plan = okPlan(planCycle({ roster, evaluations, cycle, fromYear }));
        expect(plan.map((y) => y.year)).toEqual(Array.from({ length: cycle.lastYear - fromYear + 1 }, (_, i) => fromYear + i));
        const planned = plan.flatMap((y) => y.participants);
        const evaluated = new Set(evaluations.filter((e) => inCycle(e, cycle)).map((e) => e.participantId));
        expect([...planned].sort()).toEqual(roster.filter((e) => !evaluated.has(e.id)).map((e) => e.id).sort());
        const since = new Map(roster.map((e) => [e.id, e.since]));
        for (const y of plan) for (const id of y.participants) expect(y.year).toBeGreaterThanOrEqual(since.get(id) ?? y.year);
        const after = checkCoverage({ roster, evaluations: [...evaluations, ...followed(plan)], year: cycle.lastYear });
        expect(after.violations).toEqual([]);
      }),
      { numRuns },
    );
  });

  it("per-year counts differ by at most one when no since constrains the plan", () => {
    fc.assert(
      fc.property(
        cycleArb.chain((cycle) =>
          fc.record({
            cycle: fc.constant(cycle),
            fromYear: fc.integer({ min: cycle.firstYear, max: cycle.lastYear }),
            roster: rosterArb(fc.option(fc.integer({ min: 2000, max: cycle.firstYear }), { nil: undefined })),
          }),
        ),
        ({ cycle, fromYear, roster }) => {
          const counts = okPlan(planCycle({ roster: roster.map(({ since: _, ...p }) => p), evaluations: [], cycle, fromYear })).map(
            (y) => y.participants.length,
          );
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns },
    );
  });

  it("planning again after following the plan's first year changes nothing for the years left", () => {
    fc.assert(
      fc.property(scenarioArb, ({ cycle, fromYear, roster, evaluations }) => {
        const plan = okPlan(planCycle({ roster, evaluations, cycle, fromYear }));
        const [first, ...rest] = plan;
        fc.pre(first !== undefined);
        const again = planCycle({ roster, evaluations: [...evaluations, ...followed([first as PlanYear])], cycle, fromYear: fromYear + 1 });
        expect(again.ok ? again.plan : again.problems).toEqual(rest.length === 0 ? [] : rest);
      }),
      { numRuns },
    );
  });

  it("planning again after following the whole plan schedules no one", () => {
    fc.assert(
      fc.property(scenarioArb, ({ cycle, fromYear, roster, evaluations }) => {
        const plan = okPlan(planCycle({ roster, evaluations, cycle, fromYear }));
        const again = okPlan(planCycle({ roster, evaluations: [...evaluations, ...followed(plan)], cycle, fromYear }));
        expect(again.every((y) => y.participants.length === 0)).toBe(true);
      }),
      { numRuns },
    );
  });

  it("the plan does not depend on the order of the roster or of the evaluations", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.record({
            s: fc.constant(s),
            roster: fc.shuffledSubarray(s.roster, { minLength: s.roster.length, maxLength: s.roster.length }),
            evaluations: fc.shuffledSubarray(s.evaluations, { minLength: s.evaluations.length, maxLength: s.evaluations.length }),
          }),
        ),
        ({ s, roster, evaluations }) => {
          const { cycle, fromYear } = s;
          expect(planCycle({ roster, evaluations, cycle, fromYear })).toEqual(planCycle({ roster: s.roster, evaluations: s.evaluations, cycle, fromYear }));
        },
      ),
      { numRuns },
    );
  });

  it("a participant whose since is after the cycle makes the plan impossible, and is named", () => {
    fc.assert(
      fc.property(cycleArb, rosterArb(fc.constant(undefined)), fc.integer({ min: 1, max: 5 }), (cycle, roster, after) => {
        const late = { id: "late-body", name: "新设机构", category: "public-service" as const, since: cycle.lastYear + after };
        const result = planCycle({ roster: [...roster, late], evaluations: [], cycle });
        expect(result).toEqual({ ok: false, problems: [{ participantId: "late-body", reason: "since-after-cycle" }] });
      }),
      { numRuns: 50 },
    );
  });
});
