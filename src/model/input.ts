/**
 * The input of one participant-year (docs/formats.md), declared once per object (`declare.ts`): each
 * object's keys, which are optional, their value rules and the rules across its fields. The zod
 * schema (the authority, which reports every problem with its path) and the fast reader (which
 * accepts a valid input without building issues) are both derived from these declarations.
 * Every object is strict: an unknown key (a misspelt component, `__proto__`, `constructor`) is an
 * input error. Decimal values read as exact micro units.
 */
import * as z from "zod/mini";
import { MICRO, microText } from "../decimal.js";
import { COMPONENTS, type ComponentDefinition, type ComponentId, type MethodOf } from "./components.js";
import { NO, filled, list, object, optional, record, type No, type Value } from "./declare.js";
import { ParticipantValue } from "./participant.js";
import { LEVELS, type Level } from "./policy.js";
import {
  amountValue,
  BooleanValue,
  DateValue,
  enumValue,
  IdValue,
  intValue,
  IntValue,
  NumValue,
  numAtMost,
  RequiredTextValue,
  TextValue,
} from "./values.js";

/** The first and last evaluation year an input may name. */
export const INPUT_YEARS = { min: 2000, max: 2098 } as const;

/** Veto grounds (`附件2-四`.1–5). */
export const GROUNDS = ["case-filed", "disciplinary-sanction", "media-exposure", "vote-rigging", "other"] as const;
/** A veto ground. */
export type Ground = (typeof GROUNDS)[number];
/**
 * Who a commendation was awarded to (docs/how-a-score-is-built.md).
 *
 * @example
 * ```ts
 * RECIPIENTS.includes("unit"); //=> true
 * ```
 */
export const RECIPIENTS = ["participant", "section", "unit"] as const;
/**
 * Whom a veto's finding concerns (docs/how-a-score-is-built.md).
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
  /** The rater groups the policy weighs, per survey component (docs/ballots.md); none: pooled. */
  readonly groupWeights?: Readonly<Partial<Record<ComponentId, Readonly<Record<string, unknown>>>>> | null | undefined;
}

/** A round's `outOf`: a positive `Num`. */
const OutOfValue = amountValue(6);

/** One inspection round of a component with full marks `max`; `score` at most `outOf` (or `max`). */
function roundValue(max: number) {
  const maxMicro = max * MICRO;
  return object({ id: optional(IdValue), date: DateValue, score: NumValue, outOf: optional(OutOfValue), note: optional(TextValue) }, [
    {
      reads: ["score", "outOf"],
      test: (r) => {
        const outOf = r.outOf ?? maxMicro;
        return r.score > outOf
          ? { at: "score", code: "score-above-out-of", params: { score: microText(r.score), outOf: microText(outOf) }, value: microText(r.score) }
          : undefined;
      },
    },
  ]);
}

const roundsValue = (max: number) => object({ rounds: list(roundValue(max), { uniqueId: true }) });

const complaintsValue = (decimals: number) =>
  object({
    complaints: list(object({ id: IdValue, date: DateValue, verified: BooleanValue, deduction: optional(amountValue(decimals)) }), { uniqueId: true }),
  });

const BallotsValue = object({ satisfied: IntValue, basicallySatisfied: IntValue, dissatisfied: IntValue, unknown: optional(IntValue) });

/** The count fields of a survey, in the order a mismatch is looked for. */
const COUNT_FIELDS = ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"] as const;

/**
 * A survey (docs/how-a-score-is-built.md, docs/ballots.md): its counts, its date, and optionally the counts per rater group, which
 * must add up to the counts field by field (`groups-mismatch`); under a policy that weighs the
 * component's groups, every group must be one it names (`unknown-group`).
 */
function surveyValue(component: ComponentId, weighted: readonly string[] | undefined) {
  type Counts = { readonly satisfied: number; readonly basicallySatisfied: number; readonly dissatisfied: number; readonly unknown?: number | undefined };
  return object({ ballots: BallotsValue, date: optional(DateValue), groups: optional(record(IdValue, BallotsValue)) }, [
    {
      reads: ["ballots", "groups"],
      test: (r) => {
        if (r.groups === undefined) return undefined;
        const groups = Object.values(r.groups as Readonly<Record<string, Counts>>);
        const ballots = r.ballots as Counts;
        for (const field of COUNT_FIELDS) {
          let sum = 0;
          for (const g of groups) sum += g[field] ?? 0;
          const own = ballots[field] ?? 0;
          if (sum !== own) return { at: "groups", code: "groups-mismatch", params: { field, ballots: own, sum } };
        }
        return undefined;
      },
    },
    {
      reads: ["groups"],
      test: (r) => {
        if (r.groups === undefined || weighted === undefined) return undefined;
        const group = Object.keys(r.groups).find((name) => !weighted.includes(name));
        return group === undefined ? undefined : { at: "groups", under: [group], code: "unknown-group", params: { group, component, groups: weighted } };
      },
    },
  ]);
}

/** A survey under the preset (groups pooled). */
const SurveyValue = surveyValue("serviceRecipients", undefined);

/** The most a city leader's score may be: the component's max, 10. */
const LEADER_MAX = (COMPONENTS.find((c) => c.id === "cityLeaders") as ComponentDefinition).max;

const LeadersValue = object({
  scores: list(object({ by: optional(TextValue), score: numAtMost(LEADER_MAX) as Value<typeof NumValue.schema>, date: optional(DateValue) })),
});

function commendationValue(limits: InputLimits) {
  return object(
    {
      id: IdValue,
      matter: RequiredTextValue,
      level: enumValue(LEVELS),
      recipient: enumValue(RECIPIENTS),
      documentNumber: TextValue,
      approved: BooleanValue,
      title: optional(TextValue),
      issuer: optional(TextValue),
      awarded: optional(amountValue(limits.decimals)),
    },
    [
      {
        reads: ["recipient", "awarded"],
        test: (c) => {
          if (c.recipient !== "unit") {
            return c.awarded === undefined ? undefined : { at: "awarded", code: "awarded-not-allowed", params: { recipient: c.recipient }, value: microText(c.awarded) };
          }
          return c.awarded === undefined ? { at: "awarded", code: "awarded-required" } : undefined;
        },
      },
      {
        reads: ["recipient", "level", "awarded"],
        test: (c) => {
          const ceiling = limits.unitCeilingMicro[c.level];
          return c.recipient === "unit" && c.awarded !== undefined && c.awarded > ceiling
            ? { at: "awarded", code: "awarded-above-ceiling", params: { level: c.level, ceiling: microText(ceiling) }, value: microText(c.awarded) }
            : undefined;
        },
      },
    ],
  );
}

const VetoValue = object(
  {
    id: IdValue,
    ground: enumValue(GROUNDS),
    subject: enumValue(SUBJECTS),
    date: DateValue,
    confirmed: BooleanValue,
    reference: optional(TextValue),
    reason: optional(TextValue),
  },
  [
    {
      reads: ["ground", "reason"],
      test: (v) => (v.ground === "other" && (v.reason === undefined || v.reason.trim() === "") ? { at: "reason", code: "reason-required" } : undefined),
    },
  ],
);

type ComponentValues = {
  readonly [K in ComponentId]: MethodOf<K> extends "rounds"
    ? ReturnType<typeof roundsValue>
    : MethodOf<K> extends "complaints"
      ? ReturnType<typeof complaintsValue>
      : MethodOf<K> extends "survey"
        ? typeof SurveyValue
        : typeof LeadersValue;
};

/** Each component's value rule, by its method, from the one component list. */
function componentValues(limits: InputLimits): { readonly [K in ComponentId]: Value<z.ZodMiniOptional<ComponentValues[K]["schema"]>> } {
  const decimals = limits.decimals;
  const byMethod = (def: ComponentDefinition): Value => {
    switch (def.method) {
      case "rounds":
        return roundsValue(def.max);
      case "complaints":
        return complaintsValue(decimals);
      case "survey": {
        const weights = limits.groupWeights?.[def.id];
        return weights === undefined ? SurveyValue : surveyValue(def.id, Object.keys(weights));
      }
      case "scores":
        return LeadersValue;
    }
  };
  return Object.fromEntries(COMPONENTS.map((def) => [def.id, optional(byMethod(def))])) as never;
}

/**
 * The declaration of a whole input under the limits a policy sets: its zod schema and its fast
 * reader.
 *
 * @param limits - The policy's decimals and unit ceilings.
 * @returns The input's value rule: `schema` (zod) and `read` (the fast path).
 * @example
 * ```ts
 * const input = inputValue({ decimals: 2, unitCeilingMicro });
 * const data = input.read(json); // the validated input, or NO: then input.schema.safeParse(json)
 * ```
 */
export function inputValue(limits: InputLimits) {
  const input = object({
    year: intValue(INPUT_YEARS.min, INPUT_YEARS.max),
    participant: ParticipantValue,
    components: object(componentValues(limits)),
    commendations: optional(list(commendationValue(limits), { uniqueId: true })),
    vetoes: optional(list(VetoValue, { uniqueId: true })),
  });
  // The schema's data with every declared key present, as the fast reader writes it.
  const schema = z.pipe(input.schema, z.transform((data: z.output<typeof input.schema>) => filled(input, data)));
  return { ...input, schema };
}

/** The value rule of an input (its schema and fast reader), as {@link inputValue} builds it. */
export type InputValue = ReturnType<typeof inputValue>;

/** The limits of the preset: 2 decimals, unit ceilings the level's points. */
const PRESET_LIMITS: InputLimits = {
  decimals: 2,
  unitCeilingMicro: { municipal: 500_000, "provincial-department": 500_000, provincial: 3_000_000, national: 5_000_000 },
};

/** The declaration of an input under the preset's limits (its JSON Schema is written from it). */
export const ScoreInputValue = inputValue(PRESET_LIMITS);

/** The input schema under the preset's limits (2 decimals, ceilings the level's points). */
export const ScoreInputSchema = ScoreInputValue.schema;

/** One participant-year as `score()` reads it, after validation: decimals as micro units. */
export type ScoreInput = z.output<typeof ScoreInputSchema>;
/** The JSON shape of an input (what a caller writes). */
export type ScoreInputJson = z.input<typeof ScoreInputSchema>;
/** One inspection round. */
export type Round = NonNullable<ScoreInput["components"]["routineInspection"]>["rounds"][number];
/** One complaint. */
export type Complaint = NonNullable<ScoreInput["components"]["complaints"]>["complaints"][number];
/** One survey: ballots, an optional date and optional counts per rater group. */
export type Survey = NonNullable<ScoreInput["components"]["serviceRecipients"]>;
/** One city leader's score. */
export type LeaderScoreRecord = NonNullable<ScoreInput["components"]["cityLeaders"]>["scores"][number];
/** One commendation (docs/how-a-score-is-built.md). */
export type Commendation = NonNullable<ScoreInput["commendations"]>[number];
/** One veto (docs/how-a-score-is-built.md). */
export type Veto = NonNullable<ScoreInput["vetoes"]>[number];
/** The components of an input. */
export type ComponentsInput = ScoreInput["components"];

/**
 * The fast path of an input's validation: the validated input, or `undefined` when the reader
 * declines (then the schema decides and reports).
 *
 * @example
 * ```ts
 * readInput(inputValue(limits), json) ?? inputValue(limits).schema.safeParse(json);
 * ```
 */
export function readInput(input: InputValue, raw: unknown): ScoreInput | undefined {
  const read: unknown = input.read(raw);
  return read === NO ? undefined : (read as Exclude<typeof read, No> as ScoreInput);
}
