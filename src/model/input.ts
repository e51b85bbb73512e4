/**
 * The input of one participant-year (SPEC §8) and its checks. Every object is strict: an unknown
 * key (a misspelt component, `__proto__`, `constructor`) is an input error.
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { toMicro, decimalsOf } from "../decimal.js";
import { LEVELS, type Level } from "./policy.js";
import { ParticipantSchema } from "./participant.js";
import { DateText, Id, Int, Num, RequiredText, Text, type NumInput } from "./values.js";

/** The first and last evaluation year an input may name. */
export const INPUT_YEARS = { min: 2000, max: 2098 } as const;

/** Veto grounds (`附件2-四`.1–5). */
export const GROUNDS = ["case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging", "other"] as const;
/** A veto ground. */
export type Ground = (typeof GROUNDS)[number];

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
        const outOf = round.outOf === undefined ? maxMicro : (toMicro(round.outOf) as number);
        if (round.outOf !== undefined && outOf === 0) {
          payload.issues.push({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: round.outOf, path: ["outOf"] });
        } else if ((toMicro(round.score) as number) > outOf) {
          custom(payload as Payload, "score-above-out-of", ["score"], { outOf: round.outOf ?? String(max) });
        }
      }),
    );
}

function roundsComponent(max: number) {
  return z.strictObject({ rounds: z.array(roundSchema(max)).check(uniqueIds()) });
}

function positiveWithDecimals(payload: Payload, value: NumInput, decimals: number, path: PropertyKey[]): boolean {
  const micro = toMicro(value) as number;
  if (micro === 0) {
    payload.issues.push({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: value, path });
    return false;
  }
  if (decimalsOf(micro) > decimals) {
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
      if ((toMicro(payload.value.score) as number) > 10_000_000) {
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
      recipient: z.enum(["participant", "section", "unit"]),
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
        if (c.recipient !== "unit") {
          if (c.awarded !== undefined) custom(p, "awarded-not-allowed", ["awarded"], { recipient: c.recipient });
          return;
        }
        if (c.awarded === undefined) {
          custom(p, "awarded-required", ["awarded"]);
          return;
        }
        if (!positiveWithDecimals(p, c.awarded, limits.decimals, ["awarded"])) return;
        const ceiling = limits.unitCeilingMicro[c.level];
        if ((toMicro(c.awarded) as number) > ceiling) {
          custom(p, "awarded-above-ceiling", ["awarded"], { ceilingMicro: ceiling });
        }
      }),
    );
}

const VetoSchema = z
  .strictObject({
    id: Id,
    ground: z.enum(GROUNDS),
    subject: z.enum(["participant", "staff"]),
    date: DateText,
    confirmed: z.boolean(),
    reference: z.optional(Text),
    reason: z.optional(Text),
  })
  .check(
    z.check((payload) => {
      const v = payload.value;
      if (v.ground === "other" && (v.reason === undefined || v.reason.trim() === "")) {
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
      complaints: z.optional(z.strictObject({ complaints: z.array(complaintSchema(limits)).check(uniqueIds()) })),
      serviceRecipients: z.optional(SurveyComponent),
      deputies: z.optional(SurveyComponent),
      countyCounterparts: z.optional(SurveyComponent),
      cityLeaders: z.optional(z.strictObject({ scores: z.array(LeaderScore) })),
    }),
    commendations: z.optional(z.array(commendationSchema(limits)).check(uniqueIds())),
    vetoes: z.optional(z.array(VetoSchema).check(uniqueIds())),
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
export type Round = ScoreInput["components"]["routineInspection"] extends infer C ? (C extends { rounds: (infer R)[] } ? R : never) : never;
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
