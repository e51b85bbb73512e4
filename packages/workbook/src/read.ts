/**
 * `readWorkbook`: an office workbook (docs/workbook.md) to the inputs of docs/formats.md, one per row of
 * `参评对象`, with every problem at once, each at the cell it came from.
 */
import type ExcelJS from "exceljs";
import { COMPONENTS, safeScore, type ComponentId, type Lang, type Policy, type ScoreInputJson } from "wubi-wuping";
import { readCell, rawCell } from "./cells.js";
import { loadWorkbook } from "./load.js";
import { BALLOT_SHEET, IGNORED_PREFIX, NOTES_SHEET, SHEET_NAMES, normalizeLabel, sheetSpec, type ColumnSpec, type SheetName, type SheetSpec } from "./layout.js";
import {
  DETAILS,
  columnLetter,
  duplicateColumn,
  duplicateSurvey,
  issueAt,
  missingColumn,
  unknownColumn,
  unknownSheet,
  type Place,
  type WorkbookIssue,
} from "./messages.js";

/**
 * Options of {@link readWorkbook}: `policy` and `allowIncomplete` as `score` takes them, for the
 * input validation of each assembled input; `lang` for the messages.
 *
 * @example
 * ```ts
 * await readWorkbook(bytes, { allowIncomplete: true, lang: "en" } satisfies ReadWorkbookOptions);
 * ```
 */
export interface ReadWorkbookOptions {
  readonly policy?: Policy | undefined;
  readonly allowIncomplete?: boolean | undefined;
  readonly lang?: Lang | undefined;
  /**
   * How the front end names the `allowIncomplete` switch in a missing component's message:
   * `allowIncomplete` (the default), `--allow-incomplete` on the command line, the checkbox
   * `“允许缺项”` on the offline page.
   */
  readonly allowIncompleteName?: string | undefined;
}

/**
 * One body's components that are not filled in, said once before their details: a clerk who sent
 * an unfilled or half-filled workbook sees at a glance what each body still lacks.
 *
 * @example
 * ```ts
 * const summary: WorkbookSummary = {
 *   sheet: "参评对象", row: 2, id: "cgjdk", name: "城管监督科",
 *   missing: ["routineInspection", "cityLeaders"],
 *   message: "cgjdk 城管监督科：2 项未填写：日常督查、分管联系市领导评价",
 * };
 * ```
 */
export interface WorkbookSummary {
  /** The sheet and row of the body: `参评对象`, its row. */
  readonly sheet: string;
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The components not filled in, in policy order. */
  readonly missing: readonly ComponentId[];
  /** `cgjdk 城管监督科：7 项未填写：日常督查、…` (or its English). */
  readonly message: string;
}

/**
 * What {@link readWorkbook} gives: the inputs, or every problem.
 *
 * @example
 * ```ts
 * const outcome: ReadWorkbookResult = await readWorkbook(bytes);
 * ```
 */
export type ReadWorkbookResult =
  | { readonly success: true; readonly inputs: ScoreInputJson[] }
  | {
      readonly success: false;
      readonly issues: WorkbookIssue[];
      /** One line per body with components not filled in, to show before the issues (empty when none). */
      readonly summaries?: WorkbookSummary[];
    };

type Value = string | number | boolean;

/** One row of a record sheet: its values by field, the cell each came from, and its problems. */
interface Row {
  readonly sheet: SheetName;
  readonly row: number;
  readonly values: Map<string, Value>;
  readonly cells: Map<string, Place>;
  /** Whether a cell of the row had a problem (so its record is incomplete). */
  bad: boolean;
}

type Out = WorkbookIssue[];

/** The header of a header cell: its text after NFKC and trim, without a trailing `*`. */
function headerText(value: unknown): string {
  const raw = rawCell(value);
  const text = raw.kind === "text" ? raw.text : raw.kind === "number" ? String(raw.value) : "";
  return normalizeLabel(text).replace(/\*$/, "").trim();
}

/**
 * Reads one record sheet: its header row, then every non-empty row, each cell for its column.
 * `broken` when a required column is missing: its records cannot be whole, so the input problems
 * they would raise are left unsaid.
 */
function readSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, lang: Lang, out: Out): { rows: Row[]; broken: boolean } {
  const sheet = spec.name;
  let broken = false;
  const byColumn = new Map<number, ColumnSpec>();
  const seen = new Map<string, number>();
  const unnamed = new Set<number>();
  let headerProblem = false;
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, n) => {
    const header = headerText(cell.value);
    if (header === "") return;
    const place: Place = { sheet, row: 1, column: columnLetter(n), header };
    const column = spec.columns.find((c) => c.header === header);
    if (column === undefined) {
      out.push(issueAt(place, "unknown-column", unknownColumn(header, spec.columns.map((c) => c.header), lang), lang));
      headerProblem = true;
    } else if (seen.has(header)) {
      out.push(issueAt(place, "duplicate-column", duplicateColumn(header, columnLetter(seen.get(header) as number), lang), lang));
      headerProblem = true;
    } else {
      seen.set(header, n);
      byColumn.set(n, column);
    }
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.header)) {
      out.push(issueAt({ sheet }, "missing-column", missingColumn(column.header, lang), lang));
      headerProblem = true;
      broken = true;
    }
  }
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (wsRow, r) => {
    if (r === 1) return;
    const values = new Map<string, Value>();
    const cells = new Map<string, Place>();
    const found: { column: ColumnSpec; place: Place; raw: ReturnType<typeof rawCell> }[] = [];
    wsRow.eachCell({ includeEmpty: false }, (cell, n) => {
      const raw = rawCell(cell.value);
      if (raw.kind === "empty") return;
      const column = byColumn.get(n);
      if (column === undefined) {
        if (!seen.size || headerProblem || unnamed.has(n)) return;
        unnamed.add(n);
        out.push(issueAt({ sheet, row: 1, column: columnLetter(n), header: "" }, "unknown-column", DETAILS.headerEmpty[lang], lang));
        return;
      }
      found.push({ column, raw, place: { sheet, row: r, column: columnLetter(n), header: column.header } });
    });
    if (found.length === 0) return;
    const row: Row = { sheet, row: r, values, cells, bad: false };
    for (const { column, raw, place } of found) {
      cells.set(column.field, place);
      const reading = readCell(raw, column, lang);
      if (reading.ok) values.set(column.field, reading.value);
      else {
        out.push(issueAt(place, reading.code, reading.detail, lang));
        row.bad = true;
      }
    }
    for (const column of spec.columns) {
      if (!column.required || cells.has(column.field) || !seen.has(column.header)) continue;
      const n = seen.get(column.header) as number;
      const place: Place = { sheet, row: r, column: columnLetter(n), header: column.header };
      cells.set(column.field, place);
      out.push(issueAt(place, "invalid-cell", DETAILS.required[lang], lang));
      row.bad = true;
    }
    rows.push(row);
  });
  return { rows, broken };
}

/** Where each path of an assembled input came from, for mapping input problems back to cells. */
class Origins {
  private readonly places = new Map<string, Place>();
  constructor(readonly body: Place) {}
  set(path: readonly (string | number)[], place: Place): void {
    this.places.set(path.join("\u0000"), place);
  }
  /** Records a row's fields under `path`, the row itself at `path` (its 编号 cell). */
  record(path: readonly (string | number)[], row: Row, fields: Readonly<Record<string, string>> = {}): void {
    const bodyCell = row.cells.get("body");
    if (bodyCell !== undefined) this.set(path, bodyCell);
    for (const [field, place] of row.cells) this.set([...path, fields[field] ?? field], place);
  }
  /** The place of the longest recorded prefix of `path`, else the body's row of 参评对象. */
  find(path: readonly (string | number)[]): Place {
    for (let n = path.length; n > 0; n -= 1) {
      const place = this.places.get(path.slice(0, n).join("\u0000"));
      if (place !== undefined) return place;
    }
    return this.body;
  }
}

/** Copies the fields of a row that read well, in `keys` order (the input's key order). */
function pick(row: Row, keys: readonly string[], rename: Readonly<Record<string, string>> = {}): Record<string, Value> {
  const record: Record<string, Value> = {};
  for (const key of keys) {
    const value = row.values.get(rename[key] ?? key);
    if (value !== undefined) record[key] = value;
  }
  return record;
}

const ROUND_KEYS = ["id", "date", "score", "outOf", "note"];
const COMPLAINT_KEYS = ["id", "date", "verified", "deduction"];
const LEADER_KEYS = ["by", "score", "date"];
const BALLOT_KEYS = ["satisfied", "basicallySatisfied", "dissatisfied", "unknown"];
const COMMENDATION_KEYS = ["id", "matter", "level", "recipient", "documentNumber", "approved", "title", "issuer", "awarded"];
const VETO_KEYS = ["id", "ground", "subject", "date", "confirmed", "reference", "reason"];

/** One body being assembled: its input, the origins of its paths, and sheets with bad rows. */
interface Body {
  readonly input: Record<string, unknown> & { components: Record<string, unknown> };
  readonly origins: Origins;
  readonly incomplete: Set<SheetName>;
}

const componentLabel = (id: string): string => COMPONENTS.find((c) => c.id === id)?.label ?? id;

/**
 * Reads an office workbook (docs/workbook.md) into the inputs of docs/formats.md, one per row of `参评对象` in
 * row order, each checked by the input validation under `policy`. Every problem is reported at once,
 * each at its sheet, row and column, with a message naming the cell (`督查暗访!D7（得分）：…`).
 * Never throws on any bytes: a file that is not a workbook, is encrypted, truncated, or unpacks
 * to more than 200 MiB is one problem. A failure also gives `summaries`: one line per body whose
 * components are not all filled in (`cgjdk 城管监督科：7 项未填写：…`), to show before the issues.
 *
 * @param bytes - The `.xlsx` file.
 * @param options - `policy`, `allowIncomplete`, `lang`.
 * @returns `{ success: true, inputs }` or `{ success: false, issues }`.
 * @example
 * ```ts
 * const outcome = await readWorkbook(readFileSync("2022.xlsx"));
 * if (outcome.success) outcome.inputs.map((input) => score(input).total); //=> ["93.23", …]
 * else outcome.issues[0].message; //=> "督查暗访!D7（得分）：填的是“23分”，应为数字，如 23.5，最多 6 位小数"
 * ```
 */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer, options: ReadWorkbookOptions = {}): Promise<ReadWorkbookResult> {
  const lang: Lang = options.lang === "en" ? "en" : "zh";
  const loaded = await loadWorkbook(bytes, lang);
  if (!loaded.success) return loaded;
  const workbook = loaded.workbook;
  return readSheets(workbook, options, lang);
}

function readSheets(workbook: ExcelJS.Workbook, options: ReadWorkbookOptions, lang: Lang): ReadWorkbookResult {
  const out: Out = [];
  const rows = new Map<SheetName, Row[]>();
  const broken = new Set<string>();
  for (const ws of workbook.worksheets) {
    const name = ws.name;
    // The ballots of 测评票 are read by readBallots (docs/ballots.md), not as records.
    if (name === NOTES_SHEET || name.startsWith(IGNORED_PREFIX) || name === BALLOT_SHEET) continue;
    const spec = sheetSpec(name);
    if (spec === undefined) {
      out.push(issueAt({ sheet: name }, "unknown-sheet", unknownSheet(name, SHEET_NAMES, lang), lang));
      continue;
    }
    const sheet = readSheet(ws, spec, lang, out);
    rows.set(spec.name, sheet.rows);
    if (sheet.broken) broken.add(spec.name);
  }
  const bodyRows = rows.get("参评对象");
  if (bodyRows === undefined) {
    out.push(issueAt({ sheet: "参评对象" }, "missing-sheet", DETAILS.missingParticipants[lang], lang));
    return { success: false, issues: out, summaries: [] };
  }
  const bodies = assemble(bodyRows, rows, lang, out);
  const summaries = validate(bodies, broken, options, lang, out);
  return out.length === 0 ? { success: true, inputs: bodies.map((b) => b.input as ScoreInputJson) } : { success: false, issues: out, summaries };
}

function assemble(bodyRows: readonly Row[], rows: ReadonlyMap<SheetName, Row[]>, lang: Lang, out: Out): Body[] {
  const bodies: Body[] = [];
  const byId = new Map<string, Body>();
  for (const row of bodyRows) {
    const id = row.values.get("id");
    const idPlace = row.cells.get("id") as Place;
    const participant = pick(row, ["id", "name", "unit", "category"]);
    const input: Body["input"] = { year: row.values.get("year"), participant, components: {} };
    if (input.year === undefined) delete input.year;
    const origins = new Origins(idPlace);
    origins.set(["year"], row.cells.get("year") ?? idPlace);
    origins.record(["participant"], row);
    const body: Body = { input, origins, incomplete: new Set() };
    if (typeof id === "string") {
      if (byId.has(id)) {
        out.push(issueAt(idPlace, "duplicate-participant", DETAILS.duplicateParticipant[lang], lang));
        continue;
      }
      byId.set(id, body);
    }
    bodies.push(body);
  }
  /** The body a record row names, or a problem at its 编号 cell; `undefined` drops the row. */
  const bodyOf = (row: Row): Body | undefined => {
    const id = row.values.get("body");
    if (typeof id !== "string") return undefined;
    const body = byId.get(id);
    if (body === undefined) out.push(issueAt(row.cells.get("body") as Place, "unknown-participant", DETAILS.unknownParticipant[lang], lang));
    else if (row.bad) body.incomplete.add(row.sheet);
    return body;
  };
  const list = (body: Body, path: readonly string[]): unknown[] => {
    let target: Record<string, unknown> = body.input;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    return (target[last] ??= []) as unknown[];
  };
  for (const row of rows.get("督查暗访") ?? []) {
    const body = bodyOf(row);
    const component = row.values.get("component");
    if (body === undefined || typeof component !== "string") continue;
    const rounds = list(body, ["components", component, "rounds"]);
    body.origins.record(["components", component, "rounds", rounds.length], row);
    rounds.push(pick(row, ROUND_KEYS));
  }
  const complaints = rows.get("投诉");
  if (complaints !== undefined) {
    for (const body of bodies) body.input.components["complaints"] = { complaints: [] };
    for (const row of complaints) {
      const body = bodyOf(row);
      if (body === undefined) continue;
      const target = list(body, ["components", "complaints", "complaints"]);
      body.origins.record(["components", "complaints", "complaints", target.length], row);
      target.push(pick(row, COMPLAINT_KEYS));
    }
  }
  const surveys = new Map<string, number>();
  for (const row of rows.get("测评") ?? []) {
    const body = bodyOf(row);
    const component = row.values.get("component");
    if (body === undefined || typeof component !== "string") continue;
    const key = `${String(row.values.get("body"))}\u0000${component}`;
    const first = surveys.get(key);
    if (first !== undefined) {
      out.push(issueAt(row.cells.get("component") as Place, "duplicate-survey", duplicateSurvey(componentLabel(component), first, lang), lang));
      continue;
    }
    surveys.set(key, row.row);
    const survey: Record<string, unknown> = { ballots: pick(row, BALLOT_KEYS) };
    const date = row.values.get("date");
    if (date !== undefined) survey["date"] = date;
    body.input.components[component] = survey;
    const origins = body.origins;
    origins.set(["components", component], row.cells.get("component") as Place);
    for (const key of BALLOT_KEYS) {
      const place = row.cells.get(key);
      if (place !== undefined) origins.set(["components", component, "ballots", key], place);
    }
    origins.set(["components", component, "ballots"], row.cells.get("satisfied") ?? (row.cells.get("component") as Place));
    const datePlace = row.cells.get("date");
    if (datePlace !== undefined) origins.set(["components", component, "date"], datePlace);
  }
  for (const row of rows.get("市领导评分") ?? []) {
    const body = bodyOf(row);
    if (body === undefined) continue;
    const scores = list(body, ["components", "cityLeaders", "scores"]);
    body.origins.record(["components", "cityLeaders", "scores", scores.length], row);
    scores.push(pick(row, LEADER_KEYS));
  }
  for (const [sheet, key, keys] of [
    ["表彰", "commendations", COMMENDATION_KEYS],
    ["一票否决", "vetoes", VETO_KEYS],
  ] as const) {
    for (const row of rows.get(sheet) ?? []) {
      const body = bodyOf(row);
      if (body === undefined) continue;
      const records = list(body, [key]);
      body.origins.record([key, records.length], row);
      records.push(pick(row, keys));
    }
  }
  for (const body of bodies) body.input.components = inPolicyOrder(body.input.components);
  return bodies;
}

/** The components object with its keys in policy order (the order a person reads them in). */
function inPolicyOrder(components: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const c of COMPONENTS) if (c.id in components) ordered[c.id] = components[c.id];
  return ordered;
}

/** Which sheet a component's records come from. */
const SHEET_OF: Readonly<Record<ComponentId, SheetName>> = {
  routineInspection: "督查暗访",
  specialInspection: "督查暗访",
  unannouncedVisit: "督查暗访",
  complaints: "投诉",
  serviceRecipients: "测评",
  deputies: "测评",
  countyCounterparts: "测评",
  cityLeaders: "市领导评分",
};

/**
 * Runs the input validation on each assembled input and reports its problems at the cells they came
 * from, skipping a cell already reported, the records of a sheet missing a required column, and
 * a missing component whose sheet had a bad row for the body (its records were not all read).
 * Returns one summary per body with missing components reported.
 */
function validate(bodies: readonly Body[], broken: ReadonlySet<string>, options: ReadWorkbookOptions, lang: Lang, out: Out): WorkbookSummary[] {
  const reported = new Set(out.map((i) => `${i.sheet ?? ""}!${i.column ?? ""}${i.row ?? ""}`));
  const summaries: WorkbookSummary[] = [];
  const option = options.allowIncompleteName ?? "allowIncomplete";
  for (const body of bodies) {
    const outcome = safeScore(body.input, { policy: options.policy, allowIncomplete: options.allowIncomplete, lang });
    if (outcome.success) continue;
    const missing: ComponentId[] = [];
    for (const issue of outcome.error.issues) {
      const [first, id] = issue.path;
      if (issue.code === "missing-component" && first === "components") {
        const sheet = SHEET_OF[id as ComponentId];
        if (body.incomplete.has(sheet) || broken.has(sheet)) continue;
      }
      const place = body.origins.find(issue.path);
      if (place.sheet !== undefined && broken.has(place.sheet)) continue;
      const key = `${place.sheet ?? ""}!${place.column ?? ""}${place.row ?? ""}`;
      if (reported.has(key) && issue.code !== "missing-component") continue;
      reported.add(key);
      if (issue.code === "missing-component") missing.push(id as ComponentId);
      const detail = issue.code === "missing-component" ? missingDetail(id as ComponentId, option, lang) : issue.message;
      out.push(issueAt(place, issue.code, detail, lang));
    }
    if (missing.length > 0) summaries.push(summaryOf(body, missing, lang));
  }
  return summaries;
}

/** The summary line of a body's missing components. */
function summaryOf(body: Body, missing: readonly ComponentId[], lang: Lang): WorkbookSummary {
  const participant = body.input["participant"] as Readonly<Record<string, unknown>> | undefined;
  const id = typeof participant?.["id"] === "string" ? participant["id"] : "";
  const name = typeof participant?.["name"] === "string" ? participant["name"] : "";
  const who = [id, name].filter((part) => part !== "").join(" ");
  const ordered = COMPONENTS.filter((c) => missing.includes(c.id)).map((c) => c.id);
  const labels = ordered.map(componentLabel);
  const message =
    lang === "zh"
      ? `${who}：${ordered.length} 项未填写：${labels.join("、")}`
      : `${who}: ${ordered.length} component${ordered.length === 1 ? "" : "s"} not filled in: ${labels.join(", ")}`;
  return { sheet: body.origins.body.sheet ?? "参评对象", row: body.origins.body.row ?? 0, id, name, missing: ordered, message };
}

/** The detail of a missing component: which one, where its records go, and the switch that allows it. */
function missingDetail(id: ComponentId, option: string, lang: Lang): string {
  const label = componentLabel(id);
  const quoted = label.startsWith("“") ? label : `“${label}”`;
  const sheet = SHEET_OF[id];
  return lang === "zh"
    ? `缺少考评项目${quoted}的记录：请在“${sheet}”表中为该参评对象填写（或以 ${option} 计为暂定结果）`
    : `no records of ${label}: fill them in the sheet ${sheet} for this body (or use ${option} for a provisional result)`;
}
