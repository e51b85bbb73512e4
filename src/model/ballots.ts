/**
 * The ballot box of docs/ballots.md: one survey of one component, each ballot with its id, optional
 * rater group, rater token and time taken, and its marks (participant id → mark). Declared once
 * (`declare.ts`): the zod schema reports every problem with its path, the fast reader accepts a
 * valid box or ballot without building issues. A mark reads as one of {@link READINGS}.
 */
import * as z from "zod/mini";
import { NO, list, object, optional, record, value } from "./declare.js";
import { INPUT_YEARS } from "./input.js";
import { SURVEY_COMPONENTS } from "./policy.js";
import { DateValue, IdValue, IntValue, enumValue, intValue } from "./values.js";

/** What one mark says about one participant on one ballot, once read (docs/ballots.md–13.2). */
export const READINGS = ["satisfied", "basically-satisfied", "dissatisfied", "unknown", "blank", "multiple"] as const;
/** A mark, read: one of the four answers, `blank` (nothing ticked) or `multiple` (an invalid mark). */
export type Reading = (typeof READINGS)[number];

/** The words a mark may be written in, after NFKC and `trim()`, and the answer each means. */
const MARK_WORDS: ReadonlyMap<string, Reading> = /* @__PURE__ */ new Map<string, Reading>([
  ["satisfied", "satisfied"],
  ["basically-satisfied", "basically-satisfied"],
  ["dissatisfied", "dissatisfied"],
  ["unknown", "unknown"],
  ["满意", "satisfied"],
  ["基本满意", "basically-satisfied"],
  ["不满意", "dissatisfied"],
  ["不了解", "unknown"],
  ["", "blank"],
]);

/** The longest text of a mark a reader looks up (the longest word, with room for spaces). */
const MAX_MARK_TEXT = 1000;

/** One mark that is not a list, read; `undefined` for a value no mark may be. */
function readOne(raw: unknown): Reading | undefined {
  if (raw === null) return "blank";
  if (typeof raw !== "string" || raw.length > MAX_MARK_TEXT) return undefined;
  const direct = MARK_WORDS.get(raw);
  if (direct !== undefined) return direct;
  return MARK_WORDS.get(raw.normalize("NFKC").trim());
}

/**
 * A mark read (docs/ballots.md): a word, `null` or `""` (blank), or a list of such (what was ticked
 * when more than one box was). Blanks in a list are ignored; a list of one distinct answer is
 * that answer, of none blank, of more than one `multiple`. `undefined` for anything else.
 *
 * @example
 * ```ts
 * readMark(" 基本满意 "); //=> "basically-satisfied"
 * readMark(["满意", "satisfied", ""]); //=> "satisfied"
 * readMark(["满意", "不满意"]); //=> "multiple"
 * readMark("很满意"); //=> undefined
 * ```
 */
export function readMark(raw: unknown): Reading | undefined {
  if (!Array.isArray(raw)) return readOne(raw);
  let found: Reading = "blank";
  for (const item of raw as readonly unknown[]) {
    const one = Array.isArray(item) ? undefined : readOne(item);
    if (one === undefined) return undefined;
    if (one === "blank") continue;
    if (found === "blank") found = one;
    else if (found !== one) found = "multiple";
  }
  return found;
}

// Each schema is built in a call marked pure, as in model/sensitivity.ts: a page that never tallies
// keeps none of them.

/** The mark's rule: a custom zod check (issue `invalid-mark`) and its reader. */
function markValue() {
  const schema = z.custom<unknown>().check(
    z.check<unknown>((payload) => {
      if (readMark(payload.value) === undefined) payload.issues.push({ code: "custom", input: payload.value, params: { code: "invalid-mark" }, inst: schema });
    }),
  );
  return value(z.pipe(schema, z.transform((raw: unknown) => readMark(raw) as Reading)), (raw) => readMark(raw) ?? NO, { kind: "mark" });
}

/** A rater group's name, a rater token: 1..100 characters (docs/ballots.md). */
const NameValue = IdValue;

/** One ballot (票): its id, its rater group, rater token and time, and its marks. */
export const BallotValue = /* @__PURE__ */ (() =>
  object({
    id: IdValue,
    group: optional(NameValue),
    rater: optional(NameValue),
    seconds: optional(IntValue),
    marks: record(IdValue, markValue()),
  }))();

/** The fields of a box other than its ballots. */
function headerFields() {
  return {
    year: intValue(INPUT_YEARS.min, INPUT_YEARS.max),
    component: enumValue(SURVEY_COMPONENTS),
    date: DateValue,
    issued: optional(IntValue),
  };
}

/** The box without its ballots: the first line of an NDJSON box (docs/ballots.md). */
export const BoxHeaderValue = /* @__PURE__ */ (() => object(headerFields()))();

/** A whole ballot box (docs/ballots.md): the header's fields and the ballots, ids unique. */
export const BoxValue = /* @__PURE__ */ (() => object({ ...headerFields(), ballots: list(BallotValue, { uniqueId: true }) }))();

/** The schema of a ballot box (the JSON Schema `box` is written from its declaration). */
export const BoxSchema = /* @__PURE__ */ (() => BoxValue.schema)();

/** One ballot as the tally reads it: marks read. */
export type Ballot = z.output<typeof BallotValue.schema>;
/** A box's header as the tally reads it. */
export type BoxHeader = z.output<typeof BoxHeaderValue.schema>;
/** A ballot box as a caller writes it (JSON). */
export type BallotBoxJson = z.input<typeof BoxSchema>;
/** A ballot as a caller writes it (JSON). */
export type BallotJson = z.input<typeof BallotValue.schema>;
