/**
 * One line of a batch: NDJSON in, NDJSON out. Each non-blank input line gives its result on one
 * line, or `{"line":N,"error":{"issues":[…]}}` for that line alone (docs/cli.md, "score --batch").
 * The CLI's `score --batch` and the service's `POST /v1/score/batch` both stand on it, each with
 * its own wording for what a person should do (a flag on the command line, a query parameter over
 * HTTP).
 */
import { safeScore, type InputError, type InputIssue, type Lang, type Policy } from "../index.js";
import { jsonSyntaxText } from "./json-syntax.js";
import type { SplitLine } from "./lines.js";
import { decodeText, notUtf8 } from "./text.js";

/**
 * The default longest input line: 16 MiB.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_LINE_BYTES; //=> 16777216
 * ```
 */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * The issue codes a batch line can have besides `score`'s own (their `path` is `[]`).
 *
 * @example
 * ```ts
 * const code: BatchIssueCode = "line-too-long";
 * ```
 */
export type BatchIssueCode = "line-too-long" | "invalid-utf8" | "invalid-json";

/**
 * How a front end words a batch line's problems: the message of each batch issue (`detail` is the
 * line limit for `line-too-long`, the JSON problem for `invalid-json`), and the issues of an input
 * the library refused (to name the front end's own way to a provisional result, say).
 *
 * @example
 * ```ts
 * const wording: BatchWording = { ...NEUTRAL_BATCH_WORDING, issues: (error) => error.issues };
 * ```
 */
export interface BatchWording {
  readonly message: (code: BatchIssueCode, lang: Lang, detail: string) => string;
  readonly issues: (error: InputError, lang: Lang) => readonly InputIssue[];
}

/**
 * The wording of a batch line that names no front end's flags or parameters: the library's own
 * issues, and messages that say what is wrong with the line.
 *
 * @example
 * ```ts
 * NEUTRAL_BATCH_WORDING.message("line-too-long", "en", "4096");
 * //=> "The line is longer than the limit of 4096 bytes and was not read"
 * ```
 */
export const NEUTRAL_BATCH_WORDING: BatchWording = {
  message: (code, lang, detail) => {
    switch (code) {
      case "line-too-long":
        return lang === "zh" ? `该行超过 ${detail} 字节的上限，未读取` : `The line is longer than the limit of ${detail} bytes and was not read`;
      case "invalid-utf8":
        return lang === "zh" ? notUtf8("该行", "zh") : notUtf8("The line", "en");
      case "invalid-json":
        return lang === "zh" ? `该行不是有效的 JSON：${detail}` : `The line is not valid JSON: ${detail}`;
    }
  },
  issues: (error) => error.issues,
};

/**
 * What a batch needs besides its lines: the policy (the preset when `undefined`), whether an
 * incomplete input gives a provisional result, the language, the longest line, and the wording.
 *
 * @example
 * ```ts
 * const options: BatchLineOptions = { policy: undefined, allowIncomplete: false, lang: "en", maxLineBytes: 4096, wording: NEUTRAL_BATCH_WORDING };
 * ```
 */
export interface BatchLineOptions {
  readonly policy: Policy | undefined;
  readonly allowIncomplete: boolean;
  readonly lang: Lang;
  readonly maxLineBytes: number;
  readonly wording: BatchWording;
}

/**
 * The output line for one input line: a result, an error line, or `undefined` for a blank line.
 * An error line names the body (`"participant": { "id" }`) when the input is JSON with a
 * participant id, so that `rank` can say whose result is missing.
 *
 * @param line - The input line, as `LineSplitter` gives it.
 * @param options - The policy, the options of `score`, the longest line and the wording.
 * @returns The output line without its line break, or `undefined` for a blank line.
 * @example
 * ```ts
 * batchLine({ number: 3, bytes: Buffer.from("[]"), length: 2 }, options);
 * //=> '{"line":3,"error":{"issues":[{"path":[],"code":"invalid_type","message":"…"}]}}'
 * ```
 */
export function batchLine(line: SplitLine, options: BatchLineOptions): string | undefined {
  const { lang, wording } = options;
  const issue = (code: BatchIssueCode, detail = ""): InputIssue => ({ path: [], code, message: wording.message(code, lang, detail) });
  const fail = (issues: readonly InputIssue[]): string => JSON.stringify({ line: line.number, error: { issues } });
  if (line.bytes === null) return fail([issue("line-too-long", String(options.maxLineBytes))]);
  const text = decodeText(line.bytes);
  if (text === undefined) return fail([issue("invalid-utf8")]);
  if (text.trim() === "") return undefined;
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail([issue("invalid-json", jsonSyntaxText(text, lang))]);
  }
  const outcome = safeScore(input, { policy: options.policy, allowIncomplete: options.allowIncomplete, lang });
  if (outcome.success) return JSON.stringify(outcome.data);
  const id = participantIdOf(input);
  const issues = wording.issues(outcome.error, lang);
  return id === undefined ? fail(issues) : JSON.stringify({ line: line.number, participant: { id }, error: { issues } });
}

/**
 * The participant id an input (or an error record) names, when it names one: a non-empty string
 * at `participant.id`.
 *
 * @example
 * ```ts
 * participantIdOf({ participant: { id: "cgjdk" } }); //=> "cgjdk"
 * participantIdOf({ participant: { id: "" } }); //=> undefined
 * ```
 */
export function participantIdOf(input: unknown): string | undefined {
  const participant = (input as { participant?: unknown } | null)?.participant;
  const id = (participant as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}
