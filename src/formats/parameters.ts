/**
 * A policy's parameters as a person reads them: each parameter's name, its value in words (no
 * JSON), and what it means; each assumption's short name. One wording for `wubi-wuping policy`,
 * the `假定参数` sheet of the results workbook and any other front end (docs/assumptions.md,
 * docs/zh-CN/假定参数.md). The words themselves live in src/messages/parameters.ts, which the
 * sensitivity chart reads too. Pure: no I/O.
 */
import { ASSUMPTION_LABELS, PARAMETER_MEANINGS, PARAMETER_NAMES, parameterValueText, type ParameterKey } from "../messages/parameters.js";
import type { AssumptionId, Lang, Policy, PolicyParameters } from "../index.js";

export { ASSUMPTION_LABELS, PARAMETER_MEANINGS, PARAMETER_NAMES, parameterValueText, type ParameterValueOptions } from "../messages/parameters.js";

/**
 * One assumed parameter of a policy as a person reads it: the assumption's short name, the
 * parameter's name, its value in words, what it means, and the assumption's id (for finding it
 * in a result's `assumptions` and in docs/assumptions.md).
 *
 * @example
 * ```ts
 * const row: AssumedParameter = { assumption: "bonus-cap", label: "加分上限", parameter: "bonusCap", name: "加分上限", value: "无上限", meaning: "各项加分合计的上限" };
 * ```
 */
export interface AssumedParameter {
  readonly assumption: AssumptionId;
  readonly label: string;
  readonly parameter: ParameterKey;
  readonly name: string;
  readonly value: string;
  readonly meaning: string;
}

/**
 * The parameters of `policy` whose value is an assumption (provenance `assumed`), in the policy's
 * order, each in words.
 *
 * @param policy - The policy.
 * @param lang - The language of the words.
 * @returns One entry per assumed parameter.
 * @example
 * ```ts
 * assumedParameters(xuancheng2022, "zh")[0];
 * //=> { assumption: "round-aggregation", label: "各轮汇总", parameter: "roundAggregation", name: "各轮得分的汇总方式", value: "各轮按本轮满分折算后取平均", meaning: "日常督查、…" }
 * ```
 */
export function assumedParameters(policy: Policy, lang: Lang): AssumedParameter[] {
  const rows: AssumedParameter[] = [];
  for (const [key, parameter] of Object.entries(policy.parameters) as [ParameterKey, PolicyParameters[ParameterKey]][]) {
    if (parameter.provenance.kind !== "assumed") continue;
    const assumption = parameter.provenance.assumption;
    rows.push({
      assumption,
      label: ASSUMPTION_LABELS[assumption][lang],
      parameter: key,
      name: PARAMETER_NAMES[key][lang],
      value: parameterValueText(key, parameter.value, lang),
      meaning: PARAMETER_MEANINGS[key]?.[lang] ?? "",
    });
  }
  return rows;
}
