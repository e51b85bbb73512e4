/** The shape of a CLI command and the parsing shared by all of them. */
import { parseArgs } from "node:util";
import { InputError, definePolicy, type Lang, type Policy } from "../index.js";
import { CliError, EXIT, issueLines, readJson, usageError, type CliIO } from "./io.js";

/** An option a command takes (node:util `parseArgs` form). */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
}

/** What a command receives after its arguments were parsed. */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  readonly lang: Lang;
  /** The policy of `--policy FILE`, when the command takes that option and it was given. */
  readonly policy: Policy | undefined;
}

/** One CLI command. */
export interface Command {
  readonly name: string;
  readonly summary: Readonly<Record<Lang, string>>;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number };
  /** Extra help text after the usage line. */
  readonly help?: Readonly<Record<Lang, string>>;
  run(args: CommandArgs, io: CliIO): Promise<number>;
}

/** Reads `--policy FILE` into a validated policy (exit 1 with its issues when refused). */
export async function loadPolicy(path: string, io: CliIO, lang: Lang): Promise<Policy> {
  const overrides = await readJson(path, io, lang);
  try {
    return definePolicy(overrides, { lang });
  } catch (cause) {
    if (cause instanceof InputError) {
      throw new CliError(issueLines(cause).map((line) => `${path}: ${line}`).join("\n"), EXIT.input);
    }
    throw cause;
  }
}

/** The language named by `--lang` (default Chinese); anything else is a usage error. */
export function langOf(value: unknown): Lang {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw usageError(`--lang takes zh or en, not ${String(value)}`);
}

/** Parses a command's arguments strictly: an unknown flag or a wrong count is a usage error. */
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
    throw usageError(`${cause instanceof Error ? cause.message : String(cause)}\nusage: wubi-wuping ${command.usage}`);
  }
  const values = parsed.values as Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  if (values["help"] === true) return "help";
  const lang = langOf(values["lang"]);
  const count = parsed.positionals.length;
  if (count < command.positionals.min || count > command.positionals.max) {
    throw usageError(`usage: wubi-wuping ${command.usage}`);
  }
  const policyPath = values["policy"];
  const policy = typeof policyPath === "string" ? await loadPolicy(policyPath, io, lang) : undefined;
  return { positionals: parsed.positionals, values, lang, policy };
}
