#!/usr/bin/env node
/** The executable: wires `runCli` to the process. */
import { runCli } from "./main.js";
import { langHint } from "./command.js";
import { internalError } from "./words.js";

const lang = langHint(process.argv.slice(2));

const writeLine =
  (stream: NodeJS.WriteStream) =>
  (text: string): void => {
    stream.write(`${text}\n`);
  };

// A reader that goes away (`wubi-wuping score --batch big.ndjson | head`) ends the run quietly.
process.stdout.on("error", (cause: NodeJS.ErrnoException) => {
  if (cause.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`${lang === "zh" ? "无法写出结果：" : "cannot write the output: "}${cause.code ?? cause.message}\n`);
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
    process.stderr.write(`${internalError(cause instanceof Error ? cause.message : String(cause), lang)}\n`);
    process.exitCode = 1;
  },
);
