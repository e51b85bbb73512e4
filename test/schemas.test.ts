/**
 * The JSON Schemas shipped in `schemas/`: generated from the zod schemas, current, and agreeing with
 * the library on every example and bad-input fixture (checked with Ajv, a JSON Schema validator of
 * the kind the systems that call us use).
 */
import { readFileSync, readdirSync } from "node:fs";
import Ajv, { type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { safeScore } from "../src/index.js";
import { SCHEMA_KINDS, jsonSchemaOf, jsonSchemaText, type SchemaKind } from "../src/cli/json-schema.js";

// Strict, except that `required` inside the if/then rules names properties declared one level up.
const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, formats: { date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/ } });
const validators = Object.fromEntries(
  SCHEMA_KINDS.map((kind) => [kind, ajv.compile(JSON.parse(readFileSync(`schemas/${kind}.schema.json`, "utf8")) as object)]),
) as Record<SchemaKind, ValidateFunction>;
const valid = (kind: SchemaKind, value: unknown): boolean => validators[kind](value);

const EXAMPLES = readdirSync("examples/2022")
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f, input: JSON.parse(readFileSync(`examples/2022/${f}`, "utf8")) as unknown }));
const BAD = "test/fixtures/bad-inputs";
const conformance = readFileSync("test/fixtures/conformance.ndjson", "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { name: string; input: unknown; options: { allowIncomplete?: boolean } });

describe("the schema files", () => {
  it("are the generator's current output, so they cannot drift from the zod schemas", () => {
    for (const kind of SCHEMA_KINDS) expect(readFileSync(`schemas/${kind}.schema.json`, "utf8"), kind).toBe(jsonSchemaText(kind));
  });

  it("are draft-07 schemas with a title and a description", () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = jsonSchemaOf(kind);
      expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
      expect(typeof schema["title"]).toBe("string");
      expect(typeof schema["description"]).toBe("string");
    }
  });

  it("give Num its own definition: a non-negative number or a decimal string of the SPEC §4 pattern", () => {
    const definitions = jsonSchemaOf("input")["definitions"] as Record<string, unknown>;
    expect(definitions["Num"]).toMatchObject({
      anyOf: [{ type: "number", minimum: 0 }, { type: "string", pattern: "^(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?$" }],
    });
    const num = ajv.compile({ $ref: "#/definitions/Num", definitions });
    for (const ok of ["23.5", 23.5, "0", 0, "123456789.123456"]) expect(num(ok), String(ok)).toBe(true);
    for (const bad of ["-1", -1, "1e3", " 1", "01", "1.", "1.1234567", "1234567890", null, true]) expect(num(bad), String(bad)).toBe(false);
  });
});

describe("the input schema", () => {
  it("accepts every example input", () => {
    for (const { name, input } of EXAMPLES) expect(valid("input", input), `${name}: ${ajv.errorsText(validators.input.errors)}`).toBe(true);
  });

  it("accepts every conformance input the library accepts", () => {
    for (const c of conformance) {
      if (safeScore(c.input, c.options).success) expect(valid("input", c.input), c.name).toBe(true);
    }
  });

  it("rejects every bad-input fixture that is JSON, as the library does", () => {
    const files = readdirSync(BAD).filter((f) => f.endsWith(".json"));
    let checked = 0;
    for (const f of files) {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(`${BAD}/${f}`, "utf8"));
      } catch {
        continue; // not JSON at all: no schema applies
      }
      expect(valid("input", value), f).toBe(false);
      expect(safeScore(value).success, f).toBe(false);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

describe("the result schema", () => {
  it("accepts every expected example result and every conformance result", () => {
    for (const f of readdirSync("examples/2022/expected")) {
      expect(valid("result", JSON.parse(readFileSync(`examples/2022/expected/${f}`, "utf8"))), f).toBe(true);
    }
    for (const c of conformance) {
      const outcome = safeScore(c.input, c.options);
      if (outcome.success) expect(valid("result", JSON.parse(JSON.stringify(outcome.data))), c.name).toBe(true);
    }
  });

  it("rejects a result with an unknown field, an unknown status or a missing total", () => {
    const result = JSON.parse(readFileSync("examples/2022/expected/cgjdk.json", "utf8")) as Record<string, unknown>;
    expect(valid("result", { ...result, extra: 1 })).toBe(false);
    expect(valid("result", { ...result, status: "draft" })).toBe(false);
    const { total: _total, ...withoutTotal } = result;
    expect(valid("result", withoutTotal)).toBe(false);
  });
});

describe("the policy schema", () => {
  it("accepts the policies definePolicy accepts", () => {
    for (const policy of [
      { id: "city-2023" },
      { id: "city-2023", bonusCap: null, unitCeiling: "level-points", decimals: 1 },
      { id: "city-2023", surveyWeights: { satisfied: 1, basicallySatisfied: "0.8", dissatisfied: 0 }, tiers: [{ tier: "excellent", min: "90" }] },
    ]) {
      expect(valid("policy", policy), JSON.stringify(policy)).toBe(true);
    }
  });

  it("rejects unknown keys, a missing id and values out of shape", () => {
    for (const policy of [{}, { id: "x", cap: 5 }, { id: "x", bonusCap: "-1" }, { id: "x", decimals: 5 }, { id: "x", tiers: [{ tier: "incompetent", min: 0 }] }]) {
      expect(valid("policy", policy), JSON.stringify(policy)).toBe(false);
    }
  });
});
