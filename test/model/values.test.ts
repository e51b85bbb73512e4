/**
 * The value rules of `src/model/values.ts` on their own: the length of a text in code points, the
 * readers of texts between `max` and `2 × max` UTF-16 units, the bounds the issues name (which the
 * messages render), and each rule's `shape` (what the JSON Schema and the generated inputs are
 * written from) against what its reader and its schema accept.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO, type Shape, type Value } from "../../src/model/declare.js";
import { inputValue, type InputLimits } from "../../src/model/input.js";
import { amountValue, codePointLength, IdValue, intValue, IntValue, NumValue, numAtMost, RequiredTextValue, TextValue } from "../../src/model/values.js";

const astral = "\u{1D4B3}";

function issues(rule: Value, raw: unknown): Record<string, unknown>[] {
  const result = rule.schema.safeParse(raw);
  return result.success ? [] : result.error.issues.map(({ message: _message, ...issue }) => issue);
}

describe("codePointLength", () => {
  it("counts a surrogate pair once and a lone surrogate once, as iterating the string does", () => {
    expect(codePointLength("")).toBe(0);
    expect(codePointLength(`${astral}x`)).toBe(2);
    expect(codePointLength(`ab${astral}`)).toBe(3);
    expect(codePointLength(`${astral}${astral}`)).toBe(2);
    expect(codePointLength("a\uD835")).toBe(2);
    expect(codePointLength("\uDCB3a")).toBe(2);
    expect(codePointLength("\uDCB3\uD835")).toBe(2);
    expect(codePointLength("a\uDCB3")).toBe(2);
    expect(codePointLength("\uD835a")).toBe(2);
    expect(codePointLength("\uD835\uD835\uDCB3")).toBe(2);
    // texts dense in surrogates, paired and lone, in every order
    const unit = fc.constantFrom("a", "\uD835", "\uDCB3", astral);
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join("");
        return codePointLength(text) === [...text].length;
      }),
      { numRuns: 300 },
    );
  });
});

describe("a text of at most max characters", () => {
  it("is read by code points between max and 2 × max UTF-16 units, as the schema counts", () => {
    const cases: [Value, number][] = [
      [IdValue, 100],
      [TextValue, 1000],
      [RequiredTextValue, 1000],
    ];
    for (const [rule, max] of cases) {
      const accepted = [astral.repeat(max), "a".repeat(max - 1) + astral, "a".repeat(max), "a".repeat(max - 2) + astral + "a"];
      const refused = ["a".repeat(max + 1), astral.repeat(max) + "a", "a".repeat(max) + astral, astral.repeat(max + 1)];
      for (const text of accepted) {
        expect(rule.read(text), `${text.length} units`).toBe(text);
        expect(rule.schema.safeParse(text).success).toBe(true);
      }
      for (const text of refused) {
        expect(rule.read(text), `${text.length} units`).toBe(NO);
        expect(rule.schema.safeParse(text).success).toBe(false);
      }
    }
  });
});

describe("the issues of a value rule", () => {
  it("name the type, bound and inclusiveness the messages render", () => {
    expect(issues(NumValue, null)).toMatchObject([{ code: "invalid_type", expected: "number" }]);
    expect(issues(numAtMost(10), "10.5")).toMatchObject([{ code: "too_big", origin: "number", maximum: 10, inclusive: true }]);
    expect(issues(amountValue(2), "0")).toMatchObject([{ code: "too_small", origin: "number", minimum: 0, inclusive: false }]);
  });

  it("give one issue for a ballot count beyond the safe integers", () => {
    for (const rule of [IntValue, intValue(0)]) {
      expect(issues(rule, 2 ** 53)).toHaveLength(1);
      expect(rule.read(2 ** 53)).toBe(NO);
    }
  });
});

/** Values at and beyond the edges a shape declares: what the rule must accept and refuse. */
function edges(shape: Shape): { accepted: unknown[]; refused: unknown[] } {
  switch (shape.kind) {
    case "text":
      return { accepted: ["a".repeat(shape.min), "a".repeat(shape.max)], refused: ["a".repeat(shape.max + 1), ...(shape.min > 0 ? [""] : []), 1] };
    case "date":
      return { accepted: ["2022-12-10"], refused: ["2022-13-01", 20221210] };
    case "num":
      return shape.max === undefined
        ? { accepted: ["0", "999999999.999999"], refused: ["-1", "1e3"] }
        : { accepted: ["0", String(shape.max)], refused: [`${shape.max}.000001`, "-1"] };
    case "amount": {
      const unit = 10 ** -shape.decimals;
      return { accepted: [unit.toFixed(shape.decimals), "1"], refused: ["0", ...(shape.decimals < 6 ? [(unit / 10).toFixed(shape.decimals + 1)] : []), "-1"] };
    }
    case "int":
      return { accepted: [shape.min, shape.max], refused: [shape.min - 1, ...(shape.max < Number.MAX_SAFE_INTEGER ? [shape.max + 1] : []), shape.min + 0.5, String(shape.min)] };
    case "boolean":
      return { accepted: [true, false], refused: ["true", 0] };
    case "enum":
      return { accepted: [...shape.values], refused: ["", `${shape.values[0] ?? ""}x`] };
    default:
      throw new Error(`not a value shape: ${JSON.stringify(shape)}`);
  }
}

/** Every rule of a declaration that is neither an object nor a list, with its path. */
function leaves(rule: Value, path: string, out: [string, Value][]): [string, Value][] {
  const shape = rule.shape;
  if (shape.kind === "object") for (const [key, field] of Object.entries(shape.fields)) leaves(field, `${path}.${key}`, out);
  else if (shape.kind === "list") leaves(shape.item, `${path}[]`, out);
  else if (shape.kind === "record") {
    leaves(shape.key, `${path}{key}`, out);
    leaves(shape.item, `${path}{}`, out);
  } else out.push([path, rule]);
  return out;
}

describe("each value rule's shape", () => {
  it("says what its reader and its schema accept, for every field of an input", () => {
    const limits: InputLimits = { decimals: 1, unitCeilingMicro: { municipal: 300_000, "provincial-department": 300_000, provincial: 300_000, national: 300_000 } };
    const all = leaves(inputValue(limits), "", []);
    expect(all.length).toBeGreaterThan(40);
    const kinds = new Set<string>();
    for (const [path, rule] of all) {
      kinds.add(rule.shape.kind);
      const { accepted, refused } = edges(rule.shape);
      for (const raw of accepted) {
        expect(rule.read(raw), `${path}: ${JSON.stringify(raw)}`).not.toBe(NO);
        expect(rule.schema.safeParse(raw).success, `${path}: ${JSON.stringify(raw)}`).toBe(true);
      }
      for (const raw of refused) {
        expect(rule.read(raw), `${path}: ${JSON.stringify(raw)}`).toBe(NO);
        expect(rule.schema.safeParse(raw).success, `${path}: ${JSON.stringify(raw)}`).toBe(false);
      }
    }
    expect([...kinds].sort()).toEqual(["amount", "boolean", "date", "enum", "int", "num", "text"]);
  });
});
