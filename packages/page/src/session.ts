/**
 * Everything the page shows, computed from the files loaded: the policy in force, each body's
 * result (and its input, when one was given), the ranking, and every problem under its file.
 * Pure and recomputed from the files on every change (a file added, the language, the grouping),
 * so what is shown never depends on the order the person clicked in.
 */
import {
  InputError,
  ScoreResultSchema,
  definePolicy,
  formatPath,
  rank,
  safeScore,
  xuancheng2022,
  type InputIssue,
  type Lang,
  type Policy,
  type RankGrouping,
  type ScoreInputJson,
  type ScoreResult,
} from "wubi-wuping";
import { namingSwitch, rankingTable, type RankingTable, type WorkbookIssue } from "./engine.js";
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

/**
 * Computes what the page shows from the files loaded, in their order.
 *
 * @param files - The files, in the order they were loaded.
 * @param options - The language, whether missing components are allowed, the grouping.
 * @param readWorkbook - The workbook reader (`readWorkbook` of the workbook entry).
 * @returns The session: policy, bodies, ranking, problems.
 * @example
 * ```ts
 * const session = await buildSession([{ name: "cgjdk.json", bytes }], { lang: "zh", allowIncomplete: false, by: undefined }, readWorkbook);
 * session.table.entries[0]?.total; //=> "94.51"
 * ```
 */
export async function buildSession(files: readonly PageFile[], options: SessionOptions, readWorkbook: WorkbookReader): Promise<Session> {
  const { lang } = options;
  const t = pageText(lang);
  const contents = files.map((file) => readPageFile(file, lang));
  const allItems = contents.flatMap((content) => (content.kind === "items" ? content.items : []));
  const { policy, problems } = policyOf(allItems, lang);

  const candidates: Body[] = [];
  for (const content of contents) {
    if (content.kind === "items") {
      addAll(problems, content.problems);
      for (const item of content.items) {
        if (item.kind === "policy") continue;
        const outcome =
          item.kind === "input" ? scored(item.value, item.origin, policy, options) : checkedResult(item.value, item.origin, policy, lang);
        if (Array.isArray(outcome)) addAll(problems, outcome);
        else candidates.push(outcome);
      }
      continue;
    }
    const file = content.file;
    const read = await readWorkbook(content.bytes, { policy, allowIncomplete: options.allowIncomplete, lang, allowIncompleteName: t.allowIncompleteName });
    if (!read.success) {
      // What each body still lacks, once, before the details.
      addAll(
        problems,
        (read.summaries ?? []).map((summary) => ({ file, where: "", message: summary.message, code: "missing-component", summary: true })),
      );
      addAll(
        problems,
        read.issues.map((issue) => ({ file, where: workbookWhere(issue), message: issue.message, code: issue.code })),
      );
      continue;
    }
    for (const input of read.inputs) {
      const outcome = scored(input, { file, where: "" }, policy, options);
      if (Array.isArray(outcome)) addAll(problems, outcome);
      else candidates.push({ ...outcome, origin: { file, where: outcome.result.participant.id } });
    }
  }

  const bodies: Body[] = [];
  const seen = new Map<string, Origin>();
  const year = candidates[0]?.result.year;
  for (const body of candidates) {
    const id = body.result.participant.id;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ file: body.origin.file, where: body.origin.where, message: t.duplicateBody(id, first.file) });
    } else if (year !== undefined && body.result.year !== year) {
      problems.push({ file: body.origin.file, where: body.origin.where, message: t.otherYear(body.result.year, year) });
    } else {
      seen.set(id, body.origin);
      bodies.push(body);
    }
  }
  const table = rankingTable(
    bodies.map((body) => body.result),
    { by: options.by, policy, lang },
  );
  const summaries = files.map((file) => ({
    name: file.name,
    bodies: bodies.filter((body) => body.origin.file === file.name).length,
    problems: problems.filter((problem) => problem.file === file.name && problem.summary !== true).length,
  }));
  return { policy, bodies, table, problems, files: summaries, year };
}
