/**
 * The JSON Schemas of the input, the policy overrides and the result, generated from the zod
 * schemas with `z.toJSONSchema`. The build writes them to `schemas/*.schema.json`; the `schema`
 * command prints the same text. Target: JSON Schema draft-07, the draft most validators of other
 * platforms (Java, .NET) support.
 */
import * as z from "zod/mini";
import { PolicyOverridesSchema, ScoreInputSchema, ScoreResultSchema } from "../index.js";
import { NUM_PATTERN } from "../decimal.js";
import { DateText, Num } from "../model/values.js";

/**
 * The schemas there are, by the name the CLI takes.
 *
 * @example
 * ```ts
 * for (const kind of SCHEMA_KINDS) writeFileSync(`schemas/${kind}.schema.json`, jsonSchemaText(kind));
 * ```
 */
export const SCHEMA_KINDS = ["input", "policy", "result"] as const;
/**
 * A schema name: `input`, `policy` or `result`.
 *
 * @example
 * ```ts
 * const kind: SchemaKind = "result";
 * ```
 */
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a `Num` (SPEC §4): a non-negative JSON number, or a decimal string. */
const NUM_JSON_SCHEMA: JsonSchema = {
  description:
    "A decimal value (SPEC §4): a JSON number, or a string such as \"23.5\", without sign or exponent, with at most 9 integer and 6 decimal digits. A JSON number is read through its shortest decimal text, which must match the same pattern (so 1e-7 is refused).",
  anyOf: [
    { type: "number", minimum: 0, maximum: 999999999.999999 },
    { type: "string", pattern: NUM_PATTERN.source },
  ],
};

const DATE_PATTERN = "^(19[4-9][0-9]|20[0-9][0-9])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

const HEADS: Readonly<Record<SchemaKind, { title: string; description: string }>> = {
  input: {
    title: "wubi-wuping score input",
    description:
      "One participant-year as score() and `wubi-wuping score` read it (SPEC §8). The library checks more than this schema can say: ids unique within each list, a round's score not above its outOf, real calendar days, decimals within the policy's, unit-commendation ceilings, and components that have something to count.",
  },
  policy: {
    title: "wubi-wuping policy overrides",
    description:
      "The JSON object definePolicy() and `--policy FILE` accept (SPEC §2): a new id and the parameters to change. Orders between values (weights non-increasing, points non-decreasing, tier thresholds decreasing) and decimals are checked by the library.",
  },
  result: {
    title: "wubi-wuping score result",
    description: "The result of score() and `wubi-wuping score --json` (SPEC §8): plain data, every score a fixed-point string.",
  },
};

const ZOD_SCHEMAS = { input: ScoreInputSchema, policy: PolicyOverridesSchema, result: ScoreResultSchema } as const;

/** Whether a zod schema is `Num` or the bare `z.custom` it was built from (zod walks both). */
function isNum(schema: unknown): boolean {
  return schema === Num || schema === (Num._zod as { parent?: unknown }).parent;
}

/**
 * The JSON Schema of any of the package's zod schemas, as the shipped schemas are made: `Num` and
 * dates as named definitions with their patterns. The service's OpenAPI document is built with it.
 *
 * @param schema - A zod schema of the package (or one built from its parts).
 * @param io - `"input"` for what is read, `"output"` for what is written.
 * @param named - Parts to emit as named definitions (`$ref`) rather than inline, with their names.
 * @returns The JSON Schema, with `$schema` and its named definitions.
 * @example
 * ```ts
 * toJsonSchema(RankEntrySchema, "output").type; //=> "object"
 * ```
 */
export function toJsonSchema(schema: z.ZodMiniType, io: "input" | "output", named: readonly (readonly [z.ZodMiniType, string])[] = []): JsonSchema {
  const metadata = z.registry<{ id?: string }>();
  metadata.add(Num, { id: "Num" });
  metadata.add(DateText, { id: "Date" });
  for (const [part, id] of named) metadata.add(part, { id });
  const generated = z.toJSONSchema(schema, {
    target: "draft-07",
    io,
    metadata,
    unrepresentable: (ctx) => (isNum(ctx.zodSchema) ? { ...NUM_JSON_SCHEMA } : "throw"),
    override: (ctx) => {
      if (isNum(ctx.zodSchema)) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, NUM_JSON_SCHEMA);
      } else if (ctx.zodSchema === DateText) {
        Object.assign(ctx.jsonSchema, {
          description: "A real calendar day written YYYY-MM-DD, year 1949..2099 (the library also refuses days such as 2023-02-29).",
          pattern: DATE_PATTERN,
          format: "date",
        });
      }
    },
  });
  return simplifyRefs(generated) as JsonSchema;
}

function generate(kind: SchemaKind): JsonSchema {
  return toJsonSchema(ZOD_SCHEMAS[kind], kind === "result" ? "output" : "input");
}

function at(schema: JsonSchema, ...path: string[]): JsonSchema | undefined {
  let node: unknown = schema;
  for (const key of path) node = node !== null && typeof node === "object" ? (node as JsonSchema)[key] : undefined;
  return node !== null && typeof node === "object" ? (node as JsonSchema) : undefined;
}

/** `{ "allOf": [{ "$ref": … }] }` with nothing else (zod's form for an optional reference) → `{ "$ref": … }`. */
function simplifyRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyRefs);
  if (node === null || typeof node !== "object") return node;
  const entries = Object.entries(node as JsonSchema);
  const allOf = (node as JsonSchema)["allOf"];
  if (entries.length === 1 && Array.isArray(allOf) && allOf.length === 1) {
    const only: unknown = allOf[0];
    if (only !== null && typeof only === "object" && Object.keys(only).length === 1 && "$ref" in only) return { ...only };
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, simplifyRefs(value)]));
}

/** Adds the conditional rules the zod checks enforce and JSON Schema can state. */
function addConditionals(kind: SchemaKind, schema: JsonSchema): void {
  if (kind !== "input") return;
  const commendation = at(schema, "properties", "commendations", "items");
  if (commendation !== undefined) {
    commendation["allOf"] = [
      {
        description: "A unit commendation carries awarded (附件2-三.2); a participant or section commendation does not.",
        if: { properties: { recipient: { const: "unit" } }, required: ["recipient"] },
        then: { required: ["awarded"] },
        else: { not: { required: ["awarded"] } },
      },
    ];
  }
  const veto = at(schema, "properties", "vetoes", "items");
  if (veto !== undefined) {
    veto["allOf"] = [
      {
        description: "A veto on the ground \"other\" (附件2-四.5) needs a reason.",
        if: { properties: { ground: { const: "other" } }, required: ["ground"] },
        then: { required: ["reason"], properties: { reason: { type: "string", pattern: "\\S" } } },
      },
    ];
  }
}

/**
 * The JSON Schema of an input, a policy or a result, as an object with `$schema`, `title` and
 * `description` first.
 *
 * @param kind - `input`, `policy` or `result`.
 * @returns A draft-07 JSON Schema.
 * @example
 * ```ts
 * jsonSchemaOf("input").title; //=> "wubi-wuping score input"
 * ```
 */
export function jsonSchemaOf(kind: SchemaKind): JsonSchema {
  const generated = generate(kind);
  addConditionals(kind, generated);
  const { $schema, ...rest } = generated;
  return { $schema, ...HEADS[kind], ...rest };
}

/**
 * The text of a schema file: the JSON Schema with 2-space indentation and a final newline.
 *
 * @example
 * ```ts
 * jsonSchemaText("policy").startsWith('{\n  "$schema"'); //=> true
 * ```
 */
export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`;
}
