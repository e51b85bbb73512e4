/** The figures of a result that the shared conformance files list (see shared/conformance/README.md). */
import type { ScoreResult } from "../../src/index.js";

/** A result's figures as a conformance case states them. */
export function figures(result: ScoreResult): Record<string, unknown> {
  return {
    status: result.status,
    daily: result.daily,
    comprehensive: result.comprehensive,
    base: result.base,
    bonus: result.bonus.points,
    total: result.total,
    // The cases list the points of the components that were scored; a missing one is absent.
    components: Object.fromEntries(result.components.filter((c) => c.missing !== true).map((c) => [c.id, c.points])),
    counted: result.bonus.counted.map((c) => c.id),
    excluded: Object.fromEntries(result.bonus.excluded.map((e) => [e.id, e.reason])),
    vetoed: result.vetoed,
    tier: result.tier,
    vetoes: Object.fromEntries(result.vetoes.map((v) => [v.id, v.status])),
  };
}
