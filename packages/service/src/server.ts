/**
 * The service's HTTP server: the hono app behind a Node `http.Server`, with what docs/service.md asks of
 * its operation around every request — an `x-request-id`, one JSON access-log line, the bound on
 * requests in flight (in all and per connection, 503 with `retry-after` past it) — and a drain
 * that finishes the requests in flight before the server closes.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer, type AddressInfo, type Socket } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { cors } from "hono/cors";
import { xuancheng2022, type Policy } from "wubi-wuping";
import { createApp, type ServiceLimits } from "./app.js";
import { HttpProblem } from "./body.js";
import { openApiDocument } from "./openapi.js";
import { jobRunner } from "./pool.js";
import { toOpenApi30 } from "./openapi30.js";

/**
 * How a service is started: where it listens, the policies it loads besides the preset, its limits.
 *
 * @example
 * ```ts
 * const options: ServiceOptions = { ...SERVICE_DEFAULTS, port: 0, policies: [definePolicy({ id: "city-2023", complaintDeduction: 2 })] };
 * ```
 */
export interface ServiceOptions extends ServiceLimits {
  readonly host: string;
  /** The port; 0 picks a free one (see {@link Service.port}). */
  readonly port: number;
  /** Policies loaded besides the preset `xuancheng-2022`; ids must be distinct. */
  readonly policies: readonly Policy[];
  /** The most requests in flight at once; one more is answered 503 with `retry-after`. */
  readonly maxInFlight: number;
  /** The most requests in flight at once on one connection (HTTP/1.1 pipelining). */
  readonly maxInFlightPerConnection: number;
  /** Where the access log goes, one JSON line per request (stdout for `serve`). */
  readonly log: (line: string) => void;
  /** The version `/healthz` and the OpenAPI document state. */
  readonly version: string;
  /** The bearer tokens every `/v1/*` request must present one of (`--token-file`); none: open. */
  readonly tokens?: readonly string[] | undefined;
  /** The browser origins allowed by CORS (`--cors-origin`); none by default. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** The worker threads that run heavy requests (default: one per CPU). */
  readonly threads?: number | undefined;
  /** This process's id among `--workers` processes, as `/healthz` reports it (default 1). */
  readonly workerId?: number | undefined;
  /** How long idle keep-alive connections stay open after `close()` so a request on one is answered 503 (ms). */
  readonly drainGraceMs?: number | undefined;
}

/**
 * The defaults of `wubi-wuping serve` (docs/service.md).
 *
 * @example
 * ```ts
 * SERVICE_DEFAULTS.maxBodyBytes; //=> 16777216
 * ```
 */
export const SERVICE_DEFAULTS = {
  host: "127.0.0.1",
  port: 8080,
  maxBodyBytes: 16 * 1024 * 1024,
  maxLineBytes: 16 * 1024 * 1024,
  bodyTimeoutMs: 30_000,
  maxInFlight: 256,
  maxInFlightPerConnection: 16,
  maxItems: 100_000,
  maxScenarioWork: 20_000_000,
  maxTallyWork: 2_000_000,
  requestTimeoutMs: 60_000,
} as const;

/**
 * A running service.
 *
 * @example
 * ```ts
 * const service = await startService({ ...SERVICE_DEFAULTS, port: 0, policies: [], log: console.log, version: "0.2.0" });
 * console.log(service.url); // http://127.0.0.1:41234
 * await service.close();
 * ```
 */
export interface Service {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets the requests in flight finish, and resolves when all are done. */
  close(): Promise<void>;
}

/** An `x-request-id` the service takes as given: 1 to 200 visible ASCII characters. */
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** The loaded policies by id, the preset first; a repeated id is refused. */
function policyMap(policies: readonly Policy[]): Map<string, Policy> {
  const map = new Map<string, Policy>([[xuancheng2022.id, xuancheng2022]]);
  for (const policy of policies) {
    if (map.has(policy.id)) throw new Error(`the policy id ${policy.id} is loaded twice`);
    map.set(policy.id, policy);
  }
  return map;
}

/**
 * Starts the service and resolves once it listens.
 *
 * @param options - Address, policies, limits, log and version.
 * @returns The running service, with the port it listens on.
 * @throws Error when a policy id is repeated or the address cannot be listened on.
 * @example
 * ```ts
 * const service = await startService({ ...SERVICE_DEFAULTS, port: 0, policies: [], log: () => {}, version: "0.2.0" });
 * (await fetch(`${service.url}/healthz`)).status; //=> 200
 * ```
 */
export async function startService(options: ServiceOptions): Promise<Service> {
  const policies = policyMap(options.policies);
  const openApi = openApiDocument(options.version, options, { bearer: (options.tokens ?? []).length > 0 });
  const openApiText = `${JSON.stringify(openApi, null, 2)}\n`;
  const openApi30Text = `${JSON.stringify(toOpenApi30(openApi), null, 2)}\n`;
  const runner = jobRunner(policies, options.policies, Math.max(1, options.threads ?? availableParallelism()), options.requestTimeoutMs);
  const app = createApp({
    policies,
    limits: options,
    version: options.version,
    openApiText,
    openApi30Text,
    runner,
    workerId: options.workerId ?? 1,
    before: (hono) => {
      const origins = options.corsOrigins ?? [];
      if (origins.length > 0) hono.use("*", cors({ origin: [...origins], allowHeaders: ["authorization", "content-type", "x-request-id"], exposeHeaders: ["x-request-id", "retry-after"] }));
      const tokens = options.tokens ?? [];
      if (tokens.length > 0) {
        const check = bearerCheck(tokens);
        hono.use("/v1/*", async (c, next) => {
          if (!check(c.req.header("authorization"))) {
            c.header("www-authenticate", 'Bearer realm="wubi-wuping"');
            const en = c.req.query("lang") === "en";
            throw new HttpProblem(
              "unauthorized",
              en ? "This service needs a token: send authorization: Bearer <token> with a token the service was started with" : "此服务需要令牌：请在请求头中发送 authorization: Bearer <令牌>，令牌须是本服务启动时设定的令牌之一",
            );
          }
          await next();
        });
      }
    },
  });
  const listener = getRequestListener(app.fetch);
  /** The responses not yet sent, to mark `connection: close` when the drain begins. */
  const open = new Set<ServerResponse>();
  const perSocket = new WeakMap<Socket, number>();
  let inFlight = 0;
  let closing = false;

  const server = createServer({
    // Node's own whole-request timer would cut a long NDJSON batch: the body timer is the service's.
    requestTimeout: 0,
    headersTimeout: Math.min(options.bodyTimeoutMs, 60_000),
    connectionsCheckingInterval: Math.min(options.bodyTimeoutMs, 1_000),
    keepAliveTimeout: 5_000,
  });

  const refuse = (res: ServerResponse, problem: HttpProblem): void => {
    res.writeHead(problem.status, { "content-type": "application/json; charset=utf-8", "retry-after": "1", connection: "close" });
    res.end(problem.body());
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", requestId);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("cache-control", "no-store");
    if (closing) res.shouldKeepAlive = false;
    open.add(res);
    const socket = req.socket;
    // The client's address, read now: a socket that has closed no longer tells it.
    const address = socket.remoteAddress ?? null;
    const onSocket = (perSocket.get(socket) ?? 0) + 1;
    perSocket.set(socket, onSocket);
    inFlight += 1;
    res.once("close", () => {
      open.delete(res);
      inFlight -= 1;
      perSocket.set(socket, (perSocket.get(socket) ?? 1) - 1);
      const path = (req.url ?? "/").split("?", 1)[0];
      const ms = Math.round((performance.now() - start) * 10) / 10;
      options.log(JSON.stringify({ time: new Date().toISOString(), method: req.method, path, status: res.statusCode, ms, requestId, address }));
    });
    const en = (req.url ?? "").includes("lang=en");
    if (closing) {
      refuse(res, new HttpProblem("shutting-down", en ? "The service is shutting down" : "服务正在停止", true));
    } else if (inFlight > options.maxInFlight || onSocket > options.maxInFlightPerConnection) {
      const scope = inFlight > options.maxInFlight ? (en ? "in all" : "总计") : en ? "on this connection" : "本连接上";
      const limit = inFlight > options.maxInFlight ? options.maxInFlight : options.maxInFlightPerConnection;
      refuse(
        res,
        new HttpProblem(
          "overloaded",
          en ? `Too many requests at once ${scope} (at most ${limit}); try again shortly` : `同时处理的请求过多（${scope}最多 ${limit} 个），请稍后再试`,
          true,
        ),
      );
    } else {
      void listener(req, res);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // Every answer from now on says `connection: close`, and the connection closes after it.
        for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
        // Stop accepting without cutting the idle keep-alive connections (http.Server#close would):
        // a request already on its way on one is answered 503 `shutting-down`, not reset. They
        // close after a grace; the promise resolves once every connection has ended.
        NetServer.prototype.close.call(server, () => void runner.close().then(resolve));
        const grace = setTimeout(() => server.closeIdleConnections(), options.drainGraceMs ?? 1_000);
        grace.unref();
        server.once("close", () => clearTimeout(grace));
      }),
  };
}

/**
 * The check of `authorization: Bearer <token>` against the tokens of `--token-file`: every token
 * compared, each in constant time (`timingSafeEqual` over SHA-256 digests, so lengths leak nothing).
 */
function bearerCheck(tokens: readonly string[]): (header: string | undefined) => boolean {
  const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();
  const known = tokens.map(digest);
  return (header) => {
    const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header ?? "");
    const given = digest(match?.[1] ?? "");
    let ok = false;
    for (const token of known) ok = timingSafeEqual(token, given) || ok;
    return ok && match !== null;
  };
}
