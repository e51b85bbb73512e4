/**
 * `cycleOf`, `checkCoverage` and `planCycle`: validate rosters and evaluations (zod), then the
 * cycle rules (core). The cycle is the policy's (`二`: three years; the first starting 2022).
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { coverageAt, cycleContaining, planFor } from "../core/cycle.js";
import { CycleSchema, type CoverageReport, type Cycle, type PlanResult } from "../model/cycle.js";
import type { Policy } from "../model/policy.js";
import { INPUT_YEARS } from "../model/input.js";
import { EvaluationsSchema, RosterSchema, YearSchema } from "../model/roster.js";
import { xuancheng2022 } from "../policy/xuancheng-2022.js";
import { InputError, parseOptions, fromZodIssues, langOf, type Lang } from "./errors.js";
import { inInputOrder } from "./issue-order.js";
import { optionsOf, policyOrThrow } from "./options.js";

/** Options of `cycleOf`. */
export interface CycleOfOptions {
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

/** What `checkCoverage` reads. `roster` and `evaluations` are JSON data, validated here. */
export interface CheckCoverageArgs {
  /** Roster entries: participants with an optional `since` year, each id once. */
  readonly roster: unknown;
  /** Evaluations on record: `{ participantId, year }`. */
  readonly evaluations: unknown;
  /** The year whose end the report describes; it picks the cycle. */
  readonly year: number;
  /** The policy whose cycle applies; the preset `xuancheng-2022` when absent. */
  readonly policy?: Policy | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

/** What `planCycle` reads. `roster` and `evaluations` are JSON data, validated here. */
export interface PlanCycleArgs {
  /** Roster entries: participants with an optional `since` year, each id once. */
  readonly roster: unknown;
  /** Evaluations on record: `{ participantId, year }`. */
  readonly evaluations: unknown;
  /** The cycle to plan, as `cycleOf` returns it. */
  readonly cycle: Cycle;
  /** The first year still open; the cycle's first year when absent. */
  readonly fromYear?: number | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

type Payload = core.ParsePayload<unknown>;

/** A year of the policy's cycles: an input year not before the first cycle (`before-first-cycle`). */
function cycleYearSchema(firstYear: number) {
  return YearSchema.check(
    z.check<number>((payload) => {
      if (payload.value >= INPUT_YEARS.min && payload.value < firstYear) {
        (payload as Payload).issues.push({
          code: "custom",
          input: payload.value,
          params: { code: "before-first-cycle", year: payload.value, firstYear },
        });
      }
    }),
  );
}
function fail(issues: readonly core.$ZodIssue[], lang: Lang): never {
  throw new InputError(inInputOrder(fromZodIssues(issues)), lang);
}

/**
 * The cycle containing `year`: cycles of the policy's length (3 years, `二`) from its start year
 * (2022, assumed `cycle-start`), counted from 0.
 *
 * @param year - An integer year, not before the first cycle.
 * @param policy - The policy whose cycle applies; the preset when absent.
 * @param options - `lang` for messages.
 * @returns `{ index, firstYear, lastYear }`.
 * @throws {@link InputError} when `year` is not an integer 2000..2098 or is before the first
 *   cycle (`before-first-cycle`).
 * @example
 * ```ts
 * cycleOf(2023); //=> { index: 0, firstYear: 2022, lastYear: 2024 }
 * cycleOf(2025); //=> { index: 1, firstYear: 2025, lastYear: 2027 }
 * ```
 */
export function cycleOf(year: number, policy: Policy = xuancheng2022, options: CycleOfOptions = {}): Cycle {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  policy = policyOrThrow(policy, "policy", lang);
  const start = policy.parameters.cycleStart.value;
  const parsed = z.strictObject({ year: cycleYearSchema(start) }).safeParse({ year }, parseOptions(lang));
  if (!parsed.success) fail(parsed.error.issues, lang);
  return cycleContaining(parsed.data.year, start, policy.parameters.cycleYears.value);
}

/**
 * The coverage of the cycle containing `year`, as it stands at the end of `year` (docs/cycle.md): per
 * roster participant (roster order) the distinct years it was evaluated in the cycle up to
 * `year`, ascending; who is uncovered; the violations (the uncovered, when `year` is the cycle's
 * last); findings `repeated` and `unknown-participant`, by code then id.
 *
 * @param args - `roster`, `evaluations`, `year`, optional `policy` and `lang`.
 * @returns `{ cycle, participants, uncovered, violations, findings }`.
 * @throws {@link InputError} with every problem at once: an invalid roster entry or evaluation
 *   (unknown keys included), a repeated roster id (`duplicate-id`), a year before the first cycle.
 * @example
 * ```ts
 * // roster: examples/roster/xuancheng-2022.json (the seven bodies of 附件1)
 * const report = checkCoverage({ roster, evaluations: [{ participantId: "cgjdk", year: 2022 }], year: 2024 });
 * report.participants[0]; //=> { id: "cgjdk", years: [2022], covered: true }
 * report.violations; //=> ["csglk", "zfzd", "jdzhzx", "yllhc", "hjwsc", "gysyc"]
 * ```
 */
export function checkCoverage(args: CheckCoverageArgs): CoverageReport {
  args = optionsOf(args) as CheckCoverageArgs;
  const lang = langOf(args.lang);
  const policy = policyOrThrow(args.policy, "policy", lang);
  const start = policy.parameters.cycleStart.value;
  const schema = z.strictObject({ roster: RosterSchema, evaluations: EvaluationsSchema, year: cycleYearSchema(start) });
  const parsed = schema.safeParse(
    { roster: args.roster, evaluations: args.evaluations, year: args.year },
    parseOptions(lang),
  );
  if (!parsed.success) fail(parsed.error.issues, lang);
  const { roster, evaluations, year } = parsed.data;
  return coverageAt(roster, evaluations, year, cycleContaining(year, start, policy.parameters.cycleYears.value));
}

/**
 * The canonical plan of a cycle (docs/cycle.md): the roster participants with no evaluation in the
 * cycle, sorted by `since` (absent first), category order, id, each given in turn the allowed
 * year (from `max(fromYear, since)` to the cycle's last) with the fewest planned so far, the
 * earliest on a tie. The same facts always give the same plan.
 *
 * @param args - `roster`, `evaluations`, `cycle` (as `cycleOf` returns it), optional `fromYear`
 *   (default the cycle's first year) and `lang`.
 * @returns `{ ok: true, plan: [{ year, participants }] }` with one entry per year from `fromYear`
 *   to the cycle's last, or `{ ok: false, problems: [{ participantId, reason }] }` naming every
 *   participant no year can take (`cycle-over`, `since-after-cycle`).
 * @throws {@link InputError} with every problem at once: an invalid roster, evaluation or cycle
 *   (`invalid-cycle`), or a `fromYear` before the cycle (`before-cycle`).
 * @example
 * ```ts
 * // roster: examples/roster/xuancheng-2022.json (the seven bodies of 附件1)
 * planCycle({ roster, evaluations: [], cycle: cycleOf(2022) });
 * //=> { ok: true, plan: [{ year: 2022, participants: ["zfzd", "gysyc", "yllhc"] },
 * //                      { year: 2023, participants: ["cgjdk", "hjwsc"] },
 * //                      { year: 2024, participants: ["csglk", "jdzhzx"] }] }
 * ```
 */
export function planCycle(args: PlanCycleArgs): PlanResult {
  args = optionsOf(args) as PlanCycleArgs;
  const lang = langOf(args.lang);
  const schema = z
    .strictObject({
      roster: RosterSchema,
      evaluations: EvaluationsSchema,
      cycle: CycleSchema,
      fromYear: z.optional(YearSchema),
    })
    .check(
      z.check((payload) => {
        const { cycle, fromYear } = payload.value;
        if (fromYear !== undefined && fromYear < cycle.firstYear) {
          (payload as Payload).issues.push({
            code: "custom",
            input: fromYear,
            path: ["fromYear"],
            params: { code: "before-cycle", firstYear: cycle.firstYear },
          });
        }
      }),
    );
  const input = { roster: args.roster, evaluations: args.evaluations, cycle: args.cycle, fromYear: args.fromYear };
  const parsed = schema.safeParse(input, parseOptions(lang));
  if (!parsed.success) fail(parsed.error.issues, lang);
  const { roster, evaluations, cycle, fromYear } = parsed.data;
  return planFor(roster, evaluations, cycle, fromYear ?? cycle.firstYear);
}
