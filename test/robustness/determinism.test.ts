/**
 * Determinism (issue 5, SPEC §8): the same input gives byte-identical JSON from the ESM build, the
 * CJS build and the CLI, and under every permutation of its arrays and of its objects' keys.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as src from "../../src/index.js";
import { RUNS, clone, validInput, validInputArb, type Json, type JsonObject } from "./support.js";

type Library = typeof src;

/** The lists of an input that the contract says are order-free. */
const LIST_PATHS: readonly (readonly string[])[] = [
  ["components", "routineInspection", "rounds"],
  ["components", "specialInspection", "rounds"],
  ["components", "unannouncedVisit", "rounds"],
  ["components", "complaints", "complaints"],
  ["components", "cityLeaders", "scores"],
  ["commendations"],
  ["vetoes"],
];

function listAt(input: JsonObject, path: readonly string[]): Json[] | undefined {
  let node: Json | undefined = input;
  for (const part of path) node = node !== null && typeof node === "object" && !Array.isArray(node) ? node[part] : undefined;
  return Array.isArray(node) ? node : undefined;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

/** A copy with every object's keys in reverse order (JSON.stringify of the result must not care). */
function reverseKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).reverse()) out[key] = reverseKeys(value[key] as Json);
  return out;
}

/** The JSON the library gives for an input: the result, or the issues. */
const outcomeJson = (lib: Library, input: unknown): string => {
  const outcome = lib.safeScore(input, { allowIncomplete: true });
  return outcome.success ? JSON.stringify(outcome.data) : JSON.stringify({ issues: outcome.error.issues });
};

describe("the same input gives the same bytes under any order of its arrays and keys", () => {
  it("every permutation of every array of the starting input", () => {
    const start = validInput();
    const expected = outcomeJson(src, start);
    const lists = LIST_PATHS.map((path) => listAt(start, path) ?? []);
    let combinations: Json[][][] = [[]];
    for (const list of lists) combinations = combinations.flatMap((prefix) => permutations(list).map((p) => [...prefix, p]));
    expect(combinations.length).toBe(2 * 2 * 2 * 6 * 1 * 2 * 1);
    for (const combination of combinations) {
      const input = clone(start);
      LIST_PATHS.forEach((path, i) => {
        const list = listAt(input, path);
        if (list !== undefined) list.splice(0, list.length, ...clone(combination[i] as Json[]));
      });
      expect(outcomeJson(src, input)).toBe(expected);
      expect(outcomeJson(src, reverseKeys(input))).toBe(expected);
    }
  });

  it("random permutations of the arrays of generated inputs, with their keys reversed", () => {
    fc.assert(
      fc.property(validInputArb, fc.array(fc.nat(), { minLength: LIST_PATHS.length, maxLength: LIST_PATHS.length }), (start, seeds) => {
        const expected = outcomeJson(src, start);
        const input = clone(start);
        LIST_PATHS.forEach((path, i) => {
          const list = listAt(input, path);
          if (list === undefined || list.length < 2) return;
          // A Fisher–Yates shuffle driven by the seed.
          let s = (seeds[i] as number) + 1;
          for (let j = list.length - 1; j > 0; j -= 1) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const k = s % (j + 1);
            [list[j], list[k]] = [list[k] as Json, list[j] as Json];
          }
        });
        expect(outcomeJson(src, reverseKeys(input))).toBe(expected);
      }),
      RUNS,
    );
  });

  it("the same input scored twice, and after other inputs, gives the same bytes", () => {
    const start = validInput();
    const first = outcomeJson(src, start);
    for (const input of fc.sample(validInputArb, { numRuns: 20, seed: 5 })) outcomeJson(src, input);
    expect(outcomeJson(src, start)).toBe(first);
  });
});

describe.skipIf(!existsSync("dist/index.js") || !existsSync("dist/index.cjs") || !existsSync("dist/cli.js"))("ESM, CJS and the CLI give the same bytes", () => {
  let esm: Library;
  let cjs: Library;
  const inputs: unknown[] = [
    validInput(),
    ...fc.sample(validInputArb, { numRuns: 30, seed: 42 }),
    { ...validInput(), year: "2022" },
    { ...validInput(), extra: 1 },
    JSON.parse(JSON.stringify(validInput()).replace('{"year"', '{"__proto__":{},"year"')) as unknown,
    [],
  ];

  beforeAll(async () => {
    esm = (await import(pathToFileURL(resolve("dist/index.js")).href)) as Library;
    cjs = createRequire(import.meta.url)(resolve("dist/index.cjs")) as Library;
  });

  it("from the ESM and the CJS build, and from the source", () => {
    expect(esm.safeScore).not.toBe(cjs.safeScore);
    for (const input of inputs) {
      const expected = outcomeJson(src, input);
      expect(outcomeJson(esm, input)).toBe(expected);
      expect(outcomeJson(cjs, input)).toBe(expected);
    }
  });

  it("from the CLI: score --json FILE|- and score --batch", () => {
    const cli = (argv: string[], stdin: string): { status: number | null; stdout: string } =>
      spawnSync(process.execPath, ["dist/cli.js", ...argv], { input: stdin, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const one = cli(["score", "-", "--json"], JSON.stringify(validInput()));
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(`${JSON.stringify(esm.score(validInput()))}\n`);
    const batch = cli(["score", "--batch", "-", "--allow-incomplete"], `${inputs.map((i) => JSON.stringify(i)).join("\n")}\n`);
    expect(batch.status).toBe(0);
    const lines = batch.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(inputs.length);
    inputs.forEach((input, i) => {
      const outcome = cjs.safeScore(input, { allowIncomplete: true });
      const id = (input as { participant?: { id?: unknown } } | null)?.participant?.id;
      const named = typeof id === "string" && id !== "" ? { participant: { id } } : {};
      const expected = outcome.success ? JSON.stringify(outcome.data) : JSON.stringify({ line: i + 1, ...named, error: { issues: outcome.error.issues } });
      expect(lines[i], `line ${i + 1}`).toBe(expected);
    });
  });
});
