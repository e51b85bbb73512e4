/**
 * The fast path of input validation: a hand-written reading of the input schema that accepts a
 * valid participant-year and returns the same data zod would, without zod's per-node payloads
 * and issue machinery (which cost three to four times a `JSON.parse` of the input).
 *
 * It only ever *accepts*: it returns `undefined` at the first thing it does not like, and the zod
 * schema of `input.ts` then decides and reports every problem. So it must never accept what the
 * schema refuses; it may refuse what the schema accepts (a string longer than its limit in
 * UTF-16 units but not in code points, an input with an inherited property), at the cost of
 * speed only. The value rules and the cross-field rules are the ones the schema uses
 * (`values.ts`, the `…Rule` functions of `input.ts`); `test/model/fast-input.prop.test.ts`
 * checks the two agree on generated and mutated inputs. Change both together.
 *
 * Like zod, it builds fresh objects, so scoring never reads the caller's objects twice.
 *
 * @internal
 */
import { MICRO, toMicro } from "../decimal.js";
import {
  GROUNDS,
  INPUT_YEARS,
  LEADER_SCORE_MAX_MICRO,
  awardedRule,
  positiveAmountRule,
  RECIPIENTS,
  roundRule,
  SUBJECTS,
  vetoReasonMissing,
  type Commendation,
  type Complaint,
  type ComponentsInput,
  type Ground,
  type InputLimits,
  type LeaderScoreRecord,
  type Round,
  type ScoreInput,
  type Survey,
  type Veto,
} from "./input.js";
import { CATEGORIES, type Participant } from "./participant.js";
import { LEVELS, type Level } from "./policy.js";
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, isDateText, isInt, isNum, isString } from "./values.js";

/** A parsed value, or `undefined` when the fast path declines. */
type Fast<T> = T | undefined;

type Rec = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether every key `for…in` yields (as zod's strict check reads them) is one of `allowed`. */
function onlyKeys(value: Rec, allowed: readonly string[]): boolean {
  for (const key in value) if (!allowed.includes(key)) return false;
  return true;
}

const isId = (value: unknown): value is string => isString(value, 1, MAX_ID_LENGTH);
const isText = (value: unknown): value is string => isString(value, 0, MAX_TEXT_LENGTH);
const isRequiredText = (value: unknown): value is string => isString(value, 1, MAX_TEXT_LENGTH);
const optional = <T>(value: unknown, check: (v: unknown) => v is T): value is T | undefined => value === undefined || check(value);

/** Whether two items of a list share an id (items without an id are not compared). */
function hasDuplicateIds(list: readonly { readonly id?: string | undefined }[]): boolean {
  const n = list.length;
  if (n < 2) return false;
  if (n <= 16) {
    for (let i = 1; i < n; i += 1) {
      const id = (list[i] as { readonly id?: string | undefined }).id;
      if (id === undefined) continue;
      for (let j = 0; j < i; j += 1) if ((list[j] as { readonly id?: string | undefined }).id === id) return true;
    }
    return false;
  }
  const seen = new Set<string>();
  for (const item of list) {
    if (item.id === undefined) continue;
    if (seen.has(item.id)) return true;
    seen.add(item.id);
  }
  return false;
}

/** Reads a list with `item`; `undefined` when it is not an array or any item is declined. */
function list<T, A>(value: unknown, item: (v: unknown, arg: A) => Fast<T>, arg: A): Fast<T[]> {
  if (!Array.isArray(value)) return undefined;
  const n = value.length;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i += 1) {
    const parsed = item(value[i], arg);
    if (parsed === undefined) return undefined;
    out[i] = parsed;
  }
  return out;
}

const PARTICIPANT_KEYS = ["id", "name", "unit", "category"];
const CATEGORY_VALUES: readonly unknown[] = CATEGORIES;

function participant(value: unknown): Fast<Participant> {
  if (!isRecord(value) || !onlyKeys(value, PARTICIPANT_KEYS)) return undefined;
  const { id, name, unit, category } = value;
  if (!isId(id) || !isRequiredText(name) || !optional(unit, isText) || !CATEGORY_VALUES.includes(category)) return undefined;
  return { id, name, unit, category: category as Participant["category"] };
}

const ROUND_KEYS = ["id", "date", "score", "outOf", "note"];
const ROUNDS_KEYS = ["rounds"];

function round(v: unknown, maxMicro: number): Fast<Round> {
  if (!isRecord(v) || !onlyKeys(v, ROUND_KEYS)) return undefined;
  const { id, date, score, outOf, note } = v;
  if (!optional(id, isId) || !isDateText(date) || !isNum(score) || !optional(outOf, isNum) || !optional(note, isText)) return undefined;
  if (roundRule(toMicro(score) as number, outOf === undefined ? undefined : toMicro(outOf), maxMicro) !== undefined) return undefined;
  return { id, date, score, outOf, note };
}

function rounds(value: unknown, maxMicro: number): Fast<{ rounds: Round[] }> {
  if (!isRecord(value) || !onlyKeys(value, ROUNDS_KEYS)) return undefined;
  const parsed = list(value["rounds"], round, maxMicro);
  return parsed === undefined || hasDuplicateIds(parsed) ? undefined : { rounds: parsed };
}

const COMPLAINT_KEYS = ["id", "date", "verified", "deduction"];
const COMPLAINTS_KEYS = ["complaints"];

function complaint(v: unknown, decimals: number): Fast<Complaint> {
  if (!isRecord(v) || !onlyKeys(v, COMPLAINT_KEYS)) return undefined;
  const { id, date, verified, deduction } = v;
  if (!isId(id) || !isDateText(date) || typeof verified !== "boolean" || !optional(deduction, isNum)) return undefined;
  if (deduction !== undefined && positiveAmountRule(toMicro(deduction) as number, decimals) !== undefined) return undefined;
  return { id, date, verified, deduction };
}

function complaints(value: unknown, decimals: number): Fast<{ complaints: Complaint[] }> {
  if (!isRecord(value) || !onlyKeys(value, COMPLAINTS_KEYS)) return undefined;
  const parsed = list(value["complaints"], complaint, decimals);
  return parsed === undefined || hasDuplicateIds(parsed) ? undefined : { complaints: parsed };
}

const SURVEY_KEYS = ["ballots", "date"];
const BALLOT_KEYS = ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"];

function survey(value: unknown): Fast<Survey> {
  if (!isRecord(value) || !onlyKeys(value, SURVEY_KEYS)) return undefined;
  const { ballots, date } = value;
  if (!isRecord(ballots) || !onlyKeys(ballots, BALLOT_KEYS) || !optional(date, isDateText)) return undefined;
  const { satisfied, basicallySatisfied, dissatisfied, unknown } = ballots;
  if (!isInt(satisfied) || !isInt(basicallySatisfied) || !isInt(dissatisfied) || !optional(unknown, isInt)) return undefined;
  return { ballots: { satisfied, basicallySatisfied, dissatisfied, unknown }, date };
}

const LEADER_KEYS = ["by", "score", "date"];
const LEADERS_KEYS = ["scores"];

function leader(v: unknown): Fast<LeaderScoreRecord> {
  if (!isRecord(v) || !onlyKeys(v, LEADER_KEYS)) return undefined;
  const { by, score, date } = v;
  if (!optional(by, isText) || !isNum(score) || !optional(date, isDateText)) return undefined;
  return (toMicro(score) as number) > LEADER_SCORE_MAX_MICRO ? undefined : { by, score, date };
}

function leaders(value: unknown): Fast<{ scores: LeaderScoreRecord[] }> {
  if (!isRecord(value) || !onlyKeys(value, LEADERS_KEYS)) return undefined;
  const parsed = list(value["scores"], leader, undefined);
  return parsed === undefined ? undefined : { scores: parsed };
}

// Key lists are written out rather than read from the schema: a key the schema gains is then
// declined here (and judged by the schema) until this file validates its value too.
const COMPONENT_KEYS = [
  "routineInspection",
  "specialInspection",
  "unannouncedVisit",
  "complaints",
  "serviceRecipients",
  "deputies",
  "countyCounterparts",
  "cityLeaders",
];

/** What an optional component reads as when it is present and declined. */
const DECLINED: unique symbol = Symbol("declined");

/** Reads an optional component: absent stays absent; present must be accepted. */
function component<T, A>(value: unknown, read: (v: unknown, arg: A) => Fast<T>, arg: A): T | undefined | typeof DECLINED {
  if (value === undefined) return undefined;
  return read(value, arg) ?? DECLINED;
}

function components(value: unknown, decimals: number): Fast<ComponentsInput> {
  if (!isRecord(value) || !onlyKeys(value, COMPONENT_KEYS)) return undefined;
  const routine = component(value["routineInspection"], rounds, 25 * MICRO);
  if (routine === DECLINED) return undefined;
  const special = component(value["specialInspection"], rounds, 5 * MICRO);
  if (special === DECLINED) return undefined;
  const visit = component(value["unannouncedVisit"], rounds, 10 * MICRO);
  if (visit === DECLINED) return undefined;
  const complaintList = component(value["complaints"], complaints, decimals);
  if (complaintList === DECLINED) return undefined;
  const service = component(value["serviceRecipients"], survey, undefined);
  if (service === DECLINED) return undefined;
  const deputies = component(value["deputies"], survey, undefined);
  if (deputies === DECLINED) return undefined;
  const county = component(value["countyCounterparts"], survey, undefined);
  if (county === DECLINED) return undefined;
  const leaderScores = component(value["cityLeaders"], leaders, undefined);
  if (leaderScores === DECLINED) return undefined;
  return {
    routineInspection: routine,
    specialInspection: special,
    unannouncedVisit: visit,
    complaints: complaintList,
    serviceRecipients: service,
    deputies,
    countyCounterparts: county,
    cityLeaders: leaderScores,
  };
}

const COMMENDATION_KEYS = ["id", "matter", "level", "recipient", "documentNumber", "approved", "title", "issuer", "awarded"];
const LEVEL_VALUES: readonly unknown[] = LEVELS;
const RECIPIENT_VALUES: readonly unknown[] = RECIPIENTS;

function commendation(v: unknown, limits: InputLimits): Fast<Commendation> {
  if (!isRecord(v) || !onlyKeys(v, COMMENDATION_KEYS)) return undefined;
  const { id, matter, level, recipient, documentNumber, approved, title, issuer, awarded } = v;
  if (!isId(id) || !isRequiredText(matter) || !LEVEL_VALUES.includes(level) || !RECIPIENT_VALUES.includes(recipient)) return undefined;
  if (!isText(documentNumber) || typeof approved !== "boolean" || !optional(title, isText) || !optional(issuer, isText) || !optional(awarded, isNum)) {
    return undefined;
  }
  const lvl = level as Level;
  const to = recipient as Commendation["recipient"];
  if (awardedRule(to, awarded === undefined ? undefined : toMicro(awarded), lvl, limits) !== undefined) return undefined;
  return { id, matter, level: lvl, recipient: to, documentNumber, approved, title, issuer, awarded };
}

const VETO_KEYS = ["id", "ground", "subject", "date", "confirmed", "reference", "reason"];
const GROUND_VALUES: readonly unknown[] = GROUNDS;
const SUBJECT_VALUES: readonly unknown[] = SUBJECTS;

function veto(v: unknown): Fast<Veto> {
  if (!isRecord(v) || !onlyKeys(v, VETO_KEYS)) return undefined;
  const { id, ground, subject, date, confirmed, reference, reason } = v;
  if (!isId(id) || !GROUND_VALUES.includes(ground) || !SUBJECT_VALUES.includes(subject) || !isDateText(date) || typeof confirmed !== "boolean") {
    return undefined;
  }
  if (!optional(reference, isText) || !optional(reason, isText) || vetoReasonMissing(ground as Ground, reason)) return undefined;
  return { id, ground: ground as Ground, subject: subject as Veto["subject"], date, confirmed, reference, reason };
}

const INPUT_KEYS = ["year", "participant", "components", "commendations", "vetoes"];

/**
 * Builds the fast path for the limits a policy sets: a function that returns the validated input
 * when it is certainly valid, else `undefined` (then ask the zod schema).
 *
 * @param limits - The policy's decimals and unit ceilings, as for `makeInputSchema`.
 * @returns `(input) => ScoreInput | undefined`.
 * @example
 * ```ts
 * const fast = makeFastInputParser({ decimals: 2, unitCeilingMicro });
 * fast(JSON.parse(text)) ?? schema.safeParse(JSON.parse(text));
 * ```
 */
export function makeFastInputParser(limits: InputLimits): (input: unknown) => ScoreInput | undefined {
  return (input) => {
    if (!isRecord(input) || !onlyKeys(input, INPUT_KEYS)) return undefined;
    const year = input["year"];
    if (!isInt(year) || year < INPUT_YEARS.min || year > INPUT_YEARS.max) return undefined;
    const who = participant(input["participant"]);
    if (who === undefined) return undefined;
    const parts = components(input["components"], limits.decimals);
    if (parts === undefined) return undefined;
    let commendations: Commendation[] | undefined;
    if (input["commendations"] !== undefined) {
      commendations = list(input["commendations"], commendation, limits);
      if (commendations === undefined || hasDuplicateIds(commendations)) return undefined;
    }
    let vetoes: Veto[] | undefined;
    if (input["vetoes"] !== undefined) {
      vetoes = list(input["vetoes"], veto, undefined);
      if (vetoes === undefined || hasDuplicateIds(vetoes)) return undefined;
    }
    return { year, participant: who, components: parts, commendations, vetoes };
  };
}
