/**
 * `readBallots`: a ballot workbook (docs/ballots.md) to the ballot boxes of docs/ballots.md, one box per
 * survey component, with every problem at once, each at its cell and quoting the cell's text.
 * Two layouts: the native sheet `测评票` (one row per ballot, one column per participant) and a
 * survey platform's export (序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, then one column
 * per question `N、题干`). Addresses of the platform layout are kept only as their SHA-256
 * (docs/workbook.md, "Ballot workbooks"); the hash is WebCrypto's, so the entry stays browser-safe.
 */
import type ExcelJS from "exceljs";
import { YearSchema, type Lang } from "wubi-wuping";
import { isCalendarDate, surveyYearOf } from "wubi-wuping/formats";
import { rawCell, readCell, type RawCell } from "./cells.js";
import { loadWorkbook } from "./load.js";
import { BALLOT_COLUMNS, BALLOT_SHEET, MARK_VALUES, SURVEY_COMPONENT_VALUES, enumId, normalizeLabel, type ColumnSpec } from "./layout.js";
import {
  BALLOT_DETAILS,
  DETAILS,
  columnLetter,
  dateDiffers,
  duplicateBallot,
  duplicateColumn,
  issueAt,
  missingColumn,
  optionDiffers,
  unknownBallotColumn,
  withText,
  yearUnknown,
  type Place,
  type WorkbookIssue,
} from "./messages.js";

/**
 * A survey component a ballot box is of (docs/ballots.md).
 *
 * @example
 * ```ts
 * const component: SurveyComponentId = "deputies";
 * ```
 */
export type SurveyComponentId = "serviceRecipients" | "deputies" | "countyCounterparts";

/**
 * A mark as `readBallots` writes it: the mark's id (the box also takes the Chinese labels; the
 * reader always gives ids).
 *
 * @example
 * ```ts
 * const mark: BallotMark = "basically-satisfied";
 * ```
 */
export type BallotMark = "satisfied" | "basically-satisfied" | "dissatisfied" | "unknown";

/**
 * One ballot (docs/ballots.md): its 票号, optional rater group, rater token and seconds, and its marks
 * by participant id: one mark, or the list of what was ticked when more than one box was. A
 * participant with nothing ticked has no key (blank).
 *
 * @example
 * ```ts
 * const ballot: BallotJson = { id: "0001", group: "企业代表", seconds: 95, marks: { cgjdk: "satisfied", zfzd: ["satisfied", "dissatisfied"] } };
 * ```
 */
export interface BallotJson {
  id: string;
  group?: string;
  rater?: string;
  seconds?: number;
  marks: Record<string, BallotMark | BallotMark[]>;
}

/**
 * A ballot box (docs/ballots.md): one survey of one component, as plain JSON.
 *
 * @example
 * ```ts
 * const box: BallotBoxJson = { year: 2022, component: "serviceRecipients", date: "2022-12-20", issued: 60, ballots: [] };
 * ```
 */
export interface BallotBoxJson {
  year: number;
  component: SurveyComponentId;
  date: string;
  issued?: number;
  ballots: BallotJson[];
}

/**
 * A participant as `readBallots` takes it: an id, a roster entry (`id`, `name`), or an input
 * (`participant.id`, `participant.name`). Headers name participants by id or by name.
 *
 * @example
 * ```ts
 * const who: BallotParticipant[] = ["cgjdk", { id: "csglk", name: "城市管理科" }];
 * ```
 */
export type BallotParticipant =
  | string
  | { readonly id: string; readonly name?: string | undefined }
  | { readonly participant: { readonly id: string; readonly name?: string | undefined } };

/**
 * Options of {@link readBallots}.
 * - `participants` (required): who the mark columns may name.
 * - `year`: the evaluation year; without it, the year whose 综合评价 window (`附件2-二`, 1 December
 *   to the end of February) holds the survey's date.
 * - `component`, `date`: the survey of a platform export (required there, which has no cell for
 *   them); for the native layout, when given, every row must agree with them.
 * - `issued`: ballots handed out (发出票数), one number when the workbook holds one survey, or
 *   numbers by component.
 * - `lang`: the messages' language (Chinese by default).
 *
 * @example
 * ```ts
 * const options: ReadBallotsOptions = { participants: roster, component: "deputies", date: "2022-12-20", issued: 60, lang: "en" };
 * ```
 */
export interface ReadBallotsOptions {
  readonly participants: readonly BallotParticipant[];
  readonly year?: number | undefined;
  readonly component?: string | undefined;
  readonly date?: string | undefined;
  readonly issued?: number | Readonly<Partial<Record<SurveyComponentId, number>>> | undefined;
  readonly lang?: Lang | undefined;
}

/**
 * What {@link readBallots} gives: the layout read, its sheet, the boxes (one per component, in
 * order of first appearance) and for each ballot of each box the sheet row it came from (to point
 * a problem the tally finds back at its row); or every problem.
 *
 * @example
 * ```ts
 * const outcome: ReadBallotsResult = await readBallots(bytes, { participants: roster, issued: 60 });
 * ```
 */
export type ReadBallotsResult =
  | {
      readonly success: true;
      readonly layout: "native" | "platform";
      readonly sheet: string;
      readonly boxes: BallotBoxJson[];
      readonly rows: number[][];
    }
  | { readonly success: false; readonly issues: WorkbookIssue[] };

type Out = WorkbookIssue[];

/** The participants: each id, and the ids each normalised id or name names. */
interface Who {
  readonly ids: readonly string[];
  /** Normalised id → id. */
  readonly byId: ReadonlyMap<string, string>;
  /** Normalised name → the ids of that name. */
  readonly byName: ReadonlyMap<string, readonly string[]>;
  /** Each id with its normalised id and name, for the platform's "contains". */
  readonly keys: readonly { readonly id: string; readonly keys: readonly string[] }[];
}

/** The options, checked. */
interface Checked {
  readonly who: Who | undefined;
  readonly year: number | undefined;
  readonly component: SurveyComponentId | undefined;
  readonly date: string | undefined;
  readonly issued: number | Readonly<Partial<Record<SurveyComponentId, number>>> | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function participantOf(entry: unknown): { id: string; name: string | undefined } | undefined {
  if (typeof entry === "string") return entry === "" ? undefined : { id: entry, name: undefined };
  if (!isObject(entry)) return undefined;
  const source = isObject(entry["participant"]) ? entry["participant"] : entry;
  const id = source["id"];
  const name = source["name"];
  if (typeof id !== "string" || id === "") return undefined;
  return { id, name: typeof name === "string" && name !== "" ? name : undefined };
}

function whoOf(list: unknown, lang: Lang, out: Out): Who | undefined {
  if (!Array.isArray(list) || list.length === 0) {
    out.push(issueAt({}, "missing-option", BALLOT_DETAILS.noParticipants[lang], lang));
    return undefined;
  }
  const ids: string[] = [];
  const byId = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const keys: { id: string; keys: string[] }[] = [];
  let bad = false;
  for (const entry of list) {
    const p = participantOf(entry);
    if (p === undefined) {
      bad = true;
      continue;
    }
    const key = normalizeLabel(p.id);
    if (byId.has(key)) continue;
    ids.push(p.id);
    byId.set(key, p.id);
    const own = [key];
    if (p.name !== undefined) {
      const name = normalizeLabel(p.name);
      byName.set(name, [...(byName.get(name) ?? []), p.id]);
      own.push(name);
    }
    keys.push({ id: p.id, keys: own.filter((k) => k !== "") });
  }
  if (bad) out.push(issueAt({}, "invalid-option", BALLOT_DETAILS.badParticipant[lang], lang));
  return bad ? undefined : { ids, byId, byName, keys };
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

function checkOptions(options: ReadBallotsOptions, lang: Lang, out: Out): Checked {
  const who = whoOf(options.participants, lang, out);
  let year: number | undefined;
  if (options.year !== undefined) {
    if (YearSchema.safeParse(options.year).success) year = options.year;
    else out.push(issueAt({}, "invalid-option", withText(String(options.year), BALLOT_DETAILS.badYear[lang], lang), lang));
  }
  let component: SurveyComponentId | undefined;
  if (options.component !== undefined) {
    const id = typeof options.component === "string" ? enumId(SURVEY_COMPONENT_VALUES, options.component) : undefined;
    if (id === undefined) out.push(issueAt({}, "invalid-option", withText(String(options.component), BALLOT_DETAILS.badComponent[lang], lang), lang));
    else component = id as SurveyComponentId;
  }
  let date: string | undefined;
  if (options.date !== undefined) {
    const text = typeof options.date === "string" ? normalizeLabel(options.date) : "";
    if (isCalendarDate(text)) date = text;
    else out.push(issueAt({}, "invalid-option", withText(String(options.date), BALLOT_DETAILS.badDate[lang], lang), lang));
  }
  const issued = options.issued;
  const issuedOk =
    issued === undefined ||
    isCount(issued) ||
    (isObject(issued) && Object.entries(issued).every(([key, n]) => enumId(SURVEY_COMPONENT_VALUES, key) === key && (n === undefined || isCount(n))));
  if (!issuedOk) out.push(issueAt({}, "invalid-option", BALLOT_DETAILS.badIssued[lang], lang));
  return { who, year, component, date, issued: issuedOk ? issued : undefined };
}

/** A cell's text as the clerk sees it, for quoting (none for an error). */
function cellText(raw: RawCell): string | undefined {
  switch (raw.kind) {
    case "text":
      return raw.text;
    case "number":
      return String(raw.value);
    case "boolean":
      return raw.value ? "TRUE" : "FALSE";
    case "date":
      return raw.text;
    default:
      return undefined;
  }
}

/** The header of a header cell: its text after NFKC and trim, without a trailing `*`. */
function headerText(value: unknown): string {
  const raw = rawCell(value);
  const text = raw.kind === "text" ? raw.text : raw.kind === "number" ? String(raw.value) : "";
  return normalizeLabel(text).replace(/\*$/, "").trim();
}

const PLATFORM_BLANKS = new Set(["(跳过)", "(空)"]);
const TICKS = /[┋、]/;

/**
 * A mark cell's text as a mark: one mark, the list of ticks (`┋` or `、` between them; blanks
 * among them dropped), `undefined` when nothing was ticked, or `false` when it is no mark.
 * `blanks`: whether `(跳过)` and `(空)` mean blank (the platform layout).
 */
function readMark(text: string, blanks: boolean): BallotMark | BallotMark[] | undefined | false {
  const whole = normalizeLabel(text);
  const blank = (part: string): boolean => part === "" || (blanks && PLATFORM_BLANKS.has(part));
  if (blank(whole)) return undefined;
  if (!TICKS.test(whole)) return (enumId(MARK_VALUES, whole) as BallotMark | undefined) ?? false;
  const marks: BallotMark[] = [];
  for (const part of whole.split(TICKS).map(normalizeLabel)) {
    if (blank(part)) continue;
    const id = enumId(MARK_VALUES, part) as BallotMark | undefined;
    if (id === undefined) return false;
    marks.push(id);
  }
  return marks.length === 0 ? undefined : marks;
}

/** One ballot read from a row: its fields so far, its row, and where its survey cells are. */
interface RowBallot {
  readonly row: number;
  readonly ballot: BallotJson;
  component?: SurveyComponentId;
  date?: string;
  readonly places: Map<string, Place>;
  readonly texts: Map<string, string>;
  bad: boolean;
}

/** Where a workbook's ballots are: the native sheet, else the first platform export. */
function findSheet(workbook: ExcelJS.Workbook): { layout: "native" | "platform"; ws: ExcelJS.Worksheet } | undefined {
  const native = workbook.worksheets.find((ws) => normalizeLabel(ws.name) === BALLOT_SHEET);
  if (native !== undefined) return { layout: "native", ws: native };
  for (const ws of workbook.worksheets) {
    const first = ws.getRow(1);
    if (headerText(first.getCell(1).value) !== "序号") continue;
    let submitted = false;
    first.eachCell({ includeEmpty: false }, (cell) => {
      if (headerText(cell.value) === "提交答卷时间") submitted = true;
    });
    if (submitted) return { layout: "platform", ws };
  }
  return undefined;
}

/** What a column of either layout holds. */
type Column =
  | { readonly kind: "fixed"; readonly spec: ColumnSpec }
  | { readonly kind: "mark"; readonly participant: string }
  | { readonly kind: "id" }
  | { readonly kind: "seconds" }
  | { readonly kind: "address" }
  | { readonly kind: "group" }
  | { readonly kind: "ignored" };

/**
 * Reads the header row: each column's meaning, `unknown-column` / `duplicate-column` where a
 * header names nothing or repeats, `missing-column` for a required one absent.
 */
function readHeaders(
  ws: ExcelJS.Worksheet,
  classify: (header: string) => Column | { readonly unknown: readonly string[] },
  required: readonly string[],
  marksExpected: boolean,
  lang: Lang,
  out: Out,
): { columns: Map<number, Column>; headers: Map<number, string>; named: Set<number>; ok: boolean } {
  const sheet = ws.name;
  const columns = new Map<number, Column>();
  const headers = new Map<number, string>();
  const named = new Set<number>();
  const seen = new Map<string, number>();
  let ok = true;
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, n) => {
    const header = headerText(cell.value);
    if (header === "") return;
    named.add(n);
    const place: Place = { sheet, row: 1, column: columnLetter(n), header };
    const column = classify(header);
    if ("unknown" in column) {
      out.push(issueAt(place, "unknown-column", unknownBallotColumn(header, column.unknown, lang), lang));
      ok = false;
      return;
    }
    const key = column.kind === "fixed" ? `fixed:${column.spec.field}` : column.kind === "mark" ? `mark:${column.participant}` : column.kind === "ignored" ? `ignored:${header}` : column.kind;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(issueAt(place, "duplicate-column", duplicateColumn(header, columnLetter(first), lang), lang));
      ok = false;
      return;
    }
    seen.set(key, n);
    columns.set(n, column);
    headers.set(n, header);
  });
  for (const header of required) {
    if (![...headers.values()].includes(header)) {
      out.push(issueAt({ sheet }, "missing-column", missingColumn(header, lang), lang));
      ok = false;
    }
  }
  if (marksExpected && ![...columns.values()].some((c) => c.kind === "mark")) {
    out.push(issueAt({ sheet }, "missing-column", BALLOT_DETAILS.noParticipantColumn[lang], lang));
    ok = false;
  }
  return { columns, headers, named, ok };
}

const FIXED = new Map(BALLOT_COLUMNS.map((c) => [normalizeLabel(c.header), c]));

function nativeColumn(who: Who | undefined): (header: string) => Column | { unknown: readonly string[] } {
  return (header) => {
    const fixed = FIXED.get(header);
    // 评价人类别 and 用时（秒） read as the platform's 评价人类别 and 所用时间 do (`95` or `95秒`).
    if (fixed?.field === "group" || fixed?.field === "seconds") return { kind: fixed.field };
    if (fixed !== undefined) return { kind: "fixed", spec: fixed };
    if (who === undefined) return { kind: "ignored" };
    const byId = who.byId.get(header);
    if (byId !== undefined) return { kind: "mark", participant: byId };
    const byName = who.byName.get(header) ?? [];
    return byName.length === 1 ? { kind: "mark", participant: byName[0] as string } : { unknown: byName };
  };
}

const PLATFORM_HEADERS: Readonly<Record<string, Column>> = {
  序号: { kind: "id" },
  所用时间: { kind: "seconds" },
  来自IP: { kind: "address" },
  提交答卷时间: { kind: "ignored" },
  来源: { kind: "ignored" },
  来源详情: { kind: "ignored" },
};
const QUESTION = /^[0-9]+、(.*)$/su;

function platformColumn(who: Who | undefined): (header: string) => Column | { unknown: readonly string[] } {
  return (header) => {
    const known = PLATFORM_HEADERS[header];
    if (known !== undefined) return known;
    const question = QUESTION.exec(header);
    if (question === null) return { unknown: [] };
    const stem = normalizeLabel(question[1] as string);
    if (stem === "评价人类别") return { kind: "group" };
    if (who === undefined) return { kind: "ignored" };
    const named = who.keys.filter((p) => p.keys.some((k) => stem.includes(k))).map((p) => p.id);
    return named.length === 1 ? { kind: "mark", participant: named[0] as string } : { unknown: named };
  };
}

/** The lowercase hex SHA-256 of a text's UTF-8 bytes, by WebCrypto (`undefined` without it). */
async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: { subtle?: typeof globalThis.crypto.subtle } }).crypto?.subtle;
  if (subtle === undefined) return undefined;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const MAX_TEXT = 100;

/** Reads every non-empty row of the ballot sheet, in either layout. */
async function readRows(
  ws: ExcelJS.Worksheet,
  layout: "native" | "platform",
  { columns, headers, named }: { readonly columns: ReadonlyMap<number, Column>; readonly headers: ReadonlyMap<number, string>; readonly named: ReadonlySet<number> },
  lang: Lang,
  out: Out,
): Promise<RowBallot[]> {
  const sheet = ws.name;
  const unnamed = new Set<number>();
  const rows: RowBallot[] = [];
  const hashes = new Map<string, Promise<string | undefined>>();
  let unhashed = false;
  const pending: Promise<void>[] = [];
  const blanks = layout === "platform";
  ws.eachRow({ includeEmpty: false }, (wsRow, r) => {
    if (r === 1) return;
    const cells: { n: number; raw: RawCell }[] = [];
    wsRow.eachCell({ includeEmpty: false }, (cell, n) => {
      const raw = rawCell(cell.value);
      if (raw.kind !== "empty") cells.push({ n, raw });
    });
    if (cells.length === 0) return;
    const item: RowBallot = { row: r, ballot: { id: "", marks: {} }, places: new Map(), texts: new Map(), bad: false };
    const fail = (place: Place, code: string, text: string | undefined, detail: string): void => {
      out.push(issueAt(place, code, withText(text, detail, lang), lang));
      item.bad = true;
    };
    let seconds: number | undefined;
    for (const { n, raw } of cells) {
      const column = columns.get(n);
      if (column === undefined && !named.has(n) && !unnamed.has(n)) {
        // Content under no header: a column must never be dropped silently (docs/workbook.md).
        unnamed.add(n);
        out.push(issueAt({ sheet, row: 1, column: columnLetter(n), header: "" }, "unknown-column", DETAILS.headerEmpty[lang], lang));
      }
      if (column === undefined || column.kind === "ignored") continue;
      const place: Place = { sheet, row: r, column: columnLetter(n), header: headers.get(n) };
      const text = cellText(raw);
      const platformBlank = blanks && raw.kind === "text" && PLATFORM_BLANKS.has(normalizeLabel(raw.text));
      if (raw.kind === "formula-without-value") {
        fail(place, "formula-without-value", undefined, DETAILS.formula[lang]);
        continue;
      }
      if (raw.kind === "error") {
        fail(place, "invalid-cell", undefined, DETAILS.formulaError[lang]);
        continue;
      }
      switch (column.kind) {
        case "mark": {
          const mark = raw.kind === "text" ? readMark(raw.text, blanks) : false;
          if (mark === false) fail(place, "invalid-mark", text, BALLOT_DETAILS.invalidMark[lang]);
          else if (mark !== undefined) item.ballot.marks[column.participant] = mark;
          break;
        }
        case "id":
        case "fixed": {
          const field = column.kind === "id" ? "id" : column.spec.field;
          item.places.set(field, place);
          if (text !== undefined) item.texts.set(field, text);
          const spec = column.kind === "fixed" ? column.spec : (BALLOT_COLUMNS[0] as ColumnSpec);
          const reading = readCell(raw, spec, lang);
          if (!reading.ok) {
            fail(place, reading.code, text, reading.detail);
            break;
          }
          const value = reading.value;
          if (field === "id" || field === "rater") {
            if ([...String(value)].length > MAX_TEXT) fail(place, "invalid-cell", text, BALLOT_DETAILS.tooLong[lang]);
            else item.ballot[field as "id" | "rater"] = String(value);
          } else if (field === "component") item.component = value as SurveyComponentId;
          else if (field === "date") {
            if (isCalendarDate(String(value))) item.date = String(value);
            else fail(place, "invalid-cell", text, BALLOT_DETAILS.notCalendarDate[lang]);
          }
          break;
        }
        case "group": {
          if (platformBlank) break;
          if (raw.kind !== "text") fail(place, "invalid-cell", text, DETAILS.notText[lang]);
          else if ([...normalizeLabel(raw.text)].length > MAX_TEXT) fail(place, "invalid-cell", text, BALLOT_DETAILS.tooLong[lang]);
          else item.ballot.group = normalizeLabel(raw.text);
          break;
        }
        case "seconds": {
          if (platformBlank) break;
          const plain = raw.kind === "text" ? normalizeLabel(raw.text) : undefined;
          const match = plain === undefined ? null : /^([0-9]{1,15})秒?$/u.exec(plain);
          if (raw.kind === "number" && Number.isSafeInteger(raw.value) && raw.value >= 0) seconds = raw.value;
          else if (match !== null && Number.isSafeInteger(Number(match[1]))) seconds = Number(match[1]);
          else fail(place, "invalid-cell", text, BALLOT_DETAILS.notSeconds[lang]);
          break;
        }
        case "address": {
          // The address is never kept or quoted: only its hash leaves this function.
          if (raw.kind !== "text" && raw.kind !== "number") {
            fail(place, "invalid-cell", undefined, DETAILS.notText[lang]);
            break;
          }
          const whole = raw.kind === "text" ? raw.text : String(raw.value);
          const cut = whole.search(/[(（]/u);
          const address = (cut < 0 ? whole : whole.slice(0, cut)).trim();
          if (address === "" || PLATFORM_BLANKS.has(normalizeLabel(whole))) break;
          let hash = hashes.get(address);
          if (hash === undefined) {
            hash = sha256Hex(address);
            hashes.set(address, hash);
          }
          pending.push(
            hash.then((hex) => {
              if (hex === undefined) unhashed = true;
              else item.ballot.rater = hex;
            }),
          );
          break;
        }
      }
    }
    if (seconds !== undefined) item.ballot.seconds = seconds;
    for (const [n, column] of columns) {
      const field = column.kind === "id" ? "id" : column.kind === "fixed" && column.spec.required ? column.spec.field : undefined;
      if (field === undefined || item.places.has(field)) continue;
      const place: Place = { sheet, row: r, column: columnLetter(n), header: headers.get(n) };
      item.places.set(field, place);
      fail(place, "invalid-cell", undefined, DETAILS.required[lang]);
    }
    rows.push(item);
  });
  await Promise.all(pending);
  // A page opened where WebCrypto is missing (an insecure context) cannot hash: one problem, never
  // an address kept in its place.
  if (unhashed) out.push(issueAt({ sheet }, "unsupported-environment", BALLOT_DETAILS.noCrypto[lang], lang));
  return rows;
}

/** The ballot with its keys in the order of docs/ballots.md. */
function ordered(ballot: BallotJson, order: readonly string[]): BallotJson {
  const marks: Record<string, BallotMark | BallotMark[]> = {};
  for (const id of order) {
    const mark = ballot.marks[id];
    if (mark !== undefined) marks[id] = mark;
  }
  return {
    id: ballot.id,
    ...(ballot.group === undefined ? {} : { group: ballot.group }),
    ...(ballot.rater === undefined ? {} : { rater: ballot.rater }),
    ...(ballot.seconds === undefined ? {} : { seconds: ballot.seconds }),
    marks,
  };
}

/** The evaluation year of a survey: given, else the year whose 综合评价 window holds its date. */
function yearOf(given: number | undefined, date: string): number | undefined {
  return given ?? surveyYearOf(date);
}

/**
 * Reads a ballot workbook (docs/ballots.md) into ballot boxes (docs/ballots.md), one per survey component
 * in order of first appearance. The native layout is the sheet `测评票` (票号, 考评项目, 测评日期,
 * 评价人类别, 评价人标识, 用时（秒）, then one column per participant headed by its id or name);
 * otherwise the first sheet whose row 1 starts with 序号 and holds 提交答卷时间 is read as a
 * survey platform's export (component and date from `options`; 来自IP kept only as the SHA-256 of
 * the address). Marks come out as ids (`"satisfied"`, …), several ticks as a list, blank cells as
 * no key. Every problem is reported at once at its sheet, row and column, quoting the cell's text
 * (never an address). Never throws on any bytes.
 *
 * @param bytes - The `.xlsx` file.
 * @param options - `participants` (required), `year`, `component`, `date`, `issued`, `lang`.
 * @returns `{ success: true, layout, sheet, boxes, rows }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * const outcome = await readBallots(readFileSync("测评票.xlsx"), { participants: roster, issued: 60 });
 * if (outcome.success) outcome.boxes[0].ballots[0]; //=> { id: "0001", group: "企业代表", marks: { cgjdk: "satisfied" } }
 * else outcome.issues[0].message; //=> "测评票!H5（城管监督科）：“很满意”：应为 满意、基本满意、不满意、不了解 之一…"
 * ```
 */
export async function readBallots(bytes: Uint8Array | ArrayBuffer, options: ReadBallotsOptions): Promise<ReadBallotsResult> {
  const lang: Lang = options?.lang === "en" ? "en" : "zh";
  const out: Out = [];
  const checked = checkOptions(options ?? ({} as ReadBallotsOptions), lang, out);
  const loaded = await loadWorkbook(bytes, lang);
  if (!loaded.success) return { success: false, issues: [...out, ...loaded.issues] };
  const found = findSheet(loaded.workbook);
  if (found === undefined) {
    out.push(issueAt({}, "missing-sheet", BALLOT_DETAILS.noSheet[lang], lang));
    return { success: false, issues: out };
  }
  const { layout, ws } = found;
  const native = layout === "native";
  if (!native) {
    if (checked.component === undefined && options?.component === undefined) out.push(issueAt({}, "missing-option", BALLOT_DETAILS.platformComponent[lang], lang));
    if (checked.date === undefined && options?.date === undefined) out.push(issueAt({}, "missing-option", BALLOT_DETAILS.platformDate[lang], lang));
  }
  const required = native ? BALLOT_COLUMNS.filter((c) => c.required).map((c) => normalizeLabel(c.header)) : ["序号"];
  const header = readHeaders(ws, native ? nativeColumn(checked.who) : platformColumn(checked.who), required, checked.who !== undefined, lang, out);
  const rows = await readRows(ws, layout, header, lang, out);
  const boxes = assemble(ws.name, layout, rows, checked, lang, out);
  if (!header.ok || out.length > 0 || checked.who === undefined) return { success: false, issues: out };
  return { success: true, layout, sheet: ws.name, ...boxes };
}

/** Groups the rows into boxes, checking one date per survey, unique 票号 and the options. */
function assemble(sheet: string, layout: "native" | "platform", rows: readonly RowBallot[], checked: Checked, lang: Lang, out: Out): { boxes: BallotBoxJson[]; rows: number[][] } {
  const order = checked.who?.ids ?? [];
  // Boxes by component; a platform export is one box, even before its component is known, so
  // its repeated 序号 are found whatever the options say.
  const boxes = new Map<SurveyComponentId | "", { date: string | undefined; dateRow: number; ballots: BallotJson[]; rows: number[]; ids: Map<string, number> }>();
  for (const item of rows) {
    const component = layout === "native" ? item.component : (checked.component ?? "");
    const date = layout === "native" ? item.date : checked.date;
    if (component === undefined || item.ballot.id === "") continue;
    if (layout === "native" && checked.component !== undefined && component !== checked.component) {
      out.push(issueAt(item.places.get("component") as Place, "invalid-cell", optionDiffers(item.texts.get("component") ?? component, checked.component, lang), lang));
      continue;
    }
    let box = boxes.get(component);
    if (box === undefined) {
      box = { date, dateRow: item.row, ballots: [], rows: [], ids: new Map() };
      boxes.set(component, box);
    }
    if (box.date === undefined && date !== undefined) {
      box.date = date;
      box.dateRow = item.row;
    }
    const id = item.ballot.id;
    const first = box.ids.get(id);
    if (first !== undefined) out.push(issueAt(item.places.get("id") as Place, "duplicate-id", duplicateBallot(id, first, lang), lang));
    else box.ids.set(id, item.row);
    if (layout === "native" && date !== undefined && checked.date !== undefined && date !== checked.date) {
      out.push(issueAt(item.places.get("date") as Place, "invalid-cell", optionDiffers(item.texts.get("date") ?? date, checked.date, lang), lang));
    } else if (date !== undefined && box.date !== undefined && box.date !== date) {
      out.push(issueAt(item.places.get("date") as Place, "invalid-cell", dateDiffers(item.texts.get("date") ?? date, box.date, box.dateRow, lang), lang));
    }
    box.ballots.push(ordered(item.ballot, order));
    box.rows.push(item.row);
  }
  const issued = checked.issued;
  if (typeof issued === "number" && boxes.size > 1) out.push(issueAt({}, "invalid-option", BALLOT_DETAILS.issuedAmbiguous[lang], lang));
  const result: BallotBoxJson[] = [];
  for (const [component, box] of boxes) {
    if (component === "" || box.date === undefined) continue;
    const year = yearOf(checked.year, box.date);
    if (year === undefined) {
      out.push(issueAt({ sheet }, "missing-option", yearUnknown(box.date, lang), lang));
      continue;
    }
    const count = typeof issued === "number" ? issued : issued?.[component];
    result.push({ year, component, date: box.date, ...(count === undefined ? {} : { issued: count }), ballots: box.ballots });
  }
  return { boxes: result, rows: [...boxes.values()].map((b) => b.rows) };
}
