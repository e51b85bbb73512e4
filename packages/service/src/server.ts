/**
 * The service's HTTP server: the hono app behind a Node `http.Server`, with what SPEC §12 asks of
 * its operation around every request — an `x-request-id`, one JSON access-log line, the bound on
 * requests in flight (in all and per connection, 503 with `retry-after` past it) — and a drain
 * that finishes the requests in flight before the server closes.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { xuancheng2022, type Policy } from "wubi-wuping";
import { createApp, type ServiceLimits } from "./app.js";
import { HttpProblem } from "./body.js";
import { openApiDocument } from "./openapi.js";
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
}

/**
 * The defaults of `wubi-wuping serve` (SPEC §12).
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
  const openApi = openApiDocument(options.version, options);
  const openApiText = `${JSON.stringify(openApi, null, 2)}\n`;
  const openApi30Text = `${JSON.stringify(toOpenApi30(openApi), null, 2)}\n`;
  const app = createApp({ policies, limits: options, version: options.version, openApiText, openApi30Text });
  const listener = getRequestListener(app.fetch);
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
    const socket = req.socket;
    const onSocket = (perSocket.get(socket) ?? 0) + 1;
    perSocket.set(socket, onSocket);
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      perSocket.set(socket, (perSocket.get(socket) ?? 1) - 1);
      const path = (req.url ?? "/").split("?", 1)[0];
      const ms = Math.round((performance.now() - start) * 10) / 10;
      options.log(JSON.stringify({ time: new Date().toISOString(), method: req.method, path, status: res.statusCode, ms, requestId }));
      // A connection whose last request just finished is idle a moment later: close it then.
      if (closing) setImmediate(() => server.closeIdleConnections());
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
        // Resolves once every connection has ended: those with a request in flight end after it.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
