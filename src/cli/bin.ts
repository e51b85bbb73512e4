/** The executable: wires `runCli` to the process. */
import { runCli } from "./main.js";

const writeLine =
  (stream: NodeJS.WriteStream) =>
  (text: string): void => {
    stream.write(`${text}\n`);
  };

runCli(process.argv.slice(2), { out: writeLine(process.stdout), err: writeLine(process.stderr), stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`internal error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    process.exitCode = 1;
  },
);
