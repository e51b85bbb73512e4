/**
 * The derivation of `src/model/declare.ts` on small declarations of its own: what `object`,
 * `list`, `optional` and `filled` promise, for the schema and for both forms of the fast reader
 * (written out with `new Function`, and read field by field), on the cases a whole input rarely
 * reaches (a required key whose rule would take `undefined`, a list longer than 16 items, a record
 * that is not an object, an id that is itself invalid).
 *
 * Every declaration is built inside a test, so a derivation that throws fails that test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { NO, compiledReader, filled, interpreted, interpretedReader, list, object, optional, value, type Rule, type Value } from "../../src/model/declare.js";
import { IdValue, IntValue } from "../../src/model/values.js";

type Reader = (raw: unknown) => unknown;

const flag = (): Value => value(z.boolean(), (raw) => (typeof raw === "boolean" ? raw : NO), { kind: "boolean" });

/** A rule that takes anything, `undefined` included (as no rule of the input does). */
const anything = (): Value => value(z.unknown(), (raw) => raw ?? "filled in", { kind: "text", min: 0, max: 0 });

/** `score` at most `outOf`: a rule across two fields. */
const atMost: Rule<{ score: number; outOf?: number | undefined }> = {
  reads: ["score", "outOf"],
  test: (r) => (r.outOf !== undefined && r.score > r.outOf ? { at: "score", code: "score-above-out-of" } : undefined),
};

function scored() {
  return object({ score: IntValue, outOf: optional(IntValue) }, [atMost]);
}

/** Both forms of an object's reader, from the same keys, optional flags, field readers and tests. */
function readersOf(fields: Record<string, Value>, tests: readonly ((record: never) => unknown)[] = []): [string, Reader][] {
  const keys = Object.keys(fields);
  const args = [keys, keys.map((k) => (fields[k] as Value).optional), keys.map((k) => (fields[k] as Value).read), tests] as Parameters<typeof interpretedReader>;
  const compiled = compiledReader(...args);
  expect(compiled, "new Function is allowed in Node: the written-out reader is built").toBeTypeOf("function");
  return [
    ["written out", compiled as Reader],
    ["field by field", interpretedReader(...args)],
  ];
}

function codes(schema: Value["schema"], raw: unknown): [string, string][] {
  const result = schema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.code === "custom" ? String((issue.params as { code: string }).code) : issue.code]);
}

describe("optional", () => {
  it("keeps undefined undefined and reads any other value with the rule", () => {
    const rule = optional(flag());
    expect(rule.optional).toBe(true);
    expect(rule.read(undefined)).toBeUndefined();
    expect(rule.read(true)).toBe(true);
    expect(rule.read("yes")).toBe(NO);
    expect(rule.schema.safeParse(undefined).success).toBe(true);
    expect(flag().optional).toBe(false);
  });
});

describe("the two readers of an object", () => {
  it("are built for no key, one key and several keys, with and without rules", () => {
    const cases: [Record<string, Value>, unknown, unknown][] = [
      [{}, {}, { a: 1 }],
      [{ a: flag() }, { a: true }, { a: 1 }],
      [{ a: flag(), b: optional(flag()), c: flag() }, { a: true, c: false }, { a: true, b: true, c: false, d: 1 }],
    ];
    for (const [fields, good, bad] of cases) {
      for (const [name, read] of readersOf(fields, [() => undefined])) {
        const expected = Object.fromEntries(Object.keys(fields).map((k) => [k, (good as Record<string, unknown>)[k]]));
        expect(read(good), name).toStrictEqual(expected);
        expect(read(bad), name).toBe(NO);
      }
    }
  });

  it("decline a required key absent or undefined, whatever its rule makes of undefined", () => {
    expect(anything().read(undefined)).toBe("filled in");
    for (const [name, read] of readersOf({ a: anything(), b: optional(anything()) })) {
      expect(read({ a: 1 }), name).toStrictEqual({ a: 1, b: undefined });
      expect(read({ a: 1, b: 2 }), name).toStrictEqual({ a: 1, b: 2 });
      expect(read({}), name).toBe(NO);
      expect(read({ a: undefined }), name).toBe(NO);
      expect(read({ a: undefined, b: 2 }), name).toBe(NO);
    }
  });

  it("run every rule on the record read, and decline what a rule finds", () => {
    const rule = scored();
    const fields = (rule.shape as { fields: Record<string, Value> }).fields;
    for (const [name, read] of readersOf(fields, [atMost.test as never])) {
      expect(read({ score: 3, outOf: 5 }), name).toStrictEqual({ score: 3, outOf: 5 });
      expect(read({ score: 6, outOf: 5 }), name).toBe(NO);
    }
  });

  it("fall back to the field-by-field form where new Function is refused", () => {
    const original = globalThis.Function;
    let built: Reader | undefined = () => undefined;
    let rule: Value | undefined;
    globalThis.Function = function refused() {
      throw new EvalError("new Function refused");
    } as unknown as FunctionConstructor;
    try {
      built = compiledReader(["a"], [false], [(raw) => raw], []);
      rule = scored();
    } finally {
      globalThis.Function = original;
    }
    expect(built).toBeUndefined();
    expect(rule.read({ score: 3, outOf: 5 })).toStrictEqual({ score: 3, outOf: 5 });
    expect(rule.read({ score: 6, outOf: 5 })).toBe(NO);
    expect(rule.read({ score: 3, other: 1 })).toBe(NO);
  });
});

describe("a rule across fields in the schema", () => {
  it("waits while the record itself is not an object, without throwing", () => {
    const rule = scored();
    for (const raw of [null, undefined, "x", 3, [], [1]]) expect(codes(rule.schema, raw)).toEqual([["", "invalid_type"]]);
  });

  it("still runs beside an unknown key, and waits for its own fields only", () => {
    const rule = scored();
    expect(codes(rule.schema, { score: 6, outOf: 5, extra: 1 })).toEqual([
      ["", "unrecognized_keys"],
      ["score", "score-above-out-of"],
    ]);
    expect(codes(rule.schema, { score: "6", outOf: 5 })).toEqual([["score", "invalid_type"]]);
    expect(codes(rule.schema, { score: 6, outOf: 5 })).toEqual([["score", "score-above-out-of"]]);
  });
});

describe("a list with unique ids", () => {
  const items = () => list(object({ id: optional(IdValue), n: optional(IntValue) }), { uniqueId: true });

  it("does not compare an id that is itself invalid", () => {
    const long = "x".repeat(101);
    expect(codes(items().schema, [{ id: long }, { id: long }])).toEqual([
      ["0.id", "too_big"],
      ["1.id", "too_big"],
    ]);
    expect(codes(items().schema, [{ id: "" }, { id: "" }, { id: "a" }, { id: "a" }])).toEqual([
      ["0.id", "too_small"],
      ["1.id", "too_small"],
      ["3.id", "duplicate-id"],
    ]);
  });

  it("compares the id of an item with another field wrong or an unknown key, and skips what is not an object", () => {
    expect(codes(items().schema, [{ id: "a" }, { id: "a", n: -1 }])).toEqual([
      ["1.n", "too_small"],
      ["1.id", "duplicate-id"],
    ]);
    expect(codes(items().schema, [{ id: "a" }, { id: "a", extra: 1 }])).toEqual([
      ["1", "unrecognized_keys"],
      ["1.id", "duplicate-id"],
    ]);
    expect(codes(items().schema, [null, "a", { id: "a" }, ["a"], { id: "a" }])).toEqual([
      ["0", "invalid_type"],
      ["1", "invalid_type"],
      ["3", "invalid_type"],
      ["4.id", "duplicate-id"],
    ]);
  });

  it("agrees between schema and reader on lists short and long (17 items and more)", () => {
    const rule = items();
    const itemArb = fc.option(fc.integer({ min: 0, max: 200 }).map(String), { nil: undefined, freq: 4 }).map((id) => (id === undefined ? {} : { id }));
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), (raw) => {
        const ids = raw.flatMap((item) => ("id" in item ? [item.id] : []));
        const unique = new Set(ids).size === ids.length;
        const parsed = rule.schema.safeParse(raw);
        expect(parsed.success).toBe(unique);
        const read = rule.read(raw);
        expect(read === NO).toBe(!unique);
        if (unique) expect(read).toStrictEqual(filled(rule, parsed.data));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a long list without ids, or with distinct ones, and declines a long list with an id repeated", () => {
    const rule = items();
    for (const length of [2, 16, 17, 30]) {
      const distinct = Array.from({ length }, (_, i) => ({ id: `r${i}` }));
      expect(rule.read(distinct), `${length} distinct`).toHaveLength(length);
      expect(rule.read(Array.from({ length }, () => ({}))), `${length} without id`).toHaveLength(length);
      expect(rule.read([...distinct, {}, {}, { id: "r0" }]), `${length} repeated at the end`).toBe(NO);
      expect(rule.read([{}, { id: "r1" }, ...distinct.slice(2), {}, { id: "r1" }]), `${length} repeated`).toBe(NO);
    }
  });

  it("is a choice: a list declared without it allows a repeated id", () => {
    const rule = list(object({ id: IdValue }));
    expect(rule.schema.safeParse([{ id: "a" }, { id: "a" }]).success).toBe(true);
    expect(rule.read([{ id: "a" }, { id: "a" }])).toStrictEqual([{ id: "a" }, { id: "a" }]);
  });
});

describe("filled", () => {
  it("writes every absent optional key as undefined, in objects and in lists of them", () => {
    const rule = object({ a: optional(flag()), items: list(object({ b: optional(flag()), c: flag() })) });
    expect(filled(rule, { items: [{ c: true }, { b: false, c: true }] })).toStrictEqual({ a: undefined, items: [{ b: undefined, c: true }, { b: false, c: true }] });
  });

  it("leaves alone what is not an object, and the value of a rule that is neither an object nor a list", () => {
    const objectRule = object({ a: optional(flag()) });
    const listRule = list(objectRule);
    for (const rule of [objectRule, listRule]) {
      for (const data of [undefined, null, 5, "text", true]) expect(filled(rule, data)).toBe(data);
    }
    const record = { x: 1 };
    expect(filled(anything(), record)).toStrictEqual({ x: 1 });
  });
});

describe("interpreted", () => {
  it("derives an object's and a list's reader from the declaration, not from the rule's own reader", () => {
    const round = scored();
    const rounds = list(round, { uniqueId: true });
    const holder = object({ rounds, note: optional(flag()) });
    const good = { rounds: [{ score: 1 }, { score: 2, outOf: 3 }] };
    const expected = { rounds: [{ score: 1, outOf: undefined }, { score: 2, outOf: 3 }], note: undefined };
    for (const rule of [holder, { ...holder, read: () => NO }]) expect(interpreted(rule)(good)).toStrictEqual(expected);
    for (const rule of [rounds, { ...rounds, read: () => NO }]) expect(interpreted(rule)(good.rounds)).toStrictEqual(expected.rounds);
    expect(interpreted(holder)({ rounds: [{ score: 4, outOf: 3 }] })).toBe(NO);
    expect(interpreted(holder)({ rounds: [{ score: 1 }], other: 1 })).toBe(NO);
    const leaf = flag();
    expect(interpreted(leaf)).toBe(leaf.read);
  });

  it("keeps undefined undefined for an optional object or list", () => {
    for (const rule of [optional(scored()), optional(list(scored()))]) {
      const read = interpreted(rule);
      expect(read(undefined)).toBeUndefined();
      expect(read(null)).toBe(NO);
    }
  });
});
