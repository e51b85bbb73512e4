/**
 * The shared derived-policy cases (`test/fixtures/policies.ndjson`, a copy of
 * `shared/conformance/policies.ndjson`): each policy built by `definePolicy`, each input scored
 * under it, every figure reproduced — `roundAggregation: "pooled"` among them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy, safeScore } from "../src/index.js";

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
    const { findings, ...figures } = c.expect;
    expect({
      status: r.status,
      daily: r.daily,
      comprehensive: r.comprehensive,
      base: r.base,
      bonus: r.bonus.points,
      total: r.total,
      components: Object.fromEntries(r.components.filter((x) => x.missing !== true).map((x) => [x.id, x.points])),
      counted: r.bonus.counted.map((x) => x.id),
      excluded: Object.fromEntries(r.bonus.excluded.map((x) => [x.id, x.reason])),
      vetoed: r.vetoed,
      tier: r.tier,
      vetoes: Object.fromEntries(r.vetoes.map((v) => [v.id, v.status])),
    }).toEqual(figures);
    expect(r.findings.map((f) => `${f.code}|${"component" in f ? f.component : ""}`).sort()).toEqual([...findings].sort());
  });
});
