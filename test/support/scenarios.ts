/**
 * Scenario helpers shared by the sensitivity tests: a scenario as the derived policy it stands for,
 * and the ranking `score()` and `rank()` give under it.
 */
import fc from "fast-check";
import { definePolicy, rank, score, type Policy, type RankEntry } from "../../src/index.js";
import { Fraction } from "./fraction.js";
import { inputArb, type Json } from "./inputs.js";

/** The values a scenario gives the varied parameters (decimal texts, or the discrete value). */
export interface ScenarioValues {
  readonly "surveyWeights.basicallySatisfied"?: string;
  readonly "surveyWeights.dissatisfied"?: string;
  readonly complaintDeduction?: string;
  readonly roundAggregation?: string;
  readonly quotaRounding?: string;
}

/** The policy derived from `base` with the scenario's values, the others left at `base`'s. */
export function scenarioPolicy(base: Policy, values: ScenarioValues): Policy {
  const w = base.parameters.surveyWeights.value;
  const weights =
    values["surveyWeights.basicallySatisfied"] === undefined && values["surveyWeights.dissatisfied"] === undefined
      ? {}
      : {
          surveyWeights: {
            satisfied: w.satisfied,
            basicallySatisfied: values["surveyWeights.basicallySatisfied"] ?? w.basicallySatisfied,
            dissatisfied: values["surveyWeights.dissatisfied"] ?? w.dissatisfied,
          },
        };
  return definePolicy(
    {
      id: `${base.id}-scenario`,
      ...weights,
      ...(values.complaintDeduction === undefined ? {} : { complaintDeduction: values.complaintDeduction }),
      ...(values.roundAggregation === undefined ? {} : { roundAggregation: values.roundAggregation }),
      ...(values.quotaRounding === undefined ? {} : { quotaRounding: values.quotaRounding }),
    },
    { base },
  );
}

/** The ranking `score(…, { allowIncomplete: true })` then `rank()` give under a policy. */
export function rankingUnder(inputs: readonly unknown[], policy: Policy, by?: "category"): RankEntry[] {
  return rank(
    inputs.map((input) => score(input, { policy, allowIncomplete: true })),
    { policy, by },
  );
}

const CATEGORY = ["public-service", "law-enforcement", "comprehensive-management"] as const;

/**
 * 2 to 6 valid 2022 bodies with distinct ids, of any category, some inspection rounds scored out
 * of 100 (so the two round aggregations differ).
 */
export const fieldArb: fc.Arbitrary<Json[]> = fc
  .array(fc.tuple(inputArb, fc.constantFrom(...CATEGORY), fc.boolean()), { minLength: 2, maxLength: 6 })
  .map((bodies) =>
    bodies.map(([input, category, outOf100], i) => {
      const components = input["components"] as Record<string, Json>;
      const routine = components["routineInspection"] as { rounds: Json[] };
      const rounds = routine.rounds.map((r, k) => (outOf100 && k % 2 === 0 ? { ...r, outOf: 100 } : r));
      return {
        ...input,
        participant: { id: `b${i}`, name: `参评科室${i}`, category },
        components: { ...components, routineInspection: { rounds } },
      };
    }),
  );

/** A decimal text of `micro` micro units (`500000` → `"0.5"`). */
export const microText = (micro: number): string => (micro / 1e6).toFixed(6).replace(/\.?0+$/, "") || "0";

/** Two decimal texts compared by exact value (BigInt rationals, independent of the library's decimal.js). */
export const compareExactText = (a: string, b: string): number => Fraction.of(a).cmp(b);
