/** `rank` (SPEC §7): competition ranks, the order of vetoed and provisional results, the quota. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RankEntrySchema, definePolicy, rank, type RankEntry } from "../../src/index.js";
import { deepFreeze, resultOf } from "./rank-fixtures.js";
import { thrownIssues } from "../support/errors.js";

const summary = (entries: readonly RankEntry[]) => entries.map((e) => [e.participant.id, e.total, e.rank, e.tier]);

const issuesOf = thrownIssues;

const quotaPolicy = definePolicy({
  id: "quota-test",
  excellentQuota: "0.3",
  tiers: [
    { tier: "excellent", min: 90 },
    { tier: "competent", min: 80 },
  ],
});
const q = (id: string, total: string, more: { vetoed?: boolean; status?: "final" | "provisional"; category?: "law-enforcement" } = {}) =>
  resultOf({
    id,
    total,
    policy: "quota-test",
    tier: more.vetoed === true ? "incompetent" : more.status === "provisional" ? null : Number(total) >= 90 ? "excellent" : "competent", // the tier score() gives under quotaPolicy
    ...more,
  });

describe("rank", () => {
  it("gives equal totals the same rank and skips the places they take (1, 2, 2, 4)", () => {
    const entries = rank([
      resultOf({ id: "d", total: "88.60" }),
      resultOf({ id: "b", total: "91.05" }),
      resultOf({ id: "a", total: "93.23" }),
      resultOf({ id: "c", total: "91.05" }),
    ]);
    expect(summary(entries)).toEqual([
      ["a", "93.23", 1, null],
      ["b", "91.05", 2, null],
      ["c", "91.05", 2, null],
      ["d", "88.60", 4, null],
    ]);
  });

  it("orders equal totals by participant id in UTF-16 code-unit order, not by locale or code point", () => {
    const ids = ["b", "B", "a", "\uFF61", "\u{1F600}", "城"];
    const entries = rank(ids.map((id) => resultOf({ id, total: "90.00" })));
    expect(entries.map((e) => e.participant.id)).toEqual(["B", "a", "b", "城", "\u{1F600}", "\uFF61"]);
    expect(entries.every((e) => e.rank === 1)).toBe(true);
  });

  it("compares totals as exact decimals, so 100.00 ranks above 99.99 and 9.99", () => {
    const entries = rank([
      resultOf({ id: "a", total: "9.99" }),
      resultOf({ id: "b", total: "100.00" }),
      resultOf({ id: "c", total: "99.99" }),
    ]);
    expect(summary(entries)).toEqual([
      ["b", "100.00", 1, null],
      ["c", "99.99", 2, null],
      ["a", "9.99", 3, null],
    ]);
  });

  it("puts vetoed results after the ranked ones, by total then id, with rank null, provisional or not", () => {
    const entries = rank([
      resultOf({ id: "v1", total: "95.00", vetoed: true }),
      resultOf({ id: "ok", total: "80.00" }),
      resultOf({ id: "v3", total: "97.00", vetoed: true, status: "provisional" }),
      resultOf({ id: "v2", total: "95.00", vetoed: true }),
    ]);
    expect(entries.map((e) => [e.participant.id, e.rank, e.tier, e.vetoed, e.status])).toEqual([
      ["ok", 1, null, false, "final"],
      ["v3", null, "incompetent", true, "provisional"],
      ["v1", null, "incompetent", true, "final"],
      ["v2", null, "incompetent", true, "final"],
    ]);
  });

  it("puts the remaining provisional results last, by id whatever their totals, with rank null", () => {
    const entries = rank([
      resultOf({ id: "p2", total: "99.00", status: "provisional" }),
      resultOf({ id: "v", total: "10.00", vetoed: true }),
      resultOf({ id: "p1", total: "20.00", status: "provisional" }),
      resultOf({ id: "f", total: "50.00" }),
    ]);
    expect(entries.map((e) => [e.participant.id, e.rank])).toEqual([
      ["f", 1],
      ["v", null],
      ["p1", null],
      ["p2", null],
    ]);
  });

  it("ranks each category on its own, groups in category order, each entry naming its group", () => {
    const entries = rank(
      [
        resultOf({ id: "m1", total: "90.00", category: "comprehensive-management" }),
        resultOf({ id: "l1", total: "80.00", category: "law-enforcement" }),
        resultOf({ id: "p1", total: "70.00", category: "public-service" }),
        resultOf({ id: "m2", total: "95.00", category: "comprehensive-management" }),
        resultOf({ id: "lv", total: "99.00", category: "law-enforcement", vetoed: true }),
      ],
      { by: "category" },
    );
    expect(entries.map((e) => [e.group, e.participant.id, e.rank])).toEqual([
      ["public-service", "p1", 1],
      ["law-enforcement", "l1", 1],
      ["law-enforcement", "lv", null],
      ["comprehensive-management", "m2", 1],
      ["comprehensive-management", "m1", 2],
    ]);
  });

  it("writes entry keys in the order participant, group, total, rank, tier, vetoed, status, group only by category", () => {
    const results = [resultOf({ id: "a", total: "90.00" })];
    expect(Object.keys(rank(results)[0] as object)).toEqual(["participant", "total", "rank", "tier", "vetoed", "status"]);
    expect(Object.keys(rank(results, { by: "category" })[0] as object)).toEqual([
      "participant",
      "group",
      "total",
      "rank",
      "tier",
      "vetoed",
      "status",
    ]);
    expect(RankEntrySchema.safeParse(rank(results)[0]).success).toBe(true);
  });

  it("returns an empty ranking for no results", () => {
    expect(rank([])).toEqual([]);
  });

  it("does not mutate its input, nor share the input's participant objects", () => {
    const results = deepFreeze([resultOf({ id: "b", total: "80.00" }), resultOf({ id: "a", total: "90.00" })]);
    const entries = rank(results);
    expect(entries[0]?.participant).toEqual(results[1]?.participant);
    expect(entries[0]?.participant).not.toBe(results[1]?.participant);
  });
});

describe("rank with an excellent quota", () => {
  it("keeps at most ⌊quota × ranked entries⌋ excellent, moving the lowest-ranked ones to competent", () => {
    // 7 ranked entries × 0.3 = 2.1 → 2 may stay excellent.
    const totals = ["98.00", "96.00", "94.00", "92.00", "91.00", "85.00", "82.00"];
    const entries = rank(
      totals.map((t, i) => q(`b${i}`, t)),
      { policy: quotaPolicy },
    );
    expect(entries.map((e) => e.tier)).toEqual(["excellent", "excellent", "competent", "competent", "competent", "competent", "competent"]);
  });

  it("moves a tie at the cut down whole rather than exceed the quota", () => {
    const entries = rank([q("a", "98.00"), q("b", "95.00"), q("c", "95.00"), q("d", "91.00"), q("e", "85.00"), q("f", "84.00"), q("g", "83.00")], {
      policy: quotaPolicy,
    });
    expect(summary(entries)).toEqual([
      ["a", "98.00", 1, "excellent"],
      ["b", "95.00", 2, "competent"],
      ["c", "95.00", 2, "competent"],
      ["d", "91.00", 4, "competent"],
      ["e", "85.00", 5, "competent"],
      ["f", "84.00", 6, "competent"],
      ["g", "83.00", 7, "competent"],
    ]);
  });

  it("keeps a tie that fits the quota whole", () => {
    const results = ["95.00", "95.00", "85.00", "84.00", "83.00", "82.00", "81.00"].map((t, i) => q(`b${i}`, t));
    expect(rank(results, { policy: quotaPolicy }).map((e) => e.tier).slice(0, 3)).toEqual(["excellent", "excellent", "competent"]);
  });

  it("counts only ranked entries for the quota: vetoed and provisional results do not enlarge it", () => {
    const results = [
      q("a", "98.00"),
      q("b", "96.00"),
      q("c", "85.00"),
      q("v1", "99.00", { vetoed: true }),
      q("v2", "99.00", { vetoed: true }),
      q("p1", "99.00", { status: "provisional" }),
      q("p2", "99.00", { status: "provisional" }),
    ];
    // 3 ranked × 0.3 = 0.9 → none may stay excellent.
    expect(rank(results, { policy: quotaPolicy }).map((e) => [e.participant.id, e.tier])).toEqual([
      ["a", "competent"],
      ["b", "competent"],
      ["c", "competent"],
      ["v1", "incompetent"],
      ["v2", "incompetent"],
      ["p1", null],
      ["p2", null],
    ]);
  });

  it("applies the quota within each category when ranked by category", () => {
    const management = ["98.00", "97.00", "96.00", "95.00", "80.00", "80.00", "80.00"].map((t, i) => q(`m${i}`, t));
    const enforcement = ["99.00", "81.00", "81.00", "81.00"].map((t, i) => q(`l${i}`, t, { category: "law-enforcement" }));
    const entries = rank([...management, ...enforcement], { by: "category", policy: quotaPolicy });
    const excellent = (group: string) => entries.filter((e) => e.group === group && e.tier === "excellent").map((e) => e.participant.id);
    expect(excellent("comprehensive-management")).toEqual(["m0", "m1"]); // ⌊0.3 × 7⌋ = 2
    expect(excellent("law-enforcement")).toEqual(["l0"]); // ⌊0.3 × 4⌋ = 1
  });

  it("reads the example policy of docs/ranking.md: tiers 90/80/70 and a quota of 20%", () => {
    const example = definePolicy(JSON.parse(readFileSync(new URL("../../examples/policy/xuancheng-2022-quota.json", import.meta.url), "utf8")));
    expect(example.parameters.excellentQuota.value).toBe("0.2");
    const results = ["95.82", "94.51", "92.94", "92.88", "92.35", "91.62"].map((total, i) =>
      resultOf({ id: `b${i}`, total, tier: "excellent", policy: example.id }),
    );
    expect(rank(results, { policy: example }).map((e) => e.tier)).toEqual(["excellent", ...Array<string>(5).fill("competent")]);
  });

  it("changes nothing with a quota of 1, and applies no quota under a policy without one", () => {
    const all = definePolicy({ id: "all", excellentQuota: 1, tiers: [{ tier: "excellent", min: 0 }] });
    const results = ["90.00", "90.00", "80.00"].map((t, i) => resultOf({ id: `b${i}`, total: t, tier: "excellent", policy: "all" }));
    expect(rank(results, { policy: all }).every((e) => e.tier === "excellent")).toBe(true);
    const preset = ["90.00", "90.00", "80.00"].map((t, i) => resultOf({ id: `b${i}`, total: t, tier: "excellent" }));
    expect(rank(preset).every((e) => e.tier === "excellent")).toBe(true);
  });
});

describe("rank refuses", () => {
  it("a result computed under another policy, naming its path", () => {
    const issues = issuesOf(() => rank([resultOf({ id: "a", total: "90.00" }), resultOf({ id: "b", total: "90.00", policy: "other" })]));
    expect(issues).toMatchInlineSnapshot(`
      [
        {
          "code": "policy-mismatch",
          "message": "该结果按政策 other 计算，而排名使用政策 xuancheng-2022；请用同一政策计算，或指定该政策",
          "path": [
            1,
            "policy",
            "id",
          ],
        },
      ]
    `);
  });

  it("garbage, with every problem at once and its path, in English when asked", () => {
    const good = resultOf({ id: "a", total: "90.00" });
    const badTotal = resultOf({ id: "b", total: "90.1" });
    const strayKey = { ...resultOf({ id: "c", total: "90.00" }), participant: { ...good.participant, id: "c", extra: 1 } };
    const otherYear = resultOf({ id: "a", total: "80.00", year: 2023 });
    const issues = issuesOf(() => rank([good, "x", badTotal, strayKey, otherYear], { lang: "en" }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [[1], "invalid_type"],
      [[2, "total"], "invalid-total"],
      [[3, "participant", "extra"], "unrecognized_keys"],
      [[4, "participant", "id"], "duplicate-id"],
      [[4, "year"], "mixed-years"],
    ]);
    expect(issues.find((i) => i.code === "invalid-total")?.message).toBe(
      "The total must be a fixed-point number with exactly 2 decimals (the policy's), as score() writes it",
    );
  });

  it("a participant listed twice, and a grouping it does not know", () => {
    const twice = [resultOf({ id: "a", total: "90.00" }), resultOf({ id: "a", total: "80.00" })];
    expect(issuesOf(() => rank(twice)).map((i) => [i.path, i.code])).toEqual([[[1, "participant", "id"], "duplicate-id"]]);
    const by = "unit" as unknown as "category";
    expect(issuesOf(() => rank([], { by })).map((i) => [i.path, i.code])).toEqual([[["by"], "invalid_value"]]);
  });

  it("something that is not a list", () => {
    expect(issuesOf(() => rank({ results: [] })).map((i) => i.code)).toEqual(["invalid_type"]);
  });
});
