/**
 * Ranking (docs/ranking.md): competition ranks by exact total, vetoed and provisional results after the
 * ranked ones, and the policy's quota of 优秀 within each group. Works on validated results.
 */
import { compareDecimalText, floorOfShare, halfUpOfShare, isWholeShare } from "../decimal.js";
import { CATEGORIES, type Category, type Participant } from "../model/participant.js";
import type { QuotaRounding, Tier } from "../model/policy.js";
import type { RankEntry, RankGrouping } from "../model/rank.js";
import type { ScoreResult } from "../model/result.js";

/** The part of a result a ranking reads. */
export type Rankable = Pick<ScoreResult, "participant" | "total" | "status" | "vetoed" | "tier">;

const byId = (a: Rankable, b: Rankable): number =>
  a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0;

const byTotalDescThenId = (a: Rankable, b: Rankable): number => compareDecimalText(b.total, a.total) || byId(a, b);

/**
 * Ranks validated results (docs/ranking.md): one group, or one per category (in category order) when `by`
 * is `"category"`; in each group the ranked, then the vetoed, then the provisional results, and the
 * quota for `excellent`. Pure; never throws.
 *
 * @param results - Validated results (one year, one policy, each participant once).
 * @param by - `"category"`, or `undefined` for one group.
 * @param excellentQuota - The policy's share as canonical decimal text (`"0.2"`), or `null` for none.
 * @param quotaRounding - How quota × entries becomes a count: `floor` (default), `half-up`, `ceil`.
 * @returns The entries in ranking order.
 * @example
 * ```ts
 * rankResults([a9105, b9323, c9105], undefined, null).map((e) => [e.participant.id, e.rank]);
 * //=> [["b", 1], ["a", 2], ["c", 2]]
 * ```
 */
export function rankResults(
  results: readonly Rankable[],
  by: RankGrouping | undefined,
  excellentQuota: string | null,
  quotaRounding: QuotaRounding = "floor",
): RankEntry[] {
  const quota = excellentQuota === null ? null : { share: excellentQuota, rounding: quotaRounding };
  if (by === undefined) return rankGroup(results, undefined, quota);
  let entries: RankEntry[] = [];
  for (const category of CATEGORIES) {
    const members = results.filter((r) => r.participant.category === category);
    if (members.length > 0) entries = entries.concat(rankGroup(members, category, quota));
  }
  return entries;
}

/** A policy's quota of 优秀 and how its count is rounded. */
export interface Quota {
  readonly share: string;
  readonly rounding: QuotaRounding;
}

/**
 * How many of `count` entries a quota admits: `share × count` exactly, rounded as the policy says
 * (`floor` 去尾, `half-up` 四舍五入, `ceil` 进一法).
 *
 * @example
 * ```ts
 * quotaCount({ share: "0.25", rounding: "half-up" }, 10); //=> 3
 * quotaCount({ share: "0.25", rounding: "floor" }, 10); //=> 2
 * ```
 */
export function quotaCount(quota: Quota, count: number): number {
  const floor = floorOfShare(quota.share, count);
  if (quota.rounding === "floor") return floor;
  if (quota.rounding === "half-up") return halfUpOfShare(quota.share, count);
  return isWholeShare(quota.share, count) ? floor : floor + 1;
}

function rankGroup(results: readonly Rankable[], group: Category | undefined, quota: Quota | null): RankEntry[] {
  const ranked = results.filter((r) => r.status === "final" && !r.vetoed).sort(byTotalDescThenId);
  const vetoed = results.filter((r) => r.vetoed).sort(byTotalDescThenId);
  const pending = results.filter((r) => r.status === "provisional" && !r.vetoed).sort(byId);

  const ranks = competitionRanks(ranked);
  const tiers = applyExcellentQuota(ranked, ranks, quota);
  const entries: RankEntry[] = [];
  ranked.forEach((r, i) => entries.push(entryOf(r, group, ranks[i] ?? null, tiers[i] ?? null)));
  for (const r of vetoed) entries.push(entryOf(r, group, null, r.tier));
  for (const r of pending) entries.push(entryOf(r, group, null, r.tier));
  return entries;
}

/** Ranks 1, 2, 2, 4 over results sorted by total descending: equal totals share the better rank. */
function competitionRanks(sorted: readonly Rankable[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((r, i) => {
    const previous = sorted[i - 1];
    const tied = previous !== undefined && compareDecimalText(previous.total, r.total) === 0;
    ranks.push(tied ? (ranks[i - 1] as number) : i + 1);
  });
  return ranks;
}

/**
 * The tiers after the quota: at most quota × n (rounded as the policy says) ranked results keep `excellent`. An excellent
 * result keeps it when the excellent results ranked at or above its rank (its ties included) fit
 * the quota; otherwise it becomes `competent`, so a tie at the cut moves down whole.
 *
 * @example
 * ```ts
 * applyExcellentQuota([{ tier: "excellent" }, { tier: "excellent" }, { tier: "excellent" }], [1, 2, 2], { share: "0.5", rounding: "floor" });
 * //=> ["excellent", "competent", "competent"]
 * ```
 */
export function applyExcellentQuota(
  ranked: readonly { readonly tier: Tier | null }[],
  ranks: readonly number[],
  quota: Quota | null,
): (Tier | null)[] {
  const tiers = ranked.map((r) => r.tier);
  if (quota === null) return tiers;
  const limit = quotaCount(quota, ranked.length);
  let excellentSoFar = 0;
  let start = 0;
  while (start < ranked.length) {
    let end = start;
    while (end < ranked.length && ranks[end] === ranks[start]) end += 1;
    for (let i = start; i < end; i += 1) if (tiers[i] === "excellent") excellentSoFar += 1;
    if (excellentSoFar > limit) {
      for (let i = start; i < end; i += 1) if (tiers[i] === "excellent") tiers[i] = "competent";
    }
    start = end;
  }
  return tiers;
}

function entryOf(r: Rankable, group: Category | undefined, rank: number | null, tier: Tier | null): RankEntry {
  const participant: Participant = { ...r.participant };
  const rest = { total: r.total, rank, tier, vetoed: r.vetoed, status: r.status };
  return group === undefined ? { participant, ...rest } : { participant, group, ...rest };
}
