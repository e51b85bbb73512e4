/**
 * `wubi-wuping coverage`: the three-year full-coverage check (`二`) at the end of a year, and with
 * `--plan` the canonical plan for the rest of the cycle, as a table or JSON.
 */
import { documentJson } from "../../formats/json.js";
import {
  CATEGORY_LABELS,
  InputError,
  RosterSchema,
  checkCoverage,
  formatPath,
  planCycle,
  type CoverageFinding,
  type CoverageReport,
  type Lang,
  type PlanProblemReason,
  type PlanResult,
  type RosterEntry,
} from "../../index.js";
import { CliError, EXIT, oneLine, parseJson, readJson, readText, usageError, type CliIO } from "../io.js";
import { flagChoice, flagForm, flagRequired } from "../words.js";
import type { Command } from "../command.js";
import { renderTable } from "../../formats/table.js";
import { errorRecordOf, parseNdjson } from "./rank.js";

/** Where each argument of the API came from, to name the file in a message. */
function sourceOf(issuePath: readonly (string | number)[], files: { roster: string; evaluations: string }): string {
  const [head] = issuePath;
  if (head === "roster") return files.roster;
  if (head === "evaluations") return files.evaluations;
  return "--year";
}

function errorLines(error: InputError, files: { roster: string; evaluations: string }, evaluationLine: ((index: number) => number | undefined) | undefined): string[] {
  return error.issues.map((issue) => {
    const source = sourceOf(issue.path, files);
    const inner = source === "--year" ? issue.path : issue.path.slice(1);
    const [index, ...rest] = inner;
    const line = source === files.evaluations && typeof index === "number" ? evaluationLine?.(index) : undefined;
    const where =
      line !== undefined
        ? `${source}:${line}${rest.length === 0 ? "" : `: ${formatPath(rest)}`}`
        : inner.length === 0 || source === "--year"
          ? source
          : `${source}: ${formatPath(inner)}`;
    return `${where}: ${oneLine(issue.message, 1000)} (${issue.code})`;
  });
}

/**
 * The evaluations of `--evaluations FILE`: a JSON array of `{ participantId, year }` when the file's
 * first character (after blanks) is `[`; otherwise NDJSON, each line a score result (its
 * `participant.id` and `year` taken), an evaluation object, or a scoring-error line of
 * `score --batch` (skipped with one warning: it has no result). `lineOf` maps an index back to its
 * file line.
 */
async function readEvaluations(path: string, io: CliIO, lang: Lang): Promise<{ evaluations: unknown; lineOf: ((index: number) => number | undefined) | undefined }> {
  const text = await readText(path, io, lang);
  if (text.trimStart().startsWith("[") || text.trim() === "") return { evaluations: parseJson(text, path, lang), lineOf: undefined };
  const zh = lang === "zh";
  const evaluations: unknown[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  for (const { line, value } of parseNdjson(text, path, lang)) {
    const record = errorRecordOf(value);
    if (record !== undefined) {
      io.err(
        zh
          ? `${path}:${line}: 已跳过：这一行是 score --batch 的计分错误${record.id === undefined ? "" : `（参评对象 ${record.id}）`}，没有计分结果，不计为一次考评`
          : `${path}:${line}: skipped: this line is a scoring error of score --batch${record.id === undefined ? "" : ` (participant ${record.id})`}, not a result, and does not count as an evaluation`,
      );
      continue;
    }
    const result = value as { participant?: { id?: unknown }; year?: unknown; participantId?: unknown } | null;
    const id = result !== null && typeof result === "object" ? result.participant?.id : undefined;
    if (typeof id === "string" && result !== null && "year" in result) {
      evaluations.push({ participantId: id, year: result.year });
    } else if (result !== null && typeof result === "object" && "participantId" in result) {
      evaluations.push(result);
    } else {
      problems.push(
        zh
          ? `${path}:${line}: 不是计分结果（缺少 participant.id 或 year），也不是考评记录 { participantId, year }`
          : `${path}:${line}: neither a score result (participant.id and year) nor an evaluation { participantId, year }`,
      );
      continue;
    }
    lines.push(line);
  }
  if (problems.length > 0) throw new CliError(problems.join("\n"), EXIT.input);
  return { evaluations, lineOf: (index) => lines[index] };
}

/** The one stderr line for violations, so that a pipeline sees why the exit code is 1. */
function violationLine(report: CoverageReport, lang: Lang): string {
  const ids = oneLine(report.violations.join(lang === "zh" ? "、" : ", "), 300);
  return lang === "zh"
    ? `违规：第 ${report.cycle.index + 1} 个周期（${report.cycle.firstYear}-${report.cycle.lastYear} 年）结束时仍有 ${report.violations.length} 个参评对象未考评：${ids}`
    : `violations: ${report.violations.length} ${report.violations.length === 1 ? "participant is" : "participants are"} still unevaluated at the end of cycle ${report.cycle.index + 1} (${report.cycle.firstYear}-${report.cycle.lastYear}): ${ids}`;
}

const TEXT = {
  zh: {
    cycle: (r: CoverageReport, year: number) =>
      `考评周期：第 ${r.cycle.index + 1} 个周期（${r.cycle.firstYear}-${r.cycle.lastYear} 年），统计截至 ${year} 年年末`,
    header: ["编号", "参评对象", "类别", "已考评年度", "覆盖情况"],
    covered: "已覆盖",
    uncovered: "未覆盖",
    violation: "未覆盖（违规）",
    summary: (r: CoverageReport) =>
      `共 ${r.participants.length} 个，已覆盖 ${r.participants.length - r.uncovered.length} 个，未覆盖 ${r.uncovered.length} 个，违规 ${r.violations.length} 个`,
    note: "违规：周期最后一年年末仍未考评的参评对象（二：按照三年一个周期,进行全覆盖考评）",
    finding: (f: CoverageFinding) =>
      f.code === "repeated"
        ? `重复考评：${f.participantId}（${f.years.join("、")} 年）；原文未禁止，仅供参考`
        : `不在名单上：${f.participantId}（${f.years.join("、")} 年的考评记录）`,
    plan: (first: number, last: number) => `考评计划（${first}-${last} 年）`,
    planHeader: ["年度", "编号", "参评对象", "类别"],
    planEmpty: "本周期名单上的参评对象均已考评，无需再安排",
    perYear: (plan: readonly { year: number; participants: readonly string[] }[]) =>
      `每年人数：${plan.map((y) => `${y.year} 年 ${y.participants.length} 个`).join("，")}`,
    impossible: "无法排出计划：以下参评对象在本周期剩余年度中没有可安排的年度",
    problemHeader: ["编号", "参评对象", "原因"],
    reason: { "cycle-over": "本周期已结束", "since-after-cycle": "起始年度（since）晚于本周期最后一年" } as Record<PlanProblemReason, string>,
  },
  en: {
    cycle: (r: CoverageReport, year: number) =>
      `Cycle ${r.cycle.index + 1} (${r.cycle.firstYear}-${r.cycle.lastYear}), as it stands at the end of ${year}`,
    header: ["Id", "Participant", "Category", "Evaluated in", "Coverage"],
    covered: "covered",
    uncovered: "uncovered",
    violation: "uncovered (violation)",
    summary: (r: CoverageReport) =>
      `${r.participants.length} participants: ${r.participants.length - r.uncovered.length} covered, ${r.uncovered.length} uncovered, ${r.violations.length} violations`,
    note: "A violation is a participant still unevaluated at the end of the cycle's last year (二: full coverage every three years)",
    finding: (f: CoverageFinding) =>
      f.code === "repeated"
        ? `Evaluated more than once: ${f.participantId} (${f.years.join(", ")}); the source does not forbid it`
        : `Not on the roster: ${f.participantId} (evaluated ${f.years.join(", ")})`,
    plan: (first: number, last: number) => `Plan (${first}-${last})`,
    planHeader: ["Year", "Id", "Participant", "Category"],
    planEmpty: "Every participant on the roster has been evaluated in this cycle; nothing to plan",
    perYear: (plan: readonly { year: number; participants: readonly string[] }[]) =>
      `Per year: ${plan.map((y) => `${y.year}: ${y.participants.length}`).join(", ")}`,
    impossible: "No plan is possible: no remaining year of the cycle can take these participants",
    problemHeader: ["Id", "Participant", "Reason"],
    reason: { "cycle-over": "the cycle is over", "since-after-cycle": "eligible (since) only after the cycle's last year" } as Record<PlanProblemReason, string>,
  },
} as const;

/**
 * The coverage report (and plan) as text lines for a terminal.
 *
 * @param report - What `checkCoverage` returned.
 * @param plan - What `planCycle` returned, or `undefined` without `--plan`.
 * @param roster - The validated roster, for names and categories.
 * @param year - The `--year`.
 * @param lang - Chinese or English.
 * @returns The lines.
 * @example
 * ```ts
 * formatCoverage(report, undefined, roster, 2023, "zh")[0]; //=> "考评周期：第 1 个周期（2022-2024 年），统计截至 2023 年年末"
 * ```
 */
export function formatCoverage(
  report: CoverageReport,
  plan: PlanResult | undefined,
  roster: readonly RosterEntry[],
  year: number,
  lang: Lang,
): string[] {
  const t = TEXT[lang];
  const byId = new Map(roster.map((entry) => [entry.id, entry]));
  const name = (id: string): string => byId.get(id)?.name ?? "";
  const category = (id: string): string => {
    const c = byId.get(id)?.category;
    return c === undefined ? "" : lang === "zh" ? CATEGORY_LABELS[c] : c;
  };
  const violations = new Set(report.violations);
  const rows = report.participants.map((p) => [
    p.id,
    name(p.id),
    category(p.id),
    p.years.length === 0 ? "-" : p.years.join(lang === "zh" ? "、" : ", "),
    p.covered ? t.covered : violations.has(p.id) ? t.violation : t.uncovered,
  ]);
  const lines = [t.cycle(report, year), "", ...renderTable(t.header, rows), "", t.summary(report)];
  if (report.violations.length > 0) lines.push(t.note);
  for (const finding of report.findings) lines.push(t.finding(finding));
  if (plan === undefined) return lines;
  lines.push("");
  if (!plan.ok) {
    lines.push(t.impossible, "");
    for (const line of renderTable(t.problemHeader, plan.problems.map((p) => [p.participantId, name(p.participantId), t.reason[p.reason]]))) lines.push(line);
    return lines;
  }
  const first = plan.plan[0]?.year ?? year;
  lines.push(t.plan(first, report.cycle.lastYear), "");
  const planRows = plan.plan.flatMap((y) => y.participants.map((id) => [String(y.year), id, name(id), category(id)]));
  if (planRows.length === 0) lines.push(t.planEmpty);
  else {
    for (const line of renderTable(t.planHeader, planRows)) lines.push(line); // one row per participant: never spread into push
    lines.push("", t.perYear(plan.plan));
  }
  return lines;
}

const FORMATS = ["table", "json"] as const;
const USAGE = "coverage --roster FILE --evaluations FILE --year Y [--plan] [--format table|json] [--lang zh|en]";

function requiredPath(values: Readonly<Record<string, unknown>>, name: string, usage: string, lang: Lang): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw usageError(flagRequired(`--${name} FILE`, usage, lang));
  return value;
}

/**
 * `coverage --roster FILE --evaluations FILE --year Y [--plan] [--format table|json]`. Exits 1
 * when the report has violations (bodies uncovered at the end of the cycle's last year), after
 * printing it, so that a pipeline can gate on it.
 *
 * @example
 * ```ts
 * await runCli(["coverage", "--roster", "roster.json", "--evaluations", "ev.json", "--year", "2023", "--plan"], io); //=> 0
 * ```
 */
export const coverageCommand: Command = {
  name: "coverage",
  summary: { zh: "检查三年一周期的全覆盖考评，并可排出本周期剩余年度的考评计划", en: "check three-year full coverage, and plan the rest of the cycle" },
  usage: USAGE,
  options: {
    roster: { type: "string" },
    evaluations: { type: "string" },
    year: { type: "string" },
    plan: { type: "boolean" },
    format: { type: "string" },
  },
  positionals: { min: 0, max: 0 },
  help: {
    zh: [
      "--roster FILE       名单：JSON 数组，每项为参评对象 { id, name, unit?, category } 加可选的 since（起始年度）",
      "--evaluations FILE  已进行的考评：JSON 数组，每项 { participantId, year }（尚无记录时用 []）；或 score --batch 输出的计分结果 NDJSON（取每个结果的 participant.id 和 year，计分错误行跳过并提示）",
      "--year Y            统计截至 Y 年年末；Y 所在的周期（2022-2024、2025-2027……）",
      "--plan              同时排出本周期自 Y 年起的考评计划（每个未覆盖的参评对象安排一个年度，尽量均衡）",
      "--format            table（默认）或 json",
      "退出码：0 无违规；1 周期最后一年年末仍有未考评的参评对象（违规，报告照常输出，另在标准错误上说明一行），或输入错误；2 命令行错误。无法排出计划不算错误。",
    ].join("\n"),
    en: [
      "--roster FILE       a JSON array of participants { id, name, unit?, category } with an optional since (first eligible year)",
      "--evaluations FILE  a JSON array of evaluations { participantId, year } ([] when there are none yet), or the score results NDJSON of score --batch (each result's participant.id and year; scoring-error lines skipped with a warning)",
      "--year Y            report the cycle containing Y as it stands at the end of Y",
      "--plan              also plan the cycle from Y on (each uncovered participant in one year, evenly spread)",
      "--format            table (default) or json",
      "Exit codes: 0 no violation; 1 bodies still uncovered at the end of the cycle's last year (violations: the report is printed as usual, plus one line on stderr), or an input error; 2 usage. An impossible plan is not an error.",
    ].join("\n"),
  },
  async run({ values, lang }, io: CliIO): Promise<number> {
    const rosterPath = requiredPath(values, "roster", USAGE, lang);
    const evaluationsPath = requiredPath(values, "evaluations", USAGE, lang);
    const yearText = values["year"];
    if (typeof yearText !== "string") throw usageError(flagRequired("--year Y", USAGE, lang));
    if (!/^[0-9]{4}$/.test(yearText)) throw usageError(flagForm("--year", { zh: "四位数的年份", en: "a four-digit year" }, yearText, lang));
    const format = values["format"] ?? "table";
    if (typeof format !== "string" || !(FORMATS as readonly string[]).includes(format)) {
      throw usageError(flagChoice("--format", FORMATS, format, lang));
    }
    const year = Number(yearText);
    const roster = await readJson(rosterPath, io, lang);
    const { evaluations, lineOf } = await readEvaluations(evaluationsPath, io, lang);
    let report: CoverageReport;
    let plan: PlanResult | undefined;
    try {
      report = checkCoverage({ roster, evaluations, year, lang });
      plan = values["plan"] === true ? planCycle({ roster, evaluations, cycle: report.cycle, fromYear: year, lang }) : undefined;
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      throw new CliError(errorLines(cause, { roster: rosterPath, evaluations: evaluationsPath }, lineOf).join("\n"), EXIT.input);
    }
    if (format === "json") {
      io.out(documentJson(plan === undefined ? report : { coverage: report, plan }));
    } else {
      io.out(formatCoverage(report, plan, RosterSchema.parse(roster), year, lang).join("\n"));
    }
    if (report.violations.length === 0) return EXIT.ok;
    io.err(violationLine(report, lang));
    return EXIT.input;
  },
};
