/** `wubi-wuping serve`: the engine behind HTTP (docs/service.md) until SIGTERM. */
import cluster, { type Worker } from "node:cluster";
import { readFile } from "node:fs/promises";
import type { Lang, Policy } from "../../index.js";
import { loadPolicy, type Command } from "../command.js";
import { CliError, EXIT, oneLine, usageError, type CliIO } from "../io.js";
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
    "serve [--host 127.0.0.1] [--port 8080] [--policy FILE]… [--max-body-bytes N] [--max-line-bytes N] [--body-timeout-ms N] [--max-in-flight N] [--max-in-flight-per-connection N] [--max-items N] [--max-scenario-work N] [--max-tally-work N] [--request-timeout-ms N] [--token-file FILE] [--cors-origin ORIGIN]… [--workers N]",
  options: {
    host: { type: "string" },
    port: { type: "string" },
    policy: { type: "string", multiple: true },
    "max-body-bytes": { type: "string" },
    "max-line-bytes": { type: "string" },
    "body-timeout-ms": { type: "string" },
    "max-in-flight": { type: "string" },
    "max-in-flight-per-connection": { type: "string" },
    "max-items": { type: "string" },
    "max-scenario-work": { type: "string" },
    "max-tally-work": { type: "string" },
    "request-timeout-ms": { type: "string" },
    "token-file": { type: "string" },
    "cors-origin": { type: "string", multiple: true },
    workers: { type: "string" },
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
      "  --max-items N                     请求体中任一 JSON 数组的元素上限（默认 100000），超出为 422 too-many-items，不做任何计算",
      "  --max-scenario-work N             sensitivity 的工作量上限：参评对象数 × 随机情形数（默认 20000000），超出为 422 too-much-work，不做任何计算",
      "  --max-tally-work N                POST /v1/tally 的工作量上限：测评票数 × 参评对象数（默认 2000000），超出为 422 too-much-work，不做任何计票",
      "  --request-timeout-ms N            rank、compare、sensitivity、tally 在工作线程中计算的时限（默认 60000），超时为 503 并停止计算",
      "  --token-file FILE                 令牌文件，每行一个；此后每个 /v1/* 请求须带 authorization: Bearer <令牌>，否则 401（/healthz、/openapi.json 不需要）",
      "  --cors-origin ORIGIN              允许跨源访问的浏览器来源（可多次给出；默认不允许）",
      "  --workers N                       进程数（默认 1；node:cluster，共用一个端口），/healthz 报告所在进程的编号",
      "每个请求在标准输出上写一行 JSON 访问日志 {time, method, path, status, ms, requestId, address}（不含请求体）。",
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
      "  --max-items N                     the most elements of any JSON array in a body (default 100000); past it 422 too-many-items, before any work",
      "  --max-scenario-work N             the sensitivity work budget, inputs × scenarios (default 20000000); past it 422 too-much-work, before any work",
      "  --max-tally-work N                the POST /v1/tally work budget, ballots × participants (default 2000000); past it 422 too-much-work, before any counting",
      "  --request-timeout-ms N            how long rank, compare, sensitivity and tally may work in their worker thread (default 60000); past it 503 and the work stops",
      "  --token-file FILE                 bearer tokens, one per line: every /v1/* request then needs authorization: Bearer <token>, else 401 (/healthz and /openapi.json stay open)",
      "  --cors-origin ORIGIN              a browser origin allowed cross-origin access (repeatable; none by default)",
      "  --workers N                       processes on the one port (default 1; node:cluster); /healthz reports the process's id",
      "Each request writes one JSON access-log line {time, method, path, status, ms, requestId, address} to stdout (never the body).",
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
      maxItems: wholeNumber(values, "max-items", SERVICE_DEFAULTS.maxItems, 1, 100_000_000, lang),
      maxScenarioWork: wholeNumber(values, "max-scenario-work", SERVICE_DEFAULTS.maxScenarioWork, 1, 10_000_000_000, lang),
      maxTallyWork: wholeNumber(values, "max-tally-work", SERVICE_DEFAULTS.maxTallyWork, 1, 10_000_000_000, lang),
      requestTimeoutMs: wholeNumber(values, "request-timeout-ms", SERVICE_DEFAULTS.requestTimeoutMs, 1, 3_600_000, lang),
      corsOrigins: (values["cors-origin"] as string[] | undefined) ?? [],
    };
    const workers = wholeNumber(values, "workers", 1, 1, 64, lang);
    const tokens = typeof values["token-file"] === "string" ? await readTokens(values["token-file"], io, lang) : [];
    if (workers > 1 && cluster.isPrimary) return runPrimary(workers, io, lang);
    const files = (values["policy"] as string[] | undefined) ?? [];
    const policies: Policy[] = [];
    for (const file of files) policies.push(await loadPolicy(file, io, lang));
    const stopped = stopSignal();
    const log = batchedLog(io);
    let service;
    try {
      service = await startService({ ...options, policies, tokens, workerId: cluster.worker?.id ?? 1, log: log.line, version: PACKAGE_VERSION });
    } catch (cause) {
      io.err(listenProblem(cause, host, options.port, lang));
      return EXIT.input;
    }
    const loaded = ["xuancheng-2022", ...policies.map((p) => p.id)].join(", ");
    const worker = cluster.worker === undefined ? "" : lang === "zh" ? `；进程 ${cluster.worker.id}` : `; worker ${cluster.worker.id}`;
    io.err(
      lang === "zh"
        ? `wubi-wuping serve：正在监听 ${service.url}（政策：${loaded}${worker}）`
        : `wubi-wuping serve: listening on ${service.url} (policies: ${loaded}${worker})`,
    );
    const signal = await stopped;
    io.err(lang === "zh" ? `wubi-wuping serve：收到 ${signal}，处理完进行中的请求后停止` : `wubi-wuping serve: ${signal}: finishing the requests in flight, then stopping`);
    await service.close();
    log.flush();
    // A worker of --workers N: its channel to the primary would keep it alive.
    cluster.worker?.disconnect();
    return EXIT.ok;
  },
};

/**
 * The tokens of `--token-file`: one per line, blank lines and surrounding spaces ignored; a file
 * without any, or a token with a character outside visible ASCII, is refused before listening.
 */
async function readTokens(path: string, io: CliIO, lang: Lang): Promise<string[]> {
  const zh = lang === "zh";
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(zh ? `wubi-wuping serve：无法读取令牌文件 ${path}：${oneLine(message)}` : `wubi-wuping serve: cannot read the token file ${path}: ${oneLine(message)}`, EXIT.input);
  }
  const tokens = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  const bad = tokens.findIndex((token) => !/^[\x21-\x7e]+$/.test(token));
  if (tokens.length === 0 || bad >= 0) {
    throw new CliError(
      zh
        ? `wubi-wuping serve：令牌文件 ${path} ${bad >= 0 ? `的第 ${bad + 1} 个令牌含有空格或非 ASCII 可见字符` : "中没有令牌"}`
        : `wubi-wuping serve: the token file ${path} ${bad >= 0 ? `has a token (the ${bad + 1}th) with a space or a character outside visible ASCII` : "holds no token"}`,
      EXIT.input,
    );
  }
  void io;
  return tokens;
}

/**
 * `--workers N`: the primary process forks N workers that serve on the one port (node:cluster),
 * passes SIGTERM (or SIGINT) on to them, and exits 0 once all have stopped. A worker that dies
 * otherwise is replaced.
 */
async function runPrimary(workers: number, io: CliIO, lang: Lang): Promise<number> {
  const stopped = stopSignal();
  let stopping = false;
  const alive = new Set<Worker>();
  const fork = (): void => {
    const worker = cluster.fork();
    alive.add(worker);
    worker.once("exit", () => {
      alive.delete(worker);
      if (!stopping) fork();
    });
  };
  for (let i = 0; i < workers; i += 1) fork();
  const signal = await stopped;
  stopping = true;
  io.err(lang === "zh" ? `wubi-wuping serve：收到 ${signal}，各进程处理完进行中的请求后停止` : `wubi-wuping serve: ${signal}: the workers finish the requests in flight, then stop`);
  const exits = [...alive].map((worker) => new Promise<void>((resolve) => worker.once("exit", () => resolve())));
  for (const worker of alive) worker.process.kill("SIGTERM");
  await Promise.all(exits);
  return EXIT.ok;
}

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
