/**
 * File and stream input for the CLI: files or `-` for stdin, a leading UTF-8 BOM accepted, and
 * one-line messages (never a stack trace) for whatever cannot be read.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { InputError, formatPath, type InputIssue, type Lang } from "../index.js";
import { namingSwitch } from "../formats/wording.js";
import { jsonSyntaxText } from "../formats/json-syntax.js";
import { decodeText, notUtf8, stripBom } from "../formats/text.js";
import type { ProgressStream } from "./progress.js";

/**
 * Exit codes: 0 ok; 1 the input is wrong or unavailable, `verify` found a difference, or `coverage` found violations; 2 usage.
 *
 * @example
 * ```ts
 * return outcome.success ? EXIT.ok : EXIT.input;
 * ```
 */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/**
 * A failure the CLI reports in one line (or one line per issue) and exits with `exitCode`.
 *
 * @example
 * ```ts
 * throw new CliError("找不到文件：a.json", EXIT.input);
 * ```
 */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * A usage mistake: exit code 2.
 *
 * @example
 * ```ts
 * throw usageError("schema takes input, policy or result");
 * ```
 */
export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/**
 * Where a command reads and writes: results to `out`, messages to `err`, input from `stdin`.
 * `stdout`, when given, is the stream behind `out`: streaming commands (`score --batch`) write to
 * it directly and wait for `drain`, so memory stays flat however fast the input arrives.
 *
 * @example
 * ```ts
 * const io: CliIO = { out: (t) => lines.push(t), err: (t) => errors.push(t), stdin: Readable.from([]) };
 * ```
 */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout?: NodeJS.WritableStream | undefined;
  /** The stream behind `err`, for a progress line (shown only when it is a terminal, see `progress.ts`). */
  readonly stderr?: ProgressStream | undefined;
}

/**
 * The one-line message for a file that cannot be opened or read.
 *
 * @example
 * ```ts
 * describeFsError("a.json", { code: "ENOENT" }, "en"); //=> "No such file: a.json"
 * ```
 */
export function describeFsError(path: string, cause: unknown, lang: Lang): string {
  const code = (cause as { code?: string } | undefined)?.code;
  const zh = lang === "zh";
  switch (code) {
    case "ENOENT":
      return zh ? `找不到文件：${path}` : `No such file: ${path}`;
    case "EISDIR":
      return zh ? `这是一个目录，不是文件：${path}` : `This is a directory, not a file: ${path}`;
    case "EACCES":
    case "EPERM":
      return zh ? `没有权限读取文件：${path}` : `Permission denied reading: ${path}`;
    default:
      return zh ? `无法读取 ${path}：${code ?? oneLine(String(cause))}` : `Cannot read ${path}: ${code ?? oneLine(String(cause))}`;
  }
}

/**
 * Collapses control characters (line breaks included) so a message stays on one line, and
 * shortens it past `max` characters.
 *
 * @example
 * ```ts
 * oneLine("Unexpected token\n x"); //=> "Unexpected token  x"
 * ```
 */
export function oneLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === "\n" || c === "\r" || c === "\t" ? " " : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * A spreadsheet file where JSON was expected: `"xlsx"` for a workbook (a zip archive, signature
 * `PK\x03\x04`, or a name ending in `.xlsx`), `"xls"` for the old binary format (the OLE signature
 * `D0 CF 11 E0`, or a name ending in `.xls`), `undefined` for anything else. The content decides
 * before the name; `bytes` may be only the file's first bytes.
 *
 * @example
 * ```ts
 * spreadsheetKind("2022考评记录.xlsx", new Uint8Array()); //=> "xlsx"
 * spreadsheetKind("-", Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); //=> "xls"
 * spreadsheetKind("cgjdk.json", Buffer.from("{}")); //=> undefined
 * ```
 */
export function spreadsheetKind(path: string, bytes: Uint8Array): "xlsx" | "xls" | undefined {
  const starts = (magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) return "xls";
  const name = path.toLowerCase();
  if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) return "xlsx";
  if (name.endsWith(".xls")) return "xls";
  return undefined;
}

/**
 * The one message for a spreadsheet given to `score` (or `score --batch`), which reads JSON: a
 * workbook goes through `import` first, an old `.xls` is re-saved as `.xlsx` before that.
 *
 * @example
 * ```ts
 * spreadsheetGivenToScore("2022.xlsx", "xlsx", "en");
 * //=> "2022.xlsx is an Excel workbook, but score reads JSON inputs: turn the workbook into inputs with import first: wubi-wuping import 2022.xlsx > inputs.ndjson, then wubi-wuping score --batch inputs.ndjson"
 * ```
 */
export function spreadsheetGivenToScore(path: string, kind: "xlsx" | "xls", lang: Lang): string {
  const zh = lang === "zh";
  const shown = path === "-" ? (zh ? "标准输入" : "stdin") : path;
  const named = path === "-" ? (zh ? "考评记录.xlsx" : "records.xlsx") : kind === "xls" ? path.replace(/\.xls$/i, ".xlsx") : path;
  const argument = /[\s"'$`\\;&|<>()]/.test(named) ? `"${named.replace(/(["$`\\])/g, "\\$1")}"` : named;
  if (kind === "xls") {
    return zh
      ? `${shown} 是旧版 Excel 工作簿（.xls），score 读取的是 JSON 输入：请先在 WPS/Excel 中把它另存为 .xlsx，再用 import 转换为输入：wubi-wuping import ${argument} > 输入.ndjson，然后运行 wubi-wuping score --batch 输入.ndjson`
      : `${shown} is an old Excel workbook (.xls), but score reads JSON inputs: save it as .xlsx in WPS/Excel, turn that into inputs with import: wubi-wuping import ${argument} > inputs.ndjson, then run wubi-wuping score --batch inputs.ndjson`;
  }
  return zh
    ? `${shown} 是 Excel 工作簿，score 读取的是 JSON 输入：请先用 import 把工作簿转换为输入：wubi-wuping import ${argument} > 输入.ndjson，然后运行 wubi-wuping score --batch 输入.ndjson`
    : `${shown} is an Excel workbook, but score reads JSON inputs: turn the workbook into inputs with import first: wubi-wuping import ${argument} > inputs.ndjson, then wubi-wuping score --batch inputs.ndjson`;
}

/**
 * The refusal of UTF-16 text (a byte order mark `FF FE` or `FE FF`): what Windows PowerShell 5's
 * `>` writes, so the message says to run the command in 命令提示符 instead, or re-save the file
 * as UTF-8. `undefined` for anything else.
 *
 * @example
 * ```ts
 * utf16Refusal("结果.ndjson", Buffer.from([0xff, 0xfe, 0x7b, 0x00]), "en");
 * //=> "结果.ndjson is UTF-16 text (as Windows PowerShell's > saves it), not UTF-8: …"
 * ```
 */
export function utf16Refusal(path: string, bytes: Uint8Array, lang: Lang): string | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) return undefined;
  const shown = path === "-" ? (lang === "zh" ? "标准输入" : "stdin") : path;
  return lang === "zh"
    ? `${shown} 是 UTF-16 编码的文本（Windows PowerShell 的 > 会这样保存），不是 UTF-8：请在“命令提示符”（cmd）或 Git Bash 中重新运行生成它的命令，或用记事本“另存为”，编码选择 UTF-8`
    : `${shown} is UTF-16 text (as Windows PowerShell's > saves it), not UTF-8: run the command that wrote it again in cmd or Git Bash, or save it as UTF-8 in Notepad (Save As, encoding UTF-8)`;
}

/**
 * Reads a whole file (or stdin for `-`) as UTF-8 text, BOM removed. A file that is missing, a
 * directory, unreadable or not UTF-8 text (UTF-16 named as such) is a `CliError` with exit code 1. `refuse`, when given,
 * looks at the bytes first and names why they are not this command's kind of file (a message)
 * or lets them through (`undefined`).
 *
 * @example
 * ```ts
 * await readText("examples/2022/cgjdk.json", io, "zh"); //=> "{\n  \"year\": 2022, …"
 * ```
 */
export async function readText(path: string, io: CliIO, lang: Lang, refuse?: (bytes: Uint8Array) => string | undefined): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = path === "-" ? await readStream(io.stdin) : await readFile(path);
  } catch (cause) {
    throw new CliError(describeFsError(path, cause, lang), EXIT.input);
  }
  const refusal = refuse?.(bytes) ?? utf16Refusal(path, bytes, lang);
  if (refusal !== undefined) throw new CliError(refusal, EXIT.input);
  const text = decodeText(bytes);
  if (text === undefined) {
    const shown = path === "-" ? (lang === "zh" ? "标准输入" : "stdin") : path;
    throw new CliError(notUtf8(shown, lang), EXIT.input);
  }
  return stripBom(text);
}

/**
 * Parses JSON text, with a one-line message naming the file when it is empty or not JSON.
 *
 * @example
 * ```ts
 * parseJson("{}", "a.json", "zh"); //=> {}
 * parseJson("", "a.json", "en"); // throws CliError "a.json is empty: no JSON in it"
 * ```
 */
export function parseJson(text: string, file: string, lang: Lang): unknown {
  const zh = lang === "zh";
  const path = file === "-" ? (zh ? "标准输入" : "stdin") : file;
  if (text.trim() === "") throw new CliError(zh ? `${path} 是空的，没有 JSON 内容` : `${path} is empty: no JSON in it`, EXIT.input);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = jsonSyntaxText(text, lang);
    throw new CliError(zh ? `${path} 不是有效的 JSON：${detail}` : `${path} is not valid JSON: ${detail}`, EXIT.input);
  }
}

/**
 * Reads and parses a JSON file (or stdin for `-`).
 *
 * @example
 * ```ts
 * (await readJson("examples/2022/cgjdk.json", io, "zh")).year; //=> 2022
 * ```
 */
export async function readJson(path: string, io: CliIO, lang: Lang, refuse?: (bytes: Uint8Array) => string | undefined): Promise<unknown> {
  return parseJson(await readText(path, io, lang, refuse), path, lang);
}

/**
 * Reads a JSON file that must hold an object (not an array, a string, a number or `null`).
 *
 * @example
 * ```ts
 * await readJsonObject("result.json", io, "en", "a score result"); // throws on `[]`
 * ```
 */
export async function readJsonObject(path: string, io: CliIO, lang: Lang, what: Readonly<Record<Lang, string>>): Promise<Record<string, unknown>> {
  const value = await readJson(path, io, lang);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null ? "null" : Array.isArray(value) ? (lang === "zh" ? "数组" : "an array") : typeof value;
    throw new CliError(
      lang === "zh" ? `${path} 应为一个 JSON 对象（${what.zh}），实际是 ${found}` : `${path} must hold a JSON object (${what.en}), not ${found}`,
      EXIT.input,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * A readable byte stream of a file, or stdin for `-`. Opening errors surface while reading; the
 * caller maps them with {@link describeFsError}.
 *
 * @example
 * ```ts
 * for await (const chunk of openInput("big.ndjson", io)) …
 * ```
 */
export function openInput(path: string, io: CliIO): NodeJS.ReadableStream {
  return path === "-" ? io.stdin : createReadStream(path, { highWaterMark: 64 * 1024 });
}

/**
 * An input error's issues as the CLI reports them: a message that names an API option names the
 * command-line flag instead (`allowIncomplete` → `--allow-incomplete`). Paths and codes unchanged.
 *
 * @example
 * ```ts
 * cliIssues(error, "zh")[0].message; //=> "缺少“两代表一委员”评价的有效记录；请补齐数据，或用 --allow-incomplete 计为暂定结果"
 * ```
 */
export function cliIssues(error: InputError, lang: Lang): InputIssue[] {
  return namingSwitch(error.issues, lang, "--allow-incomplete");
}

/**
 * The lines of an input error, one per issue: `path: message (code)`.
 *
 * @example
 * ```ts
 * issueLines(error, "zh"); //=> ["components.deputies: 缺少“两代表一委员”评价的有效记录；… (missing-component)"]
 * ```
 */
export function issueLines(error: InputError, lang: Lang): string[] {
  return cliIssues(error, lang).map((issue) => `${formatPath(issue.path)}: ${oneLine(issue.message, 1000)} (${issue.code})`);
}
