/**
 * Drives the CLI in-process: `runCli(argv, io)` with a fake io that collects stdout and stderr
 * lines, and stdin from `Readable.from(...)`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { runCli } from "../../src/cli/main.js";

/** What a CLI run produced. */
export interface Run {
  readonly code: number;
  /** Everything written to stdout, one entry per `out` call. */
  readonly outLines: string[];
  readonly errLines: string[];
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process; `stdin` is fed through `Readable.from` (strings or Buffers, in chunks). */
export async function cli(argv: readonly string[], stdin: string | Buffer | readonly (string | Buffer)[] = []): Promise<Run> {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const chunks = typeof stdin === "string" || Buffer.isBuffer(stdin) ? [stdin] : [...stdin];
  const code = await runCli(argv, {
    out: (text) => outLines.push(text),
    err: (text) => errLines.push(text),
    stdin: Readable.from(chunks),
  });
  return { code, outLines, errLines, out: outLines.join("\n"), err: errLines.join("\n") };
}

/** What a CLI run wrote when its stdout is a byte stream (the binary formats write bytes). */
export interface BytesRun {
  readonly code: number;
  /** Every byte written to stdout, `out` lines included. */
  readonly stdout: Buffer;
  readonly errLines: string[];
}

/** Runs the CLI in-process with stdout as a byte stream, as the workbook commands need it. */
export async function cliBytes(argv: readonly string[]): Promise<BytesRun> {
  const chunks: Buffer[] = [];
  const errLines: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const code = await runCli(argv, { out: (t) => chunks.push(Buffer.from(`${t}\n`)), err: (t) => errLines.push(t), stdin: Readable.from([]), stdout });
  return { code, stdout: Buffer.concat(chunks), errLines };
}

/** The built executable. */
export const BIN = "dist/cli.js";
/** Whether `npm run build` has produced the executable (the spawned tests need it). */
export const BUILT = existsSync(BIN);

/** Runs the built executable as a separate process. */
export function spawnCli(argv: readonly string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...argv], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A writer of files into a new temporary folder: `file(name, content)` returns the path. */
export function tempFiles(prefix: string): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}
