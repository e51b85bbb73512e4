/**
 * File and stream input for the CLI: files or `-` for stdin, a leading UTF-8 BOM accepted, and
 * one-line messages (never a stack trace) for whatever cannot be read.
 */
import { readFile } from "node:fs/promises";
import { InputError, formatPath, type Lang } from "../index.js";

/** Exit codes: 0 ok; 1 the input is wrong or unavailable, or `verify` found a difference; 2 usage. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** A failure the CLI reports in one line (or one line per issue) and exits with `exitCode`. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** A usage mistake: exit code 2. */
export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** Where a command writes: results to `out`, messages to `err`. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: NodeJS.ReadableStream;
}

/** Removes a leading UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(path: string, cause: unknown, lang: Lang): string {
  const code = (cause as { code?: string }).code;
  const zh = lang === "zh";
  switch (code) {
    case "ENOENT":
      return zh ? `找不到文件：${path}` : `No such file: ${path}`;
    case "EISDIR":
      return zh ? `这是一个目录，不是文件：${path}` : `This is a directory, not a file: ${path}`;
    case "EACCES":
    case "EPERM":
      return zh ? `没有权限读取文件：${path}` : `Permission denied reading: ${path}`;
    default:
      return zh ? `无法读取 ${path}：${code ?? String(cause)}` : `Cannot read ${path}: ${code ?? String(cause)}`;
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a whole file (or stdin for `-`) as text, BOM removed. */
export async function readText(path: string, io: CliIO, lang: Lang): Promise<string> {
  try {
    const text = path === "-" ? await readStream(io.stdin) : await readFile(path, "utf8");
    return stripBom(text);
  } catch (cause) {
    throw new CliError(describeFsError(path, cause, lang), EXIT.input);
  }
}

/** Parses JSON text, with a one-line message naming the file when it is not JSON. */
export function parseJson(text: string, path: string, lang: Lang): unknown {
  const zh = lang === "zh";
  if (text.trim() === "") throw new CliError(zh ? `${path} 是空的，没有 JSON 内容` : `${path} is empty: no JSON in it`, EXIT.input);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(zh ? `${path} 不是有效的 JSON：${detail}` : `${path} is not valid JSON: ${detail}`, EXIT.input);
  }
}

/** Reads and parses a JSON file (or stdin for `-`). */
export async function readJson(path: string, io: CliIO, lang: Lang): Promise<unknown> {
  return parseJson(await readText(path, io, lang), path, lang);
}

/** The lines of an input error, one per issue: `path: message (code)`. */
export function issueLines(error: InputError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message} (${issue.code})`);
}
