/**
 * The command line's own sentences (usage mistakes, help headings), Chinese by default and
 * English with `--lang en`. They name the command-line flags (`--allow-incomplete`), never the
 * API's options.
 */
import type { Lang } from "../index.js";
import { nearest } from "../messages/suggest.js";
import { oneLine } from "./io.js";

/** A value from the command line as a message quotes it. */
const arg = (value: unknown): string => oneLine(String(value), 100);

const or = (choices: readonly string[], lang: Lang): string => {
  if (choices.length === 1) return choices[0] as string;
  const head = choices.slice(0, -1).join(lang === "zh" ? "、" : ", ");
  return `${head}${lang === "zh" ? " 或 " : " or "}${choices[choices.length - 1] as string}`;
};

/**
 * The line that shows how a command is written: `用法：wubi-wuping …` / `usage: wubi-wuping …`.
 *
 * @example
 * ```ts
 * usageLine("docnum TEXT [--json]", "zh"); //=> "用法：wubi-wuping docnum TEXT [--json]"
 * ```
 */
export function usageLine(usage: string, lang: Lang): string {
  return `${lang === "zh" ? "用法：" : "usage: "}wubi-wuping ${usage}`;
}

/**
 * A flag given a value it does not take: `--format 只能是 table 或 json，不能是 xml`.
 *
 * @example
 * ```ts
 * flagChoice("--lang", ["zh", "en"], "fr", "en"); //=> "--lang takes zh or en, not fr"
 * ```
 */
export function flagChoice(flag: string, choices: readonly string[], found: unknown, lang: Lang): string {
  return lang === "zh" ? `${flag} 只能是 ${or(choices, lang)}，不能是 ${arg(found)}` : `${flag} takes ${or(choices, lang)}, not ${arg(found)}`;
}

/**
 * A flag whose value has the wrong form: `--year 应为四位数的年份，不能是 23`.
 *
 * @example
 * ```ts
 * flagForm("--year", { zh: "四位数的年份", en: "a four-digit year" }, "23", "en"); //=> "--year takes a four-digit year, not 23"
 * ```
 */
export function flagForm(flag: string, form: Readonly<Record<Lang, string>>, found: unknown, lang: Lang): string {
  return lang === "zh" ? `${flag} 应为${form.zh}，不能是 ${arg(found)}` : `${flag} takes ${form.en}, not ${arg(found)}`;
}

/**
 * A required flag left out, with the usage line under it.
 *
 * @example
 * ```ts
 * flagRequired("--year Y", "coverage --year Y …", "zh"); //=> "缺少必需的选项 --year Y\n用法：wubi-wuping coverage --year Y …"
 * ```
 */
export function flagRequired(flag: string, usage: string, lang: Lang): string {
  return `${lang === "zh" ? `缺少必需的选项 ${flag}` : `${flag} is required`}\n${usageLine(usage, lang)}`;
}

/**
 * A flag that only works together with another.
 *
 * @example
 * ```ts
 * flagNeeds("score", "--max-line-bytes", "--batch", "en"); //=> "wubi-wuping score: --max-line-bytes applies only with --batch"
 * ```
 */
export function flagNeeds(command: string, flag: string, other: string, lang: Lang): string {
  return `wubi-wuping ${command}${lang === "zh" ? `：${flag} 只能与 ${other} 一起使用` : `: ${flag} applies only with ${other}`}`;
}

/**
 * An unknown command, with the nearest command when it looks like a slip (`scor` → `score`).
 *
 * @example
 * ```ts
 * unknownCommand("scor", ["score", "rank"], "zh"); //=> "未知命令 scor；是否应为 score？（可用的命令：score、rank；见 wubi-wuping --help）"
 * ```
 */
export function unknownCommand(name: string, commands: readonly string[], lang: Lang): string {
  const near = nearest(name, commands);
  if (lang === "zh") {
    return `未知命令 ${arg(name)}${near === undefined ? "" : `；是否应为 ${near}？`}（可用的命令：${commands.join("、")}；见 wubi-wuping --help）`;
  }
  return `unknown command: ${arg(name)}${near === undefined ? "" : `; did you mean ${near}?`} (commands: ${commands.join(", ")}; see wubi-wuping --help)`;
}

/**
 * The message of a failure that is a bug of the program, not of the input.
 *
 * @example
 * ```ts
 * internalError("x is undefined", "zh"); //=> "程序内部错误：x is undefined（请报告此问题）"
 * ```
 */
export function internalError(detail: string, lang: Lang): string {
  return lang === "zh" ? `程序内部错误：${oneLine(detail)}（请报告此问题）` : `internal error: ${oneLine(detail)} (please report it)`;
}

/**
 * The headings and closing lines of `--help`.
 *
 * @example
 * ```ts
 * HELP.zh.commands; //=> "用法："
 * ```
 */
export const HELP: Readonly<
  Record<Lang, { readonly title: string; readonly commands: string; readonly more: string; readonly exits: string }>
> = {
  zh: {
    title: "wubi-wuping —— 五比五评考评计分：精确计算，逐项说明",
    commands: "用法：",
    more: "运行 wubi-wuping 命令 --help 查看该命令的选项；加 --lang en 显示英文。",
    exits: "退出码：0 成功；1 输入错误、核对不一致或覆盖违规；2 命令行错误。",
  },
  en: {
    title: "wubi-wuping — 五比五评 scores, exact and explained",
    commands: "usage:",
    more: "Run `wubi-wuping COMMAND --help` for a command's options.",
    exits: "Exit codes: 0 ok, 1 input error, mismatch or coverage violations, 2 usage error.",
  },
};
