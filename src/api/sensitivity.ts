/**
 * `sensitivity` (docs/sensitivity.md): how far the assumed parameters move each body's total, rank and tier.
 * Checks the options and the inputs once, then hands validated profiles to the core analysis.
 */
import { MICRO, microText, mulExact, ratio, roundHalfUp, toMicro } from "../decimal.js";
import { rankResults } from "../core/rank.js";
import { baseScenario, fieldOf, profileOf } from "../core/scenario.js";
import { analyse, type Varied } from "../core/sensitivity.js";
import type { ScoreInput } from "../model/input.js";
import type { Policy, PolicyParameters } from "../model/policy.js";
import type { RankGrouping } from "../model/rank.js";
import {
  DEFAULT_RANGES,
  SENSITIVITY_PARAMETERS,
  RangesSchema,
  SensitivitySettingsSchema,
  type Ranges,
  type SensitivityParameter,
  type SensitivityResult,
} from "../model/sensitivity.js";
import { compilePolicy, type CompiledPolicy } from "../policy/compile.js";
import { InputError, errorMap, fromZodIssues, langOf, libraryMessage, type InputIssue, type Lang } from "./errors.js";
import { LIST_MESSAGES, policyOption, validInputs } from "./inputs.js";
import { definePolicy } from "./define-policy.js";
import { scoreParticipantYear } from "../core/score.js";
import { optionsOf } from "./options.js";

/** Options of `sensitivity`. */
export interface SensitivityOptions {
  /** The policy whose assumptions are tested; the preset `xuancheng-2022` when absent. */
  readonly policy?: Policy | undefined;
  /** Ranges replacing the defaults of docs/sensitivity.md, or naming a parameter the policy sets. */
  readonly ranges?: Ranges | undefined;
  /** Random scenarios on top of the exact ones: 1 to 100,000, default 1000. */
  readonly samples?: number | undefined;
  /** The seed of the generator, 0 to 2^32 − 1, default 1: the same seed gives the same result. */
  readonly seed?: number | undefined;
  /** `"category"`: rank within categories. */
  readonly by?: RankGrouping | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. */
  readonly lang?: Lang | undefined;
}

const RULES = {
  "range-order": { zh: "下限大于上限；请写成 [下限, 上限]", en: "The low end is above the high end; write [low, high]" },
  "weight-above-one": { zh: "权重不得大于 1", en: "A weight must not exceed 1" },
  "weights-order": {
    zh: "须满足 满意 ≥ 基本满意 ≥ 不满意：基本满意的下限不低于不满意的上限，上限不高于满意的权重",
    en: "Must keep satisfied ≥ basicallySatisfied ≥ dissatisfied: basicallySatisfied from dissatisfied's high end up to the satisfied weight",
  },
  "deduction-zero": { zh: "扣分必须大于 0（按本政策的小数位数四舍五入后）", en: "The deduction must be above 0 (rounded to the policy's decimals)" },
  "duplicate-value": { zh: "该值重复列出", en: "This value is listed twice" },
} as const;

type Rule = keyof typeof RULES;
const CODES: Readonly<Record<Rule, string>> = {
  "range-order": "range-order",
  "weight-above-one": "too_big",
  "weights-order": "weights-order",
  "deduction-zero": "too_small",
  "duplicate-value": "duplicate-value",
};

/** The policy field that holds a parameter, which a policy that sets it holds fixed. */
const FIELD: Readonly<Record<SensitivityParameter, keyof PolicyParameters>> = {
  "surveyWeights.basicallySatisfied": "surveyWeights",
  "surveyWeights.dissatisfied": "surveyWeights",
  complaintDeduction: "complaintDeduction",
  roundAggregation: "roundAggregation",
  quotaRounding: "quotaRounding",
  groupWeights: "groupWeights",
};

/** Weights are drawn with 4 decimals: a grid of 100 micro units. */
const WEIGHT_STEP = 100;

/**
 * The parameters to vary under `policy` with their ranges in micro units, checked against the
 * parameters' domains. Problems go to `issues`.
 */
function variedOf(policy: Policy, cp: CompiledPolicy, ranges: Ranges, lang: Lang, issues: InputIssue[]): Varied[] {
  const refuse = (rule: Rule, path: (string | number)[]): void => {
    issues.push({ path: ["ranges", ...path], code: CODES[rule], message: RULES[rule][lang] });
  };
  const p = policy.parameters;
  const named = (name: SensitivityParameter): boolean => Object.hasOwn(ranges, name) && ranges[name] !== undefined;
  const wanted = SENSITIVITY_PARAMETERS.filter((name) => {
    if (named(name)) return true;
    if (name === "groupWeights") return false;
    if (p[FIELD[name]].provenance.kind === "policy") return false;
    return name !== "quotaRounding" || p.excellentQuota.value !== null;
  });
  const pair = (name: "surveyWeights.basicallySatisfied" | "surveyWeights.dissatisfied" | "complaintDeduction"): [number, number] => {
    // A range given is validated (its Nums read as micro units); a default is decimal text.
    const given = ranges[name] as unknown as readonly [number, number] | undefined;
    const [low, high] = given ?? (DEFAULT_RANGES[name].map((x) => toMicro(x) as number) as [number, number]);
    if (low > high) refuse("range-order", [name]);
    return [low, high];
  };
  const varied: Varied[] = [];
  const weights: Partial<Record<"b" | "d", [number, number]>> = {};
  for (const name of wanted) {
    if (name === "groupWeights") {
      // a range given is validated: its Nums read as micro units
      varied.push(groupWeightsVaried(policy, (ranges.groupWeights ?? [null]) as unknown as GroupWeightsRange, lang, issues, refuse));
    } else if (name === "roundAggregation" || name === "quotaRounding") {
      const values = (ranges[name] ?? DEFAULT_RANGES[name]) as readonly string[];
      values.forEach((value, i) => {
        if (values.indexOf(value) !== i) refuse("duplicate-value", [name, i]);
      });
      varied.push({ parameter: name, values } as Varied);
    } else if (name === "complaintDeduction") {
      // On the policy's decimal grid: each end rounded half-up into it.
      const step = MICRO / 10 ** cp.decimals;
      const [low, high] = pair(name).map((micro) => mulExact(roundHalfUp(ratio(micro, step), 0), step).toNumber()) as [number, number];
      if (low === 0) refuse("deduction-zero", [name, 0]);
      varied.push({ parameter: name, low, high, step });
    } else {
      const [low, high] = pair(name);
      [low, high].forEach((micro, i) => {
        if (micro > MICRO) refuse("weight-above-one", [name, i]);
      });
      weights[name === "surveyWeights.basicallySatisfied" ? "b" : "d"] = [low, high];
      varied.push({ parameter: name, low, high, step: WEIGHT_STEP });
    }
  }
  const [bLow, bHigh] = weights.b ?? [cp.weights.basicallySatisfied, cp.weights.basicallySatisfied];
  const [, dHigh] = weights.d ?? [cp.weights.dissatisfied, cp.weights.dissatisfied];
  if (bHigh > cp.weights.satisfied || bLow < dHigh) {
    refuse("weights-order", [weights.b !== undefined ? "surveyWeights.basicallySatisfied" : "surveyWeights.dissatisfied"]);
  }
  return varied;
}

/**
 * A survey that a group weighting tried would leave missing (no named group with votes): the
 * scenario would change whether the body is ranked, which a sensitivity analysis holds fixed.
 */
function madeMissing(valid: readonly ScoreInput[], cp: CompiledPolicy, tried: readonly Policy[], underTried: readonly ScoreInput[][], lang: Lang): InputIssue[] {
  const issues: InputIssue[] = [];
  tried.forEach((policy, k) => {
    const dcp = compilePolicy(policy);
    valid.forEach((input, i) => {
      const before = scoreParticipantYear(input, cp).missing;
      for (const id of scoreParticipantYear((underTried[k] as ScoreInput[])[i] as ScoreInput, dcp).missing) {
        if (before.includes(id)) continue;
        const at = ["components", id];
        issues.push({ path: [i, ...at], code: "missing-component", message: `${libraryMessage("missing-component", lang, {}, at) as string}${LIST_MESSAGES["under-policy"][lang](policy.id)}` });
      }
    });
  });
  return issues;
}

/** Ranges as `RangesSchema` outputs them: group weights in micro units. */
type GroupWeightsRange = readonly (Readonly<Partial<Record<string, Readonly<Record<string, number>> | undefined>>> | null)[];

/**
 * `groupWeights` as a discrete parameter (docs/ballots.md): each value tried, as the policy it makes
 * (the base policy with those weights; `null` pools the groups), its JSON text and its weights.
 */
function groupWeightsVaried(policy: Policy, values: GroupWeightsRange, lang: Lang, issues: InputIssue[], refuse: (rule: Rule, path: (string | number)[]) => void): Varied & { readonly policies: readonly Policy[] } {
  const texts: string[] = [];
  const weights: CompiledPolicy["groupWeights"][] = [];
  const policies: Policy[] = [];
  values.forEach((value, i) => {
    const overrides = value === null ? null : Object.fromEntries(Object.entries(value).filter(([, w]) => w !== undefined).map(([c, w]) => [c, Object.fromEntries(Object.entries(w as Record<string, number>).map(([g, n]) => [g, microText(n)]))]));
    const text = JSON.stringify(overrides);
    if (texts.includes(text)) refuse("duplicate-value", ["groupWeights", i]);
    texts.push(text);
    try {
      const derived = definePolicy({ id: `${policy.id}+groupWeights${i + 1}`, groupWeights: overrides }, { base: policy, lang });
      policies.push(derived);
      weights.push(compilePolicy(derived).groupWeights);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, path: ["ranges", "groupWeights", i, ...issue.path.slice(1)] });
      weights.push({});
    }
  });
  return { parameter: "groupWeights", values: texts, weights, policies };
}

/**
 * How firm a ranking is under the assumed parameters (docs/sensitivity.md). Varies each of
 * `surveyWeights.basicallySatisfied` (0.5..0.8), `surveyWeights.dissatisfied` (0..0.2),
 * `complaintDeduction` (0.5..2, on the policy's decimal grid), `roundAggregation` (both) and, under
 * a policy with a quota, `quotaRounding` (all three), unless the policy sets that field itself or
 * `ranges` names it. Every body's `total.min`/`max` is exact over the whole range (the corners
 * bound it: each component is monotone in each parameter); each one-at-a-time scenario is exact;
 * rank figures, tier shares and `stable` also count `samples` seeded random scenarios.
 *
 * @param inputs - Participant-years of one year (JSON data), each body once; scored as
 *   `score(input, { policy, allowIncomplete: true })` would, so provisional and vetoed bodies take
 *   part, unranked.
 * @param options - `policy`, `ranges`, `samples` (default 1000), `seed` (default 1), `by`, `lang`.
 * @returns `{ parameters, samples, seed, participants, oneAtATime }` (docs/sensitivity.md), participants and
 *   each scenario's results in the base ranking's order.
 * @throws {@link InputError} naming every problem: an invalid input (its index), several years, a
 *   body given twice, an unknown parameter, a range with low > high or outside the parameter's
 *   domain, `samples` outside 1..100,000.
 * @example
 * ```ts
 * import { sensitivity } from "wubi-wuping/sensitivity";
 * const s = sensitivity(inputs); // examples/2022/*.json, the preset
 * s.parameters.map((p) => p.parameter);
 * //=> ["surveyWeights.basicallySatisfied", "surveyWeights.dissatisfied", "complaintDeduction", "roundAggregation"]
 * s.participants[0]; //=> { participant: { id: "jdzhzx", … }, base: { total: "95.82", rank: 1, tier: null },
 * //     total: { min: "95.22", max: "97.03" }, rank: { min: 1, max: 1, p5: 1, p50: 1, p95: 1 }, stable: true }
 * ```
 */
export function sensitivity(inputs: unknown, options: SensitivityOptions = {}): SensitivityResult {
  const o = optionsOf(options);
  const lang = langOf(o.lang);
  const issues: InputIssue[] = [];
  const policy = policyOption(o.policy, "policy", false, lang, issues);
  const map = { error: errorMap(lang) };
  const ranges = RangesSchema.safeParse(o.ranges ?? {}, map);
  if (!ranges.success) for (const issue of fromZodIssues(ranges.error.issues)) issues.push({ ...issue, path: ["ranges", ...issue.path] });
  const settings = SensitivitySettingsSchema.safeParse({ samples: o.samples, seed: o.seed, by: o.by }, map);
  if (!settings.success) for (const issue of fromZodIssues(settings.error.issues)) issues.push(issue);
  const cp = compilePolicy(policy);
  const varied = ranges.success ? variedOf(policy, cp, ranges.data, lang, issues) : [];
  // every input must be valid under each group weighting tried too, its surveys not made missing
  const tried = (varied.find((v) => v.parameter === "groupWeights") as { readonly policies?: readonly Policy[] } | undefined)?.policies ?? [];
  const [valid, ...underTried] = validInputs(inputs, [cp, ...tried.map(compilePolicy)], lang, issues) as [ScoreInput[], ...ScoreInput[][]];
  if (issues.length === 0) for (const issue of madeMissing(valid, cp, tried, underTried, lang)) issues.push(issue);
  if (issues.length > 0 || !settings.success) throw new InputError(issues, lang);
  const { by, samples = 1000, seed = 1 } = settings.data;
  const profiles = valid.map((input) => profileOf(input, cp));
  const p = policy.parameters;
  const order = rankResults(profiles.map((x) => x.result), by, p.excellentQuota.value, p.quotaRounding.value);
  return analyse(fieldOf(profiles, by, cp), baseScenario(cp), varied, samples, seed, order);
}
