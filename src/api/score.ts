/**
 * `score` and `safeScore`: validate one participant-year (zod), score it (core), return plain data.
 */
import type { ScoreInput } from "../model/input.js";
import type { Policy } from "../model/policy.js";
import type { ScoreResult } from "../model/result.js";
import { compilePolicy } from "../policy/compile.js";
import { scoreParticipantYear } from "../core/score.js";
import { optionsOf, policyOf } from "./options.js";
import { InputError, parseOptions, fromZodIssues, langOf, libraryMessage, type InputIssue, type Lang } from "./errors.js";
import { COMPONENT_IDS, type ComponentId } from "../model/components.js";

/** Options of `score` and `safeScore`. */
export interface ScoreOptions {
  /** The policy to score under; the preset `xuancheng-2022` when absent. */
  readonly policy?: Policy | undefined;
  /** Score a missing component as zero and mark the result `provisional` instead of refusing it. */
  readonly allowIncomplete?: boolean | undefined;
  /** The language of error messages: `"zh"` (default) or `"en"`. Never changes a result. */
  readonly lang?: Lang | undefined;
}

/** The outcome of `safeScore`: the result, or the input error. */
export type SafeScoreResult =
  | { readonly success: true; readonly data: ScoreResult }
  | { readonly success: false; readonly error: InputError };

function missingIssue(id: ComponentId, lang: Lang): InputIssue {
  const path = ["components", id];
  return { path, code: "missing-component", message: libraryMessage("missing-component", lang, {}, path) as string };
}

/**
 * The issues of a result that misses components: one `all-outside-window` at `year` when no
 * record counted anywhere and at least one lay outside its window (the year is likely wrong),
 * else one `missing-component` per component (decision M3).
 */
function missingIssues(result: ScoreResult, missing: readonly ComponentId[], lang: Lang): InputIssue[] {
  const nothingCounted = result.components.every((c) => c.counted === 0);
  if (nothingCounted && result.findings.some((f) => f.code === "outside-window")) {
    const params = { year: result.year };
    return [{ path: ["year"], code: "all-outside-window", message: libraryMessage("all-outside-window", lang, params, ["year"]) as string }];
  }
  return missing.map((id) => missingIssue(id, lang));
}

/** The component keys absent from a raw input whose `components` is an object. */
function absentComponents(input: unknown): ComponentId[] {
  if (typeof input !== "object" || input === null) return [];
  const components: unknown = (input as Record<string, unknown>)["components"];
  if (typeof components !== "object" || components === null || Array.isArray(components)) return [];
  return COMPONENT_IDS.filter((id) => !Object.hasOwn(components, id));
}

function scoreOrError(input: unknown, options: ScoreOptions): SafeScoreResult {
  const lang = langOf(options.lang);
  const policy = policyOf(options.policy, "policy", lang);
  if ("code" in policy) return { success: false, error: new InputError([policy], lang) };
  const cp = compilePolicy(policy);
  // The fast path accepts a valid input without zod's issue machinery; anything it declines, the
  // schema decides and reports.
  let data = cp.fastInput(input);
  if (data === undefined) {
    const parsed = cp.inputSchema.safeParse(input, parseOptions(lang));
    if (!parsed.success) {
      const issues = fromZodIssues(parsed.error.issues);
      // An absent component is missing whatever else is wrong: report it with the rest.
      if (options.allowIncomplete !== true) for (const id of absentComponents(input)) issues.push(missingIssue(id, lang));
      return { success: false, error: new InputError(issues, lang) };
    }
    data = parsed.data as ScoreInput;
  }
  const { result, missing } = scoreParticipantYear(data, cp);
  if (missing.length > 0 && options.allowIncomplete !== true) {
    return { success: false, error: new InputError(missingIssues(result, missing, lang), lang) };
  }
  return { success: true, data: result };
}

/**
 * Scores one participant-year without throwing: `{ success: true, data }` or
 * `{ success: false, error }` with every input problem at once. Never throws, whatever the input.
 *
 * @param input - One participant-year as JSON data (docs/formats.md).
 * @param options - `policy`, `allowIncomplete`, `lang`.
 * @returns The result, or the `InputError`.
 * @example
 * ```ts
 * const outcome = safeScore(JSON.parse(text));
 * if (outcome.success) outcome.data.total; //=> "93.23"
 * else outcome.error.issues; //=> [{ path: ["components", "deputies"], code: "missing-component", message: "…" }]
 * ```
 */
export function safeScore(input: unknown, options: ScoreOptions = {}): SafeScoreResult {
  // No catch-all: an exception here is a bug of the library, not a problem of the input.
  return scoreOrError(input, optionsOf(options));
}

/**
 * Scores one participant-year exactly and explains every point of it.
 *
 * @param input - One participant-year as JSON data (docs/formats.md).
 * @param options - `policy` (default `xuancheng2022`), `allowIncomplete`, `lang`.
 * @returns The result: plain data with fixed-point strings.
 * @throws {@link InputError} with every problem of the input at once.
 * @example
 * ```ts
 * import { score } from "wubi-wuping";
 * const result = score(input);
 * result.total; //=> "93.23"
 * result.components[0]; //=> { id: "routineInspection", label: "日常督查", points: "23.75", … }
 * ```
 */
export function score(input: unknown, options: ScoreOptions = {}): ScoreResult {
  const outcome = safeScore(input, options);
  if (!outcome.success) throw outcome.error;
  return outcome.data;
}
