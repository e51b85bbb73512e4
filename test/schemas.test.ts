/**
 * The JSON Schemas shipped in `schemas/`: current, draft 2020-12, documented in both languages,
 * and agreeing with the library and with each other in two validators of different platforms —
 * Ajv (ECMAScript) and Python's jsonschema — on examples, fixtures, generated, hostile and mutated
 * inputs. They differ from the library only on the rules a JSON Schema cannot state, listed in
 * `docs/formats.md` and below.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pythonWith } from "./support/programs.js";
import { isCalendarDate } from "../src/dates.js";
import { toMicro } from "../src/decimal.js";
import { safeScore, type InputIssue } from "../src/index.js";
import { SCHEMA_KINDS, SCHEMA_PATTERNS, jsonSchemaOf, jsonSchemaText, type SchemaKind } from "../src/formats/json-schema.js";
import { fullInputArb } from "./support/inputs.js";
import { CHANGES, changed, everyChange, everyField, slots } from "./support/mutations.js";

// Strict, except that `required` inside the if/then rules names properties declared one level up.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const schemas = Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, JSON.parse(readFileSync(`schemas/${kind}.schema.json`, "utf8")) as object])) as Record<SchemaKind, object>;
const validators = Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, ajv.compile(schemas[kind])])) as Record<SchemaKind, ValidateFunction>;
const valid = (kind: SchemaKind, value: unknown): boolean => validators[kind](value);

/** Python's verdicts on the same cases and pattern matches (one process for all). */
function python(cases: readonly [SchemaKind, unknown][], texts: readonly string[] = []): { valid: boolean[]; matches: Record<string, boolean[]> } {
  const run = spawnSync(pythonWith("jsonschema"), ["test/support/jsonschema_check.py"], {
    input: JSON.stringify({ schemas, cases, patterns: SCHEMA_PATTERNS, texts }),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`python3 jsonschema failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { valid: boolean[]; matches: Record<string, boolean[]> };
}

/**
 * The kind of a library issue that a JSON Schema cannot state, or `undefined` for an issue the
 * schema should have found too.
 */
function inexpressible(issue: InputIssue): string | undefined {
  switch (issue.code) {
    case "duplicate-id":
      return "a repeated id";
    case "score-above-out-of":
      return "a score above its own outOf";
    case "too-many-decimals":
    case "awarded-above-ceiling":
      return "a limit that depends on the policy";
    case "missing-component":
    case "all-outside-window":
      return "a missing component";
    case "invalid_format":
      return issue.format === "decimal" && typeof issue.value === "number" ? "a JSON number's decimal grammar" : undefined;
    default:
      return undefined;
  }
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? "null");

const EXAMPLES = readdirSync("examples/2022")
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f, input: JSON.parse(readFileSync(`examples/2022/${f}`, "utf8")) as unknown }));
const BAD = "test/fixtures/bad-inputs";
const conformance = readFileSync("test/fixtures/conformance.ndjson", "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { name: string; input: unknown; options: { allowIncomplete?: boolean } });

/** Every (path, node) of a schema where a definition or property is declared. */
function declared(schema: unknown, path: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(schema)) schema.forEach((item, i) => declared(item, `${path}[${i}]`, out));
  else if (schema !== null && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if ((key === "properties" || key === "$defs") && value !== null && typeof value === "object" && !path.includes(".if") && !path.includes(".then")) {
        for (const [name, node] of Object.entries(value)) out.push([`${path}.${key}.${name}`, node as Record<string, unknown>]);
      }
      declared(value, `${path}.${key}`, out);
    }
  }
  return out;
}

const patternsOf = (schema: unknown): string[] => [...JSON.stringify(schema).matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1] as string}"`) as string);

describe("the schema files", () => {
  it("are the generator's current output, so they cannot drift from the declarations", () => {
    for (const kind of SCHEMA_KINDS) expect(readFileSync(`schemas/${kind}.schema.json`, "utf8"), kind).toBe(jsonSchemaText(kind));
  });

  it("are draft 2020-12 schemas with an $id, and a Chinese and English title and description on every definition and property", () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = jsonSchemaOf(kind);
      expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema["$id"]).toBe(`urn:wubi-wuping:schema:${kind}`);
      const nodes: [string, Record<string, unknown>][] = [["(root)", schema], ...declared(schema, kind)];
      // a ballot box has a dozen fields; every other schema more than twenty
      expect(nodes.length).toBeGreaterThan(kind === "box" ? 12 : 20);
      for (const [path, node] of nodes) {
        for (const part of ["title", "description"]) {
          expect(node[part], `${path} ${part}`).toMatch(/\p{Script=Han}.* \/ .*[A-Za-z]/u);
        }
      }
    }
  });

  it("use only patterns that read alike in ECMAScript, Java and Python: no \\d, \\s, \\S or \\w, and no bare $", () => {
    for (const kind of SCHEMA_KINDS) {
      for (const pattern of patternsOf(jsonSchemaOf(kind))) {
        expect(pattern, pattern).not.toMatch(/\\[dDsSwW]/);
        if (pattern.startsWith("^")) expect(pattern.endsWith("$(?![\\n\\r\\u0085\\u2028\\u2029])"), pattern).toBe(true);
      }
    }
  });
});

/** Java's verdicts (java.util.regex, `Matcher.find`, as a Java validator reads "pattern"). */
function java(texts: readonly string[]): Record<string, boolean[]> {
  const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");
  const request = [...Object.entries(SCHEMA_PATTERNS).map(([name, pattern]) => `${name} ${b64(pattern)}`), "--", ...texts.map(b64)].join("\n");
  const run = spawnSync("java", ["test/support/PatternCheck.java"], { input: `${request}\n`, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`java failed (is a JDK installed? .ci/run installs one): ${run.error?.message ?? run.stderr}`);
  return Object.fromEntries(
    run.stdout
      .trim()
      .split("\n")
      .map((line) => {
        const [name = "", bits = ""] = line.split(" ");
        return [name, [...bits].map((b) => b === "1")];
      }),
  );
}

describe("the patterns", () => {
  const DAYS = Array.from({ length: 32 }, (_, d) => String(d).padStart(2, "0"));
  const MONTHS = Array.from({ length: 14 }, (_, m) => String(m).padStart(2, "0"));
  const dates = [1940, 1948, 1949, 1952, 1999, 2000, 2023, 2024, 2096, 2099, 2100].flatMap((y) => MONTHS.flatMap((m) => DAYS.map((d) => `${y}-${m}-${d}`)));
  const ends = ["\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", " ", "\t", "x"];
  const nums = ["0", "00", "01", "0.0", "0.000000", "0.000001", "0.0000001", "1", "1.", ".5", "1.5", "9.999999", "10", "10.0", "10.000000", "10.000001", "10.5", "11", "25", "-1", "+1", "1e3", "999999999.999999", "1000000000", "１", "٣"];
  const texts = [...nums, ...nums.flatMap((n) => ends.flatMap((e) => [`${n}${e}`, `${e}${n}`])), ...dates, ...dates.slice(0, 400).flatMap((d) => ends.map((e) => `${d}${e}`)), "", " ", "\t\n", "\u3000", "\ufeff", "\u0085", "\u200b", "a", " a ", "理由"];
  const library: Record<keyof typeof SCHEMA_PATTERNS, ((text: string) => boolean) | undefined> = {
    num: (t) => toMicro(t) !== undefined,
    positiveNum: (t) => (toMicro(t) ?? 0) > 0,
    leaderScore: (t) => {
      const micro = toMicro(t);
      return micro !== undefined && micro <= 10_000_000;
    },
    date: isCalendarDate,
    fixed: undefined,
    nonBlank: (t) => t.trim() !== "",
  };

  it("give the library's verdict in ECMAScript (as Ajv reads them), in Python and in Java on hostile texts", () => {
    const fromPython = python([], texts).matches;
    const fromJava = java(texts);
    for (const [name, pattern] of Object.entries(SCHEMA_PATTERNS) as [keyof typeof SCHEMA_PATTERNS, string][]) {
      const regex = new RegExp(pattern, "u");
      texts.forEach((text, i) => {
        const ecma = regex.test(text);
        expect(fromPython[name]?.[i], `${name} ${JSON.stringify(text)}: Python`).toBe(ecma);
        expect(fromJava[name]?.[i], `${name} ${JSON.stringify(text)}: Java`).toBe(ecma);
        const rule = library[name];
        if (rule !== undefined) expect(ecma, `${name} ${JSON.stringify(text)}: the library`).toBe(rule(text));
      });
    }
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

  it("agrees with Python's jsonschema everywhere, and with the library except on what a schema cannot state", () => {
    const base = everyField();
    const inputs: unknown[] = [base, ...everyChange(base).map(({ at, change }) => changed(base, at, change))];
    const generated = fc.sample(fullInputArb, { numRuns: 60, seed: 7 });
    inputs.push(...generated);
    const changes = fc.sample(fc.tuple(fc.nat(), fc.constantFrom(...CHANGES)), { numRuns: generated.length * 2, seed: 7 });
    changes.forEach(([at, change], i) => {
      const input = generated[i % generated.length] as Record<string, unknown>;
      inputs.push(changed(input, at % slots(input).length, change));
    });
    const cases = inputs.map((input) => json(input));
    const fromPython = python(cases.map((value) => ["input", value] as [SchemaKind, unknown])).valid;
    const kinds = new Map<string, number>();
    let agreed = 0;
    cases.forEach((value, i) => {
      const schemaSays = valid("input", value);
      expect(fromPython[i], `Python and Ajv on case ${i}: ${JSON.stringify(value).slice(0, 300)}`).toBe(schemaSays);
      const outcome = safeScore(value);
      if (outcome.success) {
        expect(schemaSays, `the schema refuses what the library accepts, case ${i}: ${ajv.errorsText(validators.input.errors)}`).toBe(true);
        agreed += 1;
      } else if (schemaSays) {
        for (const issue of outcome.error.issues) {
          const kind = inexpressible(issue);
          expect(kind, `the schema accepts case ${i} with ${issue.path.join(".")} ${issue.code} ${JSON.stringify(issue.value)}`).toBeDefined();
          kinds.set(kind as string, (kinds.get(kind as string) ?? 0) + 1);
        }
      } else agreed += 1;
    });
    expect(agreed).toBeGreaterThan(cases.length / 2);
    // Every kind of disagreement is met, and nothing else.
    expect([...kinds.keys()].sort()).toEqual(["a JSON number's decimal grammar", "a limit that depends on the policy", "a missing component", "a repeated id", "a score above its own outOf"]);
  });
});

describe("the result schema", () => {
  it("accepts every expected example result and every conformance result, in both validators", () => {
    const results: unknown[] = readdirSync("examples/2022/expected").map((f) => JSON.parse(readFileSync(`examples/2022/expected/${f}`, "utf8")) as unknown);
    for (const c of conformance) {
      const outcome = safeScore(c.input, c.options);
      if (outcome.success) results.push(json(outcome.data));
    }
    for (const result of results) expect(valid("result", result)).toBe(true);
    expect(python(results.map((r) => ["result", r] as [SchemaKind, unknown])).valid.every(Boolean)).toBe(true);
  });

  it("rejects a result with an unknown field, an unknown status, a missing total or a score that is not fixed-point", () => {
    const result = JSON.parse(readFileSync("examples/2022/expected/cgjdk.json", "utf8")) as Record<string, unknown>;
    const { total: _total, ...withoutTotal } = result;
    const components = result["components"] as Record<string, unknown>[];
    const bad = [
      { ...result, extra: 1 },
      { ...result, status: "draft" },
      withoutTotal,
      { ...result, total: "abc" },
      { ...result, total: "91.05\n" },
      { ...result, daily: "-1.00" },
      { ...result, components: [{ ...components[0], points: "2e1" }, ...components.slice(1)] },
    ];
    for (const value of bad) expect(valid("result", value), JSON.stringify(value).slice(0, 80)).toBe(false);
    expect(python(bad.map((r) => ["result", r] as [SchemaKind, unknown])).valid.some(Boolean)).toBe(false);
  });
});

describe("the policy schema", () => {
  const accepted = [
    { id: "city-2023" },
    { id: "city-2023", bonusCap: null, unitCeiling: "level-points", decimals: 1 },
    { id: "city-2023", surveyWeights: { satisfied: 1, basicallySatisfied: "0.8", dissatisfied: 0 }, tiers: [{ tier: "excellent", min: "90" }] },
  ];
  const refused = [{}, { id: "x", cap: 5 }, { id: "x", bonusCap: "-1" }, { id: "x", decimals: 5 }, { id: "x", tiers: [{ tier: "incompetent", min: 0 }] }, { id: "x", bonusCap: "1\n" }];

  it("accepts the policies definePolicy accepts and rejects values out of shape, in both validators", () => {
    for (const policy of accepted) expect(valid("policy", policy), JSON.stringify(policy)).toBe(true);
    for (const policy of refused) expect(valid("policy", policy), JSON.stringify(policy)).toBe(false);
    const fromPython = python([...accepted, ...refused].map((p) => ["policy", p] as [SchemaKind, unknown])).valid;
    expect(fromPython).toEqual([...accepted.map(() => true), ...refused.map(() => false)]);
  });
});
