/**
 * Tiers (docs/ranking.md): the veto's 不称职, and the policy's score thresholds for final results.
 * Quotas are `rank`'s business, never `score()`'s.
 */
import type { Exact } from "../decimal.js";
import type { Tier } from "../model/policy.js";
import type { CompiledPolicy } from "../policy/compile.js";

/**
 * The tier of a result: `incompetent` when vetoed; `null` when provisional or when the policy
 * has no thresholds; else the first threshold the total reaches, or `incompetent` below them all.
 */
export function tierOf(total: Exact, vetoed: boolean, provisional: boolean, cp: CompiledPolicy): Tier | null {
  if (vetoed) return "incompetent";
  if (provisional || cp.tiers.length === 0) return null;
  for (const threshold of cp.tiers) if (total.gte(threshold.min)) return threshold.tier;
  return "incompetent";
}
