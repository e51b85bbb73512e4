/**
 * What `wubi-wuping tally` reads (docs/cli.md, "tally"; docs/ballots.md): the participants (a
 * roster JSON or inputs NDJSON), the inputs to merge into, and the ballot box as one JSON document
 * or as NDJSON streamed ballot by ballot through `tallyStream`, so a box of a million ballots is
 * never held whole. Each file's SHA-256 is taken from the very bytes read, for the tally's
 * `source` (decision T12).
 */
import { createHash, type Hash } from "node:crypto";
import { formatPath, tallyStream, type InputIssue, type Lang, type SafeTallyResult, type TallyOptions } from "../index.js";
import { DEFAULT_MAX_LINE_BYTES } from "../formats/batch-line.js";
import { jsonSyntaxText } from "../formats/json-syntax.js";
import { LineSplitter, type SplitLine } from "../formats/lines.js";
import { decodeText, notUtf8, stripBom } from "../formats/text.js";
import { readBytes } from "./binary.js";
import { isUnfinishedJson } from "./batch.js";
import { CliError, EXIT, describeFsError, oneLine, openInput, type CliIO } from "./io.js";

/**
 * A file read, as the tally's JSON names it: the path as given and the lowercase hex SHA-256 of
 * its bytes.
 *
 * @example
 * ```ts
 * const source: SourceFile = { file: "box.ndjson", sha256: "9f86d0…" };
 * ```
 */
export interface SourceFile {
  readonly file: string;
  readonly sha256: string;
}

/**
 * The lowercase hex SHA-256 of some bytes.
 *
 * @example
 * ```ts
 * sha256Hex(Buffer.from("abc")); //=> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * How a file is named in a message: the path, or 标准输入 / stdin for `-`.
 *
 * @example
 * ```ts
 * shownFile("-", "en"); //=> "stdin"
 * ```
 */
export function shownFile(path: string, lang: Lang): string {
  return path === "-" ? (lang === "zh" ? "标准输入" : "stdin") : path;
}

/**
 * Where a line is, as a message names it.
 *
 * @example
 * ```ts
 * atLine("box.ndjson", 4, "zh"); //=> "box.ndjson 第 4 行"
 * atLine("box.ndjson", 4, "en"); //=> "box.ndjson line 4"
 * ```
 */
export function atLine(path: string, line: number, lang: Lang): string {
  return lang === "zh" ? `${shownFile(path, lang)} 第 ${line} 行` : `${shownFile(path, lang)} line ${line}`;
}

/**
 * A JSON file of entries: a JSON array (a roster), one JSON object (one input), or NDJSON (one
 * input per line). `lines[i]` is the line of entry `i` in NDJSON, `undefined` otherwise.
 *
 * @example
 * ```ts
 * const read: Entries = { entries: [{ id: "cgjdk" }], lines: undefined, source: { file: "roster.json", sha256: "…" } };
 * ```
 */
export interface Entries {
  readonly entries: readonly unknown[];
  readonly lines: readonly number[] | undefined;
  readonly source: SourceFile;
}

/**
 * Reads a roster JSON (an array), one input (an object) or inputs NDJSON: the whole file is JSON
 * first; failing that, every non-blank line must be one JSON value. A file that is neither is a
 * `CliError` (exit 1) naming the first line at fault.
 *
 * @example
 * ```ts
 * (await readEntries("examples/2022/inputs.ndjson", io, "zh")).entries.length; //=> 7
 * ```
 */
export async function readEntries(path: string, io: CliIO, lang: Lang): Promise<Entries> {
  const bytes = await readBytes(path, io, lang);
  const source = { file: path, sha256: sha256Hex(bytes) };
  const decoded = decodeText(bytes);
  if (decoded === undefined) throw new CliError(notUtf8(shownFile(path, lang), lang), EXIT.input);
  const text = stripBom(decoded);
  if (text.trim() === "") throw new CliError(lang === "zh" ? `${shownFile(path, lang)} 是空的，没有 JSON 内容` : `${shownFile(path, lang)} is empty: no JSON in it`, EXIT.input);
  let whole: unknown;
  let isJson = true;
  try {
    whole = JSON.parse(text);
  } catch {
    isJson = false;
  }
  if (isJson) {
    if (Array.isArray(whole)) return { entries: whole as unknown[], lines: undefined, source };
    if (whole !== null && typeof whole === "object") return { entries: [whole], lines: undefined, source };
    throw new CliError(
      lang === "zh"
        ? `${shownFile(path, lang)} 应为参评对象名单（JSON 数组）或输入（每行一个 JSON 对象），实际是 ${whole === null ? "null" : typeof whole}`
        : `${shownFile(path, lang)} must hold a roster (a JSON array) or inputs (one JSON object a line), not ${whole === null ? "null" : typeof whole}`,
      EXIT.input,
    );
  }
  const entries: unknown[] = [];
  const lines: number[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    try {
      entries.push(JSON.parse(line));
      lines.push(i + 1);
    } catch {
      const detail = jsonSyntaxText(line, lang);
      throw new CliError(
        lang === "zh" ? `${atLine(path, i + 1, lang)}不是有效的 JSON：${detail}` : `${atLine(path, i + 1, lang)} is not valid JSON: ${detail}`,
        EXIT.input,
      );
    }
  });
  return { entries, lines, source };
}

/** A problem of an NDJSON box found by the CLI itself (a line that is not JSON), at its line. */
interface LineProblem {
  readonly line: number;
  readonly text: string;
}

/**
 * The tally of an NDJSON box, or its problems as the lines to print.
 *
 * @example
 * ```ts
 * const read: StreamedBox = { outcome, problems: [], lineOf: (i) => i + 2, headerLine: 1, source };
 * ```
 */
export interface StreamedBox {
  /** The core's outcome (`undefined` when the box had no header line at all). */
  readonly outcome: SafeTallyResult | undefined;
  /** The lines that were not JSON (or too long, or not UTF-8), in order. */
  readonly problems: readonly LineProblem[];
  /** The line of ballot `i`. */
  readonly lineOf: (index: number) => number;
  /** The line of the header (the box without `ballots`). */
  readonly headerLine: number;
  readonly source: SourceFile;
}

/** The one problem of an `.ndjson` box that is pretty-printed JSON (its first line unfinished). */
function notOneBallotPerLine(lang: Lang): string {
  return lang === "zh"
    ? "第一行的 JSON 到行尾还没有结束，像是排版成多行的 JSON 文件：.ndjson 票箱每行一张票（第一行是不含 ballots 的票箱）；整个票箱写在一个 JSON 里的，请把文件存为 .json"
    : "the JSON of the first line is not finished at the line's end, as in a pretty-printed JSON file: an .ndjson box holds one ballot a line (line 1 the box without ballots); a whole box in one JSON document belongs in a .json file";
}

/** The most line problems kept; the rest are counted. */
const MAX_LINE_PROBLEMS = 1000;

/**
 * Streams an NDJSON box (docs/ballots.md): the first non-blank line is the box without `ballots`,
 * every further non-blank line one ballot, each handed to `tallyStream` as it is read, so memory
 * grows with the participants, not the ballots. The line of each ballot is kept only where a
 * blank or refused line breaks the run, so finding a ballot's line costs nothing per ballot. A
 * header line that is a whole box (with `ballots`) is tallied as such.
 *
 * @example
 * ```ts
 * const read = await streamBox("box.ndjson", io, { participants: ["cgjdk"], lang: "zh" });
 * read.outcome?.success; //=> true
 * ```
 */
export async function streamBox(path: string, io: CliIO, options: TallyOptions & { readonly lang: Lang }): Promise<StreamedBox> {
  const lang = options.lang;
  const splitter = new LineSplitter(DEFAULT_MAX_LINE_BYTES);
  const hash: Hash = createHash("sha256");
  const problems: LineProblem[] = [];
  let dropped = 0;
  const problem = (line: number, text: string): void => {
    if (problems.length < MAX_LINE_PROBLEMS) problems.push({ line, text });
    else dropped += 1;
  };
  let stream: ReturnType<typeof tallyStream> | undefined;
  let wholeBox: unknown[] | undefined;
  let headerLine = 0;
  // Runs of consecutive ballot lines: ballot `index` on `line`, the next ones on the next lines.
  const runs: { index: number; line: number }[] = [];
  let ballots = 0;
  let lastLine = -1;
  let refused = false;
  /** A line's value, or why it has none; `undefined` for a blank line. */
  const valueOf = (split: SplitLine): { readonly value: unknown } | { readonly problem: string; readonly unfinished: boolean } | undefined => {
    if (split.bytes === null) {
      const text = lang === "zh" ? `该行超过 ${DEFAULT_MAX_LINE_BYTES} 字节的上限，未读取` : `the line is longer than the limit of ${DEFAULT_MAX_LINE_BYTES} bytes and was not read`;
      return { problem: text, unfinished: false };
    }
    const text = decodeText(split.bytes);
    if (text === undefined) return { problem: notUtf8(lang === "zh" ? "该行" : "the line", lang), unfinished: false };
    if (text.trim() === "") return undefined;
    try {
      return { value: JSON.parse(text) };
    } catch {
      const detail = jsonSyntaxText(text, lang);
      return { problem: lang === "zh" ? `不是有效的 JSON：${detail}` : `not valid JSON: ${detail}`, unfinished: isUnfinishedJson(text) };
    }
  };
  const emit = (split: SplitLine): void => {
    if (refused) return;
    const read = valueOf(split);
    if (read === undefined) return;
    const first = headerLine === 0;
    if (first) headerLine = split.number;
    if ("problem" in read) {
      // A first line that is JSON unfinished at its end: a pretty-printed box, refused whole.
      refused = first && read.unfinished;
      problem(split.number, refused ? notOneBallotPerLine(lang) : read.problem);
      return;
    }
    const value = read.value;
    if (first) {
      const fields = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      if (fields !== undefined && Array.isArray(fields["ballots"])) {
        const { ballots: inline, ...header } = fields;
        wholeBox = inline as unknown[];
        stream = tallyStream(header, options);
        for (const ballot of wholeBox) stream.add(ballot);
      } else stream = tallyStream(value, options);
      return;
    }
    // Without a header that parsed there is no box to count into: its line is the problem.
    if (stream === undefined) return;
    if (split.number !== lastLine + 1) runs.push({ index: ballots, line: split.number });
    lastLine = split.number;
    ballots += 1;
    stream.add(value);
  };
  const input = openInput(path, io);
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(bytes);
      splitter.push(bytes, emit);
      if (refused) break;
    }
  } catch (cause) {
    throw new CliError(describeFsError(path, cause, lang), EXIT.input);
  }
  if (!refused) splitter.end(emit);
  if (dropped > 0) problem(Number.MAX_SAFE_INTEGER, lang === "zh" ? `另有 ${dropped} 行有同样的问题，未逐一列出` : `${dropped} more lines have such problems, not listed one by one`);
  const offset = wholeBox === undefined ? 0 : wholeBox.length;
  const lineOf = (index: number): number => {
    if (index < offset) return headerLine;
    const i = index - offset;
    let lo = 0;
    let hi = runs.length - 1;
    let found = runs[0] ?? { index: 0, line: headerLine + 1 };
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = runs[mid] as { index: number; line: number };
      if (run.index <= i) {
        found = run;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found.line + (i - found.index);
  };
  if (headerLine === 0 && problems.length === 0) {
    problem(1, lang === "zh" ? "文件是空的：第一行应为不含 ballots 的票箱（year、component、date、issued），其后每行一张票" : "the file is empty: its first line must be the box without ballots (year, component, date, issued), then one ballot a line");
  }
  return { outcome: stream?.finish(), problems, lineOf, headerLine, source: { file: path, sha256: hash.digest("hex") } };
}

/**
 * The lines of an NDJSON box's problems: the CLI's own (a line not JSON) and the core's (each
 * ballot's at its line), in line order. Issues at `participants` name the participants file.
 *
 * @example
 * ```ts
 * streamedProblemLines(read, "box.ndjson", "roster.json", "en");
 * //=> ["box.ndjson line 5: marks.cgjdk: … (invalid-mark)"]
 * ```
 */
export function streamedProblemLines(read: StreamedBox, path: string, participantsPath: string, lang: Lang, participantLines?: readonly number[]): string[] {
  const located: { readonly line: number; readonly order: number; readonly text: string }[] = [];
  read.problems.forEach((p, order) => {
    const where = p.line === Number.MAX_SAFE_INTEGER ? shownFile(path, lang) : atLine(path, p.line, lang);
    located.push({ line: p.line, order, text: `${where}${lang === "zh" ? "：" : ": "}${oneLine(p.text, 1000)}` });
  });
  const issues = read.outcome !== undefined && !read.outcome.success ? read.outcome.error.issues : [];
  issues.forEach((issue, k) => {
    const order = read.problems.length + k;
    const [head, index, ...rest] = issue.path;
    if (head === "participants") {
      located.push({ line: -1, order, text: participantIssueLine(issue, participantsPath, lang, participantLines) });
    } else if (head === "ballots" && typeof index === "number") {
      const line = read.lineOf(index);
      located.push({ line, order, text: `${atLine(path, line, lang)}${lang === "zh" ? "：" : ": "}${issueText({ ...issue, path: rest })}` });
    } else if (head === "ballots") {
      located.push({ line: Number.MAX_SAFE_INTEGER, order, text: `${shownFile(path, lang)}: ${issueText(issue)}` });
    } else {
      located.push({ line: read.headerLine, order, text: `${atLine(path, read.headerLine, lang)}${lang === "zh" ? "：" : ": "}${issueText(issue)}` });
    }
  });
  return located.sort((a, b) => a.line - b.line || a.order - b.order).map((l) => l.text);
}

/**
 * One issue as `path: message (code)`; an empty path is the whole value (`(root)`).
 *
 * @example
 * ```ts
 * issueText({ path: ["marks", "cgjdk"], code: "invalid-mark", message: "…" }); //=> "marks.cgjdk: … (invalid-mark)"
 * ```
 */
export function issueText(issue: InputIssue): string {
  return `${formatPath(issue.path)}: ${oneLine(issue.message, 1000)} (${issue.code})`;
}

/**
 * An issue at `["participants", i, …]` as a line naming the participants file (and the line of
 * entry `i` when the file is NDJSON).
 *
 * @example
 * ```ts
 * participantIssueLine(issue, "roster.json", "zh"); //=> "roster.json: [2].id: … (duplicate-id)"
 * ```
 */
export function participantIssueLine(issue: InputIssue, path: string, lang: Lang, lines?: readonly number[]): string {
  const [, index, ...rest] = issue.path;
  const line = typeof index === "number" ? lines?.[index] : undefined;
  if (line !== undefined) return `${atLine(path, line, lang)}${lang === "zh" ? "：" : ": "}${issueText({ ...issue, path: rest })}`;
  return `${shownFile(path, lang)}: ${issueText({ ...issue, path: issue.path.slice(1) })}`;
}
