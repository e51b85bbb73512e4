/**
 * The zod schemas of what the service reads and writes besides the package's own (input, policy
 * overrides, result, rank entry): request envelopes, error bodies, the policy document, health.
 * The service validates its envelopes with them, and the OpenAPI document is generated from them
 * through the same `z.toJSONSchema` path as the shipped JSON Schemas, so neither is written twice.
 */
import * as z from "zod/mini";
import { ASSUMPTIONS, BoxSchema, ParticipantSchema, PolicyOverridesSchema, RANK_GROUPINGS, ScoreInputSchema } from "wubi-wuping";
import { RangesSchema } from "wubi-wuping/sensitivity";

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One problem with a request: where (`path` into the body, or `["query", name]`), a code, a
 * message in the language asked for, and the data of the problem that a program can act on
 * without reading the message (docs/service.md): the same shape as the library's `InputIssue`.
 *
 * @example
 * ```ts
 * IssueSchema.parse({ path: ["year"], code: "invalid_type", message: "…", expected: "number", received: "string", value: "2022" });
 * ```
 */
export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  /** `invalid_type`: the type expected. */
  expected: z.optional(z.string()),
  /** `invalid_type`: the JSON type given (`"undefined"` when absent). */
  received: z.optional(z.string()),
  /** `too_small`: the bound. */
  minimum: z.optional(z.number()),
  /** `too_big`: the bound. */
  maximum: z.optional(z.number()),
  /** `too_small`/`too_big`: whether the bound itself is allowed. */
  inclusive: z.optional(z.boolean()),
  /** `too_small`/`too_big`: what was measured (`"number"`, `"string"`, `"array"`). */
  origin: z.optional(z.string()),
  /** `invalid_format`: the format. */
  format: z.optional(z.string()),
  /** `invalid_value`: the values allowed. */
  values: z.optional(z.array(Scalar)),
  /** The offending value, when short enough to repeat. */
  value: z.optional(Scalar),
  /** The parameters of one of the library's own codes. */
  params: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The last item of a capped list of issues (docs/service.md): how many more problems there were
 * past the first 100.
 *
 * @example
 * ```ts
 * MoreIssuesSchema.parse({ code: "more-issues", count: 2_400 });
 * ```
 */
export const MoreIssuesSchema = z.object({
  code: z.literal("more-issues"),
  count: z.int().check(z.minimum(1)),
  path: z.optional(z.array(z.union([z.string(), z.number()]))),
  message: z.optional(z.string()),
});

/**
 * The body of a 422 answer: every problem of the request at once, capped at the first 100
 * and then a {@link MoreIssuesSchema} item.
 *
 * @example
 * ```ts
 * IssuesBodySchema.parse({ issues: [] });
 * ```
 */
export const IssuesBodySchema = z.object({ issues: z.array(z.union([IssueSchema, MoreIssuesSchema])) });

/**
 * The codes of `{ "error": { "code", "message" } }` answers.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes("body-too-large"); //=> true
 * ```
 */
export const ERROR_CODES = [
  "not-found",
  "method-not-allowed",
  "invalid-query",
  "not-json",
  "unsupported-media-type",
  "body-too-large",
  "body-timeout",
  "unauthorized",
  "too-much-work",
  "request-timeout",
  "overloaded",
  "shutting-down",
  "internal",
] as const;
/**
 * A code of an error answer.
 *
 * @example
 * ```ts
 * const code: ErrorCode = "not-json";
 * ```
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The body of every error answer other than 422: a code and a message, never a stack trace.
 *
 * @example
 * ```ts
 * ErrorBodySchema.parse({ error: { code: "not-found", message: "没有这个地址：/v2" } });
 * ```
 */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

/**
 * The body of `POST /v1/verify`: an input and the result said to come from it.
 *
 * @example
 * ```ts
 * VerifyRequestSchema.safeParse({ input, result }).success; //=> true
 * ```
 */
export const VerifyRequestSchema = z.strictObject({ input: z.unknown(), result: z.unknown() });

/**
 * One difference `verify` found: the path, the recomputed value (`expected`) and the value in the
 * result sent (`actual`); a side that lacks the field has no key.
 *
 * @example
 * ```ts
 * DifferenceSchema.parse({ path: ["total"], expected: "94.51", actual: "94.61" });
 * ```
 */
export const DifferenceSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  expected: z.optional(z.unknown()),
  actual: z.optional(z.unknown()),
});

/**
 * The answer of `POST /v1/verify`.
 *
 * @example
 * ```ts
 * VerifyResponseSchema.parse({ ok: true, differences: [] });
 * ```
 */
export const VerifyResponseSchema = z.object({ ok: z.boolean(), differences: z.array(DifferenceSchema) });

/**
 * Where a parameter's value comes from (docs/assumptions.md).
 *
 * @example
 * ```ts
 * ProvenanceSchema.parse({ kind: "assumed", assumption: "rounding" });
 * ```
 */
export const ProvenanceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("clause"), clauses: z.array(z.string()) }),
  z.object({ kind: z.literal("assumed"), assumption: z.enum(ASSUMPTIONS) }),
  z.object({ kind: z.literal("policy"), policy: z.string() }),
]);

/**
 * A policy as `policy --json` prints it: id, label, base, and every parameter with its value and
 * provenance.
 *
 * @example
 * ```ts
 * PolicyDocumentSchema.safeParse(xuancheng2022).success; //=> true
 * ```
 */
export const PolicyDocumentSchema = z.object({
  id: z.string(),
  label: z.string(),
  base: z.nullable(z.string()),
  parameters: z.record(z.string(), z.object({ value: z.unknown(), provenance: ProvenanceSchema })),
});

/**
 * The answer of `GET /healthz`.
 *
 * @example
 * ```ts
 * HealthSchema.parse({ ok: true, version: "0.2.0", worker: 1 });
 * ```
 */
export const HealthSchema = z.object({ ok: z.literal(true), version: z.string(), worker: z.int().check(z.minimum(1)) });

/**
 * An error line of `POST /v1/score/batch` (as `score --batch` writes it).
 *
 * @example
 * ```ts
 * BatchErrorLineSchema.parse({ line: 3, error: { issues: [] } });
 * ```
 */
export const BatchErrorLineSchema = z.object({ line: z.int().check(z.minimum(1)), error: IssuesBodySchema });

/**
 * A policy named in a body: the id of a loaded policy, or the overrides `definePolicy` takes.
 *
 * @example
 * ```ts
 * PolicyRefSchema.parse("xuancheng-2022");
 * PolicyRefSchema.parse({ id: "city-2023", complaintDeduction: 2 });
 * ```
 */
export const PolicyRefSchema = z.union([z.string(), PolicyOverridesSchema]);

/**
 * The body of `POST /v1/compare` (docs/sensitivity.md): the inputs, the base (default the preset) and the
 * candidate policy, and the grouping.
 *
 * @example
 * ```ts
 * CompareRequestSchema.safeParse({ inputs, candidate: "city-2023" }).success; //=> true
 * ```
 */
export const CompareRequestSchema = z.strictObject({
  inputs: z.array(ScoreInputSchema),
  base: z.optional(PolicyRefSchema),
  candidate: PolicyRefSchema,
  by: z.optional(z.enum(RANK_GROUPINGS)),
});

/**
 * The body of `POST /v1/sensitivity` (docs/sensitivity.md): the inputs, the policy (default the preset), the
 * ranges, samples, seed and grouping.
 *
 * @example
 * ```ts
 * SensitivityRequestSchema.safeParse({ inputs, samples: 200, seed: 7 }).success; //=> true
 * ```
 */
export const SensitivityRequestSchema = z.strictObject({
  inputs: z.array(ScoreInputSchema),
  policy: z.optional(PolicyRefSchema),
  ranges: z.optional(RangesSchema),
  samples: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(0xffff_ffff))),
  by: z.optional(z.enum(RANK_GROUPINGS)),
});

/** A participant id, as the library checks it (1–100 characters). */
const ParticipantId = ParticipantSchema.shape.id;

/**
 * One participant a tally takes (docs/ballots.md): an id, a roster entry (`{ id, … }`) or an
 * input (`{ participant: { id, … }, … }`); only the id is read.
 *
 * @example
 * ```ts
 * TallyParticipantSchema.safeParse("cgjdk").success; //=> true
 * TallyParticipantSchema.safeParse({ id: "cgjdk", name: "城管监督科", category: "public-service" }).success; //=> true
 * ```
 */
export const TallyParticipantSchema = z.union([
  ParticipantId,
  z.looseObject({ id: ParticipantId }),
  z.looseObject({ participant: z.looseObject({ id: ParticipantId }) }),
]);

/**
 * The body of `POST /v1/tally` (docs/service.md): one ballot box, the participants its marks
 * may name (in the order the tally lists them), and the policy whose ballot rules apply — the id
 * of a loaded policy or the overrides `definePolicy` takes (default the preset, or the query's
 * `policy`).
 *
 * @example
 * ```ts
 * TallyRequestSchema.safeParse({ box, participants: ["cgjdk"], policy: { id: "strict", repeatedRater: "first" } }).success; //=> true
 * ```
 */
export const TallyRequestSchema = z.strictObject({
  box: BoxSchema,
  participants: z.array(TallyParticipantSchema),
  policy: z.optional(PolicyRefSchema),
});

/**
 * The envelope of a `POST /v1/tally` body: its keys only (an unknown key is an issue), the box
 * and the participants left to `safeTally`, which checks them with its own messages.
 *
 * @example
 * ```ts
 * TallyEnvelopeSchema.safeParse({ box: {}, participants: [], lang: "en" }).success; //=> false
 * ```
 */
export const TallyEnvelopeSchema = z.strictObject({ box: z.unknown(), participants: z.unknown(), policy: z.optional(z.unknown()) });

/**
 * The envelope of a body: its keys only (an unknown key is an issue, `inputs` an array), the
 * values left to the library, which checks them with its own messages.
 *
 * @example
 * ```ts
 * envelopeOf(CompareRequestSchema).safeParse({ inputs: [], extra: 1 }).success; //=> false
 * ```
 */
export function envelopeOf(schema: typeof CompareRequestSchema | typeof SensitivityRequestSchema): z.ZodMiniType<{ inputs: unknown[] } & Record<string, unknown>> {
  const keys = Object.keys(schema.shape).filter((key) => key !== "inputs");
  return z.strictObject({ inputs: z.array(z.unknown()), ...Object.fromEntries(keys.map((key) => [key, z.optional(z.unknown())])) }) as unknown as z.ZodMiniType<
    { inputs: unknown[] } & Record<string, unknown>
  >;
}
