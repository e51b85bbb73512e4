/**
 * The shared derived-policy cases (`test/fixtures/policies.ndjson`, a copy of
 * `shared/conformance/policies.ndjson`): each policy built by `definePolicy`, each input scored
 * under it, every figure reproduced — `roundAggregation: "pooled"` among them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, safeScore } from "../src/index.js";
import { figures } from "./support/figures.js";

interface PolicyCase {
  policy: { id: string; roundAggregation?: string };
  input: unknown;
  expect: Record<string, unknown> & { findings: string[] };
}

const cases: PolicyCase[] = readFileSync(new URL("./fixtures/policies.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as PolicyCase);

describe("derived-policy conformance cases", () => {
  it("has every case of the shared file, pooled rounds among them", () => {
    expect(cases.length).toBe(120);
    expect(cases.filter((c) => c.policy.roundAggregation === "pooled").length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.policy.id, c] as const))("%s", (_id, c) => {
    const policy = definePolicy(c.policy);
    const outcome = safeScore(c.input, { policy, allowIncomplete: true });
    if (!outcome.success) throw outcome.error;
    const r = outcome.data;
    const { findings, ...expected } = c.expect;
    expect(figures(r)).toEqual(expected);
    expect(r.findings.map((f) => `${f.code}|${"component" in f ? f.component : ""}`).sort()).toEqual([...findings].sort());
  });
});
