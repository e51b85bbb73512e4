/**
 * `score --batch`: NDJSON in, NDJSON out, streaming. One output line per non-blank input line, in
 * order: the result, or `{"line":N,"error":{"issues":[…]}}` for that line alone. Input is read
 * chunk by chunk and split on bytes; output waits for `drain`; so memory stays flat whatever the
 * number of lines.
 */
import { once } from "node:events";
import { stat } from "node:fs/promises";
import type { Lang } from "../index.js";
import { NEUTRAL_BATCH_WORDING, batchLine, type BatchLineOptions, type BatchWording } from "../formats/batch-line.js";
import { LineSplitter, type SplitLine } from "../formats/lines.js";
import { decodeText } from "../formats/text.js";
import { CliError, EXIT, cliIssues, describeFsError, openInput, type CliIO } from "./io.js";
import { startProgress } from "./progress.js";

/**
 * Options of a batch run: those of every batch line, and the clock of the progress line.
 *
 * @example
 * ```ts
 * const options: BatchOptions = { policy: undefined, allowIncomplete: false, lang: "en", maxLineBytes: 4096 };
 * ```
 */
export interface BatchOptions extends Omit<BatchLineOptions, "wording"> {
  /** The clock of the progress line, in milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /**
   * Looks at the input's first bytes (empty for an empty input) and names why it is not NDJSON at
   * all (a workbook given to `score --batch`): the run then writes nothing and exits 1.
   */
  readonly refuse?: ((bytes: Uint8Array) => string | undefined) | undefined;
}

/**
 * The CLI's wording of a batch line: the line limit names `--max-line-bytes`, and an incomplete
 * input names `--allow-incomplete`.
 */
const CLI_BATCH_WORDING: BatchWording = {
  message: (code, lang, detail) =>
    code !== "line-too-long"
      ? NEUTRAL_BATCH_WORDING.message(code, lang, detail)
      : lang === "zh"
        ? `该行超过 ${detail} 字节的上限（--max-line-bytes），未读取`
        : `The line is longer than the limit of ${detail} bytes (--max-line-bytes) and was not read`,
  issues: cliIssues,
};

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
 * Whether a line is the start of a JSON document that goes on past the line's end: JSON's parser
 * runs out of text exactly at the end (`{` alone, `[`, `{ "year": 2022,`). Such a first line means
 * the file is pretty-printed JSON, not one input per line.
 *
 * @example
 * ```ts
 * isUnfinishedJson("{"); //=> true
 * isUnfinishedJson('{"year": 2022}'); //=> false
 * isUnfinishedJson("{oops"); //=> false
 * ```
 */
export function isUnfinishedJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return false;
  try {
    JSON.parse(trimmed);
    return false;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : "";
    if (/Unexpected end of JSON input/.test(message)) return true;
    const at = / at position ([0-9]+)/.exec(message);
    return at !== null && Number(at[1]) >= trimmed.length;
  }
}

/** The one message for a batch file that is pretty-printed JSON, naming its first line. */
function notOnePerLine(path: string, line: number, lang: Lang): string {
  const shown = path === "-" ? (lang === "zh" ? "标准输入" : "stdin") : path;
  return lang === "zh"
    ? `${shown} 不是每行一个输入：第 ${line} 行的 JSON 到行尾还没有结束，像是排版成多行的 JSON 文件。score --batch 要求每一行是一个完整的 JSON 输入；只有一个输入请用 score FILE，多个输入请先改成每行一个（如 jq -c . FILE，数组用 jq -c '.[]' FILE）`
    : `${shown} does not hold one input per line: the JSON of line ${line} is not finished at the end of the line, as in a pretty-printed JSON file. score --batch needs each line to hold one whole JSON input; for a single input use score FILE, for several put each on one line first (e.g. jq -c . FILE, or jq -c '.[]' FILE for an array)`;
}

/** The stream a batch run shows progress on: stderr when it is a terminal and stdout is not (results on the terminal already show progress). */
function progressStream(io: CliIO): CliIO["stderr"] {
  return (io.stdout as { isTTY?: boolean } | undefined)?.isTTY === true ? undefined : io.stderr;
}

/** The size of the file at `path` in bytes, when it is a regular file. */
async function sizeOf(path: string): Promise<number | undefined> {
  if (path === "-") return undefined;
  try {
    const info = await stat(path);
    return info.isFile() && info.size > 0 ? info.size : undefined;
  } catch {
    return undefined; // the read that follows reports why
  }
}

/**
 * Scores every line of an NDJSON file (or stdin for `-`), writing one line per non-blank input
 * line. Returns exit code 0 even when some lines were errors; 1 only when the input cannot be read,
 * is refused by `options.refuse` (a workbook), or is not one input per line (its first non-blank
 * line is an unfinished JSON document: a pretty-printed file), which is said once on stderr with
 * nothing written to stdout. When stderr
 * is a terminal, a progress line shows the lines done, the rate and, for a file, the time left.
 *
 * @example
 * ```ts
 * await runBatch("inputs.ndjson", io, { policy: undefined, allowIncomplete: false, lang: "zh", maxLineBytes: DEFAULT_MAX_LINE_BYTES });
 * //=> 0
 * ```
 */
export async function runBatch(path: string, io: CliIO, options: BatchOptions): Promise<number> {
  const splitter = new LineSplitter(options.maxLineBytes);
  const lineOptions: BatchLineOptions = { ...options, wording: CLI_BATCH_WORDING };
  const sink = new LineSink(io);
  const progressTo = progressStream(io);
  // The file's size only serves the progress line's time left, shown on a terminal alone.
  const size = progressTo?.isTTY === true ? await sizeOf(path) : undefined;
  const progress = startProgress({ stream: progressTo, unit: { zh: "行", en: "lines" }, lang: options.lang, ...(options.now === undefined ? {} : { now: options.now }) });
  let linesDone = 0;
  let bytesRead = 0;
  let seenContent = false;
  let refused: string | undefined;
  const emit = (line: SplitLine): void => {
    linesDone = line.number;
    if (refused !== undefined) return;
    if (!seenContent) {
      const text = line.bytes === null ? undefined : decodeText(line.bytes);
      if (text !== undefined && text.trim() === "") return;
      seenContent = true;
      if (text !== undefined && isUnfinishedJson(text)) {
        refused = notOnePerLine(path, line.number, options.lang);
        return;
      }
    }
    const out = batchLine(line, lineOptions);
    if (out !== undefined) sink.add(out);
  };
  const stream = openInput(path, io);
  let writeError: unknown;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      if (bytesRead === 0 && bytes.length > 0) refused = options.refuse?.(bytes);
      if (refused !== undefined) break;
      bytesRead += bytes.length;
      splitter.push(bytes, emit);
      if (refused !== undefined) break;
      progress.update(linesDone, size === undefined ? undefined : Math.min(1, bytesRead / size));
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
  if (bytesRead === 0 && refused === undefined) refused = options.refuse?.(new Uint8Array());
  if (refused === undefined && writeError === undefined) {
    splitter.end(emit);
    try {
      if (refused === undefined) await sink.flush();
    } catch (cause) {
      writeError = cause;
    }
  }
  if (refused !== undefined) {
    io.err(refused);
    return EXIT.input;
  }
  progress.finish(linesDone);
  if (writeError !== undefined && !isBrokenPipe(writeError)) throw writeError;
  return EXIT.ok;
}

/** Whether the reader of stdout went away (`… | head`): the run stops quietly. */
function isBrokenPipe(cause: unknown): boolean {
  return (cause as { code?: string } | undefined)?.code === "EPIPE";
}
