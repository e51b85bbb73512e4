/**
 * Reading request bodies within the limits of docs/service.md: a JSON body whole, up to
 * `--max-body-bytes` and within `--body-timeout-ms` of the request's start; an NDJSON body line by
 * line, each line within `--body-timeout-ms` of the one before. Failures are {@link HttpProblem}s,
 * answered as `{ "error": { "code", "message" } }`.
 */
import type { IncomingMessage } from "node:http";
import type { Lang } from "wubi-wuping";
import { decodeText, jsonSyntaxText, stripBom } from "wubi-wuping/formats";
import type { ErrorCode } from "./schemas.js";

/** The HTTP status of each error code. */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  "not-found": 404,
  "method-not-allowed": 405,
  "invalid-query": 400,
  "not-json": 400,
  "unsupported-media-type": 415,
  "body-too-large": 413,
  "body-timeout": 408,
  unauthorized: 401,
  "too-much-work": 422,
  "request-timeout": 503,
  overloaded: 503,
  "shutting-down": 503,
  internal: 500,
};

/**
 * A request the service refuses with an error body: its code, status and message, and whether
 * the connection must close afterwards (a body left unread).
 *
 * @example
 * ```ts
 * throw new HttpProblem("not-json", "请求体不是有效的 JSON：…");
 * ```
 */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly closeConnection = false,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  /** The error body: `{"error":{"code","message"}}` with a final newline. */
  body(): string {
    return `${JSON.stringify({ error: { code: this.code, message: this.message } })}\n`;
  }
}

/**
 * Reads a request body chunk by chunk, waiting at most until a deadline for each chunk.
 *
 * @example
 * ```ts
 * const reader = new ChunkReader(incoming, "en");
 * for (let chunk = await reader.next(deadline); chunk !== null; chunk = await reader.next(deadline)) …
 * ```
 */
export class ChunkReader {
  constructor(
    private readonly incoming: IncomingMessage,
    private readonly lang: Lang,
  ) {}

  /** The next chunk, `null` at the end; a 408 problem when none came by `deadline` (ms since the epoch). */
  async next(deadline: number): Promise<Buffer | null> {
    for (;;) {
      const chunk = this.incoming.read() as Buffer | null;
      if (chunk !== null) return chunk;
      if (this.incoming.readableEnded) return null;
      if (this.incoming.destroyed) throw new HttpProblem("body-timeout", this.message("gone"), true);
      await this.wait(deadline);
    }
  }

  private wait(deadline: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const incoming = this.incoming;
      const cleanup = (): void => {
        clearTimeout(timer);
        incoming.off("readable", done);
        incoming.off("end", done);
        incoming.off("close", done);
        incoming.off("error", done);
      };
      const done = (): void => {
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new HttpProblem("body-timeout", this.message("slow"), true));
      }, Math.max(0, deadline - Date.now()));
      incoming.on("readable", done);
      incoming.on("end", done);
      incoming.on("close", done);
      incoming.on("error", done);
    });
  }

  private message(kind: "slow" | "gone"): string {
    return bodyMessage(kind, this.lang);
  }
}

/** Why a request body did not arrive: the connection closed first, or it came too slowly. */
function bodyMessage(kind: "slow" | "gone", lang: Lang): string {
  const zh = lang === "zh";
  if (kind === "gone") return zh ? "请求体未传完连接就断开了" : "The connection closed before the request body was complete";
  return zh ? "请求体传送太慢，超过了 --body-timeout-ms 的时限" : "The request body arrived too slowly: past the --body-timeout-ms limit";
}

/**
 * Reads a whole JSON body: 413 past `maxBytes` (from `content-length` before reading, or as the
 * bytes arrive), 408 when it is not complete by `deadline`.
 *
 * @example
 * ```ts
 * const bytes = await readWholeBody(incoming, { maxBytes: 16 * 1024 * 1024, deadline: Date.now() + 30_000 }, "zh");
 * ```
 */
export function readWholeBody(incoming: IncomingMessage, limits: { maxBytes: number; deadline: number }, lang: Lang): Promise<Buffer> {
  const tooLarge = (): HttpProblem =>
    new HttpProblem(
      "body-too-large",
      lang === "zh" ? `请求体超过 ${limits.maxBytes} 字节的上限（--max-body-bytes）` : `The request body is larger than the limit of ${limits.maxBytes} bytes (--max-body-bytes)`,
      true,
    );
  const declared = Number(incoming.headers["content-length"] ?? "0");
  if (declared > limits.maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("close", onClose);
      incoming.off("error", onClose);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(() => reject(tooLarge()));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(() => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    const onClose = (): void => finish(() => reject(new HttpProblem("body-timeout", bodyMessage("gone", lang), true)));
    const timer = setTimeout(
      () => finish(() => reject(new HttpProblem("body-timeout", bodyMessage("slow", lang), true))),
      Math.max(0, limits.deadline - Date.now()),
    );
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("close", onClose);
    incoming.on("error", onClose);
  });
}

/**
 * Parses a JSON body as the CLI parses a file: UTF-8 (a BOM allowed), not empty, JSON; 400 with
 * the parser's reason and position otherwise.
 *
 * @example
 * ```ts
 * parseJsonBody(Buffer.from('{"a":1}'), "en"); //=> { a: 1 }
 * parseJsonBody(Buffer.from("{"), "en"); // throws HttpProblem not-json
 * ```
 */
export function parseJsonBody(bytes: Buffer, lang: Lang): unknown {
  const zh = lang === "zh";
  const decoded = decodeText(bytes);
  if (decoded === undefined) throw new HttpProblem("not-json", zh ? "请求体不是 UTF-8 文本（二进制数据？），不是 JSON" : "The request body is not UTF-8 text (binary data?), not JSON");
  const text = stripBom(decoded);
  if (text.trim() === "") throw new HttpProblem("not-json", zh ? "请求体是空的，没有 JSON 内容" : "The request body is empty: no JSON in it");
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = jsonSyntaxText(text, lang);
    throw new HttpProblem("not-json", zh ? `请求体不是有效的 JSON：${detail}` : `The request body is not valid JSON: ${detail}`);
  }
}
