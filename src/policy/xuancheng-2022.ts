/**
 * The preset policy `xuancheng-2022`: the Xuancheng urban-management bureau's 2022 plan
 * (附件2 考评与计分方法), every parameter with the clause it comes from or the assumption it is.
 */
import type { Policy, Provenance } from "../model/policy.js";
import type { AssumptionId } from "../model/policy.js";
import { known } from "./known.js";
import { COMPONENTS, type ComponentId } from "../model/components.js";

const clause = (...clauses: string[]): Provenance => ({ kind: "clause", clauses });
const assumed = (assumption: AssumptionId): Provenance => ({ kind: "assumed", assumption });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const maxima = Object.fromEntries(COMPONENTS.map((c) => [c.id, c.max])) as Record<ComponentId, number>;

/**
 * The built-in policy: the rules of the source document with docs/assumptions.md's assumed defaults.
 *
 * @example
 * ```ts
 * import { xuancheng2022 } from "wubi-wuping";
 * xuancheng2022.parameters.commendationPoints.value.provincial; //=> "3"
 * xuancheng2022.parameters.surveyWeights.provenance; //=> { kind: "assumed", assumption: "survey-weights" }
 * ```
 */
export const xuancheng2022: Policy = known(deepFreeze({
  id: "xuancheng-2022",
  label: "宣城市城管执法局 2022 年“五比五评”考评与计分方法",
  base: null,
  parameters: {
    components: { value: maxima, provenance: clause("附件2-一", "附件2-二") },
    dailyWindow: { value: "Y-01-01..Y-12-31", provenance: clause("附件2-一") },
    comprehensiveWindow: { value: "Y-12-01..end of February Y+1", provenance: clause("附件2-二") },
    minRounds: { value: 2, provenance: clause("附件2-一") },
    commendationPoints: {
      value: { municipal: "0.5", "provincial-department": "0.5", provincial: "3", national: "5" },
      provenance: clause("附件2-三.1"),
    },
    roundAggregation: { value: "mean-of-fractions", provenance: assumed("round-aggregation") },
    surveyWeights: {
      value: { satisfied: "1", basicallySatisfied: "0.6", dissatisfied: "0" },
      provenance: assumed("survey-weights"),
    },
    complaintDeduction: { value: "1", provenance: assumed("complaint-deduction") },
    decimals: { value: 2, provenance: assumed("rounding") },
    unitCeiling: { value: "level-points", provenance: assumed("unit-commendation-ceiling") },
    sameMatterTieBreak: { value: "higher-level-then-smaller-id", provenance: assumed("same-matter-tie-break") },
    bonusCap: { value: null, provenance: assumed("bonus-cap") },
    tiers: { value: [], provenance: assumed("score-tiers") },
    excellentQuota: { value: null, provenance: assumed("score-tiers") },
    quotaRounding: { value: "floor", provenance: assumed("score-tiers") },
    vetoPeriod: { value: "Y-01-01..end of February Y+1", provenance: assumed("veto-period") },
    cycleYears: { value: 3, provenance: clause("二") },
    cycleStart: { value: 2022, provenance: assumed("cycle-start") },
    ballotQuorum: { value: null, provenance: assumed("ballot-quorum") },
    repeatedRater: { value: "count", provenance: assumed("repeated-rater") },
    minSeconds: { value: null, provenance: assumed("ballot-speed") },
    groupWeights: { value: null, provenance: assumed("group-weights") },
  },
}));

/** The presets by id. A derived policy may not take a preset's id. */
export const PRESETS: Readonly<Record<string, Policy>> = Object.freeze({ [xuancheng2022.id]: xuancheng2022 });

export { deepFreeze };
