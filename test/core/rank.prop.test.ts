/** Laws of `rank` (SPEC §7), checked on generated results. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES, definePolicy, rank, type RankEntry, type ScoreResult, type Tier } from "../../src/index.js";
import { deepFreeze, resultOf } from "./rank-fixtures.js";

const policy = definePolicy({
  id: "prop-quota",
  excellentQuota: "0.35",
  tiers: [
    { tier: "excellent", min: "0.10" },
    { tier: "competent", min: "0.05" },
  ],
});

/** Totals drawn from a small range so ties are common; written with the policy's 2 decimals. */
const totalArb = fc.integer({ min: 0, max: 12 }).map((n) => `0.${String(n).padStart(2, "0")}`);

const kindArb = fc.constantFrom("final", "final", "final", "vetoed", "provisional", "vetoed-provisional");

function tierOf(total: string, kind: string): Tier | null {
  if (kind.startsWith("vetoed")) return "incompetent";
  if (kind === "provisional") return null;
  return total >= "0.10" ? "excellent" : total >= "0.05" ? "competent" : "incompetent";
}

const resultsArb: fc.Arbitrary<ScoreResult[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom("a", "b", "B", "城", "\u{1F600}") }),
      total: totalArb,
      kind: kindArb,
      category: fc.constantFrom(...CATEGORIES),
    }),
    { selector: (r) => r.id, maxLength: 25 },
  )
  .map((facts) =>
    facts.map((f) =>
      resultOf({
        id: f.id,
        total: f.total,
        category: f.category,
        policy: "prop-quota",
        vetoed: f.kind.startsWith("vetoed"),
        status: f.kind.endsWith("provisional") ? "provisional" : "final",
        tier: tierOf(f.total, f.kind),
      }),
    ),
  );

const byArb = fc.constantFrom(undefined, "category" as const);
const numRuns = 100;

const groupsOf = (entries: readonly RankEntry[]): RankEntry[][] => {
  const groups = new Map<string, RankEntry[]>();
  for (const e of entries) groups.set(e.group ?? "", [...(groups.get(e.group ?? "") ?? []), e]);
  return [...groups.values()];
};
const ranked = (group: readonly RankEntry[]) => group.filter((e) => e.rank !== null);
const cents = (total: string): number => Number(total.replace(".", ""));

describe("rank laws", () => {
  it("ranks are a function of the results, not of their order (permutation invariance)", () => {
    fc.assert(
      fc.property(
        resultsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))),
        byArb,
        ([results, shuffled], by) => {
          expect(rank(shuffled, { by, policy })).toEqual(rank(results, { by, policy }));
        },
      ),
      { numRuns },
    );
  });

  it("every result appears exactly once, and ranks are 1 + the number of ranked entries with a higher total", () => {
    fc.assert(
      fc.property(resultsArb, byArb, (results, by) => {
        const entries = rank(results, { by, policy });
        expect(entries.map((e) => e.participant.id).sort()).toEqual(results.map((r) => r.participant.id).sort());
        for (const group of groupsOf(entries)) {
          for (const e of ranked(group)) {
            const higher = ranked(group).filter((o) => cents(o.total) > cents(e.total)).length;
            expect(e.rank).toBe(higher + 1);
          }
        }
      }),
      { numRuns },
    );
  });

  it("equal totals share a rank, and a higher total never ranks below a lower one", () => {
    fc.assert(
      fc.property(resultsArb, byArb, (results, by) => {
        for (const group of groupsOf(rank(results, { by, policy }))) {
          for (const a of ranked(group)) {
            for (const b of ranked(group)) {
              if (a.total === b.total) expect(a.rank).toBe(b.rank);
              if (cents(a.total) > cents(b.total)) expect(a.rank as number).toBeLessThan(b.rank as number);
            }
          }
        }
      }),
      { numRuns },
    );
  });

  it("only final, non-vetoed results are ranked, and they come first in each group", () => {
    fc.assert(
      fc.property(resultsArb, byArb, (results, by) => {
        for (const group of groupsOf(rank(results, { by, policy }))) {
          const firstUnranked = group.findIndex((e) => e.rank === null);
          if (firstUnranked >= 0) expect(group.slice(firstUnranked).every((e) => e.rank === null)).toBe(true);
          for (const e of group) expect(e.rank !== null).toBe(e.status === "final" && !e.vetoed);
        }
      }),
      { numRuns },
    );
  });

  it("the quota is never exceeded, only excellent moves (to competent), and never above one that stays", () => {
    fc.assert(
      fc.property(resultsArb, byArb, (results, by) => {
        const entries = rank(results, { by, policy });
        const before = new Map(results.map((r) => [r.participant.id, r.tier]));
        for (const group of groupsOf(entries)) {
          const list = ranked(group);
          const excellent = list.filter((e) => e.tier === "excellent");
          expect(excellent.length).toBeLessThanOrEqual(Math.floor((35 * list.length) / 100));
          const worstKept = Math.max(0, ...excellent.map((e) => e.rank as number));
          for (const e of group) {
            const was = before.get(e.participant.id);
            if (e.tier !== was) {
              expect([was, e.tier]).toEqual(["excellent", "competent"]);
              expect(e.rank as number).toBeGreaterThan(worstKept);
            }
          }
        }
      }),
      { numRuns },
    );
  });

  it("no input is mutated", () => {
    fc.assert(
      fc.property(resultsArb, byArb, (results, by) => {
        const frozen = deepFreeze(structuredClone(results));
        rank(frozen, { by, policy });
        expect(frozen).toEqual(results);
      }),
      { numRuns: 30 },
    );
  });
});
