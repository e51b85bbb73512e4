/**
 * The real service for the tests: `node dist/cli.js serve --port 0 …` as a child process on
 * 127.0.0.1, its port read from the line it prints, its access log collected from stdout; and
 * small HTTP clients (node:http, and raw sockets for slow bodies and pipelining).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { BIN } from "../../../test/cli/run.js";

/** A running `serve` process. */
export interface Served {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** The access-log lines written so far. */
  readonly log: string[];
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `serve` with `args` and resolves once it prints where it listens. */
export function serve(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--lang", "en", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  let err = "";
  let pending = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    log.push(...lines);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 10_000);
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:([0-9]+)/.exec(err)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve({
          port: Number(port),
          url: `http://127.0.0.1:${port}`,
          child,
          log,
          stderr: () => err,
          stop: () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${String(code)}: ${err}`)));
  });
}

/** An answer: status, headers and the body's text. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** One request with node:http; `body` chunks are written one after the other. */
export function call(
  port: number,
  method: string,
  path: string,
  options: { body?: string | Buffer; type?: string; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.type !== undefined) headers["content-type"] = options.type;
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** POSTs JSON text. */
export const post = (port: number, path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> =>
  call(port, "POST", path, { body, type: "application/json", headers });

/** A raw connection: write bytes when you like, read everything the server sends. */
export interface Raw {
  readonly socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves once the received text matches `pattern` (or the connection ends). */
  until(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the server closes the connection. */
  readonly closed: Promise<void>;
}

/** Opens a raw TCP connection to the service. */
export function raw(port: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    const waiters: (() => void)[] = [];
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      for (const w of waiters.splice(0)) w();
    });
    const closed = new Promise<void>((r) => socket.once("close", () => {
      for (const w of waiters.splice(0)) w();
      r();
    }));
    socket.on("error", () => undefined);
    socket.once("connect", () =>
      resolve({
        socket,
        received: () => text,
        closed,
        until: (pattern, timeoutMs = 5_000) =>
          new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`timed out waiting for ${pattern}; got ${text}`)), timeoutMs);
            const check = (): void => {
              if (pattern.test(text) || socket.destroyed) {
                clearTimeout(timer);
                res(text);
              } else waiters.push(check);
            };
            check();
          }),
      }),
    );
    socket.once("error", reject);
  });
}

/** The head of a request with a chunked body, for writing the body by hand. */
export const chunkedHead = (path: string, type: string): string =>
  `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: ${type}\r\ntransfer-encoding: chunked\r\n\r\n`;

/** One chunk of a chunked body (an empty `data` ends the body). */
export const chunk = (data: string): string => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
