/** The executable: wires `runCli` to the process. */
import { runCli } from "./main.js";

const writeLine =
  (stream: NodeJS.WriteStream) =>
  (text: string): void => {
    stream.write(`${text}\n`);
  };

// A reader that goes away (`wubi-wuping score --batch big.ndjson | head`) ends the run quietly.
process.stdout.on("error", (cause: NodeJS.ErrnoException) => {
  if (cause.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`cannot write the output: ${cause.code ?? cause.message}\n`);
  process.exit(1);
});

runCli(process.argv.slice(2), {
  out: writeLine(process.stdout),
  err: writeLine(process.stderr),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (cause: unknown) => {
    process.stderr.write(`internal error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    process.exitCode = 1;
  },
);
