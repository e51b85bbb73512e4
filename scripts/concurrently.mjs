#!/usr/bin/env node
/**
 * Runs independent npm steps at the same time: `node scripts/concurrently.mjs "CMD" "CMD" …`.
 * Each command runs in a shell, its output held and printed whole when it ends (so the lines of two
 * steps never mix); the exit status is the first failing command's (128 + the signal's number for
 * one ended by a signal), or 0 when all succeed. Used by `npm run build` (the schemas and the
 * three front-end packages, each needing only the core's build) and by `npm test` (the build
 * beside the typecheck, which reads sources only): on a 2-core machine each of these steps is
 * mostly one TypeScript compiler on one core.
 * Plain JavaScript so that Node 20 runs it without a TypeScript loader.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error("usage: node scripts/concurrently.mjs COMMAND [COMMAND…]");
  process.exit(2);
}

/** Runs one command, resolving to its exit status and everything it wrote, in order. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push({ to: process.stdout, chunk }));
    child.stderr.on("data", (chunk) => chunks.push({ to: process.stderr, chunk }));
    child.on("error", (error) => resolve({ command, status: 1, chunks: [{ to: process.stderr, chunk: `${error.message}\n` }] }));
    child.on("close", (code, signal) => resolve({ command, status: code ?? 128 + (constants.signals[signal] ?? 0), chunks }));
  });
}

let status = 0;
await Promise.all(
  commands.map(async (command) => {
    const done = await run(command);
    for (const { to, chunk } of done.chunks) to.write(chunk);
    if (done.status !== 0) {
      process.stderr.write(`\`${command}\` failed (exit ${done.status})\n`);
      if (status === 0) status = done.status;
    }
  }),
);
process.exitCode = status;
