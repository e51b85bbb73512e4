/**
 * The fast reader of an input against the zod schema derived from the same declaration
 * (`src/model/declare.ts`): on every generated input and every mutation of one, the reader accepts
 * exactly what the schema accepts, and returns data deep-equal to the schema's, an absent key
 * absent and an `undefined` key present. Both forms of the reader (written out per object, and
 * read field by field) are held to the schema.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMicro } from "../../src/decimal.js";
import { NO, interpreted, type Value } from "../../src/model/declare.js";
import { inputValue, type InputLimits } from "../../src/model/input.js";
import { fullInputArb, type Json } from "../support/inputs.js";

type Reader = (raw: unknown) => unknown;

const LIMITS: readonly InputLimits[] = [
  { decimals: 2, unitCeilingMicro: { municipal: 500_000, "provincial-department": 500_000, provincial: 3_000_000, national: 5_000_000 } },
  { decimals: 1, unitCeilingMicro: { municipal: 300_000, "provincial-department": 300_000, provincial: 300_000, national: 300_000 } },
];

interface Subject {
  readonly name: string;
  readonly schema: Value["schema"];
  readonly read: Reader;
}

const SUBJECTS: readonly Subject[] = LIMITS.flatMap((limits) => {
  const input = inputValue(limits);
  return [
    { name: `written out, ${limits.decimals} decimals`, schema: input.schema, read: input.read },
    { name: `field by field, ${limits.decimals} decimals`, schema: input.schema, read: interpreted(input) },
  ];
});

/** What went wrong between a reader and the schema on one input, or `undefined` when they agree. */
function disagreement(subject: Subject, input: unknown): string | undefined {
  const fast = subject.read(input);
  const slow = subject.schema.safeParse(input);
  if (fast === NO) return slow.success ? "the reader declined an input the schema accepts" : undefined;
  if (!slow.success) return `the reader accepted an input the schema refuses: ${slow.error.issues.map((i) => i.path.join(".")).join(", ")}`;
  try {
    expect(fast).toStrictEqual(slow.data);
  } catch {
    return "the reader's data differ from the schema's";
  }
  return undefined;
}

/** Values of every kind, on and just past the rules of SPEC §4, for replacing a field with. */
const EDGE_VALUES: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.1,
  1.5,
  2.25,
  10,
  10.01,
  25,
  25.000001,
  1e-7,
  999999999.999999,
  1e9,
  2 ** 53,
  1999,
  2000,
  2098,
  2099,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "0",
  "0.0",
  "01",
  "-0",
  "1e3",
  "1.5\n",
  "0.05",
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
  "2100-01-01",
  "x".repeat(100),
  "x".repeat(101),
  "x".repeat(1000),
  "x".repeat(1001),
  "\u{1D4B3}".repeat(100),
  "\u{1D4B3}".repeat(101),
  "\u{1D4B3}".repeat(1000),
  "\u{1D4B3}".repeat(1001),
  "other",
  "unit",
  "section",
  "participant",
  "staff",
  "municipal",
  "national",
  "comprehensive-management",
  [],
  {},
  [{}],
];

type Container = Json | unknown[];
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
}

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

/** A field's mutation: a value put in its place, or a change to the record around it. */
type Change =
  | { readonly kind: "set"; readonly value: unknown }
  | { readonly kind: "delete" }
  | { readonly kind: "add-key"; readonly key: string }
  | { readonly kind: "duplicate" }
  | { readonly kind: "above-out-of" };

const CHANGES: readonly Change[] = [
  ...EDGE_VALUES.map((value) => ({ kind: "set", value }) as const),
  { kind: "delete" },
  { kind: "add-key", key: "extra" },
  { kind: "add-key", key: "__proto__" },
  { kind: "add-key", key: "constructor" },
  { kind: "duplicate" },
  { kind: "above-out-of" },
];

function setAt(parent: Container, key: string | number, value: unknown): void {
  (parent as Record<string | number, unknown>)[key] = value;
}

/** Applies `change` at `slot` of a copy of `input` (the copy's slot of the same index). */
function changed(input: Json, at: number, change: Change): Json {
  const copy = structuredClone(input);
  const slot = slots(copy)[at];
  if (slot === undefined) return copy;
  const { parent, key } = slot;
  const target = (parent as Record<string | number, unknown>)[key];
  switch (change.kind) {
    case "set":
      setAt(parent, key, change.value);
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case "add-key": {
      const record = target !== null && typeof target === "object" && !Array.isArray(target) ? (target as Json) : Array.isArray(parent) ? undefined : parent;
      // an own `__proto__` as JSON.parse makes it, not a prototype change
      if (record !== undefined) Object.defineProperty(record, change.key, { value: 1, enumerable: true, configurable: true, writable: true });
      break;
    }
    case "duplicate":
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
      else if (Array.isArray(parent)) parent.push(structuredClone(target));
      break;
    case "above-out-of": {
      // a round's score just above its own outOf (below the component's max when outOf is small)
      const record = Array.isArray(parent) ? undefined : parent;
      if (record !== undefined && "score" in record && record["outOf"] !== undefined) {
        const outOf = toMicro(record["outOf"]);
        if (outOf !== undefined) record["score"] = (outOf + 10_000) / 1_000_000;
      }
      break;
    }
  }
  return copy;
}

/** A fixed input with every optional field present, some of them `undefined`. */
function everyField(): Json {
  return {
    year: 2022,
    participant: { id: "p", name: "城管监督科", unit: "市城管局", category: "law-enforcement" },
    components: {
      routineInspection: {
        rounds: [
          { id: "r1", date: "2022-03-01", score: "8.5", outOf: "10", note: "电话抽查" },
          { id: "r2", date: "2022-06-01", score: 20, outOf: undefined, note: "" },
        ],
      },
      specialInspection: { rounds: [{ date: "2022-05-20", score: 4.5 }, { id: "s2", date: "2022-09-09", score: "9", outOf: 9.5 }] },
      unannouncedVisit: { rounds: [{ date: "2022-03-07", score: 9, note: undefined }, { date: "2022-11-02", score: "9.5" }] },
      complaints: {
        complaints: [
          { id: "k1", date: "2022-04-01", verified: true, deduction: "0.5" },
          { id: "k2", date: "2022-05-01", verified: false },
          { id: "k3", date: "2022-06-01", verified: true, deduction: undefined },
        ],
      },
      serviceRecipients: { ballots: { satisfied: 41, basicallySatisfied: 6, dissatisfied: 1, unknown: 2 }, date: "2022-12-10" },
      deputies: { ballots: { satisfied: 18, basicallySatisfied: 3, dissatisfied: 0, unknown: undefined } },
      countyCounterparts: { ballots: { satisfied: 7, basicallySatisfied: 2, dissatisfied: 1 }, date: undefined },
      cityLeaders: { scores: [{ by: "分管副市长", score: "9.2", date: "2023-01-05" }, { score: 8 }] },
    },
    commendations: [
      { id: "c1", matter: "先进集体", level: "provincial", recipient: "participant", documentNumber: "皖政〔2022〕12号", approved: true, title: "先进集体", issuer: "省政府" },
      { id: "c2", matter: "文明创建", level: "municipal", recipient: "unit", documentNumber: "宣政〔2022〕3号", approved: true, awarded: "0.3", title: undefined },
    ],
    vetoes: [
      { id: "v1", ground: "other", subject: "staff", date: "2022-08-01", confirmed: false, reference: "宣纪〔2022〕1号", reason: "违反工作纪律" },
      { id: "v2", ground: "case-filed", subject: "participant", date: "2021-08-01", confirmed: true, reason: undefined },
    ],
  };
}

/** Every key path (records' indices as `[]`) where a generated input carries a key. */
function keyPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${prefix}[]`, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.add(`${prefix}.${key}`);
      keyPaths(item, `${prefix}.${key}`, out);
    }
  }
  return out;
}

/** Every key path the input declaration has. */
function declaredPaths(rule: Value, prefix: string, out: Set<string>): Set<string> {
  const shape = rule.shape;
  if (shape.kind === "list") declaredPaths(shape.item, `${prefix}[]`, out);
  else if (shape.kind === "object") {
    for (const [key, field] of Object.entries(shape.fields)) {
      out.add(`${prefix}.${key}`);
      declaredPaths(field, `${prefix}.${key}`, out);
    }
  }
  return out;
}

/**
 * The experiment of issue #9: a reader that compares a round's score with the component's
 * maximum and ignores its `outOf`. The checks below must catch it.
 */
function ignoringOutOf(read: Reader): Reader {
  return (raw) => {
    const copy = structuredClone(raw) as Json;
    const kept: [Json, unknown][] = [];
    const components = copy["components"];
    if (components !== null && typeof components === "object") {
      for (const component of Object.values(components as Json)) {
        const rounds = (component as Json | null)?.["rounds"];
        if (!Array.isArray(rounds)) continue;
        for (const round of rounds) {
          if (round !== null && typeof round === "object" && "outOf" in round) {
            kept.push([round as Json, (round as Json)["outOf"]]);
            delete (round as Json)["outOf"];
          }
        }
      }
    }
    const out = read(copy);
    if (out === NO) return NO;
    // put each outOf back, read, where the reader returned the round
    const outRounds = Object.values((out as { components: Json }).components).flatMap((c) => ((c as Json | undefined)?.["rounds"] as Json[] | undefined) ?? []);
    const inRounds = kept.map(([round]) => round);
    for (const round of outRounds) {
      const index = inRounds.findIndex((r) => r["date"] === round["date"] && r["id"] === round["id"]);
      if (index >= 0) round["outOf"] = toMicro(kept[index]?.[1]);
    }
    return out;
  };
}

const everyChange = (input: Json): { readonly at: number; readonly change: Change }[] => {
  const count = slots(input).length;
  const all: { at: number; change: Change }[] = [];
  for (let at = 0; at < count; at += 1) for (const change of CHANGES) all.push({ at, change });
  return all;
};

describe("the fast reader of an input", () => {
  it("tells an absent key from an undefined one when it compares", () => {
    expect({ a: 1, b: undefined }).not.toStrictEqual({ a: 1 });
  });

  it("is generated with every key the declaration has", () => {
    const declared = declaredPaths(inputValue(LIMITS[0] as InputLimits), "", new Set());
    const seen = new Set<string>();
    for (const input of fc.sample(fullInputArb, { numRuns: 300, seed: 9 })) keyPaths(input, "", seen);
    keyPaths(everyField(), "", seen);
    expect([...declared].filter((path) => !seen.has(path))).toEqual([]);
  });

  it("agrees with the schema on every generated input", () => {
    fc.assert(
      fc.property(fullInputArb, (input) => {
        for (const subject of SUBJECTS) expect(disagreement(subject, input), subject.name).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the schema on every field of every record replaced, removed, repeated or joined by an unknown key", () => {
    const base = everyField();
    for (const subject of SUBJECTS) expect(disagreement(subject, base)).toBeUndefined();
    expect((SUBJECTS[0] as Subject).read(base)).not.toBe(NO);
    let refused = 0;
    const changes = everyChange(base);
    // the reader read field by field under the second policy is left to the generated inputs
    const subjects = SUBJECTS.slice(0, 3);
    for (const { at, change } of changes) {
      const input = changed(base, at, change);
      for (const subject of subjects) {
        const problem = disagreement(subject, input);
        if (problem !== undefined) throw new Error(`${subject.name}, slot ${at}, ${JSON.stringify(change)}: ${problem}`);
      }
      if ((SUBJECTS[0] as Subject).read(input) === NO) refused += 1;
    }
    // the changes reach both sides of the rules
    expect(refused).toBeGreaterThan(changes.length / 2);
    expect(refused).toBeLessThan(changes.length);
  });

  it("agrees with the schema on generated inputs with several fields changed", () => {
    const changeArb = fc.record({ at: fc.nat(), change: fc.constantFrom(...CHANGES) });
    fc.assert(
      fc.property(fullInputArb, fc.array(changeArb, { minLength: 1, maxLength: 3 }), (input, changes) => {
        let mutated = input;
        for (const { at, change } of changes) mutated = changed(mutated, at % Math.max(1, slots(mutated).length), change);
        for (const subject of SUBJECTS) expect(disagreement(subject, mutated), subject.name).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("catches a reader that compares a round's score with the component's maximum instead of its outOf", () => {
    const subject = SUBJECTS[0] as Subject;
    const broken: Subject = { ...subject, name: "ignoring outOf", read: ignoringOutOf(subject.read) };
    const base = everyField();
    const caught = everyChange(base).filter(({ at, change }) => disagreement(broken, changed(base, at, change)) !== undefined);
    expect(caught.length).toBeGreaterThan(0);
    const generated = fc.check(
      fc.property(fullInputArb, fc.nat(), (input, at) => disagreement(broken, changed(input, at % slots(input).length, { kind: "above-out-of" })) === undefined),
      { numRuns: 300, seed: 9 },
    );
    expect(generated.failed).toBe(true);
  });

  it("declines what is not a plain input", () => {
    for (const subject of SUBJECTS) {
      for (const value of [null, undefined, 0, "x", [], [{}], {}, Object.create(null) as object]) expect(subject.read(value)).toBe(NO);
    }
  });
});
