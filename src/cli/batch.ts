/**
 * `score --batch`: NDJSON in, NDJSON out, streaming. One output line per non-blank input line, in
 * order: the result, or `{"line":N,"error":{"issues":[…]}}` for that line alone. Input is read
 * chunk by chunk and split on bytes; output waits for `drain`; so memory stays flat whatever the
 * number of lines.
 */
import { once } from "node:events";
import { safeScore, type InputIssue, type Lang, type Policy } from "../index.js";
import { CliError, EXIT, cliIssues, decodeText, describeFsError, jsonProblem, notUtf8, openInput, type CliIO } from "./io.js";
import { LineSplitter, type SplitLine } from "./lines.js";

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
 * Options of a batch run.
 *
 * @example
 * ```ts
 * const options: BatchOptions = { policy: undefined, allowIncomplete: false, lang: "en", maxLineBytes: 4096 };
 * ```
 */
export interface BatchOptions {
  readonly policy: Policy | undefined;
  readonly allowIncomplete: boolean;
  readonly lang: Lang;
  readonly maxLineBytes: number;
}

/**
 * The issue codes a batch line can have besides `score`'s own (their `path` is `[]`).
 *
 * @example
 * ```ts
 * const code: BatchIssueCode = "line-too-long";
 * ```
 */
export type BatchIssueCode = "line-too-long" | "invalid-utf8" | "invalid-json";

const MESSAGES: Readonly<Record<BatchIssueCode, Readonly<Record<Lang, (detail: string) => string>>>> = {
  "line-too-long": {
    zh: (limit) => `该行超过 ${limit} 字节的上限（--max-line-bytes），未读取`,
    en: (limit) => `The line is longer than the limit of ${limit} bytes (--max-line-bytes) and was not read`,
  },
  "invalid-utf8": {
    zh: () => notUtf8("该行", "zh"),
    en: () => notUtf8("The line", "en"),
  },
  "invalid-json": {
    zh: (detail) => `该行不是有效的 JSON：${detail}`,
    en: (detail) => `The line is not valid JSON: ${detail}`,
  },
};

function issue(code: BatchIssueCode, lang: Lang, detail = ""): InputIssue {
  return { path: [], code, message: MESSAGES[code][lang](detail) };
}

/**
 * The output line for one input line: a result, an error line, or `undefined` for a blank line.
 *
 * @example
 * ```ts
 * batchLine({ number: 3, bytes: Buffer.from("[]"), length: 2 }, options);
 * //=> '{"line":3,"error":{"issues":[{"path":[],"code":"invalid_type","message":"…"}]}}'
 * ```
 */
export function batchLine(line: SplitLine, options: BatchOptions): string | undefined {
  const { lang } = options;
  const fail = (issues: readonly InputIssue[]): string => JSON.stringify({ line: line.number, error: { issues } });
  if (line.bytes === null) return fail([issue("line-too-long", lang, String(options.maxLineBytes))]);
  const text = decodeText(line.bytes);
  if (text === undefined) return fail([issue("invalid-utf8", lang)]);
  if (text.trim() === "") return undefined;
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    return fail([issue("invalid-json", lang, jsonProblem(cause, text, lang))]);
  }
  const outcome = safeScore(input, { policy: options.policy, allowIncomplete: options.allowIncomplete, lang });
  return outcome.success ? JSON.stringify(outcome.data) : fail(cliIssues(outcome.error, lang));
}

/** Collects output lines and writes them in one piece per input chunk, waiting for `drain`. */
class LineSink {
  private lines: string[] = [];

  constructor(private readonly io: CliIO) {}

  add(text: string): void {
    if (this.io.stdout === undefined) this.io.out(text);
    else this.lines.push(text);
  }

  async flush(): Promise<void> {
    const stream = this.io.stdout;
    if (stream === undefined || this.lines.length === 0) return;
    const data = `${this.lines.join("\n")}\n`;
    this.lines = [];
    if (!stream.write(data)) await once(stream, "drain");
  }
}

/**
 * Scores every line of an NDJSON file (or stdin for `-`), writing one line per non-blank input
 * line. Returns exit code 0 even when some lines were errors; 1 only when the input cannot be read.
 *
 * @example
 * ```ts
 * await runBatch("inputs.ndjson", io, { policy: undefined, allowIncomplete: false, lang: "zh", maxLineBytes: DEFAULT_MAX_LINE_BYTES });
 * //=> 0
 * ```
 */
export async function runBatch(path: string, io: CliIO, options: BatchOptions): Promise<number> {
  const splitter = new LineSplitter(options.maxLineBytes);
  const sink = new LineSink(io);
  const emit = (line: SplitLine): void => {
    const out = batchLine(line, options);
    if (out !== undefined) sink.add(out);
  };
  const stream = openInput(path, io);
  let writeError: unknown;
  try {
    for await (const chunk of stream) {
      splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer), emit);
      try {
        await sink.flush();
      } catch (cause) {
        writeError = cause;
        break;
      }
    }
  } catch (cause) {
    throw new CliError(describeFsError(path, cause, options.lang), EXIT.input);
  }
  if (writeError === undefined) {
    splitter.end(emit);
    try {
      await sink.flush();
    } catch (cause) {
      writeError = cause;
    }
  }
  if (writeError !== undefined && !isBrokenPipe(writeError)) throw writeError;
  return EXIT.ok;
}

/** Whether the reader of stdout went away (`… | head`): the run stops quietly. */
function isBrokenPipe(cause: unknown): boolean {
  return (cause as { code?: string } | undefined)?.code === "EPIPE";
}
