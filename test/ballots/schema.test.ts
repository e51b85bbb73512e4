/**
 * The JSON Schema of a ballot box (`schemas/box.schema.json`) against the library: every box the
 * tally accepts is valid, and boxes of the wrong shape are not.
 */
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { definePolicy, safeTally } from "../../src/index.js";
import { jsonSchemaText } from "../../src/formats/json-schema.js";

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync("schemas/box.schema.json", "utf8")) as object);

const cases = readFileSync("test/fixtures/ballots/cases.ndjson", "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { box: Record<string, unknown>; participants: string[]; policy: Record<string, unknown> | null });

describe("the box schema", () => {
  it("is the generator's current output", () => {
    expect(readFileSync("schemas/box.schema.json", "utf8")).toBe(jsonSchemaText("box"));
  });

  it("accepts every box the tally accepts", () => {
    let accepted = 0;
    for (const c of cases) {
      const outcome = safeTally(c.box, { participants: c.participants, policy: c.policy === null ? undefined : definePolicy(c.policy) });
      if (!outcome.success) continue;
      accepted += 1;
      expect(validate(c.box), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(accepted).toBeGreaterThan(80);
  });

  it("refuses an unknown key, a ballot without an id, a negative time, a nested list and an unknown component", () => {
    const box = { year: 2022, component: "deputies", date: "2022-12-20", ballots: [{ id: "1", marks: { a: "满意" } }] };
    expect(validate(box)).toBe(true);
    expect(validate({ ...box, extra: 1 })).toBe(false);
    expect(validate({ ...box, ballots: [{ marks: {} }] })).toBe(false);
    expect(validate({ ...box, ballots: [{ id: "1", seconds: -1, marks: {} }] })).toBe(false);
    expect(validate({ ...box, ballots: [{ id: "1", marks: { a: [["满意"]] } }] })).toBe(false);
    expect(validate({ ...box, component: "cityLeaders" })).toBe(false);
  });
});
