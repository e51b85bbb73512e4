/**
 * The OpenAPI 3.1 document of the service, generated: every schema in it comes from a zod schema
 * through the generator of the shipped JSON Schemas (`jsonSchemaOf`, `toJsonSchema`), so the
 * contract a Java or .NET client is generated from is the one the service validates with.
 * Descriptions are in Chinese, then English.
 */
import * as z from "zod/mini";
import { PolicyOverridesSchema, RankEntrySchema, ScoreInputSchema, ScoreResultSchema, TallyResultSchema } from "wubi-wuping";
import { CompareResultSchema, SensitivityResultSchema } from "wubi-wuping/sensitivity";
import { SCHEMA_KINDS, jsonSchemaOf, toJsonSchema } from "wubi-wuping/formats";
import type { ServiceLimits } from "./app.js";
import {
  BatchErrorLineSchema,
  CompareRequestSchema,
  SensitivityRequestSchema,
  ErrorBodySchema,
  HealthSchema,
  IssueSchema,
  IssuesBodySchema,
  MoreIssuesSchema,
  PolicyDocumentSchema,
  TallyRequestSchema,
  VerifyResponseSchema,
} from "./schemas.js";

type Json = Record<string, unknown>;

/** A bilingual description: Chinese first, then English. */
const both = (zh: string, en: string): string => `${zh}\n\n${en}`;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/**
 * Brings a generated schema into the document's dialect (JSON Schema 2020-12): references to
 * `#/definitions/X` or `#/$defs/X` point to `#/components/schemas/X`, and a draft-07 tuple
 * (`items: [...]`, `additionalItems`) becomes `prefixItems` and `items`.
 */
function toDialect(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDialect);
  if (node === null || typeof node !== "object") return node;
  const { items, additionalItems, ...rest } = node as Json;
  const tuple = Array.isArray(items)
    ? { prefixItems: items, ...(additionalItems === undefined ? {} : { items: additionalItems }) }
    : { ...(items === undefined ? {} : { items }), ...(additionalItems === undefined ? {} : { additionalItems }) };
  return Object.fromEntries(
    Object.entries({ ...rest, ...tuple }).map(([key, value]) =>
      key === "$ref" && typeof value === "string" ? [key, value.replace(/^#\/(definitions|\$defs)\//, "#/components/schemas/")] : [key, toDialect(value)],
    ),
  );
}

/**
 * Adds a generated JSON Schema as a component: its named definitions become components of their
 * own (a name taken already keeps its first, fuller, schema) and `$schema` goes (the document's
 * dialect is OpenAPI 3.1's, JSON Schema 2020-12, whose keywords these schemas use alike).
 */
function addComponent(components: Json, name: string, schema: Json, description?: string): void {
  const { $schema: _dialect, $id: _id, definitions, $defs, ...rest } = schema;
  void _dialect;
  for (const [defName, def] of Object.entries({ ...(definitions as Json | undefined), ...($defs as Json | undefined) })) {
    if (!(defName in components)) components[defName] = toDialect(def);
  }
  components[name] = toDialect(description === undefined ? rest : { ...rest, description });
}

/**
 * The ballot box inside a generated schema: a stand-in that the generator names `BallotBox` and
 * refers to, the component itself being the shipped box schema (`jsonSchemaOf("box")`, made from
 * the library's declaration rather than from zod, which has no JSON Schema for its custom checks).
 */
const BOX_PART = z.unknown();

/** The body of `POST /v1/tally`, its box referring to the `BallotBox` component. */
const TallyRequestPart = z.strictObject({ ...TallyRequestSchema.shape, box: BOX_PART });

/** Parts that several schemas share: emitted once, as components, and referred to. */
const PARTS = [
  [ScoreInputSchema, "ScoreInput"],
  [ScoreResultSchema, "ScoreResult"],
  [PolicyOverridesSchema, "PolicyOverrides"],
  [BOX_PART, "BallotBox"],
  [PolicyDocumentSchema, "Policy"],
  [IssuesBodySchema, "Issues"],
  [IssueSchema, "Issue"],
  [MoreIssuesSchema, "MoreIssues"],
] as const;

/** The component schemas: the package's four shipped schemas first, then the service's own. */
function schemas(): Json {
  const c: Json = {};
  addComponent(c, "ScoreInput", jsonSchemaOf("input"));
  addComponent(c, "PolicyOverrides", jsonSchemaOf("policy"));
  addComponent(c, "ScoreResult", jsonSchemaOf("result"));
  addComponent(c, "BallotBox", jsonSchemaOf("box"));
  const generated: readonly [string, z.ZodMiniType, "input" | "output", string, string][] = [
    ["ScoreResults", z.array(ScoreResultSchema), "input", "一批计分结果（同一年度、同一政策）", "Score results of one year and one policy"],
    ["RankEntries", z.array(RankEntrySchema), "output", "排名：rank --format json 的输出", "A ranking, as rank --format json prints it"],
    ["Policy", PolicyDocumentSchema, "output", "一个政策：每个参数的取值和来源（policy --json）", "A policy: every parameter's value and provenance (policy --json)"],
    ["Policies", z.array(PolicyDocumentSchema), "output", "已加载的政策，预设政策在前", "The policies loaded, the preset first"],
    ["VerifyRequest", z.object({ input: ScoreInputSchema, result: ScoreResultSchema }), "input", "一个输入和据称由它得出的结果", "An input and the result said to come from it"],
    ["VerifyResponse", VerifyResponseSchema, "output", "核对结果：ok 为完全一致；每处不同给出路径、重新计算的值 expected、送来的值 actual（一方没有该字段时不含该键）", "What verify found: ok when identical; each difference with its path, the recomputed value (expected) and the value sent (actual); a side without the field has no key"],
    [
      "CompareRequest",
      CompareRequestSchema,
      "input",
      "对比两个政策：inputs 为同一年度的输入；base（默认预设政策）和 candidate 为已加载政策的 id，或 definePolicy 接受的对象",
      "Compare two policies: inputs of one year; base (default the preset) and candidate each the id of a loaded policy or the object definePolicy takes",
    ],
    ["CompareResult", CompareResultSchema, "output", "compare --format json 的输出", "What compare --format json prints"],
    [
      "SensitivityRequest",
      SensitivityRequestSchema,
      "input",
      "灵敏度分析：inputs 为同一年度的输入；policy 为已加载政策的 id 或 definePolicy 接受的对象（默认预设政策）；ranges、samples（默认 1000）、seed（默认 1）、by",
      "Sensitivity: inputs of one year; policy the id of a loaded policy or the object definePolicy takes (default the preset); ranges, samples (default 1000), seed (default 1), by",
    ],
    ["SensitivityResult", SensitivityResultSchema, "output", "sensitivity --format json 的输出", "What sensitivity --format json prints"],
    [
      "TallyRequest",
      TallyRequestPart,
      "input",
      "计票：box 为一次测评的票箱（BallotBox）；participants 为票上可评价的参评对象（编号、名单条目或输入，按此顺序列出）；policy 为已加载政策的 id 或 definePolicy 接受的对象（默认预设政策，或查询参数 policy）",
      "A tally: box one survey's ballot box (BallotBox); participants those its marks may name (ids, roster entries or inputs, listed in this order); policy the id of a loaded policy or the object definePolicy takes (default the preset, or the query's policy)",
    ],
    ["TallyResult", TallyResultSchema, "output", "计票结果：每个参评对象的满意度计数（即 §4 的调查输入）及未计入的票；票箱的发出、收回、计入票数，重复评价人，用时过短的票，所依据的假定", "The tally: each participant's survey counts (the survey input) and the ballots not counted; the box's issued, returned and counted ballots, repeated raters, ballots too fast, and the assumptions it rests on"],
    ["BatchLine", z.union([ScoreResultSchema, BatchErrorLineSchema]), "output", "批量计分输出的一行：结果，或该行的错误", "One line of batch output: a result, or that line's error"],
    [
      "Issues",
      IssuesBodySchema,
      "output",
      "输入错误：一次列出全部问题，每个带路径、代码和信息；列表至多前 100 个，其余以最后一项 {\"code\":\"more-issues\",\"count\":N} 计数",
      "Input errors: every problem at once, each with its path, code and message; the list holds the first 100, then a last item {\"code\":\"more-issues\",\"count\":N} counts the rest",
    ],
    [
      "Issue",
      IssueSchema,
      "output",
      "一个问题：路径、代码、信息，以及供程序使用的数据（expected、received、minimum、maximum、inclusive、origin、format、values、value、params，视代码而定）",
      "One problem: path, code, message, and the data a program can act on (expected, received, minimum, maximum, inclusive, origin, format, values, value, params, as the code has them)",
    ],
    ["MoreIssues", MoreIssuesSchema, "output", "问题列表截断后的最后一项：未列出的问题数", "The last item of a capped list of issues: how many were left out"],
    ["Error", ErrorBodySchema, "output", "其他错误：代码和信息，不含堆栈", "Other errors: a code and a message, never a stack trace"],
    ["Health", HealthSchema, "output", "服务正常及其版本", "The service is up, and its version"],
  ];
  for (const [name, schema, io, zh, en] of generated) {
    addComponent(c, name, toJsonSchema(schema, io, PARTS.filter(([part]) => part !== schema)), both(zh, en));
  }
  return c;
}

const JSON_TYPE = "application/json";

const requestIdHeader = {
  "x-request-id": {
    description: both("请求编号：客户端给出的（1–200 个可见 ASCII 字符）原样返回，否则由服务生成", "The request id: the client's own (1–200 visible ASCII characters) when it sent one, else one the service made"),
    schema: { type: "string" },
  },
};

const errorResponse = (zh: string, en: string, extraHeaders: Json = {}): Json => ({
  description: both(zh, en),
  headers: { ...requestIdHeader, ...extraHeaders },
  content: { [JSON_TYPE]: { schema: ref("Error") } },
});

function responses(limits: ServiceLimits, bearer: boolean): Json {
  const unauthorized = errorResponse("缺少令牌或令牌无效：须带 authorization: Bearer <令牌>（本服务启动时设定的令牌之一）", "No token or a wrong one: send authorization: Bearer <token> (one the service was started with)", {
    "www-authenticate": { description: both("认证方式：Bearer", "The scheme to authenticate with: Bearer"), schema: { type: "string" } },
  });
  return {
    ...(bearer ? { Unauthorized: unauthorized } : {}),
    BadRequest: errorResponse("请求体不是 JSON（或不是 UTF-8、为空），或查询参数有误", "The body is not JSON (or not UTF-8, or empty), or a query parameter is wrong"),
    NotFound: errorResponse("没有这个地址，或没有这个政策、Schema", "No such path, or no such policy or schema"),
    MethodNotAllowed: errorResponse("该地址不接受这个方法（见 allow 头）", "The path does not take this method (see the allow header)", { allow: { schema: { type: "string" } } }),
    Timeout: errorResponse(
      `请求体传送太慢：JSON 请求体须在 ${limits.bodyTimeoutMs} 毫秒内传完（--body-timeout-ms）`,
      `The body arrived too slowly: a JSON body must arrive within ${limits.bodyTimeoutMs} ms (--body-timeout-ms)`,
    ),
    TooLarge: errorResponse(`JSON 请求体超过 ${limits.maxBodyBytes} 字节（--max-body-bytes）`, `The JSON body is larger than ${limits.maxBodyBytes} bytes (--max-body-bytes)`),
    UnsupportedMediaType: errorResponse("请求体的类型不对：应为 application/json（批量为 application/x-ndjson 或 application/ndjson），UTF-8", "Wrong content type: application/json (for a batch application/x-ndjson or application/ndjson), UTF-8"),
    Unprocessable: {
      description: both(
        "输入有误，或指明的政策未加载：issues 一次列出全部问题（至多前 100 个，其后为 more-issues 计数）；工作量超过上限（sensitivity 为 --max-scenario-work，tally 为 --max-tally-work）时为问题 too-much-work，在开始计算之前",
        "The input is wrong, or names a policy that is not loaded: issues lists every problem at once (the first 100, then a more-issues count); work over the budget (--max-scenario-work for sensitivity, --max-tally-work for tally) is the issue too-much-work, before any work starts",
      ),
      headers: requestIdHeader,
      content: { [JSON_TYPE]: { schema: { oneOf: [ref("Issues"), ref("Error")] } } },
    },
    Overloaded: errorResponse(
      "同时处理的请求过多（总计或本连接上）、请求超过 --request-timeout-ms 被中止（request-timeout），或服务正在停止（shutting-down）；retry-after 秒后再试",
      "Too many requests at once (in all or on this connection), a request stopped past --request-timeout-ms (request-timeout), or the service is stopping (shutting-down); try again after retry-after seconds",
      { "retry-after": { description: both("几秒后再试", "Seconds to wait before trying again"), schema: { type: "integer" } } },
    ),
    Internal: errorResponse("内部错误（不含堆栈）", "Internal error (never a stack trace)"),
  };
}

function parameters(): Json {
  return {
    lang: {
      name: "lang",
      in: "query",
      required: false,
      description: both("信息和说明的语言，默认 zh", "Language of messages and explanations, default zh"),
      schema: { type: "string", enum: ["zh", "en"], default: "zh" },
    },
    policy: {
      name: "policy",
      in: "query",
      required: false,
      description: both("已加载政策的 id（默认预设政策 xuancheng-2022）；未加载的 id 为 422", "The id of a loaded policy (default the preset xuancheng-2022); an id not loaded is 422"),
      schema: { type: "string" },
    },
    allowIncomplete: {
      name: "allowIncomplete",
      in: "query",
      required: false,
      description: both("缺项按 0 分计，结果为暂定", "Score a missing component 0 and mark the result provisional"),
      schema: { type: "string", enum: ["true", "false"], default: "false" },
    },
    by: {
      name: "by",
      in: "query",
      required: false,
      description: both("按类别分别排名", "Rank within each category"),
      schema: { type: "string", enum: ["category"] },
    },
    requestId: {
      name: "x-request-id",
      in: "header",
      required: false,
      description: both("请求编号，原样出现在响应头和访问日志中", "A request id, echoed in the response and the access log"),
      schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,200}$" },
    },
  };
}

const param = (name: string): Json => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string): Json => ({ $ref: `#/components/responses/${name}` });

interface Operation {
  readonly id: string;
  /** Whether the operation needs the bearer token when tokens are set (every `/v1/*` one). */
  readonly guarded?: boolean;
  readonly summary: readonly [string, string];
  readonly description: readonly [string, string];
  readonly params: readonly string[];
  readonly body?: { readonly types: readonly string[]; readonly schema: Json; readonly zh: string; readonly en: string; readonly extra?: Json };
  readonly ok: { readonly type: string; readonly schema: Json; readonly zh: string; readonly en: string; readonly extra?: Json };
  readonly errors: readonly string[];
}

const POST_ERRORS = ["400", "408", "413", "415", "422"];

function operation(op: Operation, method: "get" | "post", bearer: boolean): Json {
  const errorRefs: Readonly<Record<string, string>> = {
    "400": "BadRequest",
    "401": "Unauthorized",
    "404": "NotFound",
    "405": "MethodNotAllowed",
    "408": "Timeout",
    "413": "TooLarge",
    "415": "UnsupportedMediaType",
    "422": "Unprocessable",
    "500": "Internal",
    "503": "Overloaded",
  };
  const guarded = bearer && op.guarded === true;
  const codes = [...op.errors, ...(method === "get" ? ["400"] : []), ...(guarded ? ["401"] : []), "405", "500", "503"];
  const unique = [...new Set(codes)].sort();
  return {
    operationId: op.id,
    summary: `${op.summary[0]} / ${op.summary[1]}`,
    description: both(op.description[0], op.description[1]),
    parameters: [...op.params.map(param), param("requestId")],
    // Stated on every operation: the bearer token on /v1/* when tokens are set, none otherwise.
    security: guarded ? [{ bearer: [] }] : [],
    ...(op.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            description: both(op.body.zh, op.body.en),
            content: Object.fromEntries(op.body.types.map((type) => [type, { schema: op.body?.schema, ...op.body?.extra }])),
          },
        }),
    responses: {
      "200": { description: both(op.ok.zh, op.ok.en), headers: requestIdHeader, content: { [op.ok.type]: { schema: op.ok.schema, ...op.ok.extra } } },
      ...Object.fromEntries(unique.map((code) => [code, response(errorRefs[code] as string)])),
    },
  };
}

/**
 * The schema of each line of an NDJSON body, on its media type: OpenAPI 3.1 has no keyword for the
 * items of a sequence of JSON texts (3.2 calls it `itemSchema`), so an extension names it.
 */
const LINE_SCHEMA = "x-line-schema";

function paths(limits: ServiceLimits, bearer: boolean): Json {
  const ndjsonLine = both(
    `NDJSON：每行一个输入（ScoreInput），空行跳过；每行至多 ${limits.maxLineBytes} 字节（--max-line-bytes）；流式读取，不受 --max-body-bytes 限制`,
    `NDJSON: one input (ScoreInput) per line, blank lines skipped; each line at most ${limits.maxLineBytes} bytes (--max-line-bytes); read as a stream, not held to --max-body-bytes`,
  );
  const post = (op: Operation): Json => ({ post: operation({ guarded: true, ...op }, "post", bearer) });
  const get = (op: Operation): Json => ({ get: operation(op, "get", bearer) });
  return {
    "/v1/score": post({
      id: "score",
      summary: ["计算一个参评对象一个年度的得分", "Score one participant-year"],
      description: ["与 wubi-wuping score --json 的输出字节相同。", "The same bytes as wubi-wuping score --json prints."],
      params: ["lang", "policy", "allowIncomplete"],
      body: { types: [JSON_TYPE], schema: ref("ScoreInput"), zh: "一个参评对象一个年度的输入", en: "One participant-year" },
      ok: { type: JSON_TYPE, schema: ref("ScoreResult"), zh: "计分结果", en: "The result" },
      errors: POST_ERRORS,
    }),
    "/v1/score/batch": post({
      id: "scoreBatch",
      summary: ["逐行批量计分（NDJSON 流）", "Score NDJSON, streamed both ways"],
      description: [
        "与 wubi-wuping score --batch 相同：每个非空输入行输出一行，次序不变；出错的行输出 {\"line\":N,\"error\":{\"issues\":[…]}}。请求和响应都是流，批量再大也不整个放在内存里。响应开始后请求体若停滞超过 --body-timeout-ms，以该行的 body-timeout 错误行结束。",
        "As wubi-wuping score --batch: one line out per non-blank line in, in order; a line in error gives {\"line\":N,\"error\":{\"issues\":[…]}}. Request and response stream, so no batch sits in memory whole. A body that stalls past --body-timeout-ms once the answer has begun ends it with a body-timeout error line for that line.",
      ],
      params: ["lang", "policy", "allowIncomplete"],
      body: {
        types: ["application/x-ndjson", "application/ndjson"],
        schema: { type: "string", description: ndjsonLine },
        extra: { [LINE_SCHEMA]: ref("ScoreInput") },
        zh: "NDJSON 输入（application/x-ndjson 或 application/ndjson）：每行一个 ScoreInput",
        en: "NDJSON inputs (application/x-ndjson or application/ndjson): one ScoreInput per line",
      },
      ok: {
        type: "application/x-ndjson",
        schema: { type: "string", description: both(`NDJSON：每行一个 BatchLine（${LINE_SCHEMA}）`, `NDJSON: one BatchLine per line (${LINE_SCHEMA})`) },
        extra: { [LINE_SCHEMA]: ref("BatchLine") },
        zh: "每个输入行一行输出",
        en: "One output line per input line",
      },
      errors: ["400", "408", "415", "422"],
    }),
    "/v1/rank": post({
      id: "rank",
      summary: ["对一批计分结果排名", "Rank score results"],
      description: ["与 wubi-wuping rank --format json 的输出字节相同。", "The same bytes as wubi-wuping rank --format json prints."],
      params: ["lang", "policy", "by"],
      body: { types: [JSON_TYPE], schema: ref("ScoreResults"), zh: "计分结果的数组", en: "An array of score results" },
      ok: { type: JSON_TYPE, schema: ref("RankEntries"), zh: "排名", en: "The ranking" },
      errors: POST_ERRORS,
    }),
    "/v1/verify": post({
      id: "verify",
      summary: ["重新计算并逐项核对一个结果", "Recompute a result and compare it field by field"],
      description: [
        "按结果中 policy.id 指明的已加载政策重新计算，与 wubi-wuping verify 比较的内容相同。",
        "Recomputes under the loaded policy the result names in policy.id and compares as wubi-wuping verify does.",
      ],
      params: ["lang"],
      body: { types: [JSON_TYPE], schema: ref("VerifyRequest"), zh: "输入和结果", en: "The input and the result" },
      ok: { type: JSON_TYPE, schema: ref("VerifyResponse"), zh: "核对结果", en: "What verify found" },
      errors: POST_ERRORS,
    }),
    "/v1/explain": post({
      id: "explain",
      summary: ["把一个计分结果写成计分说明", "Explain a score result"],
      description: ["与 wubi-wuping score 打印的计分说明相同。", "The same text as wubi-wuping score prints."],
      params: ["lang"],
      body: { types: [JSON_TYPE], schema: ref("ScoreResult"), zh: "计分结果", en: "A score result" },
      ok: { type: "text/plain", schema: { type: "string" }, zh: "计分说明（UTF-8 文本）", en: "The explanation (UTF-8 text)" },
      errors: POST_ERRORS,
    }),
    "/v1/compare": post({
      id: "compare",
      summary: ["对比两个政策下的总分、名次和等次", "Compare totals, ranks and tiers under two policies"],
      description: ["与 wubi-wuping compare --format json 的输出字节相同（docs/sensitivity.md）。", "The same bytes as wubi-wuping compare --format json prints (docs/sensitivity.md)."],
      params: ["lang"],
      body: { types: [JSON_TYPE], schema: ref("CompareRequest"), zh: "输入和两个政策", en: "The inputs and the two policies" },
      ok: { type: JSON_TYPE, schema: ref("CompareResult"), zh: "对比结果", en: "The comparison" },
      errors: POST_ERRORS,
    }),
    "/v1/sensitivity": post({
      id: "sensitivity",
      summary: ["假定参数对总分、名次和等次的影响", "How far the assumed parameters move totals, ranks and tiers"],
      description: ["与 wubi-wuping sensitivity --format json 的输出字节相同（docs/sensitivity.md）。", "The same bytes as wubi-wuping sensitivity --format json prints (docs/sensitivity.md)."],
      params: ["lang"],
      body: { types: [JSON_TYPE], schema: ref("SensitivityRequest"), zh: "输入、政策和取值范围", en: "The inputs, the policy and the ranges" },
      ok: { type: JSON_TYPE, schema: ref("SensitivityResult"), zh: "灵敏度分析结果", en: "The sensitivity analysis" },
      errors: POST_ERRORS,
    }),
    "/v1/tally": post({
      id: "tally",
      summary: ["计票：把一次测评的票箱计成每个参评对象的满意度计数", "Tally one survey's ballot box into each participant's counts"],
      description: [
        `与 wubi-wuping tally --format json 的输出字节相同，只是没有 source（docs/ballots.md）。在工作线程中计票，受 --request-timeout-ms 限制；测评票数 × 参评对象数至多 ${limits.maxTallyWork}，测评票至多 ${limits.maxItems} 张，请求体至多 ${limits.maxBodyBytes} 字节。票箱有误时一次列出全部问题（如 box-over-issued 与 invalid-mark 同时列出）。`,
        `The same bytes as wubi-wuping tally --format json prints, without source (docs/ballots.md). Tallied in a worker thread within --request-timeout-ms; ballots × participants at most ${limits.maxTallyWork}, at most ${limits.maxItems} ballots, a body of at most ${limits.maxBodyBytes} bytes. A box in error lists every problem at once (box-over-issued beside invalid-mark, say).`,
      ],
      params: ["lang", "policy"],
      body: { types: [JSON_TYPE], schema: ref("TallyRequest"), zh: "票箱、参评对象和政策", en: "The box, the participants and the policy" },
      ok: { type: JSON_TYPE, schema: ref("TallyResult"), zh: "计票结果", en: "The tally" },
      errors: POST_ERRORS,
    }),
    "/v1/policies": get({
      id: "listPolicies",
      summary: ["已加载的政策", "The policies loaded"],
      description: ["每个参数的取值和来源。", "Every parameter's value and provenance."],
      guarded: true,
      params: [],
      ok: { type: JSON_TYPE, schema: ref("Policies"), zh: "政策列表", en: "The policies" },
      errors: [],
    }),
    "/v1/policies/{id}": get({
      id: "getPolicy",
      summary: ["一个已加载的政策", "One loaded policy"],
      description: ["与 wubi-wuping policy --json 的输出字节相同。", "The same bytes as wubi-wuping policy --json prints."],
      guarded: true,
      params: ["policyId", "lang"],
      ok: { type: JSON_TYPE, schema: ref("Policy"), zh: "政策", en: "The policy" },
      errors: ["404"],
    }),
    "/v1/schemas/{kind}": get({
      id: "getSchema",
      summary: ["软件包的 JSON Schema", "A JSON Schema of the package"],
      description: ["与 wubi-wuping schema KIND 及软件包中 schemas/KIND.schema.json 的字节相同。", "The same bytes as wubi-wuping schema KIND and the package's schemas/KIND.schema.json."],
      guarded: true,
      params: ["schemaKind", "lang"],
      ok: { type: "application/schema+json", schema: { type: "object" }, zh: "JSON Schema", en: "The JSON Schema" },
      errors: ["404"],
    }),
    "/openapi.json": get({
      id: "getOpenApi",
      summary: ["本文档", "This document"],
      description: ["服务的 OpenAPI 3.1 描述。", "The service's OpenAPI 3.1 description."],
      params: [],
      ok: { type: JSON_TYPE, schema: { type: "object" }, zh: "OpenAPI 文档", en: "The OpenAPI document" },
      errors: [],
    }),
    "/openapi-3.0.json": get({
      id: "getOpenApi30",
      summary: ["本文档的 OpenAPI 3.0.3 版本", "This document in OpenAPI 3.0.3"],
      description: [
        "同一契约，不含 OpenAPI 3.1 独有的关键字，供只接受 3.0 的生成器（Java、C#）使用（docs/service.md）。",
        "The same contract without the keywords only OpenAPI 3.1 has, for generators that take 3.0 only (Java, C#; docs/service.md).",
      ],
      params: [],
      ok: { type: JSON_TYPE, schema: { type: "object" }, zh: "OpenAPI 3.0.3 文档", en: "The OpenAPI 3.0.3 document" },
      errors: [],
    }),
    "/healthz": get({
      id: "health",
      summary: ["服务是否正常", "Whether the service is up"],
      description: ["供负载均衡和监控探测。", "For load balancers and monitoring."],
      params: [],
      ok: { type: JSON_TYPE, schema: ref("Health"), zh: "正常", en: "Up" },
      errors: [],
    }),
  };
}

/**
 * What the document states besides the limits.
 *
 * @example
 * ```ts
 * const options: OpenApiOptions = { bearer: true };
 * ```
 */
export interface OpenApiOptions {
  /** Tokens are set (`--token-file`): every `/v1/*` operation needs the bearer scheme, and may answer 401. */
  readonly bearer?: boolean;
}

/**
 * The service's OpenAPI 3.1 document ({@link toOpenApi30} gives it in 3.0.3).
 *
 * @param version - The package version.
 * @param limits - The limits in force, stated in the descriptions of the error answers.
 * @param options - Whether tokens are set.
 * @returns The document as plain data.
 * @example
 * ```ts
 * openApiDocument("0.2.0", SERVICE_DEFAULTS).openapi; //=> "3.1.0"
 * openApiDocument("0.2.0", SERVICE_DEFAULTS, { bearer: true }).components.securitySchemes; //=> { bearer: { type: "http", scheme: "bearer", … } }
 * ```
 */
export function openApiDocument(version: string, limits: ServiceLimits, options: OpenApiOptions = {}): Json {
  const bearer = options.bearer === true;
  const params = {
    ...parameters(),
    policyId: { name: "id", in: "path", required: true, description: both("政策 id", "The policy id"), schema: { type: "string" } },
    schemaKind: {
      name: "kind",
      in: "path",
      required: true,
      description: both("input（输入）、policy（政策文件）、result（结果）或 box（票箱）", "input, policy (a policy file), result or box (a ballot box)"),
      schema: { type: "string", enum: [...SCHEMA_KINDS] },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "wubi-wuping",
      version,
      summary: "五比五评计分服务 / The 五比五评 scoring service",
      description: both(
        "宣城市城管执法局“五比五评”科室负责人考评的精确计分、排名、核对和计分说明。响应与 wubi-wuping 命令行为同一工作打印的字节相同。",
        "Exact 五比五评 appraisal scores of section heads: scoring, ranking, verification and explanations. Each answer carries the bytes the wubi-wuping CLI prints for the same work.",
      ),
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: both("提供本文档的服务", "The service serving this document") }],
    paths: paths(limits, bearer),
    components: {
      schemas: schemas(),
      parameters: params,
      responses: responses(limits, bearer),
      ...(bearer
        ? {
            securitySchemes: {
              bearer: {
                type: "http",
                scheme: "bearer",
                description: both(
                  "本服务启动时设定的令牌之一：authorization: Bearer <令牌>；/healthz 和 /openapi*.json 不需要",
                  "A token the service was started with: authorization: Bearer <token>; /healthz and /openapi*.json need none",
                ),
              },
            },
          }
        : {}),
    },
  };
}
