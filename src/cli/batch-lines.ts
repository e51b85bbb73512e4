/**
 * What every thread of `score --batch` shares: the CLI's wording of a batch line, scoring a run of
 * lines into their output bytes, and writing output lines as UTF-8 (docs/cli.md, "score --batch").
 */
import { definePolicy, type Lang } from "../index.js";
import { NEUTRAL_BATCH_WORDING, batchLine, type BatchLineOptions, type BatchWording } from "../formats/batch-line.js";
import type { SplitLine } from "../formats/lines.js";
import { cliIssues } from "./io.js";

/**
 * The CLI's wording of a batch line: the line limit names `--max-line-bytes`, and an incomplete
 * input names `--allow-incomplete`.
 */
export const CLI_BATCH_WORDING: BatchWording = {
  message: (code, lang, detail) =>
    code !== "line-too-long"
      ? NEUTRAL_BATCH_WORDING.message(code, lang, detail)
      : lang === "zh"
        ? `该行超过 ${detail} 字节的上限（--max-line-bytes），未读取`
        : `The line is longer than the limit of ${detail} bytes (--max-line-bytes) and was not read`,
  issues: cliIssues,
};

/**
 * The UTF-8 bytes of `lines`, each followed by a newline, written line by line into one buffer.
 * Joining the lines first and encoding the joined text cost ten times as much: a join of texts
 * with Chinese in them is a two-byte string that is flattened, then encoded on a slow path
 * (docs/performance.md). With `own`, the buffer has a memory of its own (not Node's shared pool),
 * so that it can be transferred to another thread.
 *
 * @example
 * ```ts
 * utf8Lines(["{}", "考评"]).toString(); //=> "{}\n考评\n"
 * ```
 */
export function utf8Lines(lines: readonly string[], own = false): Buffer {
  let bound = 0;
  for (const line of lines) bound += line.length * 3 + 1; // a UTF-16 unit is at most 3 UTF-8 bytes
  const buffer = own ? Buffer.allocUnsafeSlow(bound) : Buffer.allocUnsafe(bound);
  let at = 0;
  for (const line of lines) {
    at += buffer.write(line, at, "utf8");
    buffer[at] = 0x0a;
    at += 1;
  }
  return buffer.subarray(0, at);
}

/**
 * A run of input lines sent to a scoring thread: their numbers, and their bytes end to end, each
 * line's length in `lengths` (-1 for a line over the limit, whose bytes were never kept).
 *
 * @example
 * ```ts
 * const job: LineJob = { numbers: [1, 2], lengths: [2, -1], bytes: new TextEncoder().encode("{}") };
 * ```
 */
export interface LineJob {
  readonly numbers: readonly number[];
  readonly lengths: readonly number[];
  readonly bytes: Uint8Array;
}

/**
 * What a scoring thread needs to score lines as the main thread would: the policy's JSON (made
 * again with `definePolicy` there), and the options of every line.
 *
 * @example
 * ```ts
 * const setup: ThreadSetup = { policySource: undefined, allowIncomplete: false, lang: "zh", maxLineBytes: 16_777_216 };
 * ```
 */
export interface ThreadSetup {
  readonly policySource: unknown;
  readonly allowIncomplete: boolean;
  readonly lang: Lang;
  readonly maxLineBytes: number;
}

/**
 * The options of every batch line in a thread, from its {@link ThreadSetup}.
 *
 * @example
 * ```ts
 * lineOptionsOf({ policySource: undefined, allowIncomplete: false, lang: "en", maxLineBytes: 4096 }).wording === CLI_BATCH_WORDING; //=> true
 * ```
 */
export function lineOptionsOf(setup: ThreadSetup): BatchLineOptions {
  const policy = setup.policySource === undefined ? undefined : definePolicy(setup.policySource, { lang: setup.lang });
  return { policy, allowIncomplete: setup.allowIncomplete, lang: setup.lang, maxLineBytes: setup.maxLineBytes, wording: CLI_BATCH_WORDING };
}

/**
 * Scores the lines of a {@link LineJob}: the output lines' bytes, in order (a blank line gives none);
 * `own` as {@link utf8Lines}.
 *
 * @example
 * ```ts
 * scoreJob({ numbers: [1], lengths: [2], bytes: new TextEncoder().encode("{}") }, options).toString().startsWith('{"line":1,'); //=> true
 * ```
 */
export function scoreJob(job: LineJob, options: BatchLineOptions, own = false): Buffer {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < job.numbers.length; i += 1) {
    const length = job.lengths[i] as number;
    const bytes = length < 0 ? null : job.bytes.subarray(at, at + length);
    if (length > 0) at += length;
    const line: SplitLine = { number: job.numbers[i] as number, bytes, length: length < 0 ? options.maxLineBytes + 1 : length };
    const text = batchLine(line, options);
    if (text !== undefined) out.push(text);
  }
  return utf8Lines(out, own);
}
