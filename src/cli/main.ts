/**
 * The `wubi-wuping` command line. Results go to stdout, messages to stderr, one line per problem,
 * never a stack trace. Exit codes: 0 ok; 1 input wrong or unavailable (or a `verify` mismatch, or `coverage` violations);
 * 2 the command line is wrong.
 */
import { CliError, EXIT, type CliIO } from "./io.js";
import { langHint, parseCommandArgs, type Command } from "./command.js";
import { HELP, internalError, unknownCommand, usageLine } from "./words.js";
import type { Lang } from "../index.js";
import { scoreCommand } from "./commands/score.js";
import { verifyCommand } from "./commands/verify.js";
import { policyCommand } from "./commands/policy.js";
import { schemaCommand } from "./commands/schema.js";
import { docnumCommand } from "./commands/docnum.js";
import { rankCommand } from "./commands/rank.js";
import { coverageCommand } from "./commands/coverage.js";
import { importCommand, templateCommand } from "./commands/workbook.js";
import { compareCommand } from "./commands/compare.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { serveCommand } from "./commands/serve.js";
import { tallyCommand } from "./commands/tally.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [scoreCommand, rankCommand, verifyCommand, coverageCommand, compareCommand, sensitivityCommand, templateCommand, importCommand, tallyCommand, policyCommand, schemaCommand, docnumCommand, serveCommand];

function helpText(lang: Lang): string {
  const words = HELP[lang];
  const lines = [words.title, "", words.commands];
  for (const c of COMMANDS) lines.push(`  wubi-wuping ${c.usage}`, `      ${c.summary[lang]}`);
  lines.push("", words.more, words.exits);
  return lines.join("\n");
}

function commandHelp(c: Command, lang: Lang): string {
  return [usageLine(c.usage, lang), "", c.summary[lang], ...(c.help === undefined ? [] : ["", c.help[lang]])].join("\n");
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const lang = langHint(argv);
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(helpText(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version") {
    io.out(PACKAGE_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(unknownCommand(name, COMMANDS.map((c) => c.name), lang));
    return EXIT.usage;
  }
  try {
    const args = await parseCommandArgs(command, rest, io);
    if (args === "help") {
      io.out(commandHelp(command, lang));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (cause) {
    if (cause instanceof CliError) {
      io.err(cause.message);
      return cause.exitCode;
    }
    io.err(internalError(cause instanceof Error ? cause.message : String(cause), lang));
    return EXIT.input;
  }
}

declare const PACKAGE_VERSION: string;
