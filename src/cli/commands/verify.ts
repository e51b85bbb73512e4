/**
 * `wubi-wuping verify INPUT RESULT`: recompute a published result and compare it field by field;
 * `verify INPUTS.ndjson --published TABLE`: recompute every input, rank, and compare with a
 * published ranking table.
 */
import { InputError, rank, safeScore, xuancheng2022, type Lang, type Policy, type ScoreResult } from "../../index.js";
import type { Command, CommandArgs } from "../command.js";
import { verifyResult } from "../../formats/verify.js";
import { formatPath } from "../../index.js";
import { CliError, EXIT, issueLines, oneLine, readJson, readJsonObject, usageError, type CliIO } from "../io.js";
import { readBytes } from "../binary.js";
import { comparePublished, readTable, type PublishedExpectation } from "../published.js";
import { readInputs } from "./analysis.js";
import { rankErrorLines } from "./rank.js";

/** The policy a result names: the preset, or the derived one given with `--policy` (same id). */
function policyFor(named: string, given: Policy | undefined, resultPath: string, lang: Lang): Policy {
  const zh = lang === "zh";
  if (given !== undefined) {
    if (given.id === named) return given;
    throw new CliError(
      zh
        ? `${resultPath} 是按政策 ${named} 计算的，而 --policy 给出的政策是 ${given.id}`
        : `${resultPath} was computed under policy ${named}, but --policy defines ${given.id}`,
      EXIT.input,
    );
  }
  if (named === xuancheng2022.id) return xuancheng2022;
  throw new CliError(
    zh
      ? `${resultPath} 是按派生政策 ${named} 计算的；请用 --policy FILE 给出该政策`
      : `${resultPath} was computed under the derived policy ${named}; give its definition with --policy FILE`,
    EXIT.input,
  );
}

const USAGE_ONE = "verify INPUT RESULT [--policy FILE] [--lang zh|en]";
const USAGE_PUBLISHED = "verify INPUTS.ndjson --published TABLE [--by category] [--policy FILE] [--allow-incomplete] [--lang zh|en]";

/** The one line saying RESULT is the result of another body or year than INPUT, or `undefined`. */
function otherBody(recomputed: ScoreResult, found: Readonly<Record<string, unknown>>, inputPath: string, resultPath: string, lang: Lang): string | undefined {
  const participant = found["participant"];
  const id = participant !== null && typeof participant === "object" ? (participant as { id?: unknown }).id : undefined;
  const year = found["year"];
  if (id === recomputed.participant.id && year === recomputed.year) return undefined;
  const theirs = `${typeof id === "string" ? oneLine(id, 60) : "?"} ${typeof year === "number" ? year : "?"}`;
  const ours = `${recomputed.participant.id} ${recomputed.year}`;
  return lang === "zh"
    ? `不是同一个参评对象和年度：${resultPath} 是 ${theirs} 的结果，而 ${inputPath} 是 ${ours} 的输入；请核对两个文件是否配对`
    : `not the same participant and year: ${resultPath} is the result of ${theirs}, but ${inputPath} is the input of ${ours}; check that the two files belong together`;
}


/**
 * `verify INPUTS.ndjson --published TABLE`: scores every input, ranks the results, and compares the
 * table's 编号, 总分 (and 等次, 名次, 年度 when present) body by body. Exit 0 when all agree.
 */
async function verifyPublished(inputsPath: string, tablePath: string, { values, lang, policy }: CommandArgs, io: CliIO): Promise<number> {
  const zh = lang === "zh";
  const by = values["by"];
  if (by !== undefined && by !== "category") throw usageError(`--by ${zh ? "只取 category，不能是" : "takes category, not"} ${oneLine(String(by))}`);
  if (inputsPath === "-" && tablePath === "-") throw usageError(zh ? "INPUTS 和 TABLE 不能都从标准输入读取" : "INPUTS and TABLE cannot both be read from stdin");
  const lines = await readInputs(inputsPath, io, lang);
  const table = await readTable(tablePath, await readBytes(tablePath, io, lang), lang);
  const results: ScoreResult[] = [];
  const problems: string[] = [];
  for (const { line, value } of lines) {
    const outcome = safeScore(value, { policy, allowIncomplete: values["allow-incomplete"] === true, lang });
    if (outcome.success) results.push(outcome.data);
    else for (const issue of issueLines(outcome.error, lang)) problems.push(`${inputsPath}:${line}: ${issue}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) io.err(problem);
    io.err(zh ? `无法核对：${inputsPath} 中有输入不能计分，请先改正` : `cannot check: some inputs of ${inputsPath} cannot be scored; correct them first`);
    return EXIT.input;
  }
  let entries;
  try {
    entries = rank(results, { by: by === "category" ? "category" : undefined, policy, lang });
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    for (const line of rankErrorLines(cause, inputsPath, lines)) io.err(line);
    return EXIT.input;
  }
  const yearOf = new Map(results.map((r) => [r.participant.id, r.year]));
  const expected: PublishedExpectation[] = entries.map((entry) => ({ entry, year: yearOf.get(entry.participant.id) as number }));
  const differences = comparePublished(table, expected, tablePath, lang);
  if (differences.length === 0) {
    io.out(
      zh
        ? `一致：${tablePath} 的 ${expected.length} 个参评对象与由 ${inputsPath} 重新计算的结果相同`
        : `identical: the ${expected.length} bodies of ${tablePath} match the results recomputed from ${inputsPath}`,
    );
    return EXIT.ok;
  }
  for (const line of differences) io.out(line);
  io.err(
    zh
      ? `不一致：${tablePath} 与由 ${inputsPath} 重新计算的结果有 ${differences.length} 处不同`
      : `mismatch: ${tablePath} differs from the results recomputed from ${inputsPath} in ${differences.length} ${differences.length === 1 ? "place" : "places"}`,
  );
  return EXIT.input;
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * A value as `verify` prints it: its JSON (shortened past 120 characters), or `(absent)`.
 *
 * @example
 * ```ts
 * showValue("94.51", "en"); //=> "\"94.51\""
 * showValue(undefined, "zh"); //=> "（无此字段）"
 * ```
 */
function showValue(value: unknown, lang: "zh" | "en"): string {
  if (value === undefined) return lang === "zh" ? "（无此字段）" : "(absent)";
  const text = JSON.stringify(value as Json);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The path of a difference as `verify` prints it: `components[0].points`, or `(root)`.
 *
 * @example
 * ```ts
 * showPath(["components", "routineInspection", "points"]); //=> "components.routineInspection.points"
 * ```
 */
function showPath(path: readonly (string | number)[]): string {
  return formatPath(path);
}

/**
 * Recomputes RESULT from INPUT under the policy RESULT names and compares every field. Exit 0
 * when identical; exit 1 listing each differing path with the recomputed and the found value.
 *
 * @example
 * ```sh
 * wubi-wuping verify examples/2022/cgjdk.json examples/2022/expected/cgjdk.json
 * # 一致：examples/2022/expected/cgjdk.json 与重新计算的结果完全相同（cgjdk 2022，总分 94.51，政策 xuancheng-2022）
 * ```
 */
export const verifyCommand: Command = {
  name: "verify",
  summary: {
    zh: "重新计算并逐项核对一个已发布的结果，或逐个单位核对一张公示排名表（--published）",
    en: "recompute a published result and compare it field by field, or check a published ranking table body by body (--published)",
  },
  usage: `${USAGE_ONE} | ${USAGE_PUBLISHED.replace(/^verify /, "")}`,
  options: { policy: { type: "string" }, published: { type: "string" }, by: { type: "string" }, "allow-incomplete": { type: "boolean" } },
  positionals: { min: 1, max: 2 },
  help: {
    zh: [
      "INPUT 为输入 JSON，RESULT 为据称由它得出的结果 JSON（score --json 的输出）；任一可为 - （标准输入）。",
      "按 RESULT 中 policy.id 指明的政策重新计算：预设政策 xuancheng-2022 直接使用；派生政策须用 --policy FILE 给出，且其 id 必须一致。",
      "逐项比较（不计键的顺序；各考评项目按编号对应，如 components.routineInspection.points），每处不同打印一行：路径、重新计算的值、文件中的值。RESULT 若是另一个参评对象或另一年度的结果，只说明这一点。",
      "",
      "verify INPUTS.ndjson --published TABLE：逐行重新计算 INPUTS.ndjson（每行一个输入）、排名，并与公示表 TABLE 核对。",
      "TABLE 为 rank --format csv 写出的 CSV，或任何带“编号”“总分”列的表（有“等次”“名次”“年度”列时一并核对）；可带 BOM、CRLF、引号，单元格前防公式的 ' 会去掉。",
      "每个不一致、表中缺少或输入中没有的参评对象各打印一行。",
      "  --published TABLE      要核对的公示表",
      "  --by category          公示表是按类别分别排名的（名次在各类别内计）",
      "  --allow-incomplete     输入缺项按 0 分计（结果为暂定），与 score --allow-incomplete 相同",
      "  --policy FILE          RESULT 所用的派生政策",
      "  --lang zh|en           信息的语言（默认 zh）",
      "退出码：0 完全一致；1 有不同，或输入错误、无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "INPUT is an input JSON, RESULT the result JSON said to come from it (the output of score --json); either may be - (stdin).",
      "Recomputes under the policy RESULT names in policy.id: the preset xuancheng-2022 as is; a derived policy must be given with --policy FILE, with the same id.",
      "Compares field by field (key order aside; components matched by id, as in components.routineInspection.points) and prints one line per difference: the path, the recomputed value, the value in the file. A RESULT of another participant or year is said to be so, in one line.",
      "",
      "verify INPUTS.ndjson --published TABLE: recomputes every line of INPUTS.ndjson (one input per line), ranks, and checks the published table TABLE.",
      "TABLE is the CSV of rank --format csv, or any table with the columns 编号 and 总分 (等次, 名次 and 年度 are checked when present); a BOM, CRLF and quotes are accepted, the ' formula guard is removed.",
      "One line per body that differs, is missing from the table, or is not among the inputs.",
      "  --published TABLE      the published table to check",
      "  --by category          the table ranks each category apart (名次 within the category)",
      "  --allow-incomplete     score a missing component 0 (provisional), as score --allow-incomplete",
      "  --policy FILE          the derived policy RESULT was computed under",
      "  --lang zh|en           language of messages (default zh)",
      "Exit codes: 0 identical; 1 different, or an input wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run(args, io: CliIO): Promise<number> {
    const { positionals, values, lang, policy } = args;
    const zh = lang === "zh";
    const published = values["published"];
    if (typeof published === "string") {
      if (positionals.length !== 1) throw usageError(`wubi-wuping verify: ${zh ? "--published 只带一个 INPUTS.ndjson 参数" : "--published takes one INPUTS.ndjson argument"}; usage: wubi-wuping ${USAGE_PUBLISHED}`);
      return verifyPublished(positionals[0] as string, published, args, io);
    }
    if (values["by"] !== undefined || values["allow-incomplete"] !== undefined) {
      throw usageError(`wubi-wuping verify: ${zh ? "--by 和 --allow-incomplete 只用于 --published" : "--by and --allow-incomplete apply only with --published"}`);
    }
    if (positionals.length !== 2) throw usageError(`wubi-wuping verify: ${zh ? "缺少参数" : "missing argument"}; usage: wubi-wuping ${USAGE_ONE}`);
    const [inputPath, resultPath] = positionals as [string, string];
    if (inputPath === "-" && resultPath === "-") {
      throw new CliError(zh ? "INPUT 和 RESULT 不能都从标准输入读取" : "INPUT and RESULT cannot both be read from stdin", EXIT.usage);
    }
    const input = await readJson(inputPath, io, lang);
    const found = await readJsonObject(resultPath, io, lang, { zh: "一个计分结果", en: "a score result" });
    const named = (found["policy"] as { id?: unknown } | undefined)?.id;
    if (typeof named !== "string") {
      throw new CliError(
        zh ? `${resultPath} 不是计分结果：没有 policy.id（计算所用的政策）` : `${resultPath} is not a score result: it has no policy.id (the policy it was computed under)`,
        EXIT.input,
      );
    }
    const outcome = verifyResult(input, found, policyFor(named, policy, resultPath, lang), lang);
    if (!outcome.success) {
      for (const line of issueLines(outcome.error, lang)) io.err(`${inputPath}: ${line}`);
      return EXIT.input;
    }
    const { recomputed, differences, total } = outcome;
    const other = otherBody(recomputed, found, inputPath, resultPath, lang);
    if (other !== undefined) {
      io.err(other);
      return EXIT.input;
    }
    if (total === 0) {
      const who = `${recomputed.participant.id} ${recomputed.year}`;
      io.out(
        zh
          ? `一致：${resultPath} 与重新计算的结果完全相同（${who}，总分 ${recomputed.total}，政策 ${named}）`
          : `identical: ${resultPath} matches the recomputed result in every field (${who}, total ${recomputed.total}, policy ${named})`,
      );
      return EXIT.ok;
    }
    for (const d of differences) {
      const path = oneLine(showPath(d.path));
      const e = showValue(d.expected, lang);
      const f = showValue(d.found, lang);
      io.out(zh ? `${path}：重新计算为 ${e}，文件中为 ${f}` : `${path}: recomputed ${e}, file has ${f}`);
    }
    if (total > differences.length) {
      const rest = total - differences.length;
      io.out(zh ? `…… 另有 ${rest} 处不同` : `... and ${rest} more differences`);
    }
    io.err(
      zh
        ? `不一致：${resultPath} 与由 ${inputPath} 重新计算的结果有 ${total} 处不同`
        : `mismatch: ${resultPath} differs from the result recomputed from ${inputPath} in ${total} ${total === 1 ? "field" : "fields"}`,
    );
    return EXIT.input;
  },
};
