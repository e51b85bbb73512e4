/**
 * `definePolicy`: derive a validated, frozen policy from a base (the preset by default).
 */
import { MICRO, decimalsOf, microText, toMicro } from "../decimal.js";
import {
  LEVELS,
  SURVEY_COMPONENTS,
  PolicyOverridesSchema,
  type GroupWeights,
  type SurveyComponentId,
  type Parameter,
  type Policy,
  type PolicyParameters,
  type Provenance,
} from "../model/policy.js";
import type * as z from "zod/mini";
import { known } from "../policy/known.js";
import { PRESETS, deepFreeze, xuancheng2022 } from "../policy/xuancheng-2022.js";
import { inInputOrder } from "./issue-order.js";
import { optionsOf, policyOf } from "./options.js";
import { fieldName } from "../messages/fields.js";
import { InputError, parseOptions, fromZodIssues, langOf, libraryMessage, type InputIssue, type Lang } from "./errors.js";

/** Options of `definePolicy`. */
export interface DefinePolicyOptions {
  /** The policy to derive from; the preset `xuancheng-2022` when absent. */
  readonly base?: Policy | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

type Path = (string | number)[];

const RULES = {
  "preset-id": { zh: "不能使用预设政策的 id，请另起一个 id", en: "This id belongs to a preset; choose a new id" },
  "not-positive": { zh: "数值必须大于 0", en: "The value must be greater than 0" },
  "above-one": { zh: "数值不得大于 1", en: "The value must not exceed 1" },
  "weights-order": {
    zh: "权重必须满足 满意 ≥ 基本满意 ≥ 不满意",
    en: "Weights must not increase: satisfied ≥ basicallySatisfied ≥ dissatisfied",
  },
  "points-order": {
    zh: "加分必须满足 市委市政府 ≤ 省直单位 ≤ 省部级 ≤ 党中央国务院",
    en: "Points must not decrease: municipal ≤ provincial-department ≤ provincial ≤ national",
  },
  "tiers-order": { zh: "各等次的最低分必须严格递减", en: "Tier thresholds must strictly decrease" },
  "tier-repeated": { zh: "同一等次只能出现一次", en: "A tier may appear only once" },
  "no-groups": { zh: "至少要列出一个评价人类别及其权重", en: "Name at least one rater group with its weight" },
} as const;

function rule(code: keyof typeof RULES, path: Path, lang: Lang): InputIssue {
  const field = fieldName(path, lang);
  const message = field === "" ? RULES[code][lang] : `${field}${lang === "zh" ? "：" : ": "}${RULES[code][lang]}`;
  if (code === "not-positive") return { path, code: "too_small", message, minimum: 0, inclusive: false, origin: "number" };
  if (code === "above-one") return { path, code: "too_big", message, maximum: 1, inclusive: true, origin: "number" };
  if (code === "no-groups") return { path, code: "too_small", message, minimum: 1, inclusive: true, origin: "object" };
  return { path, code: "custom", message, params: { rule: code } };
}

type Overrides = z.output<typeof PolicyOverridesSchema>;

/**
 * The overrides that are valid each by itself, when the whole object is not: the rules across
 * values then still run on them, so every problem is reported at once (docs/formats.md).
 */
function validOverrides(raw: unknown): Partial<Overrides> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(PolicyOverridesSchema.shape)) {
    const parsed = (schema as z.ZodMiniType).safeParse((raw as Readonly<Record<string, unknown>>)[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Partial<Overrides>;
}

/** The issues without repeats (the same path, code, message and parameters), in the order of the overrides' keys. */
function distinct(issues: readonly InputIssue[], overrides: unknown): InputIssue[] {
  const keys = typeof overrides === "object" && overrides !== null ? Object.keys(overrides) : [];
  const rank = (issue: InputIssue): number => keys.indexOf(String(issue.path[0]));
  const seen = new Set<string>();
  return inInputOrder(issues).sort((a, b) => rank(a) - rank(b)).filter((issue) => {
    const key = JSON.stringify([issue.path, issue.code, issue.message, issue.params ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


/**
 * Derives a policy from the preset (or `options.base`): a new `id` and any of `label`,
 * `surveyWeights`, `complaintDeduction`, `minRounds`, `commendationPoints`, `unitCeiling`,
 * `bonusCap`, `tiers`, `excellentQuota`, `quotaRounding`, `roundAggregation`, `decimals` (docs/assumptions.md),
 * and the ballot rules `ballotQuorum`, `repeatedRater`, `minSeconds`, `groupWeights` (docs/ballots.md). Every parameter it sets records the
 * new policy as its provenance and leaves the result's list of assumptions.
 *
 * @param overrides - The JSON object of changes (the same object the CLI's `--policy FILE` reads).
 * @param options - `base` (default `xuancheng2022`) and `lang` for messages.
 * @returns The validated, frozen policy.
 * @throws {@link InputError} naming the path of every value that is refused.
 * @example
 * ```ts
 * const policy = definePolicy({ id: "city-2023", bonusCap: 5,
 *   tiers: [{ tier: "excellent", min: 90 }, { tier: "competent", min: 70 }] });
 * score(input, { policy }).tier; //=> "excellent"
 * ```
 */
export function definePolicy(overrides: unknown, options: DefinePolicyOptions = {}): Policy {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  const given = policyOf(options.base, "base", lang);
  const parsed = PolicyOverridesSchema.safeParse(overrides, parseOptions(lang));
  const issues: InputIssue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  if ("code" in given) issues.push(given);
  // Every stage runs on the values that are valid, whatever else is wrong (docs/formats.md); each `Num`
  // among them is already in micro units.
  const o: Partial<Overrides> = parsed.success ? parsed.data : validOverrides(overrides);

  if (o.id !== undefined && Object.hasOwn(PRESETS, o.id)) issues.push(rule("preset-id", ["id"], lang));
  if (o.surveyWeights !== undefined) {
    const w = o.surveyWeights;
    for (const key of ["satisfied", "basicallySatisfied", "dissatisfied"] as const) {
      if (w[key] > MICRO) issues.push(rule("above-one", ["surveyWeights", key], lang));
    }
    if (w.satisfied < w.basicallySatisfied || w.basicallySatisfied < w.dissatisfied) {
      issues.push(rule("weights-order", ["surveyWeights"], lang));
    }
  }
  if (o.complaintDeduction !== undefined && o.complaintDeduction === 0) {
    issues.push(rule("not-positive", ["complaintDeduction"], lang));
  }
  if (o.commendationPoints !== undefined) {
    const points = o.commendationPoints;
    for (const level of LEVELS) if (points[level] === 0) issues.push(rule("not-positive", ["commendationPoints", level], lang));
    for (let i = 1; i < LEVELS.length; i += 1) {
      if (points[LEVELS[i - 1] as (typeof LEVELS)[number]] > points[LEVELS[i] as (typeof LEVELS)[number]]) {
        issues.push(rule("points-order", ["commendationPoints"], lang));
        break;
      }
    }
  }
  if (o.unitCeiling !== undefined && o.unitCeiling !== "level-points" && o.unitCeiling === 0) {
    issues.push(rule("not-positive", ["unitCeiling"], lang));
  }
  if (o.bonusCap !== undefined && o.bonusCap !== null && o.bonusCap === 0) {
    issues.push(rule("not-positive", ["bonusCap"], lang));
  }
  if (o.tiers !== undefined) {
    const seen = new Set<string>();
    o.tiers.forEach((t, i) => {
      if (seen.has(t.tier)) issues.push(rule("tier-repeated", ["tiers", i, "tier"], lang));
      seen.add(t.tier);
      const previous = o.tiers?.[i - 1];
      if (previous !== undefined && previous.min <= t.min) issues.push(rule("tiers-order", ["tiers", i, "min"], lang));
    });
  }
  if (o.excellentQuota !== undefined) {
    if (o.excellentQuota === 0) issues.push(rule("not-positive", ["excellentQuota"], lang));
    else if (o.excellentQuota > MICRO) issues.push(rule("above-one", ["excellentQuota"], lang));
  }

  if (o.ballotQuorum !== undefined && o.ballotQuorum !== null) {
    if (o.ballotQuorum === 0) issues.push(rule("not-positive", ["ballotQuorum"], lang));
    else if (o.ballotQuorum > MICRO) issues.push(rule("above-one", ["ballotQuorum"], lang));
  }
  if (o.groupWeights !== undefined && o.groupWeights !== null) {
    for (const [component, weights] of Object.entries(o.groupWeights)) {
      if (weights === undefined) continue;
      const groups = Object.entries(weights);
      if (groups.length === 0) issues.push(rule("no-groups", ["groupWeights", component], lang));
      for (const [group, weight] of groups) if (weight === 0) issues.push(rule("not-positive", ["groupWeights", component, group], lang));
    }
  }

  const base = "code" in given ? xuancheng2022 : given;
  const id = o.id ?? "";
  const set = <T>(value: T): Parameter<T> => ({ value, provenance: { kind: "policy", policy: id } as Provenance });
  const b = base.parameters;
  const parameters: PolicyParameters = {
    ...b,
    ...(o.surveyWeights === undefined
      ? {}
      : {
          surveyWeights: set({
            satisfied: microText(o.surveyWeights.satisfied),
            basicallySatisfied: microText(o.surveyWeights.basicallySatisfied),
            dissatisfied: microText(o.surveyWeights.dissatisfied),
          }),
        }),
    ...(o.complaintDeduction === undefined ? {} : { complaintDeduction: set(microText(o.complaintDeduction)) }),
    ...(o.minRounds === undefined ? {} : { minRounds: set(o.minRounds) }),
    ...(o.commendationPoints === undefined
      ? {}
      : {
          commendationPoints: set(
            Object.fromEntries(LEVELS.map((l) => [l, microText((o.commendationPoints as Record<string, number>)[l] as number)])) as Record<
              (typeof LEVELS)[number],
              string
            >,
          ),
        }),
    ...(o.unitCeiling === undefined ? {} : { unitCeiling: set(o.unitCeiling === "level-points" ? "level-points" : microText(o.unitCeiling)) }),
    ...(o.bonusCap === undefined ? {} : { bonusCap: set(o.bonusCap === null ? null : microText(o.bonusCap)) }),
    ...(o.tiers === undefined ? {} : { tiers: set(o.tiers.map((t) => ({ tier: t.tier, min: microText(t.min) }))) }),
    ...(o.excellentQuota === undefined ? {} : { excellentQuota: set(microText(o.excellentQuota)) }),
    ...(o.quotaRounding === undefined ? {} : { quotaRounding: set(o.quotaRounding) }),
    ...(o.roundAggregation === undefined ? {} : { roundAggregation: set(o.roundAggregation) }),
    ...(o.decimals === undefined ? {} : { decimals: set(o.decimals) }),
    ...(o.ballotQuorum === undefined ? {} : { ballotQuorum: set(o.ballotQuorum === null ? null : microText(o.ballotQuorum)) }),
    ...(o.repeatedRater === undefined ? {} : { repeatedRater: set(o.repeatedRater) }),
    ...(o.minSeconds === undefined ? {} : { minSeconds: set(o.minSeconds) }),
    ...(o.groupWeights === undefined ? {} : { groupWeights: set(groupWeightTexts(o.groupWeights)) }),
  };
  // The decimals rule reads the decimals and the base: it waits while either is invalid.
  const decimalsValid = o.decimals !== undefined || (typeof overrides === "object" && overrides !== null && (overrides as Record<string, unknown>)["decimals"] === undefined);
  if (decimalsValid && !("code" in given)) for (const issue of decimalIssues(parameters, o, lang)) issues.push(issue);
  if (issues.length > 0 || !parsed.success) throw new InputError(distinct(issues, overrides), lang);
  return known(deepFreeze({ id, label: o.label ?? id, base: base.id, parameters }));
}

/** The group weights as canonical decimal texts, components in the order of SURVEY_COMPONENTS. */
function groupWeightTexts(weights: Overrides["groupWeights"]): GroupWeights | null {
  if (weights === null || weights === undefined) return null;
  const out: Partial<Record<SurveyComponentId, Readonly<Record<string, string>>>> = {};
  for (const component of SURVEY_COMPONENTS) {
    const given = weights[component];
    if (given !== undefined) out[component] = Object.fromEntries(Object.entries(given).map(([group, micro]) => [group, microText(micro)]));
  }
  return out;
}

/**
 * Every fixed value of the policy must fit in its decimals (docs/assumptions.md): an issue at the value's own
 * path when the overrides set it, else at `decimals`, naming the value and the parameter.
 */
function decimalIssues(p: PolicyParameters, o: Readonly<Record<string, unknown>>, lang: Lang): InputIssue[] {
  const decimals = p.decimals.value;
  const issues: InputIssue[] = [];
  const check = (text: string, path: Path, overridden: boolean): void => {
    if (decimalsOf(toMicro(text) as number) > decimals) {
      const params = { decimals, value: text, parameter: path.join(".") };
      issues.push({
        path: overridden ? path : ["decimals"],
        code: "too-many-decimals",
        message: libraryMessage("too-many-decimals", lang, params) as string,
        value: text,
        params,
      });
    }
  };
  for (const level of LEVELS) check(p.commendationPoints.value[level], ["commendationPoints", level], o["commendationPoints"] !== undefined);
  if (p.unitCeiling.value !== "level-points") check(p.unitCeiling.value, ["unitCeiling"], o["unitCeiling"] !== undefined);
  if (p.bonusCap.value !== null) check(p.bonusCap.value, ["bonusCap"], o["bonusCap"] !== undefined);
  check(p.complaintDeduction.value, ["complaintDeduction"], o["complaintDeduction"] !== undefined);
  p.tiers.value.forEach((t, i) => check(t.min, ["tiers", i, "min"], o["tiers"] !== undefined));
  return issues;
}
