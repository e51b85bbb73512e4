/**
 * The OpenAPI 3.0.3 form of the service's contract, converted from the 3.1 document rather than
 * written twice: generators for Java and C# (AutoRest, openapi-generator) read 3.0 only, and
 * reject the JSON Schema 2020-12 keywords a 3.1 document may use (docs/service.md, "The contract
 * in OpenAPI 3.0"). Every conversion keeps what a body may be, or widens it where 3.0 has no word
 * for the constraint (a tuple, a conditional); it never narrows it, so every body valid against the
 * 3.1 document is valid against the 3.0 one. The service still checks what 3.0 cannot say.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords of JSON Schema 2020-12 that OpenAPI 3.0's Schema Object does not have, dropped with no equivalent. */
const DROPPED = [
  "$schema",
  "$id",
  "$anchor",
  "$dynamicAnchor",
  "$dynamicRef",
  "$comment",
  "$defs",
  "definitions",
  "if",
  "then",
  "else",
  "contains",
  "minContains",
  "maxContains",
  "unevaluatedItems",
  "unevaluatedProperties",
  "dependentRequired",
  "dependentSchemas",
  "patternProperties",
  "contentMediaType",
  "contentEncoding",
  "contentSchema",
] as const;

/** Keywords whose value is a schema, besides `items` and `additionalProperties`. */
const SCHEMA_VALUED = ["not"] as const;

/** Words about a schema that constrain nothing. */
const ANNOTATIONS = ["title", "description", "example", "examples", "deprecated", "readOnly", "writeOnly", "default"];

const isNullSchema = (schema: unknown): boolean => isObject(schema) && schema["type"] === "null" && Object.keys(schema).every((key) => ["type", "title", "description"].includes(key));

/**
 * The schema that `null` alone satisfies: 3.0.3 adds `null` to a type only by `nullable` beside a
 * `type`, and the `enum` then leaves `null` only.
 */
const NULL_ONLY: Json = { type: "string", nullable: true, enum: [null] };

/**
 * A schema that also allows `null`: `nullable` beside its type (3.0.3 adds `null` to the type
 * stated beside it), `null` added to its `enum`; a reference or a schema without a type, `anyOf`
 * it and {@link NULL_ONLY}.
 */
function withNull(schema: Json): Json {
  if ("$ref" in schema || typeof schema["type"] !== "string") return { anyOf: [schema, NULL_ONLY] };
  const list = schema["enum"];
  return Array.isArray(list) && !list.includes(null) ? { ...schema, enum: [...list, null], nullable: true } : { ...schema, nullable: true };
}

/**
 * One schema in OpenAPI 3.0's dialect.
 *
 * - `const: v` becomes `enum: [v]`; `examples: [a, …]` becomes `example: a`.
 * - `type: [T, "null"]` becomes `type: T, nullable: true`; `anyOf`/`oneOf` with a `{ "type": "null" }`
 *   branch loses the branch and allows `null` on the others (`nullable`); `type: [T, U]` becomes
 *   `anyOf` of the types.
 * - A numeric `exclusiveMinimum`/`exclusiveMaximum` becomes the bound with the boolean form.
 * - `prefixItems` (a tuple) becomes `items` that any of the tuple's schemas satisfies, its length
 *   kept by `minItems`/`maxItems`.
 * - `propertyNames` with an `enum` becomes those properties, each with the schema of
 *   `additionalProperties`, and no others; any other `propertyNames` goes (every JSON key is a string).
 * - `if`/`then`/`else`, `$defs` and the other keywords 3.0 lacks go (the service checks them).
 * - A `$ref` with other keywords beside it is wrapped in `allOf`, since 3.0 ignores the siblings of
 *   a `$ref`; `required: []` goes; `true` becomes `{}` and `false` `{ "not": {} }`.
 *
 * @param schema - A JSON Schema 2020-12 schema as an OpenAPI 3.1 document holds it.
 * @returns The schema for an OpenAPI 3.0.3 document.
 * @example
 * ```ts
 * toSchema30({ type: ["string", "null"], const: "x" }); //=> { type: "string", nullable: true, enum: ["x"] }
 * ```
 */
export function toSchema30(schema: unknown): Json {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (!isObject(schema)) throw new TypeError(`not a schema: ${JSON.stringify(schema)}`);
  const out: Json = {};
  let nullable = false;
  for (const [key, value] of Object.entries(schema)) {
    if ((DROPPED as readonly string[]).includes(key)) continue;
    switch (key) {
      case "const":
        out["enum"] = [value];
        break;
      case "examples":
        if (Array.isArray(value) && value.length > 0) out["example"] = value[0];
        break;
      case "type":
        if (Array.isArray(value)) {
          const types = value.filter((t) => t !== "null");
          nullable ||= types.length < value.length;
          if (types.length === 1) out["type"] = types[0];
          else if (types.length > 1) out["anyOf"] = types.map((type) => (types.length < value.length ? { type, nullable: true } : { type }));
          else Object.assign(out, NULL_ONLY);
        } else if (value === "null") Object.assign(out, NULL_ONLY);
        else out["type"] = value;
        break;
      case "exclusiveMinimum":
      case "exclusiveMaximum":
        if (typeof value === "number") {
          out[key === "exclusiveMinimum" ? "minimum" : "maximum"] = value;
          out[key] = true;
        } else out[key] = value;
        break;
      case "minimum":
      case "maximum":
        // A numeric exclusive bound given too is the tighter one, or states the same bound.
        if (typeof schema[key === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum"] !== "number") out[key] = value;
        break;
      case "prefixItems":
        break;
      case "propertyNames":
        break;
      case "required":
        if (Array.isArray(value) && value.length > 0) out[key] = value;
        break;
      case "properties":
        out[key] = Object.fromEntries(Object.entries(value as Json).map(([name, sub]) => [name, toSchema30(sub)]));
        break;
      case "allOf":
      case "anyOf":
      case "oneOf": {
        const branches = value as unknown[];
        const kept = branches.filter((branch) => !isNullSchema(branch));
        if (kept.length < branches.length) {
          nullable = true;
          if (kept.length === 0) Object.assign(out, NULL_ONLY);
          else if (kept.length === 1 && key !== "allOf") Object.assign(out, { [key]: [toSchema30(kept[0])] });
          else out[key] = kept.map((branch) => withNull(toSchema30(branch)));
        } else if (key === "allOf") {
          // A part left with words only (a conditional gone) says nothing: it goes, and an empty allOf with it.
          const parts = branches.map(toSchema30).filter((part) => Object.keys(part).some((k) => !ANNOTATIONS.includes(k)));
          if (parts.length > 0) out[key] = parts;
        } else out[key] = branches.map(toSchema30);
        break;
      }
      case "additionalProperties":
        out[key] = typeof value === "boolean" ? value : toSchema30(value);
        break;
      case "items":
        if (value !== false || !Array.isArray(schema["prefixItems"])) out[key] = toSchema30(value);
        break;
      default:
        out[key] = (SCHEMA_VALUED as readonly string[]).includes(key) ? toSchema30(value) : value;
    }
  }
  const prefix = schema["prefixItems"];
  if (Array.isArray(prefix)) {
    const unique = [...new Map(prefix.map((item) => [JSON.stringify(item), toSchema30(item)])).values()];
    out["items"] = unique.length === 1 ? unique[0] : { anyOf: unique };
    out["minItems"] ??= prefix.length;
    if (schema["items"] === false) out["maxItems"] ??= prefix.length;
  }
  const names = schema["propertyNames"];
  if (isObject(names) && Array.isArray(names["enum"]) && schema["additionalProperties"] !== undefined && !("properties" in schema)) {
    const each = toSchema30(schema["additionalProperties"]);
    out["properties"] = Object.fromEntries(names["enum"].map((name) => [String(name), each]));
    out["additionalProperties"] = false;
  }
  return finish(out, nullable);
}

/** Applies `nullable`, and wraps a `$ref` that has siblings. */
function finish(out: Json, nullable: boolean): Json {
  let result = out;
  if ("$ref" in result && Object.keys(result).length > 1) {
    const { $ref, ...rest } = result;
    result = { ...rest, allOf: [{ $ref }, ...((rest["allOf"] as Json[] | undefined) ?? [])] };
  }
  if (!nullable) return result;
  // A single branch left of `anyOf: [X, null]` is X itself, allowing null.
  for (const key of ["anyOf", "oneOf"] as const) {
    const list = result[key];
    if (Array.isArray(list) && list.length === 1 && isObject(list[0])) {
      const { [key]: _single, ...rest } = result;
      const branch = list[0];
      if ("$ref" in branch || Object.keys(branch).some((k) => k in rest)) return { ...rest, anyOf: [branch, NULL_ONLY] };
      return withNull({ ...rest, ...branch });
    }
    if (Array.isArray(list)) return result; // each branch allows null already
  }
  return withNull(result);
}

/** Converts the schemas wherever the document holds them: components, parameters, headers, media types. */
function convertNode(node: unknown, key?: string): unknown {
  if (key === "schema" || key === "x-line-schema") return toSchema30(node);
  if (Array.isArray(node)) return node.map((item) => convertNode(item));
  if (!isObject(node)) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, convertNode(v, k)]));
}

/**
 * The OpenAPI 3.0.3 document of a 3.1 one (the service's own, {@link openApiDocument}): the same
 * paths, operations, parameters, answers and security, each schema through {@link toSchema30};
 * `info.summary` and `info.license.identifier`, which 3.0 lacks, go.
 *
 * @param doc - An OpenAPI 3.1 document whose schemas are all in `components.schemas` or inline.
 * @returns The 3.0.3 document; the input is not changed.
 * @example
 * ```ts
 * toOpenApi30(openApiDocument("0.2.0", SERVICE_DEFAULTS)).openapi; //=> "3.0.3"
 * ```
 */
export function toOpenApi30(doc: Json): Json {
  const { openapi: _version, jsonSchemaDialect: _dialect, webhooks: _hooks, info, components, ...rest } = doc;
  const { summary: _summary, license, ...infoRest } = (info ?? {}) as Json;
  const { identifier, ...licenseRest } = (license ?? {}) as Json;
  const { schemas, pathItems: _items, ...otherComponents } = (components ?? {}) as Json;
  return {
    openapi: "3.0.3",
    // 3.0's license has a url where 3.1's may have an SPDX identifier: the SPDX page of that licence.
    info: {
      ...infoRest,
      ...(license === undefined ? {} : { license: { ...licenseRest, ...(typeof identifier === "string" ? { url: `https://spdx.org/licenses/${identifier}.html` } : {}) } }),
    },
    ...(convertNode(rest) as Json),
    components: {
      ...(schemas === undefined ? {} : { schemas: Object.fromEntries(Object.entries(schemas as Json).map(([name, schema]) => [name, toSchema30(schema)])) }),
      ...(convertNode(otherComponents) as Json),
    },
  };
}
