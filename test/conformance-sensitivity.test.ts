/**
 * The shared sensitivity case (`test/fixtures/sensitivity/`, a copy of
 * `shared/conformance/sensitivity/`): twelve 2022 bodies under a policy with tiers and a 25% quota.
 * The base, the exact total range of every body, every one-at-a-time scenario and the comparison
 * with the candidate policy must come out exactly.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { definePolicy } from "../src/index.js";
import { compare, sensitivity } from "../src/sensitivity.js";

const read = (name: string): string => readFileSync(new URL(`./fixtures/sensitivity/${name}`, import.meta.url), "utf8");
const inputs: unknown[] = read("inputs.ndjson").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as unknown);
const policy = definePolicy(JSON.parse(read("policy.json")));
const candidate = definePolicy(JSON.parse(read("candidate.json")));
const expected = JSON.parse(read("expect.json")) as Record<"base" | "total" | "candidate", unknown> & {
  oneAtATime: { results: { participantId: string }[] }[];
};

// The case lists bodies by id; the result lists them in the base ranking's order (SPEC §11).
const byId = <T extends { participantId: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0));

describe("the shared sensitivity case", () => {
  const result = sensitivity(inputs, { policy });

  it("gives every body's base total, rank and tier", () => {
    expect(byId(result.participants.map((p) => ({ participantId: p.participant.id, ...p.base })))).toEqual(expected.base);
  });

  it("gives every body's exact total range over the default ranges", () => {
    expect(Object.fromEntries(result.participants.map((p) => [p.participant.id, [p.total.min, p.total.max]]))).toEqual(expected.total);
  });

  it("gives every one-at-a-time scenario, low end first, with each body's total, rank and tier", () => {
    expect(result.oneAtATime.map(({ rankChanged: _r, tierChanged: _t, ...scenario }) => ({ ...scenario, results: byId(scenario.results) }))).toEqual(
      expected.oneAtATime.map((scenario) => ({ ...scenario, results: byId(scenario.results) })),
    );
  });

  it("compares with the candidate policy as the case says", () => {
    const c = compare(inputs, { base: policy, candidate });
    expect(byId(c.participants.map((p) => ({ participantId: p.participant.id, ...p.candidate })))).toEqual(expected.candidate);
  });
});
