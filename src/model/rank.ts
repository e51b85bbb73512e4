/** A ranking entry (docs/ranking.md): one result's place in its group. Keys appear in the order listed. */
import * as z from "zod/mini";
import { CATEGORIES, ParticipantSchema } from "./participant.js";
import { TIERS } from "./policy.js";

/** The only grouping `rank` knows besides none: one ranking per category, in category order. */
export const RANK_GROUPINGS = ["category"] as const;
/** How `rank` groups: `"category"`, or all results together when absent. */
export type RankGrouping = (typeof RANK_GROUPINGS)[number];

/**
 * One entry of a ranking. `group` is present only when ranked by category.
 *
 * @example
 * ```ts
 * RankEntrySchema.safeParse(rank(results)[0]).success; //=> true
 * ```
 */
export const RankEntrySchema = z.object({
  participant: ParticipantSchema,
  group: z.optional(z.enum(CATEGORIES)),
  total: z.string(),
  rank: z.nullable(z.int().check(z.minimum(1))),
  tier: z.nullable(z.enum(TIERS)),
  vetoed: z.boolean(),
  status: z.enum(["final", "provisional"]),
});
/** One entry of a ranking. */
export type RankEntry = z.output<typeof RankEntrySchema>;
