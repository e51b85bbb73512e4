/** The shape of a CLI command and the parsing shared by all of them. */
import { parseArgs } from "node:util";
import { InputError, definePolicy, type Lang, type Policy } from "../index.js";
import { CliError, EXIT, issueLines, oneLine, readJson, usageError, type CliIO } from "./io.js";
import { flagChoice, usageLine } from "./words.js";

/**
 * An option a command takes (node:util `parseArgs` form).
 *
 * @example
 * ```ts
 * const options: Record<string, OptionSpec> = { json: { type: "boolean" }, policy: { type: "string" } };
 * ```
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
}

/**
 * What a command receives after its arguments were parsed.
 *
 * @example
 * ```ts
 * async run({ positionals, values, lang, policy }: CommandArgs, io) { … }
 * ```
 */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  readonly lang: Lang;
  /** The policy of `--policy FILE`, when the command takes that option and it was given. */
  readonly policy: Policy | undefined;
  /**
   * The JSON `--policy FILE` held (what `definePolicy` took), so that work in other threads can
   * make the same policy; `undefined` without `--policy`.
   */
  readonly policySource?: unknown;
}

/**
 * One CLI command: its name, a one-line summary, the usage line, its options and the number of
 * positional arguments it takes, and `run`.
 *
 * @example
 * ```ts
 * export const docnumCommand: Command = { name: "docnum", usage: "docnum TEXT [--json]", … };
 * ```
 */
export interface Command {
  readonly name: string;
  readonly summary: Readonly<Record<Lang, string>>;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number };
  /** Extra help text after the usage line: arguments, options, exit codes. */
  readonly help?: Readonly<Record<Lang, string>>;
  run(args: CommandArgs, io: CliIO): Promise<number>;
}

/**
 * Reads `--policy FILE` into a validated policy (exit 1 with its issues when refused).
 *
 * @example
 * ```ts
 * (await loadPolicy("city-2023.json", io, "en")).id; //=> "city-2023"
 * ```
 */
export async function loadPolicy(path: string, io: CliIO, lang: Lang): Promise<Policy> {
  return (await readPolicy(path, io, lang)).policy;
}

/** {@link loadPolicy}, with the JSON the policy was made from. */
async function readPolicy(path: string, io: CliIO, lang: Lang): Promise<{ policy: Policy; source: unknown }> {
  const overrides = await readJson(path, io, lang);
  try {
    return { policy: definePolicy(overrides, { lang }), source: overrides };
  } catch (cause) {
    if (cause instanceof InputError) {
      throw new CliError(issueLines(cause, lang).map((line) => `${path}: ${line}`).join("\n"), EXIT.input);
    }
    throw cause;
  }
}

/**
 * The language named by `--lang` (default Chinese); anything else is a usage error.
 *
 * @example
 * ```ts
 * langOf("en"); //=> "en"
 * langOf(undefined); //=> "zh"
 * ```
 */
export function langOf(value: unknown): Lang {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw usageError(flagChoice("--lang", ["zh", "en"], value, "zh"));
}

/**
 * The language asked for on a command line that may not parse (or asks for `--help`): English
 * for `--lang en` or `--lang=en`, Chinese otherwise.
 *
 * @example
 * ```ts
 * langHint(["scor", "--lang", "en"]); //=> "en"
 * ```
 */
export function langHint(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--lang=en" || (argv[i] === "--lang" && argv[i + 1] === "en")) return "en";
  }
  return "zh";
}

/** A one-line message for a command line `parseArgs` refused. */
function parseProblem(command: Command, cause: unknown, lang: Lang): string {
  const code = (cause as { code?: string }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const option = quoted.replace(/ <value>$/, "");
  const see = lang === "zh" ? `（见 wubi-wuping ${command.name} --help）` : ` (see wubi-wuping ${command.name} --help)`;
  const head = `wubi-wuping ${command.name}${lang === "zh" ? "：" : ": "}`;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `${head}${lang === "zh" ? `未知选项 ${option}` : `unknown option ${option}`}${see}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("argument missing")
        ? `${head}${lang === "zh" ? `选项 ${option} 需要一个值` : `option ${option} needs a value`}${see}`
        : `${head}${lang === "zh" ? `选项 ${option} 不带值` : `option ${option} takes no value`}${see}`;
    default:
      return `${head}${oneLine(message)}${see}`;
  }
}

/**
 * Parses a command's arguments strictly: an unknown flag, a flag without its value or a wrong
 * number of arguments is a usage error (exit 2) in one line.
 *
 * @example
 * ```ts
 * await parseCommandArgs(scoreCommand, ["a.json", "--json"], io); //=> { positionals: ["a.json"], values: { json: true }, lang: "zh", policy: undefined }
 * ```
 */
export async function parseCommandArgs(command: Command, argv: readonly string[], io: CliIO): Promise<CommandArgs | "help"> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...command.options, lang: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    throw usageError(parseProblem(command, cause, langHint(argv)));
  }
  const values = parsed.values as Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  if (values["help"] === true) return "help";
  const lang = langOf(values["lang"]);
  const count = parsed.positionals.length;
  if (count < command.positionals.min || count > command.positionals.max) {
    const problem =
      lang === "zh"
        ? count < command.positionals.min
          ? "缺少参数"
          : `多余的参数 ${oneLine(parsed.positionals[command.positionals.max] ?? "")}`
        : count < command.positionals.min
          ? "missing argument"
          : `unexpected argument ${oneLine(parsed.positionals[command.positionals.max] ?? "")}`;
    throw usageError(`wubi-wuping ${command.name}${lang === "zh" ? "：" : ": "}${problem}${lang === "zh" ? "；" : "; "}${usageLine(command.usage, lang)}`);
  }
  const policyPath = values["policy"];
  if (typeof policyPath !== "string") return { positionals: parsed.positionals, values, lang, policy: undefined };
  const { policy, source } = await readPolicy(policyPath, io, lang);
  return { positionals: parsed.positionals, values, lang, policy, policySource: source };
}
