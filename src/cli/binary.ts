/**
 * Binary files on the command line: reading a workbook from a file or stdin, and writing one to
 * stdout. A workbook is never written to a terminal (it would fill the screen with bytes and can
 * leave the terminal in a strange state): the command asks for a redirection instead.
 */
import { readFile } from "node:fs/promises";
import type { Lang } from "../index.js";
import { CliError, EXIT, describeFsError, usageError, type CliIO } from "./io.js";

/**
 * The bytes of a file, or of stdin for `-` (exit 1 with one line when it cannot be read).
 *
 * @example
 * ```ts
 * const bytes = await readBytes("2022.xlsx", io, "zh");
 * ```
 */
export async function readBytes(path: string, io: CliIO, lang: Lang): Promise<Uint8Array> {
  try {
    if (path !== "-") return await readFile(path);
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  } catch (cause) {
    throw new CliError(describeFsError(path, cause, lang), EXIT.input);
  }
}

/**
 * Refuses (exit 2) when stdout is a terminal: a binary file must be redirected, e.g. `> 排名.xlsx`.
 *
 * @example
 * ```ts
 * refuseTerminal(io, "排名.xlsx", "zh"); // throws on a terminal
 * ```
 */
export function refuseTerminal(io: CliIO, example: string, lang: Lang): void {
  if ((io.stdout as { isTTY?: boolean } | undefined)?.isTTY === true) {
    throw usageError(
      lang === "zh"
        ? `输出的是 .xlsx 文件，不能直接显示在终端上：请重定向到文件，如 > ${example}`
        : `the output is an .xlsx file and is not written to a terminal: redirect it to a file, e.g. > ${example}`,
    );
  }
}

/**
 * Writes bytes to stdout and waits until they are handed to the system.
 *
 * @example
 * ```ts
 * await writeBytes(io, await writeResults(results));
 * ```
 */
export async function writeBytes(io: CliIO, bytes: Uint8Array): Promise<void> {
  const stream = io.stdout;
  if (stream === undefined) throw new CliError("no stdout stream to write the file to", EXIT.input);
  await new Promise<void>((resolve, reject) => {
    stream.write(bytes, (cause) => (cause === undefined || cause === null ? resolve() : reject(cause)));
  });
}
