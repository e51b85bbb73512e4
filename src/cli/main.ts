/**
 * The `wubi-wuping` command line. Results go to stdout, messages to stderr, one line per problem,
 * never a stack trace. Exit codes: 0 ok; 1 input wrong or unavailable (or a `verify` mismatch, or `coverage` violations);
 * 2 the command line is wrong.
 */
import { CliError, EXIT, type CliIO } from "./io.js";
import { parseCommandArgs, type Command } from "./command.js";
import { scoreCommand } from "./commands/score.js";
import { verifyCommand } from "./commands/verify.js";
import { policyCommand } from "./commands/policy.js";
import { schemaCommand } from "./commands/schema.js";
import { docnumCommand } from "./commands/docnum.js";
import { rankCommand } from "./commands/rank.js";
import { coverageCommand } from "./commands/coverage.js";
import { compareCommand } from "./commands/compare.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { serveCommand } from "./commands/serve.js";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [scoreCommand, rankCommand, verifyCommand, coverageCommand, policyCommand, schemaCommand, docnumCommand, compareCommand, sensitivityCommand, serveCommand];

function helpText(): string {
  const lines = ["wubi-wuping — 五比五评 scores, exact and explained", "", "usage:"];
  for (const c of COMMANDS) lines.push(`  wubi-wuping ${c.usage}`, `      ${c.summary.zh} / ${c.summary.en}`);
  lines.push("", "Run `wubi-wuping COMMAND --help` for a command's options.", "Exit codes: 0 ok, 1 input error, mismatch or coverage violations, 2 usage error.");
  return lines.join("\n");
}

function commandHelp(c: Command): string {
  return [`usage: wubi-wuping ${c.usage}`, "", `${c.summary.zh}`, `${c.summary.en}`, ...(c.help === undefined ? [] : ["", c.help.zh, "", c.help.en])].join("\n");
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(helpText());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version") {
    io.out(PACKAGE_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`unknown command: ${name} (commands: ${COMMANDS.map((c) => c.name).join(", ")}; see wubi-wuping --help)`);
    return EXIT.usage;
  }
  try {
    const args = await parseCommandArgs(command, rest, io);
    if (args === "help") {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (cause) {
    if (cause instanceof CliError) {
      io.err(cause.message);
      return cause.exitCode;
    }
    io.err(`internal error: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT.input;
  }
}

declare const PACKAGE_VERSION: string;
