/** `wubi-wuping verify INPUT RESULT`: recompute a published result and compare it field by field. */
import { safeScore, xuancheng2022, type InputError, type Lang, type Policy, type ScoreResult } from "../../index.js";
import type { Command } from "../command.js";
import { diffJson, showPath, showValue, type Difference } from "../diff.js";
import { CliError, EXIT, issueLines, oneLine, readJson, readJsonObject, type CliIO } from "../io.js";

/** The most differences printed; the count of the rest follows. */
const MAX_SHOWN = 1000;

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

/**
 * What `verify` finds: the input's problems, or the recomputed result and where `found` differs
 * from it (at most `limit` differences; `total` counts them all). The service answers the same.
 *
 * @example
 * ```ts
 * const outcome = verifyResult(input, found, xuancheng2022, "en");
 * outcome.success && outcome.total; //=> 0
 * ```
 */
export function verifyResult(
  input: unknown,
  found: unknown,
  policy: Policy,
  lang: Lang,
  limit = MAX_SHOWN,
): { success: false; error: InputError } | { success: true; recomputed: ScoreResult; differences: Difference[]; total: number } {
  const outcome = safeScore(input, { policy, allowIncomplete: true, lang });
  if (!outcome.success) return outcome;
  return { success: true, recomputed: outcome.data, ...diffJson(outcome.data, found, limit) };
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
  summary: { zh: "重新计算并逐项核对一个已发布的结果", en: "recompute a published result and compare it field by field" },
  usage: "verify INPUT RESULT [--policy FILE] [--lang zh|en]",
  options: { policy: { type: "string" } },
  positionals: { min: 2, max: 2 },
  help: {
    zh: [
      "INPUT 为输入 JSON，RESULT 为据称由它得出的结果 JSON（score --json 的输出）；任一可为 - （标准输入）。",
      "按 RESULT 中 policy.id 指明的政策重新计算：预设政策 xuancheng-2022 直接使用；派生政策须用 --policy FILE 给出，且其 id 必须一致。",
      "逐项比较（不计键的顺序），每处不同打印一行：路径、重新计算的值、文件中的值。",
      "  --policy FILE          RESULT 所用的派生政策",
      "  --lang zh|en           信息的语言（默认 zh）",
      "退出码：0 完全一致；1 有不同，或输入错误、无法读取；2 命令行错误。",
    ].join("\n"),
    en: [
      "INPUT is an input JSON, RESULT the result JSON said to come from it (the output of score --json); either may be - (stdin).",
      "Recomputes under the policy RESULT names in policy.id: the preset xuancheng-2022 as is; a derived policy must be given with --policy FILE, with the same id.",
      "Compares field by field (key order aside) and prints one line per difference: the path, the recomputed value, the value in the file.",
      "  --policy FILE          the derived policy RESULT was computed under",
      "  --lang zh|en           language of messages (default zh)",
      "Exit codes: 0 identical; 1 different, or an input wrong or unreadable; 2 usage.",
    ].join("\n"),
  },
  async run({ positionals, lang, policy }, io: CliIO): Promise<number> {
    const [inputPath, resultPath] = positionals as [string, string];
    const zh = lang === "zh";
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
      for (const line of issueLines(outcome.error)) io.err(`${inputPath}: ${line}`);
      return EXIT.input;
    }
    const { recomputed, differences, total } = outcome;
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
