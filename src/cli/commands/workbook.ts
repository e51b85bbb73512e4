/**
 * The workbook commands (docs/workbook.md): `template` writes the workbook a clerk fills, `import` turns a
 * filled one into the inputs NDJSON that `score --batch` reads.
 */
import { InputError, formatPath, type Lang } from "../../index.js";
import type { Command } from "../command.js";
import { readBytes, refuseTerminal, writeBytes } from "../binary.js";
import { CliError, EXIT, oneLine, readJson, usageError, type CliIO } from "../io.js";
import { loadWorkbook } from "../front-ends.js";


/**
 * `template [--roster FILE] [--year Y] [--ballots] > 模板.xlsx`.
 *
 * @example
 * ```ts
 * await runCli(["template", "--roster", "roster.json", "--year", "2022"], io); //=> 0
 * await runCli(["template", "--roster", "roster.json", "--ballots"], io); //=> 0, with the sheet 测评票
 * ```
 */
export const templateCommand: Command = {
  name: "template",
  summary: { zh: "生成供填写的考评记录工作簿（.xlsx），可预填参评对象名单", en: "write the workbook (.xlsx) a clerk fills, the roster pre-filled when given" },
  usage: "template [--roster FILE] [--year Y] [--ballots] > 模板.xlsx",
  options: { roster: { type: "string" }, year: { type: "string" }, ballots: { type: "boolean" } },
  positionals: { min: 0, max: 0 },
  help: {
    zh: [
      "输出到标准输出，请重定向到文件（不会输出到终端）。",
      "  --roster FILE   参评对象名单（JSON 数组：id、name、unit、category、since），预填到“参评对象”表",
      "  --year Y        考评年度，填在每个预填的参评对象旁；名单中 since 晚于该年度的参评对象不预填（标准错误上说明未预填几个、为什么）",
      "  --ballots       另加“测评票”表：每行一张票，名单中每个参评对象一列，每个评价单元格带下拉列表（满意、基本满意、不满意、不了解）",
    ].join("\n"),
    en: [
      "Written to stdout: redirect it to a file (it is never written to a terminal).",
      "  --roster FILE   the roster (a JSON array of id, name, unit, category, since) to pre-fill 参评对象 with",
      "  --year Y        the evaluation year written beside each pre-filled body; bodies whose since is after it are left out (stderr says how many, and why)",
      "  --ballots       also add the sheet 测评票: one row per ballot, one column per body of the roster, a drop-down of the four marks in every mark cell",
    ].join("\n"),
  },
  async run({ values, lang }, io: CliIO): Promise<number> {
    refuseTerminal(io, "模板.xlsx", lang);
    const yearText = values["year"];
    let year: number | undefined;
    if (typeof yearText === "string") {
      year = /^[0-9]{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (!(year >= 2000 && year <= 2098)) throw usageError(lang === "zh" ? `--year 应为 2000 至 2098 的年份，不能是 ${oneLine(yearText)}` : `--year takes a year 2000..2098, not ${oneLine(yearText)}`);
    }
    const rosterPath = values["roster"];
    const roster = typeof rosterPath === "string" ? await readJson(rosterPath, io, lang) : undefined;
    const { writeTemplate } = await loadWorkbook(lang);
    let bytes: Uint8Array;
    let leftOut: readonly { readonly since?: number | undefined }[] = [];
    try {
      bytes = await writeTemplate({ roster, year, ballots: values["ballots"] === true, onLeftOut: (bodies) => (leftOut = bodies) });
    } catch (cause) {
      if (!(cause instanceof InputError)) throw cause;
      const lines = cause.issues.map((i) => `${String(rosterPath)}: ${formatPath(i.path.slice(1))}: ${oneLine(i.message, 500)} (${i.code})`);
      throw new CliError(lines.join("\n"), EXIT.input);
    }
    await writeBytes(io, bytes);
    if (leftOut.length > 0 && year !== undefined) io.err(leftOutLine(leftOut, year, lang));
    return EXIT.ok;
  },
};

/**
 * The line `template` says of the roster's bodies it left out: how many, and why (they take part
 * only from a later year).
 *
 * @example
 * ```ts
 * leftOutLine([{ since: 2023 }, { since: 2024 }], 2022, "en");
 * //=> "2 bodies of the roster were not pre-filled: they take part only from 2023, 2024 on (their since is after --year 2022)"
 * ```
 */
export function leftOutLine(bodies: readonly { readonly since?: number | undefined }[], year: number, lang: Lang): string {
  const years = [...new Set(bodies.map((body) => body.since ?? year))].sort((a, b) => a - b);
  return lang === "zh"
    ? `名单中有 ${bodies.length} 个参评对象未预填：它们自 ${years.join("、")} 年起才参加考评（名单中的 since 晚于 --year ${year}）`
    : `${bodies.length} bod${bodies.length === 1 ? "y" : "ies"} of the roster ${bodies.length === 1 ? "was" : "were"} not pre-filled: ${bodies.length === 1 ? "it takes" : "they take"} part only from ${years.join(", ")} on (${bodies.length === 1 ? "its" : "their"} since is after --year ${year})`;
}

/**
 * `import FILE.xlsx [--policy FILE] [--allow-incomplete] > inputs.ndjson`.
 *
 * @example
 * ```ts
 * await runCli(["import", "2022.xlsx"], io); //=> 0, one input per line on stdout
 * ```
 */
export const importCommand: Command = {
  name: "import",
  summary: { zh: "读取填好的考评记录工作簿，输出每个参评对象的输入（NDJSON）", en: "read a filled workbook into one input per body (NDJSON)" },
  usage: "import FILE.xlsx|- [--policy FILE] [--allow-incomplete] [--lang zh|en] > inputs.ndjson",
  options: { policy: { type: "string" }, "allow-incomplete": { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  help: {
    zh: [
      "每个参评对象输出一行输入（按“参评对象”表的行序），可直接交给 score --batch。",
      "工作簿有误时不输出任何内容，在标准错误上逐条列出所有问题（每条指明工作表、单元格和列名），退出码 1；有未填写的考评项目时，先为每个参评对象列一行汇总。",
      "  --policy FILE        按该政策核对（小数位数、加分上限等）",
      "  --allow-incomplete   允许缺项（缺项记 0 分、结果为暂定）",
    ].join("\n"),
    en: [
      "Prints one input per body (in the row order of 参评对象), ready for score --batch.",
      "When the workbook is wrong nothing is printed; every problem goes to stderr, one line each naming its sheet, cell and header; exit 1. Components not filled in are first summed up in one line per body.",
      "  --policy FILE        check against this policy (decimals, ceilings)",
      "  --allow-incomplete   accept missing components (scored 0, results provisional)",
    ].join("\n"),
  },
  async run({ positionals, values, lang, policy }, io: CliIO): Promise<number> {
    const path = positionals[0] as string;
    const { readWorkbook } = await loadWorkbook(lang);
    const bytes = await readBytes(path, io, lang);
    const outcome = await readWorkbook(bytes, { policy, allowIncomplete: values["allow-incomplete"] === true, lang, allowIncompleteName: "--allow-incomplete" });
    if (!outcome.success) {
      const shown = path === "-" ? (lang === "zh" ? "标准输入" : "stdin") : path;
      // What each body still lacks, once, before the details.
      for (const summary of outcome.summaries ?? []) io.err(`${shown}: ${oneLine(summary.message, 1000)} (missing-component)`);
      for (const issue of outcome.issues) io.err(`${shown}: ${oneLine(issue.message, 1000)} (${issue.code})`);
      return EXIT.input;
    }
    if (outcome.inputs.length > 0) io.out(outcome.inputs.map((input) => JSON.stringify(input)).join("\n"));
    return EXIT.ok;
  },
};
