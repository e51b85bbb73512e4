/**
 * What `compare` and `sensitivity` share on the command line: reading the inputs, the policies and
 * the format, and reporting an analysis's input error with the file line of each input at fault.
 */
import { CATEGORY_LABELS, InputError, TIER_LABELS, formatPath, type Category, type Lang, type Tier } from "../../index.js";
import { CliError, EXIT, oneLine, readText, usageError, type CliIO } from "../io.js";
import { parseNdjson, type ParsedLine } from "./rank.js";

/** The inputs of an NDJSON file with their line numbers. */
export type InputLines = readonly ParsedLine[];

/**
 * Reads INPUTS.ndjson (or `-`): one participant-year per line, blank lines skipped.
 *
 * @example
 * ```ts
 * (await readInputs("inputs.ndjson", io, "zh")).map((l) => l.line); //=> [1, 2, 3]
 * ```
 */
export async function readInputs(path: string, io: CliIO, lang: Lang): Promise<InputLines> {
  return parseNdjson(await readText(path, io, lang), path, lang);
}

/**
 * The format option, one of `formats` (the first when absent); anything else is a usage error.
 *
 * @example
 * ```ts
 * formatOf(undefined, ["table", "csv"], "compare"); //=> "table"
 * ```
 */
export function formatOf<F extends string>(value: unknown, formats: readonly F[], command: string): F {
  const format = value ?? formats[0];
  if (typeof format !== "string" || !(formats as readonly string[]).includes(format)) {
    throw usageError(`wubi-wuping ${command}: --format takes ${formats.join(", ")}, not ${oneLine(String(format))}`);
  }
  return format as F;
}

/**
 * `--by`: `category` or absent.
 *
 * @example
 * ```ts
 * byOf("category", "compare"); //=> "category"
 * ```
 */
export function byOf(value: unknown, command: string): "category" | undefined {
  if (value === undefined) return undefined;
  if (value !== "category") throw usageError(`wubi-wuping ${command}: --by takes category, not ${oneLine(String(value))}`);
  return "category";
}

/**
 * Runs an analysis and turns its input error into lines on stderr and exit 1: an input's problem
 * names the file line, an option's problem names the option (and its file when it has one).
 *
 * @example
 * ```ts
 * const result = analysed(() => compare(values, { candidate }), "inputs.ndjson", lines, {});
 * ```
 */
export function analysed<T>(run: () => T, path: string, lines: InputLines, optionFiles: Readonly<Record<string, string>>): T {
  try {
    return run();
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    const messages = cause.issues.map((issue) => {
      const [head, ...rest] = issue.path;
      let where: string;
      if (typeof head === "string") {
        const file = optionFiles[head];
        where = file === undefined ? `--${head}` : `--${head} ${file}${rest.length > 0 ? `: ${formatPath(rest)}` : ""}`;
      } else {
        const line = head === undefined ? undefined : lines[head]?.line;
        where = line === undefined ? path : `${path}:${line}: ${formatPath(rest)}`;
      }
      return `${where}: ${oneLine(issue.message, 1000)} (${issue.code})`;
    });
    throw new CliError(messages.join("\n"), EXIT.input);
  }
}

/**
 * A tier as the table shows it.
 *
 * @example
 * ```ts
 * tierText("excellent", "zh"); //=> "优秀"
 * ```
 */
export function tierText(tier: Tier | null, lang: Lang): string {
  return tier === null ? "-" : lang === "zh" ? TIER_LABELS[tier] : tier;
}

/**
 * The header and rows with a first column naming each body's category, for a ranking by category
 * (ranks are then within the category); unchanged otherwise.
 *
 * @example
 * ```ts
 * byCategoryColumn(["编号"], [["zfzd"]], ["law-enforcement"], true, "zh"); //=> [["类别", "编号"], [["行政执法", "zfzd"]]]
 * ```
 */
export function byCategoryColumn(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  categories: readonly Category[],
  byCategory: boolean,
  lang: Lang,
): [string[], string[][]] {
  if (!byCategory) return [[...header], rows.map((r) => [...r])];
  const name = (c: Category): string => (lang === "zh" ? CATEGORY_LABELS[c] : c);
  return [[lang === "zh" ? "类别" : "Category", ...header], rows.map((r, i) => [name(categories[i] as Category), ...r])];
}
