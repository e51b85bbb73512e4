/**
 * `score --batch`: NDJSON in, NDJSON out, streaming. One output line per non-blank input line, in
 * order: the result, or `{"line":N,"error":{"issues":[…]}}` for that line alone. Input is read
 * chunk by chunk and split on bytes; output waits for `drain`; so memory stays flat whatever the
 * number of lines.
 */
import { once } from "node:events";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Lang } from "../index.js";
import { batchLine, type BatchLineOptions } from "../formats/batch-line.js";
import { LineSplitter, type SplitLine } from "../formats/lines.js";
import { decodeText } from "../formats/text.js";
import { CLI_BATCH_WORDING, utf8Lines, type LineJob, type ThreadSetup } from "./batch-lines.js";
import { CliError, EXIT, describeFsError, openInput, type CliIO } from "./io.js";
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
  /**
   * Scoring threads: 1 scores in the calling thread; more scores runs of lines in that many worker
   * threads while this one reads and writes. `undefined`: {@link defaultJobs}.
   */
  readonly jobs?: number | undefined;
  /** The JSON the policy was made from (`--policy FILE`), so that each thread can make it too. */
  readonly policySource?: unknown;
}

/** Writes `data` to `stream`, waiting for `drain` when the stream asks to. */
async function write(stream: NonNullable<CliIO["stdout"]>, data: Uint8Array): Promise<void> {
  if (!stream.write(data)) await once(stream, "drain");
}

/** Scores the lines of a batch run and writes their output lines, in input order. */
interface LineScorer {
  /** Takes one line (after the checks of the first line). */
  add(line: SplitLine): void;
  /** Writes what is ready, waiting for the output to drain (and for the oldest runs of lines, when too many are out). */
  flush(): Promise<void>;
  /** Writes everything left. */
  finish(): Promise<void>;
  /** Stops the threads, if any. */
  close(): Promise<void>;
}

/** Scores in the calling thread, writing the output lines of each input chunk in one piece. */
class InlineScorer implements LineScorer {
  private lines: string[] = [];

  constructor(
    private readonly io: CliIO,
    private readonly options: BatchLineOptions,
  ) {}

  add(line: SplitLine): void {
    const text = batchLine(line, this.options);
    if (text === undefined) return;
    if (this.io.stdout === undefined) this.io.out(text);
    else this.lines.push(text);
  }

  async flush(): Promise<void> {
    const stream = this.io.stdout;
    if (stream === undefined || this.lines.length === 0) return;
    const data = utf8Lines(this.lines);
    this.lines = [];
    await write(stream, data);
  }

  finish(): Promise<void> {
    return this.flush();
  }

  async close(): Promise<void> {}
}

/** Lines per run sent to a thread, and the most bytes a run holds. */
const RUN_LINES = 512;
const RUN_BYTES = 1 << 20;

/** A run sent to a thread and not yet answered: what settles its answer. */
interface Waiter {
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (cause: unknown) => void;
}

/**
 * Scores runs of lines in worker threads (`dist/batch-worker.js`), given out in turn; their
 * answers are written in input order. At most a few runs per thread are out at once, so memory
 * stays flat whatever the number of lines.
 */
class ThreadScorer implements LineScorer {
  private readonly workers: Worker[];
  /** Per thread, its runs not yet answered, oldest first (a thread answers in order). */
  private readonly waiting: Waiter[][];
  private readonly answers: Promise<Uint8Array>[] = [];
  private next = 0;
  private numbers: number[] = [];
  private lengths: number[] = [];
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly stream: NonNullable<CliIO["stdout"]>,
    script: URL,
    setup: ThreadSetup,
    count: number,
  ) {
    this.workers = [];
    this.waiting = [];
    for (let i = 0; i < count; i += 1) {
      // A young generation of 16 MB, half what the main thread's grows to: larger ones (48, 96 MB)
      // scored no faster here and held 40–60 MB more (docs/performance.md, the third speed pass).
      const worker = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const queue: Waiter[] = [];
      worker.on("message", (bytes: Uint8Array) => queue.shift()?.resolve(bytes));
      const fail = (cause: unknown): void => {
        for (const pending of queue.splice(0)) pending.reject(cause);
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`a scoring thread stopped (exit code ${code})`)));
      this.workers.push(worker);
      this.waiting.push(queue);
    }
  }

  add(line: SplitLine): void {
    this.numbers.push(line.number);
    if (line.bytes === null) this.lengths.push(-1);
    else {
      this.lengths.push(line.bytes.length);
      // A view into its chunk: each chunk read is a buffer of its own, never written again.
      this.parts.push(line.bytes);
      this.size += line.bytes.length;
    }
    if (this.numbers.length >= RUN_LINES || this.size >= RUN_BYTES) this.send();
  }

  /** Sends the run of lines gathered so far to the next thread. */
  private send(): void {
    if (this.numbers.length === 0) return;
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const job: LineJob = { numbers: this.numbers, lengths: this.lengths, bytes };
    const index = this.next;
    this.next = (this.next + 1) % this.workers.length;
    this.answers.push(
      new Promise<Uint8Array>((resolve, reject) => {
        (this.waiting[index] as Waiter[]).push({ resolve, reject });
      }),
    );
    (this.workers[index] as Worker).postMessage(job, [bytes.buffer]);
    this.numbers = [];
    this.lengths = [];
    this.parts = [];
    this.size = 0;
  }

  async flush(): Promise<void> {
    while (this.answers.length > 4 * this.workers.length) await write(this.stream, await (this.answers.shift() as Promise<Uint8Array>));
  }

  async finish(): Promise<void> {
    this.send();
    while (this.answers.length > 0) await write(this.stream, await (this.answers.shift() as Promise<Uint8Array>));
  }

  async close(): Promise<void> {
    for (const answer of this.answers) answer.catch(() => undefined); // left unread when the run stopped early
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** The scoring thread's module beside this one in the built CLI; `undefined` when running from source. */
function workerScript(): URL | undefined {
  const script = new URL("./batch-worker.js", import.meta.url);
  return script.protocol === "file:" && existsSync(fileURLToPath(script)) ? script : undefined;
}

/** Inputs smaller than this are scored in the calling thread: starting threads would cost more than it saves. */
const THREADS_FROM_BYTES = 4 << 20;

/**
 * The scoring threads of a run without `--jobs`: one per processor (at most 4) for a file of 4 MiB
 * or more when there are two processors or more, else none (the calling thread scores).
 *
 * @example
 * ```ts
 * defaultJobs(100 << 20, 2); //=> 2
 * defaultJobs(1000, 8); //=> 1
 * ```
 */
export function defaultJobs(size: number | undefined, processors: number): number {
  return size !== undefined && size >= THREADS_FROM_BYTES && processors >= 2 ? Math.min(processors, 4) : 1;
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
  const progressTo = progressStream(io);
  const size = await sizeOf(path);
  const jobs = options.jobs ?? defaultJobs(size, availableParallelism());
  const script = jobs > 1 && io.stdout !== undefined ? workerScript() : undefined;
  const setup: ThreadSetup = { policySource: options.policySource, allowIncomplete: options.allowIncomplete, lang: options.lang, maxLineBytes: options.maxLineBytes };
  const sink: LineScorer =
    script === undefined || io.stdout === undefined ? new InlineScorer(io, lineOptions) : new ThreadScorer(io.stdout, script, setup, jobs);
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
    sink.add(line);
  };
  try {
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
        progress.update(linesDone, size === undefined || progressTo?.isTTY !== true ? undefined : Math.min(1, bytesRead / size));
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
        if (refused === undefined) await sink.finish();
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
  } finally {
    await sink.close();
  }
}

/** Whether the reader of stdout went away (`… | head`): the run stops quietly. */
function isBrokenPipe(cause: unknown): boolean {
  return (cause as { code?: string } | undefined)?.code === "EPIPE";
}
