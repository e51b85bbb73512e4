/**
 * The routes of docs/service.md on hono. Every answer that has a CLI counterpart is produced by the same
 * function the CLI command calls, so its bytes are the bytes the CLI prints (with the final line
 * break `io.out` adds).
 */
import type { HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { ScoreResultSchema, explain, safeScore, xuancheng2022, type InputIssue, type Lang, type Policy } from "wubi-wuping";
import {
  LineSplitter,
  SCHEMA_KINDS,
  batchLine,
  documentJson,
  errorMap,
  fromZodIssues,
  jsonSchemaText,
  resultJson,
  verifyResult,
  type BatchLineOptions,
  type SchemaKind,
  type SplitLine,
} from "wubi-wuping/formats";
import { ChunkReader, HttpProblem, parseJsonBody, readWholeBody } from "./body.js";
import type { JobRunner } from "./pool.js";
import { VerifyRequestSchema } from "./schemas.js";
import { BATCH_LINES_IN_PLACE, SERVICE_BATCH_WORDING, issuesText, tooManyItems, under, unknownPolicy, type Job, type BatchJob } from "./work.js";

/**
 * The limits a running service holds requests to (docs/service.md).
 *
 * @example
 * ```ts
 * const limits: ServiceLimits = { maxBodyBytes: 16 * 1024 * 1024, maxLineBytes: 16 * 1024 * 1024, bodyTimeoutMs: 30_000, maxItems: 100_000, maxScenarioWork: 2e7, maxTallyWork: 2e6, requestTimeoutMs: 60_000 };
 * ```
 */
export interface ServiceLimits {
  /** The largest JSON body, in bytes (413 past it). */
  readonly maxBodyBytes: number;
  /** The longest NDJSON line of a batch, in bytes (an error line for that line alone past it). */
  readonly maxLineBytes: number;
  /** How long a JSON body, or each line of an NDJSON body, may take to arrive (408 past it). */
  readonly bodyTimeoutMs: number;
  /** The most elements of any one JSON array in a body (422 `too-many-items` past it, before any work). */
  readonly maxItems: number;
  /** The most `sensitivity` work, inputs × scenarios (422 `too-much-work` past it, before any work). */
  readonly maxScenarioWork: number;
  /** The most `tally` work, ballots × participants (422 `too-much-work` past it, before any work). */
  readonly maxTallyWork: number;
  /** How long a heavy request's work may take (503 `request-timeout` past it, and the work stops). */
  readonly requestTimeoutMs: number;
}

/**
 * What the routes need: the loaded policies by id (the preset first), the limits, the version,
 * and the OpenAPI document's text.
 *
 * @example
 * ```ts
 * const app = createApp({ policies: new Map([[xuancheng2022.id, xuancheng2022]]), limits, version: "0.2.0", openApiText, openApi30Text });
 * ```
 */
export interface AppContext {
  readonly policies: ReadonlyMap<string, Policy>;
  readonly limits: ServiceLimits;
  readonly version: string;
  readonly openApiText: string;
  /** Where the heavy requests' work runs (worker threads; see `jobRunner`). */
  readonly runner: JobRunner;
  /** This process's id among the `--workers` processes, as `/healthz` reports it. */
  readonly workerId: number;
  /** Middleware to install before the routes (CORS, tokens). */
  readonly before?: (app: Hono<Env>) => void;
  /** The same contract in OpenAPI 3.0.3 (`GET /openapi-3.0.json`). */
  readonly openApi30Text: string;
}

type Env = { Bindings: HttpBindings };
type C = Context<Env>;

const TYPES = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  text: "text/plain; charset=utf-8",
  schema: "application/schema+json; charset=utf-8",
} as const;

const JSON_TYPES = ["application/json"];
const NDJSON_TYPES = ["application/x-ndjson", "application/ndjson"];

const text = (c: C, status: 200 | 422, body: string, type: string): Response => c.body(body, status, { "content-type": type });

/** The CLI's bytes for a text it prints: the text and the line break `io.out` ends it with. */
const printed = (output: string): string => `${output}\n`;

/** A 422 answer: every issue at once, the list capped (docs/service.md, "Bounded work"). */
const unprocessable = (c: C, issues: readonly InputIssue[]): Response =>
  text(c, 422, issuesText(issues, c.req.query("lang") === "en" ? "en" : "zh"), TYPES.json);

interface Query {
  readonly lang: Lang;
  readonly values: Readonly<Record<string, string>>;
}

/** The query of a request: only the parameters `allowed`, each once, with valid values; `lang` checked. */
function queryOf(c: C, allowed: readonly string[]): Query {
  if (!c.req.url.includes("?")) return { lang: "zh", values: {} };
  const all = c.req.queries();
  const langValue = all["lang"]?.[0];
  const lang: Lang = langValue === "en" ? "en" : "zh";
  const zh = lang === "zh";
  const values: Record<string, string> = {};
  for (const [key, list] of Object.entries(all)) {
    if (!allowed.includes(key)) {
      const names = allowed.length === 0 ? (zh ? "无" : "none") : allowed.join(", ");
      throw new HttpProblem("invalid-query", zh ? `未知的查询参数 ${key}（可用：${names}）` : `Unknown query parameter ${key} (allowed: ${names})`);
    }
    if (list.length !== 1) throw new HttpProblem("invalid-query", zh ? `查询参数 ${key} 只能给一次` : `The query parameter ${key} may be given once`);
    values[key] = list[0] as string;
  }
  const check = (key: string, choices: readonly string[]): void => {
    const value = values[key];
    if (value !== undefined && !choices.includes(value)) {
      throw new HttpProblem(
        "invalid-query",
        zh ? `查询参数 ${key} 应为 ${choices.join(" 或 ")}，而不是 ${value}` : `The query parameter ${key} takes ${choices.join(" or ")}, not ${value}`,
      );
    }
  };
  check("lang", ["zh", "en"]);
  check("allowIncomplete", ["true", "false"]);
  check("by", ["category"]);
  return { lang, values };
}

/** The media type of a request (lower case, without parameters), and whether its charset is UTF-8. */
function mediaType(c: C): { type: string; utf8: boolean } {
  const header = c.env.incoming.headers["content-type"] ?? "";
  const [type = "", ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  return { type, utf8: charset === undefined || charset === "utf-8" || charset === "utf8" };
}

/** 415 unless the request's content type is one of `accepted` (UTF-8 when a charset is named). */
function requireType(c: C, accepted: readonly string[], lang: Lang): void {
  const { type, utf8 } = mediaType(c);
  if (accepted.includes(type) && utf8) return;
  const shown = c.env.incoming.headers["content-type"] ?? (lang === "zh" ? "（无）" : "(none)");
  throw new HttpProblem(
    "unsupported-media-type",
    lang === "zh"
      ? `请求体的类型应为 ${accepted.join(" 或 ")}（UTF-8），而不是 ${shown}`
      : `The request body must be ${accepted.join(" or ")} (UTF-8), not ${shown}`,
  );
}

/**
 * Builds the hono app of the service.
 *
 * @param ctx - The loaded policies, the limits, the version and the OpenAPI text.
 * @returns The app; `getRequestListener(app.fetch)` serves it on a Node HTTP server.
 * @example
 * ```ts
 * const app = createApp(ctx);
 * const response = await app.request("/healthz"); // in process, without a socket
 * ```
 */
export function createApp(ctx: AppContext): Hono<Env> {
  const { policies, limits } = ctx;
  const app = new Hono<Env>();
  ctx.before?.(app);
  // What never changes while the service runs, worked out once: the shipped schemas, the list of
  // policies, the envelopes of the analysis bodies.
  const schemaTexts = new Map(SCHEMA_KINDS.map((kind) => [kind, jsonSchemaText(kind)]));
  // The list, indented as `policy --json` indents each policy.
  const policiesText = printed(documentJson([...policies.values()]));

  /** The policy named by `?policy=ID` (the preset when absent), or the 422 issue. */
  const policyOf = (query: Query): Policy | InputIssue => {
    const id = query.values["policy"];
    if (id === undefined) return xuancheng2022;
    return policies.get(id) ?? unknownPolicy(["query", "policy"], id, policies, query.lang);
  };
  const isIssue = (value: Policy | InputIssue): value is InputIssue => "code" in value;

  const jsonBody = async (c: C, lang: Lang): Promise<unknown> => {
    requireType(c, JSON_TYPES, lang);
    const bytes = await readWholeBody(c.env.incoming, { maxBytes: limits.maxBodyBytes, deadline: Date.now() + limits.bodyTimeoutMs }, lang);
    const body = parseJsonBody(bytes, lang);
    const long = tooManyItems(body, limits.maxItems, lang, bytes.length);
    if (long !== undefined) throw new TooManyItems(long);
    return body;
  };

  app.get("/healthz", (c) => {
    queryOf(c, []);
    return text(c, 200, printed(JSON.stringify({ ok: true, version: ctx.version, worker: ctx.workerId })), TYPES.json);
  });

  app.get("/openapi.json", (c) => {
    queryOf(c, []);
    return text(c, 200, ctx.openApiText, TYPES.json);
  });

  app.get("/openapi-3.0.json", (c) => {
    queryOf(c, []);
    return text(c, 200, ctx.openApi30Text, TYPES.json);
  });

  app.post("/v1/score", async (c) => {
    const query = queryOf(c, ["lang", "policy", "allowIncomplete"]);
    const policy = policyOf(query);
    const input = await jsonBody(c, query.lang);
    if (isIssue(policy)) return unprocessable(c, [policy]);
    const outcome = safeScore(input, { policy, allowIncomplete: query.values["allowIncomplete"] === "true", lang: query.lang });
    if (!outcome.success) return unprocessable(c, outcome.error.issues);
    return text(c, 200, printed(resultJson(outcome.data)), TYPES.json);
  });

  app.post("/v1/score/batch", async (c) => {
    const query = queryOf(c, ["lang", "policy", "allowIncomplete"]);
    const policy = policyOf(query);
    requireType(c, NDJSON_TYPES, query.lang);
    if (isIssue(policy)) return unprocessable(c, [policy]);
    const options: BatchLineOptions = {
      policy,
      allowIncomplete: query.values["allowIncomplete"] === "true",
      lang: query.lang,
      maxLineBytes: limits.maxLineBytes,
      // An error line's issues capped as every answer's are.
      wording: SERVICE_BATCH_WORDING,
    };
    const { incoming, outgoing } = c.env;
    // A body that stalls after the answer began: the error line ends the answer, then the connection.
    const closeAfter = (): void => void outgoing.once("finish", () => incoming.socket.destroy());
    const batch = new BatchStream(new ChunkReader(incoming, query.lang), options, limits, closeAfter, ctx.runner);
    // The first lines are read before answering, so a body that never starts is a plain 408.
    const first = await batch.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          if (first === null) controller.close();
          else controller.enqueue(encoder.encode(first));
        },
        async pull(controller) {
          const chunk = await batch.nextOrTimeoutLine();
          if (chunk === null) controller.close();
          else controller.enqueue(encoder.encode(chunk));
        },
        cancel() {
          incoming.destroy();
        },
      },
      { highWaterMark: 0 },
    );
    return c.body(body, 200, { "content-type": TYPES.ndjson });
  });

  app.post("/v1/verify", async (c) => {
    const query = queryOf(c, ["lang"]);
    const body = await jsonBody(c, query.lang);
    const envelope = VerifyRequestSchema.safeParse(body, { error: errorMap(query.lang) });
    if (!envelope.success) return unprocessable(c, fromZodIssues(envelope.error.issues));
    const { input, result } = envelope.data;
    const named = (result as { policy?: { id?: unknown } } | null)?.policy?.id;
    if (typeof named !== "string") {
      return unprocessable(c, [
        {
          path: ["result", "policy", "id"],
          code: "not-a-result",
          message: query.lang === "zh" ? "result 不是计分结果：没有 policy.id（计算所用的政策）" : "result is not a score result: it has no policy.id (the policy it was computed under)",
        },
      ]);
    }
    const policy = policies.get(named);
    if (policy === undefined) return unprocessable(c, [unknownPolicy(["result", "policy", "id"], named, policies, query.lang)]);
    const outcome = verifyResult(input, result, policy, query.lang, Number.POSITIVE_INFINITY);
    if (!outcome.success) return unprocessable(c, under(["input"], outcome.error.issues));
    const differences = outcome.differences.map((d) => ({ path: d.path, expected: d.expected, actual: d.found }));
    return text(c, 200, printed(JSON.stringify({ ok: outcome.total === 0, differences })), TYPES.json);
  });

  /** A heavy request: its body read here, its work done by the runner (a worker thread). */
  const heavy = async (c: C, kind: "rank" | "compare" | "sensitivity" | "tally", allowed: readonly string[]): Promise<Response> => {
    const query = queryOf(c, allowed);
    requireType(c, JSON_TYPES, query.lang);
    const bytes = await readWholeBody(c.env.incoming, { maxBytes: limits.maxBodyBytes, deadline: Date.now() + limits.bodyTimeoutMs }, query.lang);
    const job: Job = { kind, bytes, lang: query.lang, values: query.values, maxItems: limits.maxItems, maxScenarioWork: limits.maxScenarioWork, maxTallyWork: limits.maxTallyWork };
    const outcome = await ctx.runner.run(job);
    const en = query.lang === "en";
    if ("timedOut" in outcome) {
      throw new HttpProblem(
        "request-timeout",
        en
          ? `The request was not done within ${limits.requestTimeoutMs} ms (--request-timeout-ms); its work was stopped`
          : `请求未能在 ${limits.requestTimeoutMs} 毫秒内完成（--request-timeout-ms），已停止其计算`,
      );
    }
    if ("failed" in outcome) throw new Error(outcome.failed);
    return c.body(outcome.body, outcome.status as 200, { "content-type": TYPES.json });
  };

  app.post("/v1/rank", (c) => heavy(c, "rank", ["lang", "policy", "by"]));
  app.post("/v1/compare", (c) => heavy(c, "compare", ["lang"]));
  app.post("/v1/sensitivity", (c) => heavy(c, "sensitivity", ["lang"]));
  // A ballot box tallied (docs/ballots.md): its work grows with ballots × participants, so it runs
  // in a worker thread within --request-timeout-ms, after the --max-tally-work check.
  app.post("/v1/tally", (c) => heavy(c, "tally", ["lang", "policy"]));

  app.post("/v1/explain", async (c) => {
    const query = queryOf(c, ["lang"]);
    const body = await jsonBody(c, query.lang);
    const parsed = ScoreResultSchema.safeParse(body, { error: errorMap(query.lang) });
    if (!parsed.success) return unprocessable(c, fromZodIssues(parsed.error.issues));
    return text(c, 200, printed(explain(parsed.data, { lang: query.lang })), TYPES.text);
  });

  app.get("/v1/policies", (c) => {
    queryOf(c, []);
    return text(c, 200, policiesText, TYPES.json);
  });

  app.get("/v1/policies/:id", (c) => {
    const query = queryOf(c, ["lang"]);
    const id = c.req.param("id");
    const policy = policies.get(id);
    if (policy === undefined) {
      throw new HttpProblem("not-found", unknownPolicy([], id, policies, query.lang).message);
    }
    return text(c, 200, printed(documentJson(policy)), TYPES.json);
  });

  app.get("/v1/schemas/:kind", (c) => {
    const query = queryOf(c, ["lang"]);
    const kind = c.req.param("kind");
    const schema = schemaTexts.get(kind as SchemaKind);
    if (schema === undefined) {
      throw new HttpProblem(
        "not-found",
        query.lang === "zh" ? `没有 ${kind} 这个 Schema（有：${SCHEMA_KINDS.join("、")}）` : `No schema ${kind} (there are: ${SCHEMA_KINDS.join(", ")})`,
      );
    }
    return text(c, 200, schema, TYPES.schema);
  });

  const ROUTES: Readonly<Record<string, string>> = {
    "/healthz": "GET",
    "/openapi.json": "GET",
    "/openapi-3.0.json": "GET",
    "/v1/score": "POST",
    "/v1/score/batch": "POST",
    "/v1/rank": "POST",
    "/v1/verify": "POST",
    "/v1/explain": "POST",
    "/v1/compare": "POST",
    "/v1/sensitivity": "POST",
    "/v1/tally": "POST",
    "/v1/policies": "GET",
    "/v1/policies/:id": "GET",
    "/v1/schemas/:kind": "GET",
  };
  for (const [path, method] of Object.entries(ROUTES)) {
    app.all(path, (c) => {
      c.header("allow", method);
      const zh = c.req.query("lang") !== "en";
      throw new HttpProblem("method-not-allowed", zh ? `${c.req.path} 只接受 ${method} 请求` : `${c.req.path} takes ${method} requests only`);
    });
  }

  app.notFound((c) => {
    const zh = c.req.query("lang") !== "en";
    const problem = new HttpProblem("not-found", zh ? `没有这个地址：${c.req.path}（见 /openapi.json）` : `No such path: ${c.req.path} (see /openapi.json)`);
    return c.body(problem.body(), 404, { "content-type": TYPES.json });
  });

  app.onError((cause, c) => {
    if (cause instanceof TooManyItems) return unprocessable(c, [cause.issue]);
    const problem =
      cause instanceof HttpProblem
        ? cause
        : new HttpProblem("internal", c.req.query("lang") === "en" ? "Internal error: the request was not completed" : "内部错误：请求未能完成");
    if (!(cause instanceof HttpProblem)) process.stderr.write(`wubi-wuping serve: internal error: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    const headers: Record<string, string> = { "content-type": TYPES.json };
    if (problem.closeConnection) headers["connection"] = "close";
    return c.body(problem.body(), problem.status as 400, headers);
  });

  return app;
}

/**
 * An NDJSON batch read and scored line by line: each call gives the output lines of the next
 * input chunk that completes any, so at most one chunk, one line and its results are in memory.
 */
class BatchStream {
  private readonly splitter: LineSplitter;
  private out: string[] = [];
  private done = false;
  private lastLine = 0;
  private lastLineAt = Date.now();
  private readonly timeoutMs: number;
  /** Lines past the first {@link BATCH_LINES_IN_PLACE}, waiting to be scored in a worker thread. */
  private handOff: SplitLine[] = [];

  constructor(
    private readonly reader: ChunkReader,
    private readonly options: BatchLineOptions,
    private readonly limits: ServiceLimits,
    private readonly onTimeout: () => void,
    private readonly runner: JobRunner,
  ) {
    this.splitter = new LineSplitter(options.maxLineBytes);
    this.timeoutMs = limits.bodyTimeoutMs;
  }

  private readonly emit = (line: SplitLine): void => {
    this.lastLine = line.number;
    this.lastLineAt = Date.now();
    if (line.number > BATCH_LINES_IN_PLACE) {
      // A copy of the line's own bytes: a view would carry its whole chunk to the thread.
      this.handOff.push({ number: line.number, length: line.length, bytes: line.bytes === null ? null : new Uint8Array(line.bytes) });
      return;
    }
    const output = batchLine(line, this.options);
    if (output !== undefined) this.out.push(output);
  };

  /** Scores the lines handed off, in a worker thread, in order. */
  private async scoreHandOff(): Promise<void> {
    if (this.handOff.length === 0) return;
    const job: BatchJob = {
      kind: "batch",
      lines: this.handOff,
      policy: (this.options.policy ?? xuancheng2022).id,
      allowIncomplete: this.options.allowIncomplete,
      lang: this.options.lang,
      maxLineBytes: this.options.maxLineBytes,
    };
    this.handOff = [];
    const outcome = await this.runner.run(job);
    const en = this.options.lang === "en";
    if ("timedOut" in outcome) {
      throw new HttpProblem(
        "request-timeout",
        en
          ? `Scoring the lines took longer than ${this.limits.requestTimeoutMs} ms (--request-timeout-ms); the batch was stopped`
          : `计分超过 ${this.limits.requestTimeoutMs} 毫秒（--request-timeout-ms），批量已停止`,
      );
    }
    if ("failed" in outcome) throw new Error(outcome.failed);
    if (outcome.body !== "") this.out.push(outcome.body);
    // The lines took their time in the thread: the next line's wait starts now.
    this.lastLineAt = Date.now();
  }

  /** The next output lines (with their line breaks), or `null` when the body has ended. */
  async next(): Promise<string | null> {
    for (;;) {
      if (this.out.length > 0) {
        const chunk = `${this.out.join("\n")}\n`;
        this.out = [];
        return chunk;
      }
      if (this.done) return null;
      const chunk = await this.reader.next(this.lastLineAt + this.timeoutMs);
      if (chunk === null) {
        this.splitter.end(this.emit);
        await this.scoreHandOff();
        this.done = true;
      } else {
        this.splitter.push(chunk, this.emit);
        await this.scoreHandOff();
      }
    }
  }

  /**
   * {@link next}, but once the answer has begun a body that stalls ends it with an error line for
   * the line that did not arrive in time (the status is sent already).
   */
  async nextOrTimeoutLine(): Promise<string | null> {
    try {
      return await this.next();
    } catch (cause) {
      if (!(cause instanceof HttpProblem) || this.done) throw cause;
      this.done = true;
      this.out = [];
      this.onTimeout();
      return `${JSON.stringify({ line: this.lastLine + 1, error: { issues: [{ path: [], code: cause.code, message: cause.message }] } })}\n`;
    }
  }
}

/** A body with a JSON array longer than `--max-items`: answered 422 before any work. */
class TooManyItems extends Error {
  constructor(readonly issue: InputIssue) {
    super(issue.message);
  }
}
