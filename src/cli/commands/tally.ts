/**
 * `wubi-wuping tally BOX --participants FILE`: a ballot box (docs/ballots.md) counted into each
 * body's survey counts, with every ballot not counted and why; as a table, as JSON with the
 * SHA-256 of every file read, or merged into the inputs (docs/cli.md, "tally"; decision T12).
 */
import { InputError, applyTally, safeTally, type Lang, type Policy, type SafeTallyResult, type TallyParticipant, type TallyResult } from "../../index.js";
import { documentJson } from "../../formats/json.js";
import { isCalendarDate } from "../../formats/calendar.js";
import { jsonSyntaxText } from "../../formats/json-syntax.js";
import { decodeText, notUtf8, stripBom } from "../../formats/text.js";
import type { Command } from "../command.js";
import { readBytes } from "../binary.js";
import { loadWorkbook } from "../front-ends.js";
import { CliError, EXIT, oneLine, spreadsheetKind, usageError, utf16Refusal, type CliIO } from "../io.js";
import { tallyTable } from "../tally-table.js";
import { atLine, issueText, participantIssueLine, readEntries, sha256Hex, shownFile, streamBox, streamedProblemLines, type Entries, type SourceFile } from "../tally-input.js";
import { flagChoice, flagForm, flagRequired } from "../words.js";

const USAGE =
  "tally BOX.json|BOX.ndjson|BOX.xlsx --participants FILE [--policy FILE] [--component ID|LABEL] [--date YYYY-MM-DD] [--year Y] [--issued N] [--format table|json] [--merge INPUTS.ndjson] [--lang zh|en]";

/** The flags that only a workbook box takes: a JSON box carries its own year, component, date and issued. */
const WORKBOOK_FLAGS = ["component", "date", "year", "issued"] as const;

/** The largest `--issued` accepted. */
const MAX_ISSUED = 1_000_000_000;

type Kind = "json" | "ndjson" | "xlsx";

/** The kind of box a path names: by its name (`.ndjson`/`.jsonl`, `.xlsx`/`.xlsm`), JSON otherwise. */
function kindOf(path: string): Kind {
  const name = path.toLowerCase();
  if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return "ndjson";
  if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) return "xlsx";
  return "json";
}

/** The workbook options given on the command line, checked (usage errors). */
interface WorkbookFlags {
  readonly component: string | undefined;
  readonly date: string | undefined;
  readonly year: number | undefined;
  readonly issued: number | undefined;
}

function workbookFlags(values: Readonly<Record<string, unknown>>, lang: Lang): WorkbookFlags {
  const head = `wubi-wuping tally${lang === "zh" ? "：" : ": "}`;
  const text = (name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const date = text("date");
  if (date !== undefined && !isCalendarDate(date.trim())) throw usageError(head + flagForm("--date", { zh: " YYYY-MM-DD 形式的日历日期，如 2022-12-20", en: "a calendar day YYYY-MM-DD, e.g. 2022-12-20" }, date, lang));
  const yearText = text("year");
  const year = yearText === undefined ? undefined : /^[0-9]{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (year !== undefined && !(year >= 2000 && year <= 2098)) throw usageError(head + flagForm("--year", { zh: " 2000 至 2098 的年份", en: "a year 2000..2098" }, yearText, lang));
  const issuedText = text("issued");
  const issued = issuedText === undefined ? undefined : /^(0|[1-9][0-9]{0,9})$/.test(issuedText) ? Number(issuedText) : NaN;
  if (issued !== undefined && !(issued <= MAX_ISSUED)) throw usageError(head + flagForm("--issued", { zh: ` 0 至 ${MAX_ISSUED} 的整数（发出票数）`, en: `a whole number 0..${MAX_ISSUED} (ballots issued)` }, issuedText, lang));
  return { component: text("component"), date: date?.trim(), year, issued };
}

/** Each body's name by id, from roster entries (`name`) or inputs (`participant.name`). */
function namesOf(entries: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry === null || typeof entry !== "object") continue;
    const record = entry as Record<string, unknown>;
    const who = (record["participant"] !== null && typeof record["participant"] === "object" ? record["participant"] : record) as Record<string, unknown>;
    if (typeof who["id"] === "string" && typeof who["name"] === "string") names.set(who["id"], who["name"]);
  }
  return names;
}

/** The tallies of a box, or the lines of its problems. */
type Tallied = { readonly tallies: TallyResult[]; readonly source: SourceFile } | { readonly problems: string[] };

/** A box read whole from a JSON file. */
async function tallyJson(path: string, participants: Entries, policy: Policy | undefined, io: CliIO, lang: Lang): Promise<Tallied | Uint8Array> {
  const bytes = await readBytes(path, io, lang);
  if (spreadsheetKind(path, bytes) !== undefined) return bytes;
  const refusal = utf16Refusal(path, bytes, lang);
  if (refusal !== undefined) throw new CliError(refusal, EXIT.input);
  const decoded = decodeText(bytes);
  if (decoded === undefined) throw new CliError(notUtf8(shownFile(path, lang), lang), EXIT.input);
  const text = stripBom(decoded);
  if (text.trim() === "") throw new CliError(lang === "zh" ? `${shownFile(path, lang)} 是空的，没有 JSON 内容` : `${shownFile(path, lang)} is empty: no JSON in it`, EXIT.input);
  let box: unknown;
  try {
    box = JSON.parse(text);
  } catch {
    const detail = jsonSyntaxText(text, lang);
    const hint = lang === "zh" ? "（每行一张票的文件请以 .ndjson 结尾）" : " (a file of one ballot a line must end in .ndjson)";
    throw new CliError(lang === "zh" ? `${shownFile(path, lang)} 不是有效的 JSON：${detail}${hint}` : `${shownFile(path, lang)} is not valid JSON: ${detail}${hint}`, EXIT.input);
  }
  const outcome = safeTally(box, { participants: participants.entries as readonly TallyParticipant[], policy, lang });
  const source = { file: path, sha256: sha256Hex(bytes) };
  return outcomeOf(outcome, source, (issue) => `${shownFile(path, lang)}: ${issueText(issue)}`, participants, lang);
}

/** The tally, or the problem lines: box issues by `line`, participant issues naming their file. */
function outcomeOf(outcome: SafeTallyResult, source: SourceFile, line: (issue: InputError["issues"][number]) => string, participants: Entries, lang: Lang): Tallied {
  if (outcome.success) return { tallies: [outcome.data], source };
  return {
    problems: outcome.error.issues.map((issue) =>
      issue.path[0] === "participants" ? participantIssueLine(issue, participants.source.file, lang, participants.lines) : line(issue),
    ),
  };
}

/** A box (or several, one per survey) read from a ballot workbook by `@wubi-wuping/workbook`. */
async function tallyWorkbook(path: string, bytes: Uint8Array, flags: WorkbookFlags, participants: Entries, policy: Policy | undefined, lang: Lang): Promise<Tallied> {
  const { readBallots } = await loadWorkbook(lang);
  const read = await readBallots(bytes, {
    participants: participants.entries as Parameters<typeof readBallots>[1]["participants"],
    year: flags.year,
    component: flags.component,
    date: flags.date,
    issued: flags.issued,
    lang,
  });
  const shown = shownFile(path, lang);
  if (!read.success) return { problems: read.issues.map((issue) => `${shown}: ${oneLine(issue.message, 1000)} (${issue.code})`) };
  const tallies: TallyResult[] = [];
  const problems: string[] = [];
  read.boxes.forEach((box, b) => {
    const outcome = safeTally(box, { participants: participants.entries as readonly TallyParticipant[], policy, lang });
    const rows = read.rows[b] ?? [];
    const located = outcomeOf(outcome, { file: path, sha256: "" }, (issue) => {
      const [head, index, ...rest] = issue.path;
      if (head === "ballots" && typeof index === "number") {
        const row = rows[index];
        const where = lang === "zh" ? `${shown}: ${read.sheet} 第 ${String(row)} 行` : `${shown}: ${read.sheet} row ${String(row)}`;
        return `${where}${lang === "zh" ? "：" : ": "}${issueText({ ...issue, path: rest })}`;
      }
      // The box's own fields come from the command line (`--issued`) or the sheet's columns.
      return `${shown}: ${issueText({ ...issue, path: head === "issued" ? ["--issued"] : issue.path })}`;
    }, participants, lang);
    if ("problems" in located) for (const line of located.problems) problems.push(line);
    else for (const t of located.tallies) tallies.push(t);
  });
  if (problems.length > 0) return { problems };
  return { tallies, source: { file: path, sha256: sha256Hex(bytes) } };
}

/**
 * `tally BOX --participants FILE [--format table|json] [--merge INPUTS.ndjson]`: the tally of a
 * ballot box as a table (default) or JSON, or the inputs with its counts applied.
 *
 * @example
 * ```ts
 * await runCli(["tally", "box.ndjson", "--participants", "roster.json"], io); //=> 0, the table on stdout
 * await runCli(["tally", "box.json", "--participants", "inputs.ndjson", "--format", "json"], io); //=> 0
 * await runCli(["tally", "box.json", "--participants", "inputs.ndjson", "--merge", "inputs.ndjson"], io); //=> 0, NDJSON
 * ```
 */
export const tallyCommand: Command = {
  name: "tally",
  summary: { zh: "清点测评票：每个参评对象的满意度计数，以及未计入的票和原因", en: "count a ballot box: each body's survey counts, and every ballot not counted and why" },
  usage: USAGE,
  options: {
    participants: { type: "string" },
    policy: { type: "string" },
    component: { type: "string" },
    date: { type: "string" },
    year: { type: "string" },
    issued: { type: "string" },
    format: { type: "string" },
    merge: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "BOX 为一次测评的票箱：.json（整个票箱）、.ndjson（第一行为不含 ballots 的票箱，其后每行一张票，逐行读取，票再多也不占用更多内存）或 .xlsx（“测评票”表，或问卷平台导出的表）。",
      "  --participants FILE   参评对象：名单 JSON（数组：id、name…）或输入 NDJSON（每行一个输入）；必需",
      "  --policy FILE         按派生政策的计票规则清点（ballotQuorum、repeatedRater、minSeconds、groupWeights）",
      "  --component ID|名称   考评项目（仅 .xlsx；问卷平台导出的表必需）：serviceRecipients、deputies、countyCounterparts 或其中文名称",
      "  --date YYYY-MM-DD     测评日期（仅 .xlsx；问卷平台导出的表必需）",
      "  --year Y              考评年度（仅 .xlsx）；不给时取综合评价时段（12 月 1 日至次年 2 月底）包含测评日期的年度",
      "  --issued N            发出票数（仅 .xlsx；JSON 票箱自带 issued）",
      "  --format table|json   table（默认）：每个参评对象的计数、未计入的票及原因、所依据的假定；json：清点结果加 source（所读每个文件的 SHA-256）",
      "  --merge INPUTS.ndjson 不输出清点结果，而输出把计数填入后的输入（NDJSON，可直接交给 score --batch）；输入中已有不同的计数时报错（counts-differ）",
      "  --lang zh|en          表格和错误信息的语言（默认 zh）",
      "票箱有误时不输出任何内容，在标准错误上逐条列出所有问题（每条指明文件、行或单元格和路径）。",
      "退出码：0 成功；1 输入错误或无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "BOX is the ballot box of one survey: .json (the whole box), .ndjson (line 1 the box without ballots, then one ballot a line, read line by line, so memory does not grow with the ballots) or .xlsx (the sheet 测评票, or a survey platform's export).",
      "  --participants FILE   the participants: a roster JSON (an array of id, name, …) or inputs NDJSON (one input a line); required",
      "  --policy FILE         count under a derived policy's ballot rules (ballotQuorum, repeatedRater, minSeconds, groupWeights)",
      "  --component ID|LABEL  the survey (.xlsx only; required for a survey platform's export): serviceRecipients, deputies, countyCounterparts or its Chinese label",
      "  --date YYYY-MM-DD     the survey's date (.xlsx only; required for a survey platform's export)",
      "  --year Y              the evaluation year (.xlsx only); by default the year whose comprehensive window (1 December to the end of February) holds the date",
      "  --issued N            ballots issued (.xlsx only; a JSON box carries its own issued)",
      "  --format table|json   table (default): each body's counts, the ballots not counted and why, the assumptions; json: the tally plus source (the SHA-256 of every file read)",
      "  --merge INPUTS.ndjson print the inputs with the counts applied (NDJSON, ready for score --batch) instead of the tally; other counts already in an input are an error (counts-differ)",
      "  --lang zh|en          language of the table and of messages (default zh)",
      "When the box is wrong nothing is printed; every problem goes to stderr, one line each naming the file, the line or cell and the path.",
      "Exit codes: 0 ok; 1 input wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, values, lang, policy }, io: CliIO): Promise<number> {
    const path = positionals[0] as string;
    const head = `wubi-wuping tally${lang === "zh" ? "：" : ": "}`;
    const format = values["format"] ?? "table";
    if (format !== "table" && format !== "json") throw usageError(head + flagChoice("--format", ["table", "json"], format, lang));
    const mergePath = values["merge"];
    if (typeof mergePath === "string" && values["format"] !== undefined) {
      throw usageError(head + (lang === "zh" ? "--merge 输出的是输入（NDJSON），不能再用 --format" : "--merge prints the inputs (NDJSON): --format does not apply"));
    }
    const participantsPath = values["participants"];
    if (typeof participantsPath !== "string") throw usageError(head + flagRequired("--participants FILE", USAGE, lang));
    const flags = workbookFlags(values, lang);
    let kind = kindOf(path);
    const given = WORKBOOK_FLAGS.filter((name) => values[name] !== undefined);
    if (kind !== "xlsx" && given.length > 0) {
      const flag = `--${given[0] as string}`;
      throw usageError(
        head +
          (lang === "zh"
            ? `${flag} 只用于 .xlsx 票箱：JSON 票箱自带 year、component、date 和 issued`
            : `${flag} applies only to an .xlsx box: a JSON box carries its own year, component, date and issued`),
      );
    }
    if (values["policy"] === "-") {
      throw usageError(head + (lang === "zh" ? "--policy 须为文件（tally 的 JSON 输出要给出它的 SHA-256），不能是标准输入 -" : "--policy must name a file (the tally's JSON gives its SHA-256), not stdin -"));
    }
    // A workbook box needs @wubi-wuping/workbook: said before any file is read (docs/cli.md).
    if (kind === "xlsx") await loadWorkbook(lang);
    const participants = await readEntries(participantsPath, io, lang);
    const policySource = typeof values["policy"] === "string" ? { file: values["policy"], sha256: sha256Hex(await readBytes(values["policy"], io, lang)) } : undefined;

    let tallied: Tallied;
    if (kind === "ndjson") {
      const read = await streamBox(path, io, { participants: participants.entries as readonly TallyParticipant[], policy, lang });
      tallied =
        read.outcome !== undefined && read.outcome.success && read.problems.length === 0
          ? { tallies: [read.outcome.data], source: read.source }
          : { problems: streamedProblemLines(read, path, participantsPath, lang, participants.lines) };
    } else {
      const json = kind === "json" ? await tallyJson(path, participants, policy, io, lang) : await readBytes(path, io, lang);
      if (json instanceof Uint8Array) {
        kind = "xlsx";
        if (spreadsheetKind(path, json) === "xls") {
          const shown = shownFile(path, lang);
          throw new CliError(lang === "zh" ? `${shown} 是旧版 Excel 工作簿（.xls）：请先在 WPS/Excel 中另存为 .xlsx` : `${shown} is an old Excel workbook (.xls): save it as .xlsx in WPS/Excel first`, EXIT.input);
        }
        tallied = await tallyWorkbook(path, json, flags, participants, policy, lang);
      } else tallied = json;
    }
    if ("problems" in tallied) {
      for (const line of tallied.problems) io.err(line);
      return EXIT.input;
    }

    if (typeof mergePath === "string") return merge(mergePath, path, tallied.tallies, io, lang);

    const sources = [tallied.source, participants.source, ...(policySource === undefined ? [] : [policySource])];
    if (format === "json") {
      const documents = tallied.tallies.map((t) => ({ ...t, source: sources }));
      io.out(documentJson(documents.length === 1 ? documents[0] : documents));
      return EXIT.ok;
    }
    const context = { names: namesOf(participants.entries), minSeconds: policy?.parameters.minSeconds.value ?? null };
    io.out(tallied.tallies.map((t) => tallyTable(t, context, lang).join("\n")).join("\n\n"));
    return EXIT.ok;
  },
};

/** `--merge`: the inputs with the tallies applied, as NDJSON on stdout, or every problem (exit 1). */
async function merge(mergePath: string, boxPath: string, tallies: readonly TallyResult[], io: CliIO, lang: Lang): Promise<number> {
  const inputs = await readEntries(mergePath, io, lang);
  let merged: unknown[];
  try {
    merged = applyTally(inputs.entries, tallies, { lang });
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    for (const issue of cause.issues) {
      const [head, index, ...rest] = issue.path;
      if (head === "inputs" && typeof index === "number") {
        const line = inputs.lines?.[index];
        const where = line === undefined ? `${shownFile(mergePath, lang)}: [${index}]` : atLine(mergePath, line, lang);
        io.err(`${where}${lang === "zh" ? "：" : ": "}${issueText({ ...issue, path: rest })}`);
      } else io.err(`${shownFile(boxPath, lang)}: ${issueText(issue)}`);
    }
    return EXIT.input;
  }
  if (merged.length > 0) io.out(merged.map((input) => JSON.stringify(input)).join("\n"));
  return EXIT.ok;
}
