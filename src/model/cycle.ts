/**
 * The three-year cycle (`二`: 按照三年一个周期,进行全覆盖考评), its coverage report and its plan
 * (docs/cycle.md). Object keys appear in the order the schemas list them.
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { YearSchema } from "./roster.js";

/** The longest cycle `planCycle` accepts, in years. */
export const MAX_CYCLE_YEARS = 100;

/**
 * A cycle: its index from 0 and its first and last year, inclusive (`invalid-cycle` when the last
 * year is before the first or 100 or more years after it).
 *
 * @example
 * ```ts
 * CycleSchema.parse({ index: 0, firstYear: 2022, lastYear: 2024 }); //=> { index: 0, firstYear: 2022, lastYear: 2024 }
 * ```
 */
export const CycleSchema = z
  .strictObject({
    index: z.int().check(z.minimum(0)),
    firstYear: YearSchema,
    lastYear: z.int(),
  })
  .check(
    z.check((payload) => {
      const { firstYear, lastYear } = payload.value;
      if (lastYear < firstYear || lastYear - firstYear >= MAX_CYCLE_YEARS) {
        (payload as core.ParsePayload<unknown>).issues.push({
          code: "custom",
          input: lastYear,
          path: ["lastYear"],
          params: { code: "invalid-cycle" },
        });
      }
    }),
  );
/** A cycle, as `cycleOf` returns it: `{ index: 0, firstYear: 2022, lastYear: 2024 }`. */
export type Cycle = z.output<typeof CycleSchema>;

/** One roster participant's coverage: the distinct years it was evaluated, ascending. */
export const ParticipantCoverageSchema = z.object({
  id: z.string(),
  years: z.array(z.int()),
  covered: z.boolean(),
});
/** One roster participant's coverage. */
export type ParticipantCoverage = z.output<typeof ParticipantCoverageSchema>;

/** Evaluations of an id that is not on the roster; `years` has one entry per evaluation. */
const UnknownParticipant = z.object({
  code: z.literal("unknown-participant"),
  participantId: z.string(),
  years: z.array(z.int()),
});
/** More than one evaluation of one participant in the cycle; `years` has one entry per evaluation. */
const Repeated = z.object({ code: z.literal("repeated"), participantId: z.string(), years: z.array(z.int()) });

/**
 * A fact about the evaluations a reader should know; neither is an error.
 *
 * @example
 * ```ts
 * CoverageFindingSchema.parse({ code: "repeated", participantId: "zfzd", years: [2022, 2023] }).code; //=> "repeated"
 * ```
 */
export const CoverageFindingSchema = z.discriminatedUnion("code", [Repeated, UnknownParticipant]);
/** A coverage finding. */
export type CoverageFinding = z.output<typeof CoverageFindingSchema>;
/** A coverage finding code. */
export type CoverageFindingCode = CoverageFinding["code"];

/**
 * What `checkCoverage` returns.
 *
 * @example
 * ```ts
 * CoverageReportSchema.safeParse(checkCoverage({ roster, evaluations, year: 2023 })).success; //=> true
 * ```
 */
export const CoverageReportSchema = z.object({
  cycle: CycleSchema,
  participants: z.array(ParticipantCoverageSchema),
  uncovered: z.array(z.string()),
  violations: z.array(z.string()),
  findings: z.array(CoverageFindingSchema),
});
/** The coverage of a cycle as it stands at the end of a year. */
export type CoverageReport = z.output<typeof CoverageReportSchema>;

/** Why a participant cannot be planned. */
export const PLAN_PROBLEM_REASONS = ["cycle-over", "since-after-cycle"] as const;
/** Why a participant cannot be planned: the cycle is over, or it is eligible only after it. */
export type PlanProblemReason = (typeof PLAN_PROBLEM_REASONS)[number];

/** One year of a plan: the participants to evaluate that year, in assignment order. */
export const PlanYearSchema = z.object({ year: z.int(), participants: z.array(z.string()) });
/** One year of a plan. */
export type PlanYear = z.output<typeof PlanYearSchema>;

/** A participant no remaining year of the cycle can take. */
export const PlanProblemSchema = z.object({ participantId: z.string(), reason: z.enum(PLAN_PROBLEM_REASONS) });
/** A participant that cannot be planned, and why. */
export type PlanProblem = z.output<typeof PlanProblemSchema>;

/**
 * What `planCycle` returns: the plan, or every participant that makes it impossible.
 *
 * @example
 * ```ts
 * PlanResultSchema.parse({ ok: false, problems: [{ participantId: "new", reason: "since-after-cycle" }] }).ok; //=> false
 * ```
 */
export const PlanResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), plan: z.array(PlanYearSchema) }),
  z.object({ ok: z.literal(false), problems: z.array(PlanProblemSchema) }),
]);
/** The canonical plan of a cycle, or why there is none. */
export type PlanResult = z.output<typeof PlanResultSchema>;
