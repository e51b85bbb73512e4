/**
 * The input of one participant-year (SPEC §8) and its checks. Every object is strict: an unknown
 * key (a misspelt component, `__proto__`, `constructor`) is an input error.
 *
 * The rules that span several fields (`…Rule` below) are plain functions shared with the fast
 * path of `fast-input.ts`, which accepts a valid input without building zod issues; this schema
 * stays the authority, and reports every problem of an input the fast path does not accept.
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { toMicro, decimalsOf } from "../decimal.js";
import { LEVELS, type Level } from "./policy.js";
import { ParticipantSchema } from "./participant.js";
import { capIssues } from "./issue-cap.js";
import { DateText, Id, Int, Num, RequiredText, Text, type NumInput } from "./values.js";

/** The first and last evaluation year an input may name. */
export const INPUT_YEARS = { min: 2000, max: 2098 } as const;

/** Veto grounds (`附件2-四`.1–5). */
export const GROUNDS = ["case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging", "other"] as const;
/** A veto ground. */
export type Ground = (typeof GROUNDS)[number];
/**
 * Who a commendation was awarded to (SPEC §5).
 *
 * @example
 * ```ts
 * RECIPIENTS.includes("unit"); //=> true
 * ```
 */
export const RECIPIENTS = ["participant", "section", "unit"] as const;
/**
 * Whom a veto's finding concerns (SPEC §6).
 *
 * @example
 * ```ts
 * SUBJECTS; //=> ["participant", "staff"]
 * ```
 */
export const SUBJECTS = ["participant", "staff"] as const;

/** The limits an input is checked against that a policy sets. */
export interface InputLimits {
  /** The policy's decimals: deductions and awarded points may have at most this many. */
  readonly decimals: number;
  /** The most a unit commendation may award, in micro units, per level. */
  readonly unitCeilingMicro: Readonly<Record<Level, number>>;
}

type Payload = core.ParsePayload<unknown>;

function custom(payload: Payload, code: string, path: PropertyKey[], params: Record<string, unknown> = {}): void {
  payload.issues.push({ code: "custom", input: payload.value, path, params: { code, ...params } });
}

/** Flags every repeated id of a list (`duplicate-id` at `[index, "id"]`). */
function uniqueIds<T extends { readonly id?: string | undefined }>(): core.$ZodCheck<T[]> {
  return z.check<T[]>((payload) => {
    const seen = new Set<string>();
    const list = payload.value;
    for (let i = 0; i < list.length; i += 1) {
      const id = list[i]?.id;
      if (id === undefined) continue;
      if (seen.has(id)) custom(payload as Payload, "duplicate-id", [i, "id"], { id });
      else seen.add(id);
    }
  });
}

/**
 * What is wrong with a round beyond its values: an `outOf` of zero, or a score above `outOf`
 * (the component's max when absent). Micro units.
 *
 * @example
 * ```ts
 * roundRule(23_500_000, undefined, 25_000_000); //=> undefined
 * roundRule(26_000_000, undefined, 25_000_000); //=> "score-above-out-of"
 * ```
 */
export function roundRule(scoreMicro: number, outOfMicro: number | undefined, maxMicro: number): "out-of-zero" | "score-above-out-of" | undefined {
  if (outOfMicro === 0) return "out-of-zero";
  return scoreMicro > (outOfMicro ?? maxMicro) ? "score-above-out-of" : undefined;
}

/**
 * What is wrong with an amount that must be positive with at most `decimals` decimals (micro units).
 *
 * @example
 * ```ts
 * positiveAmountRule(500_000, 2); //=> undefined
 * positiveAmountRule(5, 2); //=> "too-many-decimals"
 * ```
 */
export function positiveAmountRule(micro: number, decimals: number): "zero" | "too-many-decimals" | undefined {
  if (micro === 0) return "zero";
  return decimalsOf(micro) > decimals ? "too-many-decimals" : undefined;
}

/**
 * The most a city leader's score may be, in micro units (the component's max, 10).
 *
 * @example
 * ```ts
 * LEADER_SCORE_MAX_MICRO / 1_000_000; //=> 10
 * ```
 */
export const LEADER_SCORE_MAX_MICRO = 10_000_000;

/**
 * What is wrong with a commendation's `awarded`: only a unit commendation carries it, positive,
 * with at most the policy's decimals, and at most the level's ceiling.
 *
 * @example
 * ```ts
 * awardedRule("unit", 300_000, "municipal", limits); //=> undefined (ceiling 0.5)
 * awardedRule("section", 300_000, "municipal", limits); //=> "awarded-not-allowed"
 * ```
 */
export function awardedRule(
  recipient: "participant" | "section" | "unit",
  awardedMicro: number | undefined,
  level: Level,
  limits: InputLimits,
): "awarded-not-allowed" | "awarded-required" | "zero" | "too-many-decimals" | "awarded-above-ceiling" | undefined {
  if (recipient !== "unit") return awardedMicro === undefined ? undefined : "awarded-not-allowed";
  if (awardedMicro === undefined) return "awarded-required";
  return positiveAmountRule(awardedMicro, limits.decimals) ?? (awardedMicro > limits.unitCeilingMicro[level] ? "awarded-above-ceiling" : undefined);
}

/**
 * Whether a veto lacks the `reason` its ground requires (`other`).
 *
 * @example
 * ```ts
 * vetoReasonMissing("other", " "); //=> true
 * vetoReasonMissing("case-filed", undefined); //=> false
 * ```
 */
export function vetoReasonMissing(ground: Ground, reason: string | undefined): boolean {
  return ground === "other" && (reason === undefined || reason.trim() === "");
}

function roundSchema(max: number) {
  const maxMicro = max * 1_000_000;
  return z
    .strictObject({
      id: z.optional(Id),
      date: DateText,
      score: Num,
      outOf: z.optional(Num),
      note: z.optional(Text),
    })
    .check(
      z.check((payload) => {
        const round = payload.value;
        const rule = roundRule(toMicro(round.score) as number, round.outOf === undefined ? undefined : toMicro(round.outOf), maxMicro);
        if (rule === "out-of-zero") {
          payload.issues.push({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: round.outOf, path: ["outOf"] });
        } else if (rule === "score-above-out-of") {
          custom(payload as Payload, "score-above-out-of", ["score"], { outOf: round.outOf ?? String(max) });
        }
      }),
    );
}

function roundsComponent(max: number) {
  return z.strictObject({ rounds: z.array(roundSchema(max)).check(uniqueIds(), capIssues()) });
}

function positiveWithDecimals(payload: Payload, value: NumInput, decimals: number, path: PropertyKey[]): boolean {
  const rule = positiveAmountRule(toMicro(value) as number, decimals);
  if (rule === "zero") {
    payload.issues.push({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: value, path });
    return false;
  }
  if (rule === "too-many-decimals") {
    custom(payload, "too-many-decimals", path, { decimals });
    return false;
  }
  return true;
}

const Ballots = z.strictObject({
  satisfied: Int,
  basicallySatisfied: Int,
  dissatisfied: Int,
  unknown: z.optional(Int),
});

const SurveyComponent = z.strictObject({ ballots: Ballots, date: z.optional(DateText) });

const LeaderScore = z
  .strictObject({ by: z.optional(Text), score: Num, date: z.optional(DateText) })
  .check(
    z.check((payload) => {
      if ((toMicro(payload.value.score) as number) > LEADER_SCORE_MAX_MICRO) {
        payload.issues.push({ code: "too_big", origin: "number", maximum: 10, inclusive: true, input: payload.value.score, path: ["score"] });
      }
    }),
  );

function complaintSchema(limits: InputLimits) {
  return z
    .strictObject({ id: Id, date: DateText, verified: z.boolean(), deduction: z.optional(Num) })
    .check(
      z.check((payload) => {
        const { deduction } = payload.value;
        if (deduction !== undefined) positiveWithDecimals(payload as Payload, deduction, limits.decimals, ["deduction"]);
      }),
    );
}

function commendationSchema(limits: InputLimits) {
  return z
    .strictObject({
      id: Id,
      matter: RequiredText,
      level: z.enum(LEVELS),
      recipient: z.enum(RECIPIENTS),
      documentNumber: Text,
      approved: z.boolean(),
      title: z.optional(Text),
      issuer: z.optional(Text),
      awarded: z.optional(Num),
    })
    .check(
      z.check((payload) => {
        const c = payload.value;
        const p = payload as Payload;
        switch (awardedRule(c.recipient, c.awarded === undefined ? undefined : toMicro(c.awarded), c.level, limits)) {
          case undefined:
            return;
          case "awarded-not-allowed":
            return custom(p, "awarded-not-allowed", ["awarded"], { recipient: c.recipient });
          case "awarded-required":
            return custom(p, "awarded-required", ["awarded"]);
          case "zero":
          case "too-many-decimals":
            positiveWithDecimals(p, c.awarded as NumInput, limits.decimals, ["awarded"]);
            return;
          case "awarded-above-ceiling":
            return custom(p, "awarded-above-ceiling", ["awarded"], { ceilingMicro: limits.unitCeilingMicro[c.level] });
        }
      }),
    );
}

const VetoSchema = z
  .strictObject({
    id: Id,
    ground: z.enum(GROUNDS),
    subject: z.enum(SUBJECTS),
    date: DateText,
    confirmed: z.boolean(),
    reference: z.optional(Text),
    reason: z.optional(Text),
  })
  .check(
    z.check((payload) => {
      const v = payload.value;
      if (vetoReasonMissing(v.ground, v.reason)) {
        custom(payload as Payload, "reason-required", ["reason"]);
      }
    }),
  );

/** Builds the input schema for the limits a policy sets. */
export function makeInputSchema(limits: InputLimits) {
  return z.strictObject({
    year: z.int().check(z.minimum(INPUT_YEARS.min), z.maximum(INPUT_YEARS.max)),
    participant: ParticipantSchema,
    components: z.strictObject({
      routineInspection: z.optional(roundsComponent(25)),
      specialInspection: z.optional(roundsComponent(5)),
      unannouncedVisit: z.optional(roundsComponent(10)),
      complaints: z.optional(z.strictObject({ complaints: z.array(complaintSchema(limits)).check(uniqueIds(), capIssues()) })),
      serviceRecipients: z.optional(SurveyComponent),
      deputies: z.optional(SurveyComponent),
      countyCounterparts: z.optional(SurveyComponent),
      cityLeaders: z.optional(z.strictObject({ scores: z.array(LeaderScore).check(capIssues()) })),
    }),
    commendations: z.optional(z.array(commendationSchema(limits)).check(uniqueIds(), capIssues())),
    vetoes: z.optional(z.array(VetoSchema).check(uniqueIds(), capIssues())),
  });
}

/** The input schema under the preset's limits (2 decimals, ceilings the level's points). */
export const ScoreInputSchema = makeInputSchema({
  decimals: 2,
  unitCeilingMicro: { municipal: 500_000, "provincial-department": 500_000, provincial: 3_000_000, national: 5_000_000 },
});

/** One participant-year as `score()` reads it, after validation. */
export type ScoreInput = z.output<typeof ScoreInputSchema>;
/** The JSON shape of an input (what a caller writes). */
export type ScoreInputJson = z.input<typeof ScoreInputSchema>;
/** One inspection round. */
export type Round = NonNullable<ScoreInput["components"]["routineInspection"]>["rounds"][number];
/** One complaint. */
export type Complaint = NonNullable<ScoreInput["components"]["complaints"]>["complaints"][number];
/** One survey: ballots and an optional date. */
export type Survey = NonNullable<ScoreInput["components"]["serviceRecipients"]>;
/** One city leader's score. */
export type LeaderScoreRecord = NonNullable<ScoreInput["components"]["cityLeaders"]>["scores"][number];
/** One commendation (SPEC §5). */
export type Commendation = NonNullable<ScoreInput["commendations"]>[number];
/** One veto (SPEC §6). */
export type Veto = NonNullable<ScoreInput["vetoes"]>[number];
/** The components of an input. */
export type ComponentsInput = ScoreInput["components"];
