/** `wubi-wuping score FILE|-` and `score --batch FILE|-`: score participant-years. */
import { resultJson } from "../../formats/json.js";
import { explain, safeScore, type Lang, type ScoreResult } from "../../index.js";
import { DEFAULT_MAX_LINE_BYTES } from "../../formats/batch-line.js";
import { runBatch } from "../batch.js";
import type { Command } from "../command.js";
import { EXIT, issueLines, readJson, spreadsheetGivenToScore, spreadsheetKind, usageError, utf16Refusal, type CliIO } from "../io.js";
import { flagForm, flagNeeds } from "../words.js";

/** The largest `--max-line-bytes` accepted: 1 GiB. */
const MAX_LINE_LIMIT = 1024 * 1024 * 1024;

function maxLineBytesOf(value: unknown, batch: boolean, lang: Lang): number {
  if (value === undefined) return DEFAULT_MAX_LINE_BYTES;
  if (!batch) throw usageError(flagNeeds("score", "--max-line-bytes", "--batch", lang));
  const text = String(value);
  const n = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
  const form = { zh: ` 1 至 ${MAX_LINE_LIMIT} 之间的整数（字节数）`, en: `a whole number of bytes from 1 to ${MAX_LINE_LIMIT}` };
  if (!(n <= MAX_LINE_LIMIT)) throw usageError(`wubi-wuping score${lang === "zh" ? "：" : ": "}${flagForm("--max-line-bytes", form, text, lang)}`);
  return n;
}

/** The most scoring threads `--jobs` takes. */
const MAX_JOBS = 64;

function jobsOf(value: unknown, batch: boolean, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (!batch) throw usageError(flagNeeds("score", "--jobs", "--batch", lang));
  const text = String(value);
  const n = /^[1-9][0-9]?$/.test(text) ? Number(text) : NaN;
  const form = { zh: ` 1 至 ${MAX_JOBS} 之间的整数（线程数）`, en: `a whole number of threads from 1 to ${MAX_JOBS}` };
  if (!(n <= MAX_JOBS)) throw usageError(`wubi-wuping score${lang === "zh" ? "：" : ": "}${flagForm("--jobs", form, text, lang)}`);
  return n;
}

/**
 * The text `score` prints for a result: its JSON (one line, with `--json`) or its explanation.
 * The service answers the same text.
 *
 * @example
 * ```ts
 * scoreOutput(score(input), true, "zh").startsWith('{"year":2022'); //=> true
 * ```
 */
export function scoreOutput(result: ScoreResult, json: boolean, lang: Lang): string {
  return json ? resultJson(result) : explain(result, { lang });
}

/**
 * `score FILE|-` prints the explanation (or the result JSON with `--json`); `score --batch FILE|-`
 * reads NDJSON and writes one result or error line per non-blank input line.
 *
 * @example
 * ```sh
 * wubi-wuping score examples/2022/cgjdk.json --lang en
 * wubi-wuping score --batch inputs.ndjson > results.ndjson
 * ```
 */
export const scoreCommand: Command = {
  name: "score",
  summary: { zh: "计算参评对象一个年度的得分并说明（--batch：逐行批量计算）", en: "score one participant-year and explain it (--batch: NDJSON in, NDJSON out)" },
  usage: "score FILE|- [--json] [--lang zh|en] [--policy FILE] [--allow-incomplete] [--batch [--max-line-bytes N] [--jobs N]]",
  options: {
    json: { type: "boolean" },
    "allow-incomplete": { type: "boolean" },
    policy: { type: "string" },
    batch: { type: "boolean" },
    "max-line-bytes": { type: "string" },
    jobs: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "FILE 为一个参评对象一个年度的输入 JSON；- 表示从标准输入读取。",
      "  --json                 输出结果 JSON（一行），而不是计分说明",
      "  --lang zh|en           说明和错误信息的语言（默认 zh）",
      "  --policy FILE          按本单位的政策文件计分（JSON，只写要改的参数，写法见 docs/zh-CN/假定参数.md）",
      "  --allow-incomplete     缺项按 0 分计，结果为暂定（provisional）",
      "  --batch                FILE 为 NDJSON：每行一个输入，每行输出一个结果或 {\"line\":N,\"error\":{\"issues\":[…]}}；空行跳过",
      "  --max-line-bytes N     批量模式下单行的字节上限（默认 16777216），超长的行报错且不读入内存",
      "  --jobs N               批量模式下计分的线程数（默认：4 MiB 及以上的文件按处理器个数，最多 4 个；否则 1）；输出顺序和内容与 1 个线程时完全相同",
      "FILE 是 Excel 工作簿（.xlsx 或旧版 .xls）时不计分，只提示先用 import 转换，退出码 1。",
      "批量模式下，排版成多行的 JSON 文件（第一行的 JSON 到行尾未结束）整个拒绝，退出码 1；标准错误是终端时显示进度行（已处理行数、速度、预计剩余时间），否则不输出任何进度。",
      "退出码：0 成功（批量模式下个别行出错仍为 0）；1 输入错误或无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "FILE is the input JSON of one participant-year; - reads standard input.",
      "  --json                 print the result JSON (one line) instead of the explanation",
      "  --lang zh|en           language of the explanation and of messages (default zh)",
      "  --policy FILE          score under a derived policy (the JSON object definePolicy takes)",
      "  --allow-incomplete     score a missing component 0 and mark the result provisional",
      "  --batch                FILE is NDJSON: one input per line, one result or {\"line\":N,\"error\":{\"issues\":[…]}} per line; blank lines skipped",
      "  --max-line-bytes N     with --batch, the longest line in bytes (default 16777216); a longer line is an error for that line and is never held whole",
      "  --jobs N               with --batch, the threads that score (default: one per processor, at most 4, for a file of 4 MiB or more; else 1); the output is the same, byte for byte and in order, as with 1",
      "An Excel workbook (.xlsx, or the old .xls) is not scored: one line says to turn it into inputs with import first, exit 1.",
      "With --batch, a pretty-printed JSON file (its first line's JSON unfinished at the line's end) is refused whole, exit 1; when stderr is a terminal a progress line shows the lines done, the rate and the time left, and nothing otherwise.",
      "Exit codes: 0 ok (also when some batch lines were errors); 1 input wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, values, lang, policy, policySource }, io: CliIO): Promise<number> {
    const path = positionals[0] as string;
    const batch = values["batch"] === true;
    const maxLineBytes = maxLineBytesOf(values["max-line-bytes"], batch, lang);
    const allowIncomplete = values["allow-incomplete"] === true;
    const jobs = jobsOf(values["jobs"], batch, lang);
    // A workbook given where JSON is read: one line naming `import`, nothing on stdout.
    const refuse = (bytes: Uint8Array): string | undefined => {
      const kind = spreadsheetKind(path, bytes);
      return kind === undefined ? utf16Refusal(path, bytes, lang) : spreadsheetGivenToScore(path, kind, lang);
    };
    if (batch) return runBatch(path, io, { policy, policySource, allowIncomplete, lang, maxLineBytes, refuse, jobs });
    const input = await readJson(path, io, lang, refuse);
    const outcome = safeScore(input, { policy, allowIncomplete, lang });
    if (!outcome.success) {
      for (const line of issueLines(outcome.error, lang)) io.err(`${path}: ${line}`);
      return EXIT.input;
    }
    io.out(scoreOutput(outcome.data, values["json"] === true, lang));
    return EXIT.ok;
  },
};
