/**
 * The conversion of a 3.1 document's schemas to OpenAPI 3.0.3 (src/openapi30.ts): each 3.1-only
 * keyword in its 3.0 form, keeping what a value may be, or widening it where 3.0 has no word for
 * the constraint.
 */
import { describe, expect, it } from "vitest";
import { toOpenApi30, toSchema30 } from "../src/openapi30.js";

const NULL_ONLY = { type: "string", nullable: true, enum: [null] };

describe("toSchema30", () => {
  it("turns const into a one-value enum and examples into an example", () => {
    expect(toSchema30({ type: "string", const: "clause", examples: ["a", "b"] })).toEqual({ type: "string", enum: ["clause"], example: "a" });
  });

  it("turns a null in a type list into nullable, with null added to an enum; several types into anyOf", () => {
    expect(toSchema30({ type: ["string", "null"] })).toEqual({ type: "string", nullable: true });
    expect(toSchema30({ type: ["string", "null"], enum: ["a", null] })).toEqual({ type: "string", enum: ["a", null], nullable: true });
    expect(toSchema30({ type: ["string", "number"] })).toEqual({ anyOf: [{ type: "string" }, { type: "number" }] });
    expect(toSchema30({ type: ["string", "number", "null"] })).toEqual({ anyOf: [{ type: "string", nullable: true }, { type: "number", nullable: true }] });
    expect(toSchema30({ type: "null" })).toEqual(NULL_ONLY);
  });

  it("drops the null branch of anyOf and allows null on what is left: a typed branch merged, a reference beside null-only", () => {
    const tier = { title: "tier", anyOf: [{ type: "string", enum: ["excellent", "competent"] }, { type: "null" }] };
    expect(toSchema30(tier)).toEqual({ title: "tier", type: "string", enum: ["excellent", "competent", null], nullable: true });
    expect(toSchema30({ description: "cap", anyOf: [{ $ref: "#/components/schemas/Num" }, { type: "null" }] })).toEqual({
      description: "cap",
      anyOf: [{ $ref: "#/components/schemas/Num" }, NULL_ONLY],
    });
    expect(toSchema30({ anyOf: [{ type: "integer" }, { type: "string" }, { type: "null" }] })).toEqual({
      anyOf: [
        { type: "integer", nullable: true },
        { type: "string", nullable: true },
      ],
    });
    expect(toSchema30({ oneOf: [{ type: "object", properties: {} }, { type: "null" }] })).toEqual({ type: "object", properties: {}, nullable: true });
  });

  it("turns numeric exclusive bounds into the boolean form", () => {
    expect(toSchema30({ type: "number", exclusiveMinimum: 0, maximum: 9 })).toEqual({ type: "number", minimum: 0, exclusiveMinimum: true, maximum: 9 });
    expect(toSchema30({ type: "number", minimum: 0, exclusiveMaximum: 5 })).toEqual({ type: "number", minimum: 0, maximum: 5, exclusiveMaximum: true });
  });

  it("turns a tuple into items any of its schemas satisfies, its length kept", () => {
    const pair = { type: "array", prefixItems: [{ $ref: "#/components/schemas/Num" }, { $ref: "#/components/schemas/Num" }], minItems: 2, maxItems: 2, items: false };
    expect(toSchema30(pair)).toEqual({ type: "array", items: { $ref: "#/components/schemas/Num" }, minItems: 2, maxItems: 2 });
    expect(toSchema30({ type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false })).toEqual({
      type: "array",
      items: { anyOf: [{ type: "string" }, { type: "integer" }] },
      minItems: 2,
      maxItems: 2,
    });
  });

  it("turns propertyNames with an enum into those properties; drops any other propertyNames", () => {
    expect(toSchema30({ type: "object", propertyNames: { type: "string", enum: ["a", "b"] }, additionalProperties: { type: "string" } })).toEqual({
      type: "object",
      properties: { a: { type: "string" }, b: { type: "string" } },
      additionalProperties: false,
    });
    expect(toSchema30({ type: "object", propertyNames: { type: "string" }, additionalProperties: {} })).toEqual({ type: "object", additionalProperties: {} });
  });

  it("drops conditionals, and the allOf parts they leave with words only; keeps additionalProperties: false", () => {
    const item = {
      type: "object",
      properties: { recipient: { type: "string" }, if: { type: "boolean" } },
      required: ["recipient"],
      additionalProperties: false,
      allOf: [{ description: "a rule", if: { properties: { recipient: { const: "unit" } } }, then: { required: ["awarded"] }, else: { not: { required: ["awarded"] } } }],
    };
    expect(toSchema30(item)).toEqual({
      type: "object",
      properties: { recipient: { type: "string" }, if: { type: "boolean" } },
      required: ["recipient"],
      additionalProperties: false,
    });
  });

  it("wraps a reference with siblings in allOf, drops an empty required, $defs and $schema; true and false become schemas", () => {
    expect(toSchema30({ $ref: "#/components/schemas/Date", description: "when" })).toEqual({ description: "when", allOf: [{ $ref: "#/components/schemas/Date" }] });
    expect(toSchema30({ type: "object", required: [], $schema: "x", $defs: { A: {} } })).toEqual({ type: "object" });
    expect(toSchema30(true)).toEqual({});
    expect(toSchema30(false)).toEqual({ not: {} });
    expect(toSchema30({ type: "array", items: true })).toEqual({ type: "array", items: {} });
  });

  it("converts nested schemas and does not change its input", () => {
    const input = { type: "object", properties: { a: { type: "array", items: { const: 1 } } } };
    const before = JSON.stringify(input);
    expect(toSchema30(input)).toEqual({ type: "object", properties: { a: { type: "array", items: { enum: [1] } } } });
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("toOpenApi30", () => {
  it("converts every schema of a document, its license's identifier to a url, and drops info.summary", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1", summary: "s", license: { name: "MIT", identifier: "MIT" } },
      paths: {
        "/a": {
          get: {
            parameters: [{ name: "q", in: "query", schema: { type: ["string", "null"] } }],
            responses: { "200": { description: "d", content: { "application/x-ndjson": { schema: { type: "string" }, "x-line-schema": { const: 1 } } } } },
          },
        },
      },
      components: { schemas: { A: { type: "integer", const: 2 } }, responses: { R: { description: "r", headers: { h: { schema: { const: "x" } } } } } },
    };
    expect(toOpenApi30(doc)).toEqual({
      openapi: "3.0.3",
      info: { title: "t", version: "1", license: { name: "MIT", url: "https://spdx.org/licenses/MIT.html" } },
      paths: {
        "/a": {
          get: {
            parameters: [{ name: "q", in: "query", schema: { type: "string", nullable: true } }],
            responses: { "200": { description: "d", content: { "application/x-ndjson": { schema: { type: "string" }, "x-line-schema": { enum: [1] } } } } },
          },
        },
      },
      components: { schemas: { A: { type: "integer", enum: [2] } }, responses: { R: { description: "r", headers: { h: { schema: { enum: ["x"] } } } } } },
    });
  });
});
