/** `wubi-wuping serve`: the engine behind HTTP (SPEC §12) until SIGTERM. */
import type { Lang, Policy } from "../../index.js";
import { loadPolicy, type Command } from "../command.js";
import { EXIT, oneLine, usageError, type CliIO } from "../io.js";
import { loadService } from "../front-ends.js";

/** A whole-number flag within `[min, max]`, or its default. */
function wholeNumber(values: Readonly<Record<string, unknown>>, flag: string, fallback: number, min: number, max: number, lang: Lang): number {
  const value = values[flag];
  if (value === undefined) return fallback;
  const text = String(value);
  const n = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw usageError(
      lang === "zh"
        ? `wubi-wuping serve：--${flag} 应为 ${min} 到 ${max} 之间的整数，而不是 ${oneLine(text)}`
        : `wubi-wuping serve: --${flag} takes a whole number from ${min} to ${max}, not ${oneLine(text)}`,
    );
  }
  return n;
}

/** Waits for SIGTERM or SIGINT, once. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string): void => {
      process.off("SIGTERM", on);
      process.off("SIGINT", on);
      resolve(signal);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

const GIB = 1024 * 1024 * 1024;

/**
 * The access log's writer: lines gathered during one turn of the event loop go out in one write,
 * so a busy service makes one system call per turn rather than one per request.
 */
function batchedLog(io: CliIO): { line: (text: string) => void; flush: () => void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join("\n")}\n`;
    pending = [];
    if (io.stdout !== undefined) io.stdout.write(text);
    else io.out(text.slice(0, -1));
  };
  return {
    line: (text) => {
      pending.push(text);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * Serves the engine over HTTP until SIGTERM (or SIGINT), then finishes the requests in flight
 * and exits 0. The access log (one JSON line per request) goes to stdout; the line saying where
 * it listens, to stderr.
 *
 * @example
 * ```sh
 * wubi-wuping serve --port 8080 --policy city-2023.json
 * ```
 */
export const serveCommand: Command = {
  name: "serve",
  summary: { zh: "以 HTTP 服务提供计分、排名、核对（供 Java、.NET 等系统调用）", en: "serve scoring, ranking and verification over HTTP (for Java, .NET and other systems)" },
  usage:
    "serve [--host 127.0.0.1] [--port 8080] [--policy FILE]… [--max-body-bytes N] [--max-line-bytes N] [--body-timeout-ms N] [--max-in-flight N] [--max-in-flight-per-connection N]",
  options: {
    host: { type: "string" },
    port: { type: "string" },
    policy: { type: "string", multiple: true },
    "max-body-bytes": { type: "string" },
    "max-line-bytes": { type: "string" },
    "body-timeout-ms": { type: "string" },
    "max-in-flight": { type: "string" },
    "max-in-flight-per-connection": { type: "string" },
  },
  positionals: { min: 0, max: 0 },
  help: {
    zh: [
      "接口见 GET /openapi.json（OpenAPI 3.1）；说明见 docs/zh-CN/服务.md。",
      "  --host H                          监听地址（默认 127.0.0.1；0.0.0.0 为所有地址）",
      "  --port N                          端口（默认 8080；0 为任选一个空闲端口，实际端口打印在标准错误上）",
      "  --policy FILE                     启动时加载的派生政策（可多次给出）；请求以 id 指明政策，预设政策 xuancheng-2022 总是加载",
      "  --max-body-bytes N                JSON 请求体的字节上限（默认 16777216），超出为 413",
      "  --max-line-bytes N                批量 NDJSON 每行的字节上限（默认 16777216），超长的行只有该行报错",
      "  --body-timeout-ms N               JSON 请求体须在 N 毫秒内传完，NDJSON 每行须在上一行之后 N 毫秒内传到（默认 30000），否则 408",
      "  --max-in-flight N                 同时处理的请求上限（默认 256），超出为 503 并带 retry-after",
      "  --max-in-flight-per-connection N  同一连接上同时处理的请求上限（HTTP 管线，默认 16），超出为 503",
      "每个请求在标准输出上写一行 JSON 访问日志 {time, method, path, status, ms, requestId}（不含请求体）。",
      "收到 SIGTERM（或 SIGINT）后不再接受连接，处理完正在进行的请求后以退出码 0 结束。",
      "退出码：0 正常停止；1 政策文件错误或无法监听；2 命令行错误。",
    ].join("\n"),
    en: [
      "The interface is at GET /openapi.json (OpenAPI 3.1); see docs/service.md.",
      "  --host H                          address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
      "  --port N                          port (default 8080; 0 picks a free one, printed on stderr)",
      "  --policy FILE                     a derived policy to load at start (repeatable); requests name policies by id; the preset xuancheng-2022 is always loaded",
      "  --max-body-bytes N                the largest JSON body in bytes (default 16777216); past it 413",
      "  --max-line-bytes N                the longest line of an NDJSON batch (default 16777216); a longer line is an error for that line alone",
      "  --body-timeout-ms N               a JSON body must arrive within N ms, each NDJSON line within N ms of the one before (default 30000); else 408",
      "  --max-in-flight N                 the most requests in flight at once (default 256); past it 503 with retry-after",
      "  --max-in-flight-per-connection N  the most requests in flight at once on one connection (HTTP pipelining, default 16); past it 503",
      "Each request writes one JSON access-log line {time, method, path, status, ms, requestId} to stdout (never the body).",
      "On SIGTERM (or SIGINT) it stops accepting connections, finishes the requests in flight and exits 0.",
      "Exit codes: 0 stopped; 1 a policy file is wrong or the address cannot be listened on; 2 usage.",
    ].join("\n"),
  },
  async run({ values, lang }, io: CliIO): Promise<number> {
    const { SERVICE_DEFAULTS, startService } = await loadService(lang);
    const host = typeof values["host"] === "string" ? values["host"] : SERVICE_DEFAULTS.host;
    const options = {
      host,
      port: wholeNumber(values, "port", SERVICE_DEFAULTS.port, 0, 65535, lang),
      maxBodyBytes: wholeNumber(values, "max-body-bytes", SERVICE_DEFAULTS.maxBodyBytes, 1, GIB, lang),
      maxLineBytes: wholeNumber(values, "max-line-bytes", SERVICE_DEFAULTS.maxLineBytes, 1, GIB, lang),
      bodyTimeoutMs: wholeNumber(values, "body-timeout-ms", SERVICE_DEFAULTS.bodyTimeoutMs, 1, 3_600_000, lang),
      maxInFlight: wholeNumber(values, "max-in-flight", SERVICE_DEFAULTS.maxInFlight, 1, 1_000_000, lang),
      maxInFlightPerConnection: wholeNumber(values, "max-in-flight-per-connection", SERVICE_DEFAULTS.maxInFlightPerConnection, 1, 1_000_000, lang),
    };
    const files = (values["policy"] as string[] | undefined) ?? [];
    const policies: Policy[] = [];
    for (const file of files) policies.push(await loadPolicy(file, io, lang));
    const stopped = stopSignal();
    const log = batchedLog(io);
    let service;
    try {
      service = await startService({ ...options, policies, log: log.line, version: PACKAGE_VERSION });
    } catch (cause) {
      io.err(listenProblem(cause, host, options.port, lang));
      return EXIT.input;
    }
    const loaded = ["xuancheng-2022", ...policies.map((p) => p.id)].join(", ");
    io.err(
      lang === "zh"
        ? `wubi-wuping serve：正在监听 ${service.url}（政策：${loaded}）`
        : `wubi-wuping serve: listening on ${service.url} (policies: ${loaded})`,
    );
    const signal = await stopped;
    io.err(lang === "zh" ? `wubi-wuping serve：收到 ${signal}，处理完进行中的请求后停止` : `wubi-wuping serve: ${signal}: finishing the requests in flight, then stopping`);
    await service.close();
    log.flush();
    return EXIT.ok;
  },
};

/** Why the service could not start, in one line. */
function listenProblem(cause: unknown, host: string, port: number, lang: Lang): string {
  const code = (cause as { code?: string } | undefined)?.code;
  const zh = lang === "zh";
  if (code === "EADDRINUSE") return zh ? `wubi-wuping serve：${host}:${port} 已被占用` : `wubi-wuping serve: ${host}:${port} is in use`;
  if (code === "EACCES") return zh ? `wubi-wuping serve：没有权限监听 ${host}:${port}` : `wubi-wuping serve: no permission to listen on ${host}:${port}`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return zh ? `wubi-wuping serve：无法启动：${oneLine(message)}` : `wubi-wuping serve: cannot start: ${oneLine(message)}`;
}

declare const PACKAGE_VERSION: string;
