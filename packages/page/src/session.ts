/**
 * Everything the page shows, computed from the files loaded: the policy in force, each body's
 * result (and its input, when one was given), the ranking, and every problem under its file.
 * Pure and recomputed from the files on every change (a file added, the language, the grouping),
 * so what is shown never depends on the order the person clicked in.
 */
import {
  COMPONENTS,
  InputError,
  ScoreResultSchema,
  applyTally,
  definePolicy,
  formatPath,
  rank,
  safeScore,
  safeTally,
  xuancheng2022,
  type Counts,
  type InputIssue,
  type Lang,
  type Policy,
  type RankGrouping,
  type ScoreInputJson,
  type ScoreResult,
  type TallyResult,
} from "wubi-wuping";
import { namingSwitch, rankingTable, type RankingTable, type ReadBallotsOptions, type ReadBallotsResult, type WorkbookIssue } from "./engine.js";
import { readPageFile, type Item, type Origin, type PageFile, type Problem } from "./load.js";
import { pageText } from "./text.js";

/**
 * Reads a workbook into score inputs: the workbook entry's `readWorkbook`.
 *
 * @example
 * ```ts
 * const reader: WorkbookReader = readWorkbook;
 * ```
 */
export type WorkbookReader = (
  bytes: Uint8Array,
  options: { readonly policy: Policy; readonly allowIncomplete: boolean; readonly lang: Lang; readonly allowIncompleteName: string },
) => Promise<
  | { readonly success: true; readonly inputs: readonly unknown[] }
  | { readonly success: false; readonly issues: readonly WorkbookIssue[]; readonly summaries?: readonly { readonly message: string; readonly sheet: string; readonly row: number }[] | undefined }
>;

/**
 * A body on the page: its result, the input it was scored from (absent for a loaded result), and where it came from.
 *
 * @example
 * ```ts
 * session.bodies[0]?.origin; //=> { file: "cgjdk.json", where: "" }
 * ```
 */
export interface Body {
  readonly result: ScoreResult;
  readonly input: ScoreInputJson | undefined;
  readonly origin: Origin;
  /** The tallies whose counts went into the input (its surveys counted from ballots), if any. */
  readonly tallies?: readonly TallyResult[] | undefined;
}

/**
 * Reads a ballot workbook into ballot boxes: the workbook entry's `readBallots`.
 *
 * @example
 * ```ts
 * const reader: BallotReader = readBallots;
 * ```
 */
export type BallotReader = (bytes: Uint8Array, options: ReadBallotsOptions) => Promise<ReadBallotsResult>;

/**
 * What the person gave in the small form beside a ballot workbook: the layout it was found in
 * and, for a survey platform's export, the component and the date; the ballots issued (optional).
 *
 * @example
 * ```ts
 * const form: BallotForm = { layout: "platform", component: "deputies", date: "2023-01-10", issued: 25 };
 * ```
 */
export interface BallotForm {
  readonly layout?: "native" | "platform" | undefined;
  readonly component?: string | undefined;
  readonly date?: string | undefined;
  readonly issued?: number | undefined;
}

/**
 * A ballot workbook as the page found it: its layout, what its form still needs, how many ballots it holds.
 *
 * @example
 * ```ts
 * session.ballotFiles[0]; //=> { name: "问卷.xlsx", layout: "platform", needs: ["component", "date"], ballots: 0 }
 * ```
 */
export interface BallotFile {
  readonly name: string;
  readonly layout: "native" | "platform";
  readonly needs: readonly ("component" | "date")[];
  readonly ballots: number;
}

/**
 * One box tallied: the file and sheet it came from, its layout, the tally (its participants those
 * with a column in the box), and each participant's name.
 *
 * @example
 * ```ts
 * session.tallies[0]?.tally.box; //=> { year: 2022, component: "deputies", date: "2023-01-10", issued: null, returned: 23, counted: 23 }
 * ```
 */
export interface BoxTally {
  readonly file: string;
  readonly sheet: string;
  readonly layout: "native" | "platform";
  readonly tally: TallyResult;
  readonly names: ReadonlyMap<string, string>;
  /** Whether its counts went into the inputs (records of its year were loaded). */
  readonly applied: boolean;
}

/**
 * How the page was asked to compute.
 *
 * @example
 * ```ts
 * const options: SessionOptions = { lang: "zh", allowIncomplete: false, by: "category" };
 * ```
 */
export interface SessionOptions {
  readonly lang: Lang;
  readonly allowIncomplete: boolean;
  readonly by: RankGrouping | undefined;
  /** The forms beside the ballot workbooks, by file name. */
  readonly ballotForms?: ReadonlyMap<string, BallotForm> | undefined;
}

/**
 * What each loaded file contributed.
 *
 * @example
 * ```ts
 * session.files[0]; //=> { name: "考评.xlsx", bodies: 7, problems: 0 }
 * ```
 */
export interface FileSummary {
  readonly name: string;
  readonly bodies: number;
  readonly problems: number;
  /** The ballots the file holds, when it is a ballot workbook. */
  readonly ballots?: number | undefined;
}

/**
 * Everything the page shows.
 *
 * @example
 * ```ts
 * (await buildSession(files, options, readWorkbook)).year; //=> 2022
 * ```
 */
export interface Session {
  readonly policy: Policy;
  /** The bodies in load order, each participant once, all of one year. */
  readonly bodies: readonly Body[];
  /** The ranking (tiers and quota applied) as the shared ranking table: headers, cells, entries. */
  readonly table: RankingTable;
  readonly problems: readonly Problem[];
  readonly files: readonly FileSummary[];
  readonly year: number | undefined;
  /** The ballot workbooks loaded, in load order. */
  readonly ballotFiles: readonly BallotFile[];
  /** Every box tallied, in load order. */
  readonly tallies: readonly BoxTally[];
}

/** The place of a library issue inside an item: the item's own place, then the JSON path. */
function issueWhere(origin: Origin, path: readonly (string | number)[]): string {
  const inner = path.length === 0 ? "" : formatPath(path);
  return [origin.where, inner].filter((part) => part !== "").join(" ");
}

/** Appends `items` one by one: a workbook may report thousands of problems, too many to spread into a call. */
function addAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

const fromIssues = (origin: Origin, issues: readonly InputIssue[]): Problem[] =>
  issues.map((issue) => ({ file: origin.file, where: issueWhere(origin, issue.path), message: issue.message, code: issue.code }));

/**
 * A workbook problem's place: `督查暗访!D7`, a sheet, or the whole file.
 *
 * @example
 * ```ts
 * workbookWhere({ sheet: "督查暗访", row: 7, column: "D", code: "invalid-cell", message: "…" }); //=> "督查暗访!D7"
 * ```
 */
export function workbookWhere(problem: WorkbookIssue): string {
  if (problem.sheet === undefined) return "";
  if (problem.column === undefined || problem.row === undefined) return problem.sheet;
  return `${problem.sheet}!${problem.column}${problem.row}`;
}

/** The policy in force: the last policy loaded, or the preset; problems for the others and for a wrong one. */
function policyOf(items: readonly Item[], lang: Lang): { policy: Policy; problems: Problem[] } {
  const t = pageText(lang);
  const candidates = items.filter((item) => item.kind === "policy");
  const last = candidates.at(-1);
  if (last === undefined) return { policy: xuancheng2022, problems: [] };
  const problems: Problem[] = candidates
    .slice(0, -1)
    .map((item) => ({ file: item.origin.file, where: item.origin.where, message: t.policyUnused(last.origin.file) }));
  try {
    return { policy: definePolicy(last.value, { lang }), problems };
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    problems.push({ file: last.origin.file, where: "", message: t.policyError });
    addAll(problems, fromIssues(last.origin, cause.issues));
    return { policy: xuancheng2022, problems };
  }
}

/** A loaded result, checked the way `rank` checks it under the policy in force. */
function checkedResult(value: unknown, origin: Origin, policy: Policy, lang: Lang): Body | Problem[] {
  try {
    rank([value], { policy, lang });
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    return fromIssues(origin, cause.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })));
  }
  return { result: ScoreResultSchema.parse(value), input: undefined, origin };
}

function scored(value: unknown, origin: Origin, policy: Policy, options: SessionOptions): Body | Problem[] {
  const outcome = safeScore(value, { policy, allowIncomplete: options.allowIncomplete, lang: options.lang });
  // A missing component's advice names the page's checkbox, not the library's option.
  if (!outcome.success) return fromIssues(origin, namingSwitch(outcome.error.issues, options.lang, pageText(options.lang).allowIncompleteName));
  return { result: outcome.data, input: value as ScoreInputJson, origin };
}


/** A records workbook read: its inputs, or its problems (and whether they are only unfilled components). */
interface Book {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Its problems as `readWorkbook` gave them (empty when it read). */
  readonly problems: readonly Problem[];
  /** Whether it has no 参评对象 sheet (a ballot workbook alone has none). */
  readonly noRecords: boolean;
  /** Read again allowing missing components, because ballots may fill them: its problems stand unless they do. */
  readonly pending: boolean;
  /** Set once known: the workbook holds ballots too. */
  ballots: boolean;
  /** Set once known: a tally filled one of its pending inputs. */
  filled: boolean;
}

/** One place in load order: an input to score, a body ready, problems, or a records workbook's problems. */
type Slot =
  | { readonly kind: "input"; readonly value: unknown; readonly origin: Origin; readonly book?: Book | undefined }
  | { readonly kind: "body"; readonly body: Body }
  | { readonly kind: "problems"; readonly problems: readonly Problem[] }
  | { readonly kind: "book"; readonly book: Book };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A participant of an input (its id and name), or `undefined` when the input has none. */
function participantOf(value: unknown): { readonly id: string; readonly name: string | undefined } | undefined {
  const p = isRecord(value) ? value["participant"] : undefined;
  if (!isRecord(p) || typeof p["id"] !== "string" || p["id"] === "") return undefined;
  return { id: p["id"], name: typeof p["name"] === "string" ? p["name"] : undefined };
}

/** An id no header can name: the first reading of a workbook without records lists every column. */
const NOBODY = "\uFFFF";
const QUESTION = /^[0-9]+、(.*)$/su;

/**
 * The bodies a ballot sheet's columns name, from a reading with nobody to name: each mark column
 * is then an unknown column of row 1 (a platform question gives its 题干).
 */
function columnBodies(read: ReadBallotsResult, platform: boolean): string[] {
  if (read.success) return [];
  const bodies: string[] = [];
  for (const issue of read.issues) {
    if (issue.code !== "unknown-column" || issue.row !== 1 || issue.header === undefined || issue.header === "") continue;
    const question = QUESTION.exec(issue.header);
    // A platform's header that is no question (`N、题干`) names no body: the reading says so again.
    if (platform && question === null) continue;
    const body = (question === null ? issue.header : (question[1] ?? "")).trim();
    if (body !== "" && !bodies.includes(body)) bodies.push(body);
  }
  return bodies;
}

/** Whether a reading found no ballot sheet at all (the workbook holds records only). */
const noBallotSheet = (read: ReadBallotsResult): boolean => !read.success && read.issues.some((issue) => issue.code === "missing-sheet");

/** A survey component's label in the page's language. */
function componentLabel(id: string, lang: Lang): string {
  const label = COMPONENTS.find((c) => c.id === id)?.label ?? id;
  return lang === "zh" ? label : `${label} (${id})`;
}

/** A tally's problem placed at its sheet row (a ballot), the form's 发出票数, or its path; the page's words where the page knows better. */
function tallyProblem(issue: InputIssue, file: string, sheet: string, rows: readonly number[], lang: Lang): Problem {
  const b = pageText(lang).ballots;
  const [head, index, ...rest] = issue.path;
  const row = head === "ballots" && typeof index === "number" ? rows[index] : undefined;
  const where = row !== undefined ? [b.row(sheet, row), rest.length > 0 ? formatPath(rest) : ""].filter((part) => part !== "").join(" ") : head === "issued" ? b.issuedField : formatPath(issue.path);
  const p = issue.params ?? {};
  const n = (key: string): number => Number(p[key]);
  const message =
    issue.code === "box-over-issued"
      ? b.overIssued(n("issued"), n("returned"))
      : issue.code === "below-quorum"
        ? b.belowQuorum(n("issued"), n("returned"), String(p["quorum"]))
        : issue.code === "missing-group"
          ? b.missingGroup(String(p["id"]))
          : issue.message;
  return { file, where, message, code: issue.code };
}

/**
 * Computes what the page shows from the files loaded, in their order: the records (inputs and
 * workbooks) and results; the ballot workbooks tallied against the records' bodies (or, with no
 * records, the bodies of their columns) and applied to the inputs (docs/page.md, "Ballots"); then
 * every input scored under the policy in force.
 *
 * @param files - The files, in the order they were loaded.
 * @param options - The language, whether missing components are allowed, the grouping, the ballot forms.
 * @param readWorkbook - The workbook reader (`readWorkbook` of the workbook entry).
 * @param readBallots - The ballot reader (`readBallots` of the workbook entry); without it no ballots are read.
 * @returns The session: policy, bodies, ranking, problems, tallies.
 * @example
 * ```ts
 * const session = await buildSession([{ name: "cgjdk.json", bytes }], { lang: "zh", allowIncomplete: false, by: undefined }, readWorkbook, readBallots);
 * session.table.entries[0]?.total; //=> "94.51"
 * ```
 */
export async function buildSession(files: readonly PageFile[], options: SessionOptions, readWorkbook: WorkbookReader, readBallots?: BallotReader): Promise<Session> {
  const { lang } = options;
  const t = pageText(lang);
  const contents = files.map((file) => readPageFile(file, lang));
  const allItems = contents.flatMap((content) => (content.kind === "items" ? content.items : []));
  const { policy, problems } = policyOf(allItems, lang);

  // 1. The records and results, in load order; inputs are scored once the ballots are applied.
  const slots: Slot[] = [];
  const books: Book[] = [];
  for (const content of contents) {
    if (content.kind === "items") {
      slots.push({ kind: "problems", problems: content.problems });
      for (const item of content.items) {
        if (item.kind === "input") slots.push({ kind: "input", value: item.value, origin: item.origin });
        else if (item.kind === "result") {
          const outcome = checkedResult(item.value, item.origin, policy, lang);
          slots.push(Array.isArray(outcome) ? { kind: "problems", problems: outcome } : { kind: "body", body: outcome });
        }
      }
      continue;
    }
    const file = content.file;
    const readOptions = { policy, allowIncomplete: options.allowIncomplete, lang, allowIncompleteName: t.allowIncompleteName };
    const read = await readWorkbook(content.bytes, readOptions);
    if (read.success) {
      const book: Book = { file, bytes: content.bytes, problems: [], noRecords: false, pending: false, ballots: false, filled: false };
      books.push(book);
      for (const input of read.inputs) slots.push({ kind: "input", value: input, origin: { file, where: participantOf(input)?.id ?? "" } });
      continue;
    }
    const found: Problem[] = [
      // What each body still lacks, once, before the details.
      ...(read.summaries ?? []).map((summary) => ({ file, where: "", message: summary.message, code: "missing-component", summary: true })),
      ...read.issues.map((issue) => ({ file, where: workbookWhere(issue), message: issue.message, code: issue.code })),
    ];
    const noRecords = read.issues.some((issue) => issue.code === "missing-sheet" && issue.sheet === "参评对象");
    // Only components unfilled: ballots may fill the surveys, so read the inputs as they stand.
    const unfilled = !options.allowIncomplete && readBallots !== undefined && read.issues.length > 0 && read.issues.every((issue) => issue.code === "missing-component");
    const again = unfilled ? await readWorkbook(content.bytes, { ...readOptions, allowIncomplete: true }) : undefined;
    const book: Book = { file, bytes: content.bytes, problems: found, noRecords, pending: again?.success === true, ballots: false, filled: false };
    books.push(book);
    slots.push({ kind: "book", book });
    if (again?.success === true) for (const input of again.inputs) slots.push({ kind: "input", value: input, origin: { file, where: participantOf(input)?.id ?? "" }, book });
  }

  // 2. The ballots: each workbook read for them, each box tallied.
  const names = new Map<string, string>();
  for (const slot of slots) {
    const p = slot.kind === "input" ? participantOf(slot.value) : undefined;
    if (p !== undefined && !names.has(p.id)) names.set(p.id, p.name ?? p.id);
  }
  const year = slots.map((slot) => (slot.kind === "input" && isRecord(slot.value) && typeof slot.value["year"] === "number" ? slot.value["year"] : undefined)).find((y) => y !== undefined);
  const participants = [...names].map(([id, name]) => ({ id, name }));
  const ballotFiles: BallotFile[] = [];
  const tallied: { box: BoxTally; rows: readonly number[] }[] = [];
  const ballotProblems: Problem[] = [];
  for (const book of readBallots === undefined ? [] : books) {
    const form = options.ballotForms?.get(book.file) ?? {};
    const platform = form.layout === "platform";
    // The ballots are of the records' year when records are loaded; else of the year their date's window gives.
    const base = { lang, year, issued: form.issued, ...(platform ? { component: form.component, date: form.date } : {}) };
    let read = await (readBallots as BallotReader)(book.bytes, { ...base, participants: participants.length > 0 ? participants : [NOBODY] });
    if (noBallotSheet(read)) continue;
    /** The form's questions a platform export raises (its component, its date): the form asks them. */
    const asks = (r: ReadBallotsResult): WorkbookIssue[] => (r.success ? [] : r.issues.filter((issue) => issue.code === "missing-option" && issue.sheet === undefined));
    // No records: the bodies are the columns' own.
    const own = participants.length > 0 ? [] : columnBodies(read, platform || asks(read).length > 0);
    if (own.length > 0) read = await (readBallots as BallotReader)(book.bytes, { ...base, participants: own });
    book.ballots = true;
    const asked = asks(read);
    const layout = read.success ? read.layout : platform || asked.length > 0 ? "platform" : "native";
    const needs = layout === "platform" ? (["component", "date"] as const).filter((key) => form[key] === undefined) : [];
    if (!read.success) {
      // The form asks for a platform export's component and date: not problems to list.
      for (const issue of read.issues) if (!asked.includes(issue)) ballotProblems.push({ file: book.file, where: workbookWhere(issue), message: issue.message, code: issue.code });
      ballotFiles.push({ name: book.file, layout, needs, ballots: 0 });
      continue;
    }
    ballotFiles.push({ name: book.file, layout, needs, ballots: read.boxes.reduce((sum, box) => sum + box.ballots.length, 0) });
    const bodyNames = participants.length > 0 ? names : new Map(own.map((id) => [id, id]));
    read.boxes.forEach((box, j) => {
      const rows = read.success ? (read.rows[j] ?? []) : [];
      const ids = [...bodyNames.keys()];
      const outcome = safeTally(box, { participants: ids, policy, lang });
      if (!outcome.success) {
        for (const issue of outcome.error.issues) ballotProblems.push(tallyProblem(issue, book.file, read.success ? read.sheet : "", rows, lang));
        return;
      }
      // A body with no mark on any ballot has no column here: its survey is another box's.
      const marked = new Set(box.ballots.flatMap((ballot) => Object.keys(ballot.marks)));
      const tally = { ...outcome.data, participants: outcome.data.participants.filter((p) => marked.has(p.participantId)) };
      const applied = participants.length > 0 && (year === undefined || tally.box.year === year);
      if (participants.length > 0 && !applied) ballotProblems.push({ file: book.file, where: "", message: t.ballots.otherYear(tally.box.year, year as number) });
      tallied.push({ box: { file: book.file, sheet: read.success ? read.sheet : "", layout, tally, names: bodyNames, applied }, rows });
    });
  }

  // 3. The tallies applied: one box per body, year and component (`duplicate-survey`, the first kept).
  const kept = tallied.filter((entry) => entry.box.applied).map((entry) => entry.box);
  let tallies = kept.map((box) => box.tally);
  try {
    applyTally([], tallies, { lang });
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    const dropped = new Map<number, Set<number>>();
    for (const issue of cause.issues) {
      const [, j, , k] = issue.path;
      if (issue.code !== "duplicate-survey" || typeof j !== "number" || typeof k !== "number") continue;
      const box = kept[j] as BoxTally;
      const p = box.tally.participants[k];
      const first = kept[Number(issue.params?.["first"])]?.file ?? "";
      if (p !== undefined) ballotProblems.push({ file: box.file, where: p.participantId, message: t.ballots.duplicateSurvey(box.names.get(p.participantId) ?? p.participantId, componentLabel(p.component, lang), first), code: issue.code });
      dropped.set(j, (dropped.get(j) ?? new Set()).add(k));
    }
    tallies = tallies.map((tally, j) => ({ ...tally, participants: tally.participants.filter((_, k) => !dropped.get(j)?.has(k)) }));
  }
  const fileOf = (of: unknown, id: string, component: string): string =>
    kept.find((box, j) => box.tally.box.year === of && tallies[j]?.participants.some((p) => p.participantId === id && p.component === component))?.file ?? "";

  // 4. Every input scored, its surveys from the ballots where they were tallied.
  const candidates: Body[] = [];
  const applied = new Map<Slot, { value: unknown; tallies: TallyResult[] } | Problem[]>();
  for (const slot of slots) {
    if (slot.kind !== "input") continue;
    const p = participantOf(slot.value);
    const own = p === undefined ? [] : tallies.filter((tally) => isRecord(slot.value) && tally.box.year === slot.value["year"] && tally.participants.some((q) => q.participantId === p.id));
    if (own.length === 0) {
      applied.set(slot, { value: slot.value, tallies: [] });
      continue;
    }
    try {
      applied.set(slot, { value: applyTally([slot.value], own, { lang })[0], tallies: own });
      if (slot.book !== undefined) slot.book.filled = true;
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      applied.set(
        slot,
        cause.issues.map((issue) => {
          if (issue.code !== "counts-differ") return { file: slot.origin.file, where: slot.origin.where, message: issue.message, code: issue.code };
          const params = issue.params ?? {};
          const component = String(params["component"]);
          const message = t.ballots.countsDiffer(
            p?.name === undefined ? String(params["participant"]) : `${p.name}（${p.id}）`,
            componentLabel(component, lang),
            (params["given"] ?? {}) as Partial<Counts>,
            params["tallied"] as Counts,
            fileOf(isRecord(slot.value) ? slot.value["year"] : undefined, p?.id ?? "", component),
          );
          return { file: slot.origin.file, where: [slot.origin.where, formatPath(["components", component])].filter((part) => part !== "").join(" "), message, code: issue.code };
        }),
      );
      if (slot.book !== undefined) slot.book.filled = true;
    }
  }
  for (const slot of slots) {
    switch (slot.kind) {
      case "problems":
        addAll(problems, slot.problems);
        break;
      case "body":
        candidates.push(slot.body);
        break;
      case "book":
        // A ballot workbook alone has no records to complain of; an unfilled one stands unless ballots filled it.
        if (!(slot.book.ballots && slot.book.noRecords) && !(slot.book.pending && slot.book.filled)) addAll(problems, slot.book.problems);
        break;
      case "input": {
        if (slot.book !== undefined && !slot.book.filled) break;
        const given = applied.get(slot);
        if (given === undefined) break;
        if (Array.isArray(given)) {
          addAll(problems, given);
          break;
        }
        const outcome = scored(given.value, slot.origin, policy, options);
        if (Array.isArray(outcome)) addAll(problems, outcome);
        else candidates.push(given.tallies.length > 0 ? { ...outcome, tallies: given.tallies } : outcome);
        break;
      }
    }
  }
  addAll(problems, ballotProblems);

  const bodies: Body[] = [];
  const seen = new Map<string, Origin>();
  const firstYear = candidates[0]?.result.year;
  for (const body of candidates) {
    const id = body.result.participant.id;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ file: body.origin.file, where: body.origin.where, message: t.duplicateBody(id, first.file) });
    } else if (firstYear !== undefined && body.result.year !== firstYear) {
      problems.push({ file: body.origin.file, where: body.origin.where, message: t.otherYear(body.result.year, firstYear) });
    } else {
      seen.set(id, body.origin);
      bodies.push(body);
    }
  }
  const table = rankingTable(
    bodies.map((body) => body.result),
    { by: options.by, policy, lang },
  );
  const summaries = files.map((file) => {
    const ballots = ballotFiles.find((f) => f.name === file.name)?.ballots;
    return {
      name: file.name,
      bodies: bodies.filter((body) => body.origin.file === file.name).length,
      problems: problems.filter((problem) => problem.file === file.name && problem.summary !== true).length,
      ...(ballots === undefined ? {} : { ballots }),
    };
  });
  // Each box as applied: without the bodies another box already gave.
  const boxes = tallied.map(({ box }) => (box.applied ? { ...box, tally: tallies[kept.indexOf(box)] ?? box.tally } : box));
  return { policy, bodies, table, problems, files: summaries, year: firstYear, ballotFiles, tallies: boxes };
}
