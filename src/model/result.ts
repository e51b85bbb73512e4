/**
 * The result of scoring one participant-year (docs/formats.md): plain data, fixed-point strings, no prose.
 * Object keys appear in the order the schemas list them.
 */
import * as z from "zod/mini";
import { COMPONENT_IDS } from "./components.js";
import { GROUNDS } from "./input.js";
import { ParticipantSchema } from "./participant.js";
import { capIssues } from "./issue-cap.js";
import { ASSUMPTIONS, LEVELS, TIERS } from "./policy.js";

const Decimal = /* @__PURE__ */ (() => z.string())();
const ComponentIdSchema = /* @__PURE__ */ (() => z.enum(COMPONENT_IDS))();

/** The window a component counted records in. */
const WindowStep = /* @__PURE__ */ (() => z.object({ op: z.literal("window"), from: z.string(), to: z.string() }))();
/** rounds: `max × (Σ score/outOf) / n`. */
const MeanOfFractionsStep = /* @__PURE__ */ (() => z.object({
  op: z.literal("mean-of-fractions"),
  max: Decimal,
  terms: z.array(z.string()).check(capIssues()),
  value: Decimal,
}))();
/** rounds under `roundAggregation: "pooled"`: `max × Σ score / Σ outOf`. */
const PooledFractionStep = /* @__PURE__ */ (() => z.object({
  op: z.literal("pooled-fraction"),
  scores: z.array(Decimal).check(capIssues()),
  outOf: z.array(Decimal).check(capIssues()),
  value: Decimal,
}))();
/** complaints: `max(0, max − Σ deductions)`; `complaints` names each deduction's complaint and source. */
const DeductStep = /* @__PURE__ */ (() => z.object({
  op: z.literal("deduct"),
  max: Decimal,
  deductions: z.array(Decimal).check(capIssues()),
  complaints: z.array(z.object({ id: z.string(), deduction: Decimal, source: z.enum(["complaint", "policy"]) })).check(capIssues()),
  unverified: z.number(),
  value: Decimal,
}))();
/** survey: `max × (s·w_s + b·w_b + d·w_d) / (s + b + d)`. */
const WeightedBallotsStep = /* @__PURE__ */ (() => z.object({
  op: z.literal("weighted-ballots"),
  max: Decimal,
  satisfied: Decimal,
  basicallySatisfied: Decimal,
  dissatisfied: Decimal,
  unknown: Decimal,
  weights: z.object({ satisfied: Decimal, basicallySatisfied: Decimal, dissatisfied: Decimal }),
  value: Decimal,
}))();
/** survey under `groupWeights` (docs/ballots.md): each group's weight and fraction, and the value. */
const GroupWeightedStep = /* @__PURE__ */ (() => z.object({
  op: z.literal("group-weighted"),
  groups: z.array(z.object({ group: z.string(), weight: Decimal, fraction: Decimal })).check(capIssues()),
  value: Decimal,
}))();
/** scores: the mean of the counted scores. */
const MeanStep = /* @__PURE__ */ (() => z.object({ op: z.literal("mean"), terms: z.array(Decimal).check(capIssues()), value: Decimal }))();
/** The one rounding of a component: half-up to the policy's decimals. */
const RoundStep = /* @__PURE__ */ (() => z.object({ op: z.literal("round-half-up"), from: Decimal, to: Decimal }))();
/** A missing component scored zero (only with `allowIncomplete`). */
const MissingStep = /* @__PURE__ */ (() => z.object({ op: z.literal("missing") }))();

/** One step of a component's computation, with the numbers it used as strings. */
export const TraceStepSchema = /* @__PURE__ */ (() => z.discriminatedUnion("op", [
  WindowStep,
  MeanOfFractionsStep,
  PooledFractionStep,
  DeductStep,
  WeightedBallotsStep,
  GroupWeightedStep,
  MeanStep,
  RoundStep,
  MissingStep,
]))();
/** One step of a component's trace. */
export type TraceStep = z.output<typeof TraceStepSchema>;

/** One scored component. */
export const ComponentResultSchema = /* @__PURE__ */ (() => z.object({
  id: ComponentIdSchema,
  label: z.string(),
  group: z.enum(["daily", "comprehensive"]),
  clause: z.string(),
  max: Decimal,
  points: Decimal,
  missing: z.optional(z.literal(true)),
  counted: z.number(),
  excluded: z.number(),
  trace: z.array(TraceStepSchema).check(capIssues()),
}))();
/** One scored component. */
export type ComponentResult = z.output<typeof ComponentResultSchema>;

/** Why a commendation did not count (docs/how-a-score-is-built.md). */
export const EXCLUSION_REASONS = ["not-approved", "invalid-document-number", "wrong-year", "superseded"] as const;
/** Why a commendation did not count. */
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * Why a document number may be refused (docs/how-a-score-is-built.md).
 *
 * @example
 * ```ts
 * DOCUMENT_NUMBER_ERRORS.includes("zero-serial"); //=> true
 * ```
 */
export const DOCUMENT_NUMBER_ERRORS = ["unrecognized", "year-out-of-range", "zero-serial", "serial-too-large"] as const;
/** Why a document number was refused. */
export type DocumentNumberError = (typeof DOCUMENT_NUMBER_ERRORS)[number];

/** The bonus: counted and excluded commendations. */
export const BonusResultSchema = /* @__PURE__ */ (() => z.object({
  points: Decimal,
  counted: z.array(
    z.object({
      id: z.string(),
      matter: z.string(),
      level: z.enum(LEVELS),
      recipient: z.enum(["participant", "section", "unit"]),
      points: Decimal,
    }),
  ).check(capIssues()),
  excluded: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(EXCLUSION_REASONS),
      by: z.optional(z.string()),
      /** As written, for `invalid-document-number` and `wrong-year`. */
      documentNumber: z.optional(z.string()),
      /** The year the number carries, for `wrong-year`. */
      documentYear: z.optional(z.number()),
      /** Why the number was refused, for `invalid-document-number`. */
      documentNumberError: z.optional(z.enum(DOCUMENT_NUMBER_ERRORS)),
    }),
  ).check(capIssues()),
}))();
/** The bonus part of a result. */
export type BonusResult = z.output<typeof BonusResultSchema>;

/** What happened to one veto. */
export const VetoResultSchema = /* @__PURE__ */ (() => z.object({
  id: z.string(),
  ground: z.enum(GROUNDS),
  status: z.enum(["counted", "pending", "outside-period"]),
}))();
/** What happened to one veto. */
export type VetoResult = z.output<typeof VetoResultSchema>;

const OutsideWindow = /* @__PURE__ */ (() => z.object({
  code: z.literal("outside-window"),
  component: ComponentIdSchema,
  id: z.optional(z.string()),
  date: z.string(),
}))();
const TooFewRounds = /* @__PURE__ */ (() => z.object({
  code: z.literal("too-few-rounds"),
  component: ComponentIdSchema,
  counted: z.number(),
  minimum: z.number(),
}))();
const MissingComponent = /* @__PURE__ */ (() => z.object({ code: z.literal("missing-component"), component: ComponentIdSchema }))();
const NonstandardDocumentNumber = /* @__PURE__ */ (() => z.object({
  code: z.literal("nonstandard-document-number"),
  id: z.string(),
  documentNumber: z.string(),
  normalized: z.string(),
}))();
const BonusCapped = /* @__PURE__ */ (() => z.object({ code: z.literal("bonus-capped"), uncapped: Decimal, cap: Decimal }))();
const PendingVeto = /* @__PURE__ */ (() => z.object({ code: z.literal("pending-veto"), id: z.string() }))();
/** A rater group the policy weighs had no vote: left out, the other weights renormalised (docs/ballots.md). */
const GroupMissing = /* @__PURE__ */ (() => z.object({ code: z.literal("group-missing"), component: ComponentIdSchema, group: z.string() }))();
const VetoOutsidePeriod = /* @__PURE__ */ (() => z.object({ code: z.literal("veto-outside-period"), id: z.string(), date: z.string() }))();

/** A fact about the computation a reader should know (docs/formats.md). */
export const FindingSchema = /* @__PURE__ */ (() => z.discriminatedUnion("code", [
  OutsideWindow,
  TooFewRounds,
  MissingComponent,
  NonstandardDocumentNumber,
  BonusCapped,
  PendingVeto,
  VetoOutsidePeriod,
  GroupMissing,
]))();
/** A finding. */
export type Finding = z.output<typeof FindingSchema>;
/** A finding code. */
export type FindingCode = Finding["code"];

/** The result of `score()`. */
export const ScoreResultSchema = /* @__PURE__ */ (() => z.object({
  year: z.number(),
  participant: ParticipantSchema,
  policy: z.object({ id: z.string() }),
  status: z.enum(["final", "provisional"]),
  vetoed: z.boolean(),
  tier: z.nullable(z.enum(TIERS)),
  daily: Decimal,
  comprehensive: Decimal,
  base: Decimal,
  bonus: BonusResultSchema,
  total: Decimal,
  components: z.array(ComponentResultSchema).check(capIssues()),
  vetoes: z.array(VetoResultSchema).check(capIssues()),
  findings: z.array(FindingSchema).check(capIssues()),
  assumptions: z.array(z.enum(ASSUMPTIONS)).check(capIssues()),
}))();
/** The result of scoring one participant-year. */
export type ScoreResult = z.output<typeof ScoreResultSchema>;
