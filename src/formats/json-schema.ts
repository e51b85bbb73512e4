/**
 * The JSON Schemas (draft 2020-12) of the input, the policy overrides and the result. The input's
 * is written from the input's declaration (`src/model/input.ts`: the same keys, optional fields,
 * value rules and bounds the library reads); the policy's and the result's from their zod
 * schemas. Every definition and property has a title and a description in Chinese and English.
 * The build writes them to `schemas/*.schema.json`; the `schema` command prints the same text.
 *
 * Every pattern gives the same verdict in ECMAScript, Java and Python: explicit character classes
 * only (no `\d`, `\s`, `\S`, `\w`), `^` at the start, and the end written
 * `$(?![\n\r\u0085\u2028\u2029])`, since Java's and Python's `$` also match before a final line
 * terminator (so `^…$` lets `"1.5\n"` through there). What a JSON Schema cannot say is listed in
 * `docs/formats.md`.
 */
import * as z from "zod/mini";
import { PolicyOverridesSchema, ScoreResultSchema } from "../index.js";
import type { Value } from "../model/declare.js";
import { ScoreInputValue } from "../model/input.js";
import { BoxValue } from "../model/ballots.js";
import { DateText, NumText } from "../model/values.js";
import { DEFINITION_DOCS, PROPERTY_DOCS, bilingual } from "./schema-docs.js";

/**
 * The schemas there are, by the name the CLI takes.
 *
 * @example
 * ```ts
 * for (const kind of SCHEMA_KINDS) writeFileSync(`schemas/${kind}.schema.json`, jsonSchemaText(kind));
 * ```
 */
export const SCHEMA_KINDS = ["input", "policy", "result", "box"] as const;
/**
 * A schema name: `input`, `policy`, `result` or `box` (a ballot box, docs/ballots.md).
 *
 * @example
 * ```ts
 * const kind: SchemaKind = "result";
 * ```
 */
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

type JsonSchema = Record<string, unknown>;

/** The end of a string, the same in ECMAScript, Java and Python (see above). */
const END = "$(?![\\n\\r\\u0085\\u2028\\u2029])";
const YEAR = "(?:19(?:49|[5-9][0-9])|20[0-9][0-9])";
const LEAP_YEAR = "(?:19(?:[68][048]|[579][26])|20(?:[02468][048]|[13579][26]))";
const MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)";
const POSITIVE_FRACTION = "(?:[1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9])";
/** The characters JavaScript's `trim()` removes, which a reason must not consist of only. */
const TRIMMED = "\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

/**
 * The patterns of the schemas, for the tests that run them in several regular-expression engines.
 *
 * @example
 * ```ts
 * new RegExp(SCHEMA_PATTERNS.num, "u").test("1.5\n"); //=> false
 * ```
 */
export const SCHEMA_PATTERNS = {
  num: `^(?:0|[1-9][0-9]{0,8})(?:\\.[0-9]{1,6})?${END}`,
  positiveNum: `^(?:[1-9][0-9]{0,8}(?:\\.[0-9]{1,6})?|0\\.${POSITIVE_FRACTION})${END}`,
  leaderScore: `^(?:[0-9](?:\\.[0-9]{1,6})?|10(?:\\.0{1,6})?)${END}`,
  date: `^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)${END}`,
  fixed: `^(?:0|[1-9][0-9]*)(?:\\.[0-9]{1,4})?${END}`,
  nonBlank: `[^${TRIMMED}]`,
} as const;

const NUM_MAX = 999999999.999999;
const withDoc = (name: string, schema: JsonSchema): JsonSchema => {
  const doc = DEFINITION_DOCS[name];
  if (doc === undefined) throw new Error(`no title for the definition ${name}`);
  return { title: bilingual(doc, "title"), description: bilingual(doc, "description"), ...schema };
};

const DEFS: Readonly<Record<string, JsonSchema>> = {
  Num: withDoc("Num", { anyOf: [{ type: "number", minimum: 0, maximum: NUM_MAX }, { type: "string", pattern: SCHEMA_PATTERNS.num }] }),
  PositiveNum: withDoc("PositiveNum", {
    anyOf: [{ type: "number", exclusiveMinimum: 0, maximum: NUM_MAX }, { type: "string", pattern: SCHEMA_PATTERNS.positiveNum }],
  }),
  LeaderScore: withDoc("LeaderScore", { anyOf: [{ type: "number", minimum: 0, maximum: 10 }, { type: "string", pattern: SCHEMA_PATTERNS.leaderScore }] }),
  Date: withDoc("Date", { type: "string", pattern: SCHEMA_PATTERNS.date }),
  Fixed: withDoc("Fixed", { type: "string", pattern: SCHEMA_PATTERNS.fixed }),
  Mark: withDoc("Mark", {
    anyOf: [
      { type: "string" },
      { type: "null" },
      { type: "array", items: { anyOf: [{ type: "string" }, { type: "null" }] } },
    ],
  }),
};
const ref = (name: keyof typeof DEFS & string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** A property's schema with its title and description first. */
function documented(key: string, schema: JsonSchema): JsonSchema {
  const doc = PROPERTY_DOCS[key];
  if (doc === undefined) throw new Error(`no title for the property ${key}`);
  return { title: bilingual(doc, "title"), description: bilingual(doc, "description"), ...schema };
}

/** The JSON Schema of a declared value rule. */
function fromDeclaration(rule: Value): JsonSchema {
  const shape = rule.shape;
  switch (shape.kind) {
    case "text":
      return { type: "string", ...(shape.min > 0 ? { minLength: shape.min } : {}), maxLength: shape.max };
    case "date":
      return ref("Date");
    case "num":
      if (shape.max === undefined) return ref("Num");
      if (shape.max !== 10) throw new Error(`no JSON Schema for a Num of at most ${shape.max}`);
      return ref("LeaderScore");
    case "amount":
      return ref("PositiveNum");
    case "int":
      return { type: "integer", minimum: shape.min, ...(shape.max < Number.MAX_SAFE_INTEGER ? { maximum: shape.max } : { maximum: Number.MAX_SAFE_INTEGER }) };
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "string", enum: [...shape.values] };
    case "list":
      return { type: "array", items: fromDeclaration(shape.item) };
    case "record": {
      const key = shape.key.shape;
      const names = key.kind === "text" ? { propertyNames: { ...(key.min > 0 ? { minLength: key.min } : {}), maxLength: key.max } } : {};
      return { type: "object", ...names, additionalProperties: fromDeclaration(shape.item) };
    }
    case "mark":
      return ref("Mark");
    case "object": {
      const entries = Object.entries(shape.fields);
      return {
        type: "object",
        properties: Object.fromEntries(entries.map(([key, field]) => [key, documented(key, fromDeclaration(field))])),
        required: entries.filter(([, field]) => !field.optional).map(([key]) => key),
        additionalProperties: false,
      };
    }
  }
}

/** Whether a zod schema is the text rule of `Num` (zod walks the pipe's input side). */
function isNum(schema: unknown): boolean {
  return schema === NumText || schema === (NumText._zod as { parent?: unknown }).parent;
}

/** Result fields that hold points: fixed-point strings with the policy's decimals. */
const FIXED_FIELDS = new Set(["daily", "comprehensive", "base", "total", "points", "uncapped", "cap"]);

/** Gives every property its title and description and every score field of a result its pattern. */
function document(node: unknown, kind: SchemaKind): unknown {
  if (Array.isArray(node)) return node.map((item) => document(item, kind));
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (key === "properties" && value !== null && typeof value === "object") {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, schema]) => {
          let inner = document(schema, kind) as JsonSchema;
          if (kind === "result" && FIXED_FIELDS.has(name) && inner["type"] === "string") inner = { ...inner, pattern: SCHEMA_PATTERNS.fixed };
          return [name, documented(name, inner)];
        }),
      );
    } else {
      out[key] = document(value, kind);
    }
  }
  return out;
}

/**
 * The JSON Schema (draft 2020-12) of any of the package's zod schemas, as the shipped schemas are
 * made: `Num` as a named definition with its patterns, dates with theirs. The service's OpenAPI
 * document is built with it.
 *
 * @param schema - A zod schema of the package (or one built from its parts).
 * @param io - `"input"` for what is read, `"output"` for what is written.
 * @param named - Parts to emit as named definitions (`$ref`) rather than inline, with their names.
 * @returns The JSON Schema, with `$schema` and its named definitions in `$defs`.
 * @example
 * ```ts
 * toJsonSchema(RankEntrySchema, "output").type; //=> "object"
 * ```
 */
export function toJsonSchema(schema: z.ZodMiniType, io: "input" | "output", named: readonly (readonly [z.ZodMiniType, string])[] = []): JsonSchema {
  const metadata = z.registry<{ id?: string }>();
  for (const [part, id] of named) metadata.add(part, { id });
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    metadata,
    unrepresentable: (ctx) => (isNum(ctx.zodSchema) ? ref("Num") : "throw"),
    override: (ctx) => {
      if (isNum(ctx.zodSchema)) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, ref("Num"));
      } else if (ctx.zodSchema === DateText) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key];
        Object.assign(ctx.jsonSchema, ref("Date"));
      }
    },
  }) as JsonSchema;
  const text = JSON.stringify(generated);
  const $defs: JsonSchema = { ...((generated["$defs"] as JsonSchema | undefined) ?? {}) };
  for (const [name, def] of Object.entries(DEFS)) if (text.includes(`"#/$defs/${name}"`)) $defs[name] = def;
  return Object.keys($defs).length === 0 ? generated : { ...generated, $defs };
}

function fromZod(kind: "policy" | "result"): JsonSchema {
  const { $defs: _defs, ...rest } = toJsonSchema(kind === "policy" ? PolicyOverridesSchema : ScoreResultSchema, kind === "result" ? "output" : "input");
  return rest;
}

/** The rules across fields of the input that a JSON Schema can state. */
function addConditionals(schema: JsonSchema): void {
  const items = (list: string): JsonSchema => ((schema["properties"] as Record<string, JsonSchema>)[list]?.["items"] ?? {}) as JsonSchema;
  items("commendations")["allOf"] = [
    {
      description: "授予单位的表彰须填写 awarded，其他表彰不得填写（附件2-三.2） / A unit commendation carries awarded (附件2-三.2); a participant or section commendation does not.",
      if: { properties: { recipient: { const: "unit" } }, required: ["recipient"] },
      then: { required: ["awarded"] },
      else: { not: { required: ["awarded"] } },
    },
  ];
  items("vetoes")["allOf"] = [
    {
      description: "依据为 other 的否决须填写非空白的 reason（附件2-四.5） / A veto on the ground \"other\" (附件2-四.5) needs a reason that is not blank.",
      if: { properties: { ground: { const: "other" } }, required: ["ground"] },
      then: { required: ["reason"], properties: { reason: { type: "string", pattern: SCHEMA_PATTERNS.nonBlank } } },
    },
  ];
}

const HEADS: Readonly<Record<SchemaKind, { title: string; description: string }>> = {
  input: {
    title: "五比五评 考评输入 / wubi-wuping score input",
    description:
      "score() 与 wubi-wuping score 读取的一个对象一个年度的输入（docs/formats.md）。本模式无法表达的规则见 docs/formats.md：同一列表内编号重复、得分高于本轮满分、依政策而定的小数位数、缺少考评项目、JSON 数值的十进制写法。 / One participant-year as score() and `wubi-wuping score` read it (docs/formats.md). What this schema cannot say is listed in docs/formats.md: ids repeated within a list, a score above its own outOf, decimals that depend on the policy, a missing component, a JSON number's decimal grammar.",
  },
  policy: {
    title: "五比五评 政策覆盖项 / wubi-wuping policy overrides",
    description:
      "definePolicy() 与 --policy FILE 接受的对象（docs/assumptions.md）：新的 id 及要修改的参数。数值之间的顺序与小数位数由本库检查。 / The JSON object definePolicy() and `--policy FILE` accept (docs/assumptions.md): a new id and the parameters to change. Orders between values and decimals are checked by the library.",
  },
  box: {
    title: "五比五评 测评票箱 / wubi-wuping ballot box",
    description:
      "tally() 与 wubi-wuping tally 读取的一次测评的票箱（docs/ballots.md）：考评年度、考评项目、测评日期、发出票数（可选）和每张测评票。本模式无法表达的规则：票号重复、评价了名单之外的对象、选项经 NFKC 规范化后的比较、收回多于发出、收回率、评价人类别须全有或全无。 / One survey's ballot box as tally() and `wubi-wuping tally` read it (docs/ballots.md): the year, the component, the survey date, the ballots issued (optional) and every ballot. What this schema cannot say: repeated ballot ids, marks for someone not among the participants, marks compared after NFKC, more ballots returned than issued, the quorum, and that either every ballot names its rater group or none does.",
  },
  result: {
    title: "五比五评 考评结果 / wubi-wuping score result",
    description: "score() 与 wubi-wuping score --json 的结果（docs/formats.md）：纯数据，每个分数为定点数字符串。 / The result of score() and `wubi-wuping score --json` (docs/formats.md): plain data, every score a fixed-point string.",
  },
};

/**
 * The JSON Schema of an input, a policy or a result: draft 2020-12, with `$id`, `title` and
 * `description` first.
 *
 * @param kind - `input`, `policy` or `result`.
 * @returns The JSON Schema.
 * @example
 * ```ts
 * jsonSchemaOf("input").$schema; //=> "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export function jsonSchemaOf(kind: SchemaKind): JsonSchema {
  let body: JsonSchema;
  if (kind === "input") {
    body = fromDeclaration(ScoreInputValue);
    addConditionals(body);
  } else if (kind === "box") {
    body = fromDeclaration(BoxValue);
  } else {
    const { $schema: _schema, ...rest } = fromZod(kind);
    body = rest;
  }
  const documentedBody = document(body, kind) as JsonSchema;
  const used = JSON.stringify(documentedBody);
  const $defs = Object.fromEntries(Object.entries(DEFS).filter(([name]) => used.includes(`"#/$defs/${name}"`)));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `urn:wubi-wuping:schema:${kind}`,
    ...HEADS[kind],
    ...documentedBody,
    $defs,
  };
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
