/**
 * Prototype keys at every level (issue 5): `__proto__`, `constructor`, `prototype` (and the other
 * names `Object.prototype` carries) are unknown keys, refused where they stand, and no run changes
 * `Object.prototype`. Inputs come from JSON text through `JSON.parse`, which makes `__proto__` an
 * own key, as a file or a request body would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePolicy, safeScore } from "../../src/index.js";
import { expectSound, validInput, type JsonObject } from "./support.js";

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf"];

/** Every object of the valid input, by path. */
const OBJECT_PATHS: (string | number)[][] = [
  [],
  ["participant"],
  ["components"],
  ["components", "routineInspection"],
  ["components", "routineInspection", "rounds", 0],
  ["components", "complaints"],
  ["components", "complaints", "complaints", 1],
  ["components", "serviceRecipients"],
  ["components", "serviceRecipients", "ballots"],
  ["components", "cityLeaders"],
  ["components", "cityLeaders", "scores", 0],
  ["commendations", 0],
  ["vetoes", 0],
];

/**
 * The input's JSON text with `"key": value` added as the first member of the object at `path`,
 * parsed back with JSON.parse (so `__proto__` is an own key, not a prototype).
 */
function withKeyInText(path: readonly (string | number)[], key: string, valueText: string): unknown {
  const marker = "zz-marker-zz";
  const input = validInput() as Record<string, unknown>;
  let node: Record<string | number, unknown> = input;
  for (const part of path) node = node[part] as Record<string | number, unknown>;
  const copy: Record<string, unknown> = { [marker]: 0, ...node };
  if (path.length === 0) {
    const text = JSON.stringify(copy).replace(`"${marker}":0`, `${JSON.stringify(key)}:${valueText}`);
    return JSON.parse(text) as unknown;
  }
  let parent: Record<string | number, unknown> = input;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = copy;
  const text = JSON.stringify(input).replace(`"${marker}":0`, `${JSON.stringify(key)}:${valueText}`);
  return JSON.parse(text) as unknown;
}

function snapshotObjectPrototype(): string {
  return JSON.stringify(
    Reflect.ownKeys(Object.prototype).map((key) => {
      const d = Object.getOwnPropertyDescriptor(Object.prototype, key) as PropertyDescriptor;
      return [String(key), typeof d.value, d.get === undefined ? "" : "get", d.set === undefined ? "" : "set", d.enumerable, d.writable ?? null];
    }),
  );
}

describe("prototype keys", () => {
  let before = "";
  beforeAll(() => {
    before = snapshotObjectPrototype();
  });
  afterAll(() => {
    // Object.prototype is untouched after every run of this file.
    expect(snapshotObjectPrototype()).toBe(before);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("JSON.parse makes __proto__ an own key (the cases below are not vacuous)", () => {
    const parsed = withKeyInText(["participant"], "__proto__", '{"polluted":true}') as { participant: object };
    expect(Object.keys(parsed.participant)).toContain("__proto__");
    expect(Object.getPrototypeOf(parsed.participant)).toBe(Object.prototype);
  });

  it("refuses each prototype key at every level, at exactly its own path", () => {
    for (const path of OBJECT_PATHS) {
      for (const key of KEYS) {
        for (const valueText of ['{"polluted":true}', "null", "1", '{"year":2022,"id":"x"}', "[]"]) {
          const input = withKeyInText(path, key, valueText);
          const outcome = expectSound(input, safeScore(input));
          const where = `${JSON.stringify([...path, key])} = ${valueText}`;
          expect(outcome.success, where).toBe(false);
          if (outcome.success) continue;
          expect(outcome.error.issues.map((i) => [i.path, i.code]), where).toEqual([[[...path, key], "unrecognized_keys"]]);
        }
      }
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["year"]).toBeUndefined();
  });

  it("does not take values from an own __proto__ key: a field given only there is missing", () => {
    const text = JSON.stringify(validInput()).replace('"year":2022,', '"__proto__":{"year":2022},');
    const input = JSON.parse(text) as JsonObject;
    const outcome = safeScore(input);
    const issues = outcome.success ? [] : outcome.error.issues.map((i) => JSON.stringify([i.path, i.code]));
    expect(issues.sort()).toEqual([JSON.stringify([["__proto__"], "unrecognized_keys"]), JSON.stringify([["year"], "invalid_type"])].sort());
  });

  it("refuses prototype keys in a policy", () => {
    for (const key of KEYS) {
      const overrides = JSON.parse(`{"id":"p","${key}":{"decimals":0}}`) as unknown;
      expect(() => definePolicy(overrides), key).toThrow(expect.objectContaining({ name: "InputError" }) as unknown as Error);
      const nested = JSON.parse(`{"id":"p","surveyWeights":{"satisfied":1,"basicallySatisfied":0.5,"dissatisfied":0,"${key}":1}}`) as unknown;
      expect(() => definePolicy(nested), key).toThrow(expect.objectContaining({ name: "InputError" }) as unknown as Error);
    }
  });
});
