/**
 * The fast path of validation (`src/model/fast-input.ts`) against the schema it shortcuts: it may
 * decline anything, but what it accepts the schema accepts, and it scores byte-identically.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePolicy } from "../../src/api/define-policy.js";
import { scoreParticipantYear } from "../../src/core/score.js";
import { compilePolicy, type CompiledPolicy } from "../../src/policy/compile.js";
import { xuancheng2022 } from "../../src/policy/xuancheng-2022.js";
import { inputArb, type Json } from "../support/inputs.js";

const POLICIES: readonly CompiledPolicy[] = [
  compilePolicy(xuancheng2022),
  compilePolicy(definePolicy({ id: "one-decimal", decimals: 1, complaintDeduction: "0.5", unitCeiling: "0.3" })),
];

/** Values that sit on or just past a rule of SPEC §4, or are of the wrong type. */
const EDGE_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  2.25,
  10,
  10.01,
  25,
  25.000001,
  1e-7,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "0",
  "01",
  "-0",
  "1e3",
  "0.000001",
  "0.0000001",
  "0.3",
  "0.25",
  "999999999.999999",
  "1000000000",
  "10",
  "10.01",
  "25.01",
  "2022-06-30",
  "2024-02-29",
  "2023-02-29",
  "2022-13-01",
  "2022-6-1",
  "1948-12-31",
  "x".repeat(100),
  "x".repeat(101),
  "x".repeat(1000),
  "x".repeat(1001),
  "\u{1D4B3}".repeat(600),
  "other",
  "unit",
  "participant",
  "municipal",
  "national",
  "comprehensive-management",
  [],
  {},
  [{}],
];

type Slot = { readonly parent: Json | unknown[]; readonly key: string | number };

/** Every (container, key) of a JSON value, in a fixed order. */
function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push({ parent: value, key: i });
      slots(item, out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value as Json)) {
      out.push({ parent: value as Json, key });
      slots(item, out);
    }
  }
  return out;
}

/** The edge values of one JSON type, to replace a value with one of its own kind. */
const EDGES_OF: Readonly<Record<string, readonly unknown[]>> = {
  string: EDGE_VALUES.filter((v) => typeof v === "string"),
  number: EDGE_VALUES.filter((v) => typeof v === "number"),
  boolean: [true, false, "true", 1],
  object: [{}, [], null],
};

type Mutation =
  | { readonly kind: "set"; readonly at: number; readonly value: number }
  | { readonly kind: "set-alike"; readonly at: number; readonly value: number }
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "add-key"; readonly at: number; readonly key: string }
  | { readonly kind: "duplicate"; readonly at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.nat({ max: EDGE_VALUES.length - 1 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("set-alike" as const), at: fc.nat(), value: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("add-key" as const), at: fc.nat(), key: fc.constantFrom("extra", "__proto__", "constructor", "Score") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }) },
);

function mutate(input: Json, mutations: readonly Mutation[]): Json {
  const copy = structuredClone(input);
  for (const m of mutations) {
    const all = slots(copy);
    const slot = all[m.at % all.length];
    if (slot === undefined) continue;
    const { parent, key } = slot;
    const target = (parent as Record<string | number, unknown>)[key];
    if (m.kind === "set") (parent as Record<string | number, unknown>)[key] = EDGE_VALUES[m.value];
    else if (m.kind === "set-alike") {
      const edges = EDGES_OF[typeof target] ?? EDGE_VALUES;
      (parent as Record<string | number, unknown>)[key] = edges[m.value % edges.length];
    }
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (m.kind === "add-key") {
      const object = target !== null && typeof target === "object" && !Array.isArray(target) ? (target as Json) : Array.isArray(parent) ? undefined : parent;
      // an own `__proto__` as JSON.parse makes it, not a prototype change
      if (object !== undefined) Object.defineProperty(object, m.key, { value: 1, enumerable: true, configurable: true, writable: true });
    } else if (Array.isArray(target) && target.length > 0) {
      target.push(structuredClone(target[0]));
    } else if (Array.isArray(parent)) {
      parent.push(structuredClone(target));
    }
  }
  return copy;
}

const scored = (data: Parameters<typeof scoreParticipantYear>[0], cp: CompiledPolicy): string =>
  JSON.stringify(scoreParticipantYear(data, cp));

describe("the fast path of input validation", () => {
  it("accepts every valid generated input, with the data and the score of the schema", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const cp of POLICIES.slice(0, 1)) {
          const fast = cp.fastInput(input);
          const slow = cp.inputSchema.safeParse(input);
          expect(slow.success).toBe(true);
          expect(fast).toBeDefined();
          if (fast === undefined || !slow.success) return;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
          expect(scored(fast, cp)).toBe(scored(slow.data, cp));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("accepts only what the schema accepts, and then scores the same, on mutated inputs", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(inputArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (input, mutations) => {
        const mutated = mutate(input, mutations);
        for (const cp of POLICIES) {
          const fast = cp.fastInput(mutated);
          const slow = cp.inputSchema.safeParse(mutated);
          if (!slow.success) refused += 1;
          if (fast === undefined) continue;
          accepted += 1;
          expect(slow.success).toBe(true);
          if (!slow.success) return;
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
          expect(scored(fast, cp)).toBe(scored(slow.data, cp));
        }
      }),
      { numRuns: 3000 },
    );
    // The mutations reach both sides of the rules.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(500);
  });

  it("declines what is not a plain input", () => {
    const cp = POLICIES[0] as CompiledPolicy;
    for (const value of [null, undefined, 0, "x", [], [{}], {}, Object.create(null) as object]) expect(cp.fastInput(value)).toBeUndefined();
  });
});
