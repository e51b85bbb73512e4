/**
 * The three-year full-coverage cycle (`二`: 按照三年一个周期,进行全覆盖考评; docs/cycle.md): which cycle a
 * year falls in, who is covered as a year ends, and the canonical plan for who is not.
 * Works on validated data; never throws.
 */
import { CATEGORIES } from "../model/participant.js";
import type { CoverageFinding, CoverageReport, Cycle, PlanProblem, PlanResult } from "../model/cycle.js";
import type { Evaluation, RosterEntry } from "../model/roster.js";

/**
 * The cycle containing `year`, for cycles of `length` years from `start`.
 *
 * @param year - A year not before `start`.
 * @param start - The first cycle's first year.
 * @param length - Years per cycle.
 * @returns `{ index, firstYear, lastYear }`, `index` counting from 0.
 * @example
 * ```ts
 * cycleContaining(2025, 2022, 3); //=> { index: 1, firstYear: 2025, lastYear: 2027 }
 * ```
 */
export function cycleContaining(year: number, start: number, length: number): Cycle {
  const index = Math.floor((year - start) / length);
  const firstYear = start + index * length;
  return { index, firstYear, lastYear: firstYear + length - 1 };
}

const ascending = (a: number, b: number): number => a - b;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The coverage of `cycle` at the end of `year` (a year of that cycle): the evaluations from the
 * cycle's first year to `year` count, whatever their outcome. Pure; never throws.
 *
 * @param roster - Validated roster entries, in the office's order.
 * @param evaluations - Validated evaluations, in any order.
 * @param year - The year whose end the report describes.
 * @param cycle - The cycle containing `year`.
 * @returns `{ cycle, participants, uncovered, violations, findings }`.
 * @example
 * ```ts
 * coverageAt([a, b], [{ participantId: "a", year: 2022 }], 2024, cycleContaining(2024, 2022, 3)).violations;
 * //=> ["b"]
 * ```
 */
export function coverageAt(
  roster: readonly RosterEntry[],
  evaluations: readonly Evaluation[],
  year: number,
  cycle: Cycle,
): CoverageReport {
  const yearsById = new Map<string, number[]>();
  for (const evaluation of evaluations) {
    if (evaluation.year < cycle.firstYear || evaluation.year > year) continue;
    const years = yearsById.get(evaluation.participantId);
    if (years === undefined) yearsById.set(evaluation.participantId, [evaluation.year]);
    else years.push(evaluation.year);
  }

  const participants = roster.map((entry) => {
    const years = [...new Set(yearsById.get(entry.id) ?? [])].sort(ascending);
    return { id: entry.id, years, covered: years.length > 0 };
  });
  const uncovered = participants.filter((p) => !p.covered).map((p) => p.id);
  const violations = year === cycle.lastYear ? [...uncovered] : [];

  const onRoster = new Set(roster.map((entry) => entry.id));
  const findings: CoverageFinding[] = [];
  for (const [participantId, years] of yearsById) {
    const sorted = [...years].sort(ascending);
    if (!onRoster.has(participantId)) findings.push({ code: "unknown-participant", participantId, years: sorted });
    else if (years.length > 1) findings.push({ code: "repeated", participantId, years: sorted });
  }
  findings.sort((a, b) => byText(a.code, b.code) || byText(a.participantId, b.participantId));

  return { cycle: { ...cycle }, participants, uncovered, violations, findings };
}

/** The planning order: `since` (absent first), then category order, then id. */
function planningOrder(a: RosterEntry, b: RosterEntry): number {
  const sinceA = a.since ?? Number.NEGATIVE_INFINITY;
  const sinceB = b.since ?? Number.NEGATIVE_INFINITY;
  if (sinceA !== sinceB) return sinceA < sinceB ? -1 : 1;
  const categoryA = CATEGORIES.indexOf(a.category);
  const categoryB = CATEGORIES.indexOf(b.category);
  return categoryA - categoryB || byText(a.id, b.id);
}

/**
 * The canonical plan of `cycle` from `fromYear` (`fromYear ≥ cycle.firstYear`): each roster
 * participant with no evaluation in the cycle, in planning order, takes the allowed year with the
 * fewest participants planned so far, the earliest on a tie. Pure; never throws.
 *
 * @param roster - Validated roster entries.
 * @param evaluations - Validated evaluations; those in the cycle, any year, mark a participant done.
 * @param cycle - The cycle to plan.
 * @param fromYear - The first year still open.
 * @returns The plan, one entry per year from `fromYear` to the cycle's last, or the problems.
 * @example
 * ```ts
 * planFor([a, b, c], [], { index: 0, firstYear: 2022, lastYear: 2024 }, 2023);
 * //=> { ok: true, plan: [{ year: 2023, participants: ["a", "c"] }, { year: 2024, participants: ["b"] }] }
 * ```
 */
export function planFor(
  roster: readonly RosterEntry[],
  evaluations: readonly Evaluation[],
  cycle: Cycle,
  fromYear: number,
): PlanResult {
  const evaluated = new Set<string>();
  for (const evaluation of evaluations) {
    if (evaluation.year >= cycle.firstYear && evaluation.year <= cycle.lastYear) evaluated.add(evaluation.participantId);
  }
  const due = roster.filter((entry) => !evaluated.has(entry.id)).sort(planningOrder);

  const problems: PlanProblem[] = [];
  for (const entry of due) {
    if (fromYear > cycle.lastYear) problems.push({ participantId: entry.id, reason: "cycle-over" });
    else if (entry.since !== undefined && entry.since > cycle.lastYear) {
      problems.push({ participantId: entry.id, reason: "since-after-cycle" });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const yearCount = Math.max(0, cycle.lastYear - fromYear + 1);
  const planned: string[][] = Array.from({ length: yearCount }, () => []);
  for (const entry of due) {
    let best = Math.max(0, (entry.since ?? fromYear) - fromYear);
    for (let i = best + 1; i < yearCount; i += 1) {
      if ((planned[i] as string[]).length < (planned[best] as string[]).length) best = i;
    }
    (planned[best] as string[]).push(entry.id);
  }
  return { ok: true, plan: planned.map((participants, i) => ({ year: fromYear + i, participants })) };
}
