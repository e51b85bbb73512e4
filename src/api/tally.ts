/**
 * `tally`, `safeTally` and `tallyStream` (docs/ballots.md): a ballot box checked (every problem at once,
 * with its path) and counted into the survey input of each participant. A whole box and a box
 * streamed ballot by ballot go through the same steps, so they give the same result, byte for byte.
 */
import * as z from "zod/mini";
import { MICRO, toMicro } from "../decimal.js";
import { NO } from "../model/declare.js";
import { BallotValue, BoxHeaderValue, type Ballot, type BoxHeader } from "../model/ballots.js";
import { MAX_LIST_ISSUES } from "../model/issue-cap.js";
import type { Policy } from "../model/policy.js";
import type { TallyResult } from "../model/tally.js";
import { IdValue } from "../model/values.js";
import { compilePolicy } from "../policy/compile.js";
import { Tallier } from "../core/tally.js";
import { ballotParseOptions, ballotText } from "../messages/ballots.js";
import { InputError, fromZodIssues, langOf, libraryMessage, parseOptions, type InputIssue, type Lang } from "./errors.js";
import { inInputOrder } from "./issue-order.js";
import { optionsOf, policyOf } from "./options.js";

/** A participant as `tally` takes it: an id, a roster entry (`{ id }`) or an input (`{ participant: { id } }`). */
export type TallyParticipant = string | { readonly id: string } | { readonly participant: { readonly id: string } };

/** Options of `tally`, `safeTally` and `tallyStream`. */
export interface TallyOptions {
  /** The participants the box's marks may name, in the order the tally lists them. */
  readonly participants: readonly TallyParticipant[];
  /** The policy whose ballot rules apply (docs/ballots.md); the preset `xuancheng-2022` when absent. */
  readonly policy?: Policy | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. Never changes a result. */
  readonly lang?: Lang | undefined;
}

/** The outcome of `safeTally`: the tally, or the input error with every problem of the box. */
export type SafeTallyResult = { readonly success: true; readonly data: TallyResult } | { readonly success: false; readonly error: InputError };

/**
 * A tally fed one ballot at a time: what `tallyStream` returns. Its memory grows with the
 * participants, the rater groups and the rater tokens, not with the ballots (beyond the lists the
 * tally returns and one id per ballot, to find a repeated id).
 */
export interface TallyStream {
  /** Checks and counts the next ballot (as JSON data), in ballot order. */
  add(ballot: unknown): void;
  /** The tally of every ballot added, or the input error with every problem found. */
  finish(): SafeTallyResult;
}

type Path = (string | number)[];

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A library issue at `path`, with its message. */
function libraryIssue(path: Path, code: string, lang: Lang, params: Readonly<Record<string, unknown>> = {}, value?: string | number): InputIssue {
  const message = (ballotText(code, lang, params, path) ?? libraryMessage(code, lang, params, path)) as string;
  return { path, code, message, ...(value === undefined ? {} : { value }), ...(Object.keys(params).length > 0 ? { params } : {}) };
}

/** The id of a participant option, or `undefined`. */
function participantIdOf(entry: unknown): unknown {
  if (typeof entry === "string") return entry;
  if (!isRecord(entry)) return undefined;
  const inner = entry["participant"];
  if (isRecord(inner)) return inner["id"];
  return entry["id"];
}

const ParticipantsSchema = z.array(z.unknown());

/** The participants' ids, checked: a list, each an id (or an entry with one), none twice. */
function participantIds(raw: unknown, lang: Lang, issues: InputIssue[]): string[] {
  const listed = ParticipantsSchema.safeParse(raw, parseOptions(lang));
  if (!listed.success) {
    for (const issue of fromZodIssues(listed.error.issues)) issues.push({ ...issue, path: ["participants", ...issue.path] });
    return [];
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  listed.data.forEach((entry, i) => {
    const id = participantIdOf(entry);
    if (IdValue.read(id) === NO) {
      const parsed = IdValue.schema.safeParse(id, parseOptions(lang));
      const found = parsed.success ? [] : fromZodIssues(parsed.error.issues);
      for (const issue of found) issues.push({ ...issue, path: ["participants", i, ...issue.path] });
      return;
    }
    const text = id as string;
    if (seen.has(text)) issues.push(libraryIssue(["participants", i], "duplicate-id", lang, { id: text }));
    seen.add(text);
    ids.push(text);
  });
  return ids;
}

/** The issues of a value under a schema, each path under `prefix`. */
function issuesOf(schema: z.ZodMiniType, raw: unknown, lang: Lang, prefix: Path): InputIssue[] {
  const parsed = schema.safeParse(raw, ballotParseOptions(lang, prefix));
  return parsed.success ? [] : fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/**
 * Checks and counts ballots one at a time under the box's header: the one path both `safeTally`
 * and a stream take.
 */
class BoxCheck implements TallyStream {
  private readonly issues: InputIssue[] = [];
  /** Issues past the cap, counted only. */
  private dropped = 0;
  private readonly ids = new Set<string>();
  private readonly participants: ReadonlySet<string>;
  private readonly tallier: Tallier | undefined;
  private readonly header: BoxHeader | undefined;
  /** The groups the policy weighs for the box's component, or `undefined` (pooled). */
  private readonly weighted: ReadonlySet<string> | undefined;
  /** The box's component as given (for messages). */
  private readonly component: string;
  private readonly quorumMicro: number | null;
  /** Whether any ballot named a group; the ballots without one (index, id), up to the cap, and how many. */
  private anyGroup = false;
  private readonly groupless: { readonly index: number; readonly id: string }[] = [];
  private grouplessCount = 0;
  private index = 0;

  constructor(
    rawHeader: unknown,
    private readonly options: TallyOptions,
    private readonly lang: Lang,
    headerIssues: readonly InputIssue[] = [],
  ) {
    for (const issue of headerIssues) this.push(issue);
    const component = isRecord(rawHeader) ? rawHeader["component"] : undefined;
    this.component = typeof component === "string" ? component : "";
    const read = BoxHeaderValue.read(rawHeader);
    const header = read === NO ? undefined : (read as BoxHeader);
    if (header === undefined) for (const issue of issuesOf(BoxHeaderValue.schema, rawHeader, lang, [])) this.push(issue);
    const policy = policyOf(options.policy, "policy", lang);
    if ("code" in policy) this.push(policy);
    const ids = participantIds(options.participants, lang, this.issues);
    this.participants = new Set(ids);
    // an invalid header may still name a valid component: its group weights then still apply
    this.weighted = weightedGroups("code" in policy ? undefined : policy, component);
    this.header = header;
    const p = "code" in policy ? undefined : policy.parameters;
    const quorum = p?.ballotQuorum.value ?? null;
    this.quorumMicro = quorum === null ? null : (toMicro(quorum) as number);
    this.tallier =
      p === undefined
        ? undefined
        : new Tallier(ids, { repeatedRater: p.repeatedRater.value, minSeconds: p.minSeconds.value, assumed: compilePolicy(policy as Policy).assumed });
  }

  private push(issue: InputIssue): void {
    if (this.issues.length < MAX_LIST_ISSUES) this.issues.push(issue);
    else this.dropped += 1;
  }

  add(raw: unknown): void {
    const i = this.index;
    this.index += 1;
    const at: Path = ["ballots", i];
    const before = this.issues.length + this.dropped;
    const read = BallotValue.read(raw);
    const ballot = read === NO ? undefined : (read as Ballot);
    if (ballot === undefined) for (const issue of issuesOf(BallotValue.schema, raw, this.lang, at)) this.push(issue);
    const fields = isRecord(raw) ? raw : {};
    const id = fields["id"];
    if (IdValue.read(id) !== NO) {
      if (this.ids.has(id as string)) this.push(libraryIssue([...at, "id"], "duplicate-id", this.lang, { id }, id as string));
      else this.ids.add(id as string);
    }
    const marks = fields["marks"];
    if (isRecord(marks)) {
      for (const key of Object.keys(marks)) {
        if (!this.participants.has(key)) this.push(libraryIssue([...at, "marks", key], "unknown-participant", this.lang, { participant: key }));
      }
    }
    const group = fields["group"];
    if (group === undefined) {
      if (this.weighted !== undefined) {
        this.push(libraryIssue([...at, "group"], "missing-group", this.lang, { id: String(id), weighted: true }));
      } else {
        if (this.groupless.length < MAX_LIST_ISSUES) this.groupless.push({ index: i, id: String(id) });
        this.grouplessCount += 1;
      }
    } else if (typeof group === "string") {
      this.anyGroup = true;
      if (this.weighted !== undefined && !this.weighted.has(group)) {
        const params = { group, component: this.component, groups: [...this.weighted] };
        this.push(libraryIssue([...at, "group"], "unknown-group", this.lang, params, group));
      }
    }
    const clean = this.issues.length + this.dropped === before;
    if (clean && ballot !== undefined && this.tallier !== undefined) this.tallier.add(ballot);
  }

  finish(): SafeTallyResult {
    const returned = this.index;
    const header = this.header;
    const lang = this.lang;
    if (header !== undefined && header.issued !== undefined) {
      const issued = header.issued;
      if (returned > issued) {
        this.push(libraryIssue(["issued"], "box-over-issued", lang, { issued, returned }, issued));
      } else if (this.quorumMicro !== null && issued > 0 && returned * MICRO < this.quorumMicro * issued) {
        const quorum = this.options.policy?.parameters.ballotQuorum.value ?? "";
        this.push(libraryIssue(["issued"], "below-quorum", lang, { issued, returned, quorum }, issued));
      }
    }
    if (this.anyGroup && this.weighted === undefined) {
      for (const { index, id } of this.groupless) this.push(libraryIssue(["ballots", index, "group"], "missing-group", lang, { id, weighted: false }));
      this.dropped += this.grouplessCount - this.groupless.length;
    }
    const total = this.issues.length + this.dropped;
    if (total > 0 || header === undefined || this.tallier === undefined) {
      const issues = inInputOrder(this.issues);
      if (this.dropped > 0) issues.push(libraryIssue(["ballots"], "too-many-issues", lang, { shown: issues.length, total }));
      return { success: false, error: new InputError(issues, lang) };
    }
    return { success: true, data: this.tallier.result(header) };
  }
}

/** The group names the policy weighs for a component, or `undefined` when it pools them. */
function weightedGroups(policy: Policy | undefined, component: unknown): ReadonlySet<string> | undefined {
  const weights = policy?.parameters.groupWeights.value;
  if (weights === null || weights === undefined || typeof component !== "string") return undefined;
  const named = (weights as Readonly<Record<string, Readonly<Record<string, string>> | undefined>>)[component];
  return named === undefined ? undefined : new Set(Object.keys(named));
}

/**
 * A tally fed one ballot at a time (an NDJSON box or a workbook read row by row): the header
 * first, then each ballot with `add`, then `finish`. Gives exactly what `safeTally` gives for the
 * box with those ballots, with memory proportional to the participants rather than the ballots.
 *
 * @param header - The box without `ballots`: `{ year, component, date, issued? }`.
 * @param options - `participants`, `policy`, `lang`.
 * @returns The stream: `add(ballot)`, then `finish()` → `{ success, data | error }`.
 * @example
 * ```ts
 * const stream = tallyStream({ year: 2022, component: "serviceRecipients", date: "2022-12-20" }, { participants: ["cgjdk"] });
 * for (const line of lines) stream.add(JSON.parse(line));
 * stream.finish(); //=> { success: true, data: { box: { …, returned: 57, counted: 57 }, participants: [ … ], … } }
 * ```
 */
export function tallyStream(header: unknown, options: TallyOptions): TallyStream {
  const o = optionsOf(options) as TallyOptions;
  return new BoxCheck(header, o, langOf(o.lang));
}

/**
 * Tallies a ballot box without throwing: `{ success: true, data }` or `{ success: false, error }`
 * with every problem of the box at once. Never throws, whatever the box.
 *
 * @param box - The box (docs/ballots.md) as JSON data.
 * @param options - `participants` (ids, roster entries or inputs), `policy`, `lang`.
 * @returns The tally, or the `InputError`.
 * @example
 * ```ts
 * const outcome = safeTally(box, { participants: ["cgjdk"] });
 * if (outcome.success) outcome.data.participants[0].survey; //=> { ballots: { satisfied: 46, … }, date: "2022-12-20" }
 * else outcome.error.issues; //=> [{ path: ["ballots", 4, "marks", "cgjdk"], code: "invalid-mark", … }]
 * ```
 */
export function safeTally(box: unknown, options: TallyOptions): SafeTallyResult {
  const o = optionsOf(options) as TallyOptions;
  const lang = langOf(o.lang);
  if (!isRecord(box)) {
    return { success: false, error: new InputError(issuesOf(BoxHeaderValue.schema, box, lang, []), lang) };
  }
  const { ballots, ...header } = box;
  const headerIssues = Array.isArray(ballots) ? [] : issuesOf(z.array(z.unknown()), ballots, lang, ["ballots"]);
  const check = new BoxCheck(header, o, lang, headerIssues);
  if (Array.isArray(ballots)) for (const ballot of ballots as readonly unknown[]) check.add(ballot);
  return check.finish();
}

/**
 * Tallies a ballot box (docs/ballots.md): for each participant, in the order given, the survey input
 * the ballots make (`survey`), and the ballots blank, invalid or set aside for them; for the box,
 * the ballots returned and counted, the repeated raters, the ballots too fast, and the
 * assumptions the tally rests on.
 *
 * @param box - The box (docs/ballots.md): `{ year, component, date, issued?, ballots }`.
 * @param options - `participants` (ids, roster entries or inputs), `policy` (default the preset), `lang`.
 * @returns The tally: plain data, every list of ballot ids in ballot order.
 * @throws {@link InputError} with every problem of the box at once.
 * @example
 * ```ts
 * import { tally } from "wubi-wuping";
 * const t = tally({ year: 2022, component: "deputies", date: "2022-12-20",
 *   ballots: [{ id: "1", marks: { cgjdk: "满意" } }, { id: "2", marks: { cgjdk: ["满意", "不满意"] } }] },
 *   { participants: ["cgjdk"] });
 * t.participants[0].survey.ballots; //=> { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, unknown: 0 }
 * t.participants[0].invalid; //=> ["2"]
 * ```
 */
export function tally(box: unknown, options: TallyOptions): TallyResult {
  const outcome = safeTally(box, options);
  if (!outcome.success) throw outcome.error;
  return outcome.data;
}
