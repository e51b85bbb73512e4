/**
 * The shared conformance cases (`test/fixtures/conformance.ndjson`, a copy of
 * `shared/conformance/cases.ndjson`): every figure the contract implies, reproduced.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, safeScore } from "../src/index.js";
import { figures } from "./support/figures.js";

interface Case {
  name: string;
  input: unknown;
  options: { allowIncomplete?: boolean };
  expect: Record<string, unknown>;
}

const cases: Case[] = readFileSync(new URL("./fixtures/conformance.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Case);

const byCodeAndComponent = (a: { code: string; component?: string }, b: { code: string; component?: string }): number =>
  `${a.code}/${a.component ?? ""}`.localeCompare(`${b.code}/${b.component ?? ""}`);

describe("conformance cases", () => {
  it("has every case of the shared file", () => {
    expect(cases.length).toBe(63);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const outcome = safeScore(c.input, c.options);
    const expected = c.expect;
    if ("error" in expected) {
      const error = expected["error"] as { code: string; components: string[] };
      expect(outcome.success).toBe(false);
      if (outcome.success) return;
      expect(outcome.error).toBeInstanceOf(InputError);
      const named = outcome.error.issues.filter((i) => i.code === error.code).map((i) => i.path[1]);
      expect(named.sort()).toEqual([...error.components].sort());
      return;
    }
    if (!outcome.success) throw outcome.error;
    const { findings, ...rest } = expected as { findings: { code: string; component?: string }[] };
    expect(figures(outcome.data)).toEqual(rest);
    const actual = outcome.data.findings.map((f) => ("component" in f ? { code: f.code, component: f.component } : { code: f.code }));
    expect(actual.sort(byCodeAndComponent)).toEqual([...findings].sort(byCodeAndComponent));
  });
});
