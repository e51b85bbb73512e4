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
import { CHANGES, changed, everyChange, everyField, slots } from "../support/mutations.js";

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
    // the second policy's readers are left to the generated inputs
    const subjects = SUBJECTS.slice(0, 2);
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
