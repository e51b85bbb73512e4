/**
 * The shape of a tally (docs/ballots.md): per participant the survey input the ballots make, and the
 * ballots that did not count and why; per box the numbers returned and counted, the repeated
 * raters, the ballots too fast, and the assumptions the tally rests on. Plain data.
 */
import * as z from "zod/mini";
import { ASSUMPTIONS, SURVEY_COMPONENTS } from "./policy.js";

const count = () => z.int().check(z.minimum(0));
const ids = () => z.array(z.string());

/** Counts of the four answers (docs/how-a-score-is-built.md `ballots`), `unknown` always present. */
export const CountsSchema = /* @__PURE__ */ (() => z.object({ satisfied: count(), basicallySatisfied: count(), dissatisfied: count(), unknown: count() }))();
/** Counts of the four answers. */
export type Counts = z.output<typeof CountsSchema>;

/** One participant's tally: the survey input and the ballots blank, invalid or set aside for them. */
export const ParticipantTallySchema = /* @__PURE__ */ (() =>
  z.object({
  participantId: z.string(),
  component: z.enum(SURVEY_COMPONENTS),
  date: z.string(),
  survey: z.object({ ballots: CountsSchema, date: z.string(), groups: z.optional(z.record(z.string(), CountsSchema)) }),
  blank: ids(),
  invalid: ids(),
  notCounted: ids(),
  }))();
/** One participant's tally. */
export type ParticipantTally = z.output<typeof ParticipantTallySchema>;

/** The tally of one box (docs/ballots.md). */
export const TallyResultSchema = /* @__PURE__ */ (() =>
  z.object({
  box: z.object({
    year: z.int(),
    component: z.enum(SURVEY_COMPONENTS),
    date: z.string(),
    issued: z.nullable(count()),
    returned: count(),
    counted: count(),
  }),
  participants: z.array(ParticipantTallySchema),
  repeatedRaters: z.array(z.object({ rater: z.string(), ballots: ids() })),
  tooFast: ids(),
  assumptions: z.array(z.enum(ASSUMPTIONS)),
  }))();
/** The tally of one box. */
export type TallyResult = z.output<typeof TallyResultSchema>;
