/**
 * Input errors: every problem at once, each with its JSON path, a code and a message in Chinese
 * or English, rendered by src/messages from the issue's code, parameters and path. The language
 * is chosen per call.
 */
import type { core } from "zod/mini";
import { libraryText, renderIssue } from "../messages/issues.js";
import { SHOWN_LENGTH, formatPath } from "../messages/path.js";
import { langOf, type Lang } from "../messages/lang.js";

export { langOf };
export type { Lang } from "../messages/lang.js";
export { formatPath } from "../messages/path.js";

/** The codes this library adds to zod's own (docs/formats.md). */
export type LibraryIssueCode =
  | "missing-component"
  | "all-outside-window"
  | "duplicate-id"
  | "score-above-out-of"
  | "awarded-not-allowed"
  | "awarded-required"
  | "awarded-above-ceiling"
  | "reason-required"
  | "too-many-decimals"
  | "too-many-issues"
  | "policy-mismatch"
  | "mixed-years"
  | "invalid-total"
  | "before-first-cycle"
  | "before-cycle"
  | "invalid-cycle"
  | "invalid-policy"
  | "invalid-mark"
  | "unknown-participant"
  | "box-over-issued"
  | "below-quorum"
  | "missing-group"
  | "unknown-group"
  | "counts-differ"
  | "duplicate-survey"
  | "groups-mismatch";

/**
 * One problem with an input: where, what (a code), a message for a person, and the rule's
 * parameters as data: zod's (`expected`, `minimum`, `maximum`, `inclusive`, `origin`, `format`,
 * `values`), the offending `value` when it is short (a number, a boolean, `null`, or a string of
 * at most 100 characters), and the library's own in `params` (`outOf`, `decimals`, `id`, …).
 */
export interface InputIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  /** `invalid_type`: the type expected (`"number"`, `"string"`, `"object"`, …). */
  readonly expected?: string;
  /** `invalid_type`: the JSON type given (`"string"`, `"null"`, `"undefined"` when absent, …). */
  readonly received?: string;
  /** `too_small`: the bound (a length for strings and lists). */
  readonly minimum?: number;
  /** `too_big`: the bound (a length for strings and lists). */
  readonly maximum?: number;
  /** `too_small`/`too_big`: whether the bound itself is allowed. */
  readonly inclusive?: boolean;
  /** `too_small`/`too_big`: what was measured: `"number"`, `"string"` (its length), `"array"`. */
  readonly origin?: string;
  /** `invalid_format`: the format (`"decimal"`, `"date"`). */
  readonly format?: string;
  /** `invalid_value`: the values allowed. */
  readonly values?: readonly (string | number | boolean | null)[];
  /** The offending value, when it is short enough to repeat. */
  readonly value?: string | number | boolean | null;
  /** The parameters of one of the library's own codes. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * Thrown by `score` and `definePolicy` (and returned by `safeScore`) when an input is wrong.
 * Carries every problem at once in `issues`.
 *
 * @example
 * ```ts
 * try { score({ year: 2022 }); } catch (e) {
 *   if (e instanceof InputError) e.issues[0]; //=> { path: ["participant"], code: "invalid_type", message: "缺少参评对象（participant），应填写对象（{ … }）" }
 * }
 * ```
 */
export class InputError extends Error {
  override readonly name = "InputError";
  /** Every problem found, in input order. */
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[], lang: Lang = "zh") {
    super(summarize(issues, lang));
    this.issues = issues;
  }
}

function summarize(issues: readonly InputIssue[], lang: Lang): string {
  const head = lang === "en" ? `The input has ${issues.length} problem(s)` : `输入有 ${issues.length} 处问题`;
  const lines = issues.slice(0, 20).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length > 20 ? [lang === "en" ? `… and ${issues.length - 20} more` : `…… 另有 ${issues.length - 20} 处`] : [];
  return [head, ...lines, ...more].join("\n");
}

type Params = Readonly<Record<string, unknown>>;

/** The library's message for a code at `path`, or `undefined` when it is zod's own (see src/messages). */
export function libraryMessage(code: string, lang: Lang, params: Params = {}, path: readonly (string | number)[] = []): string | undefined {
  return libraryText(code, lang, params, path);
}

/** The error map passed to zod for one call: every message from the one renderer (src/messages). */
export function errorMap(lang: Lang): (issue: core.$ZodRawIssue) => string | undefined {
  return lang === "en" ? EN_MAP : ZH_MAP;
}

const ZH_MAP = (issue: core.$ZodRawIssue): string => renderIssue(issue, "zh");
const EN_MAP = (issue: core.$ZodRawIssue): string => renderIssue(issue, "en");

/** The JSON type of a value, as a message names it. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A value short enough to repeat in an issue, or `undefined`. */
function shortValue(value: unknown): string | number | boolean | null | undefined {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  return typeof value === "string" && value.length <= SHOWN_LENGTH ? value : undefined;
}

type Fields = { -readonly [K in Exclude<keyof InputIssue, "path" | "code" | "message">]?: InputIssue[K] };

/** The data fields of a zod issue (parsed with `reportInput`, so `input` is the offending value). */
function fieldsOf(issue: core.$ZodIssue): Fields {
  const raw = issue as core.$ZodIssue & { readonly input?: unknown };
  const fields: Fields = {};
  switch (issue.code) {
    case "invalid_type":
      fields.expected = issue.expected;
      fields.received = jsonType(raw.input);
      break;
    case "too_small":
      fields.minimum = Number(issue.minimum);
      fields.inclusive = issue.inclusive !== false;
      fields.origin = issue.origin;
      break;
    case "too_big":
      fields.maximum = Number(issue.maximum);
      fields.inclusive = issue.inclusive !== false;
      fields.origin = issue.origin;
      break;
    case "invalid_format":
      fields.format = issue.format;
      break;
    case "invalid_value":
      fields.values = issue.values.map((v) => (typeof v === "bigint" || typeof v === "symbol" || v === undefined ? String(v) : v));
      break;
    default:
      break;
  }
  const value = shortValue(raw.input);
  if (value !== undefined) fields.value = value;
  return fields;
}

/** Converts zod's issues to the library's: custom codes named, unknown keys one issue each, parameters kept as data. */
export function fromZodIssues(issues: readonly core.$ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === "unrecognized_keys") {
      // The renderer wrote one line per key, in the order of `keys`.
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) => out.push({ path: [...path, key], code: issue.code, message: messages[i] ?? messages[0] ?? "" }));
    } else if (issue.code === "custom" && typeof issue.params?.["code"] === "string") {
      const { code, ...params } = issue.params;
      // A rule across fields gives the record's offending field as `{ [key]: value }`.
      const input = (issue as { readonly input?: unknown }).input;
      const key = path[path.length - 1];
      const given = input !== null && typeof input === "object" && typeof key === "string" && Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : input;
      const value = shortValue(given);
      out.push({ path, code: code as string, message: issue.message, ...(value === undefined ? {} : { value }), ...(Object.keys(params).length > 0 ? { params } : {}) });
    } else {
      out.push({ path, code: issue.code, message: issue.message, ...fieldsOf(issue) });
    }
  }
  return out;
}

/**
 * The parse options of every validation: the call's messages, and the offending value kept on
 * each issue (zod drops it by default) so {@link fromZodIssues} can report it.
 *
 * @example
 * ```ts
 * schema.safeParse(input, parseOptions("en"));
 * ```
 */
export function parseOptions(lang: Lang): { readonly error: (issue: core.$ZodRawIssue) => string | undefined; readonly reportInput: true } {
  return lang === "en" ? EN_OPTIONS : ZH_OPTIONS;
}

const ZH_OPTIONS = { error: ZH_MAP, reportInput: true } as const;
const EN_OPTIONS = { error: EN_MAP, reportInput: true } as const;
