/**
 * The hand-worked example of docs/zh-CN/测评票.md and docs/ballots.md: the box and the policies on
 * the page, tallied and scored, give the counts, lists and points the page works out by hand.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyTally, definePolicy, score, tally } from "../src/index.js";

/** The JSON blocks of a page, parsed, in order. */
function jsonBlocks(page: string): unknown[] {
  return [...readFileSync(page, "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as unknown);
}

/** The points of serviceRecipients for cgjdk, once the tally is applied to an input of that one component. */
function points(box: unknown, overrides: unknown): string {
  const policy = definePolicy(overrides);
  const t = tally(box, { participants: ["cgjdk"], policy });
  const [input] = applyTally([{ year: 2022, participant: { id: "cgjdk", name: "城管监督科", category: "law-enforcement" }, components: {} }], [t]);
  return score(input, { policy, allowIncomplete: true }).components.find((c) => c.id === "serviceRecipients")?.points ?? "";
}

describe.each([
  ["docs/zh-CN/测评票.md", 2],
  ["docs/ballots.md", 2],
])("the worked example of %s", (page, at) => {
  const blocks = jsonBlocks(page);
  const [policy, box, grouped] = [blocks[at - 1], blocks[at], blocks[at + 1]] as [Record<string, unknown>, unknown, Record<string, unknown>];
  const text = readFileSync(page, "utf8");

  it("tallies to the counts and lists worked out by hand", () => {
    const t = tally(box, { participants: ["cgjdk"], policy: definePolicy(policy) });
    const p = t.participants[0];
    expect(p?.survey.ballots).toEqual({ satisfied: 5, basicallySatisfied: 2, dissatisfied: 1, unknown: 1 });
    expect([p?.blank, p?.invalid, p?.notCounted]).toEqual([["10"], ["07"], ["08"]]);
    expect([t.box.returned, t.box.counted, t.tooFast, t.repeatedRaters]).toEqual([12, 11, ["06"], [{ rater: "r05", ballots: ["05", "08"] }]]);
  });

  it("scores the points the page gives, pooled, under the preset's count, and group-weighted", () => {
    const pooled = points(box, policy);
    const counted = points(box, { id: "counted" });
    const weighted = points(box, grouped);
    expect([pooled, counted, weighted]).toEqual(["11.63", "10.33", "11.70"]);
    for (const figure of [pooled, counted, weighted]) expect(text).toContain(`**${figure}**`);
  });
});
