/**
 * Input errors: every problem at once, each with its JSON path, a code and a message in Chinese
 * or English, rendered by src/messages from the issue's code, parameters and path. The language
 * is chosen per call.
 */
import type { core } from "zod/mini";
import { libraryText, renderIssue } from "../messages/issues.js";

/** The language of messages: Chinese (default) or English. */
export type Lang = "zh" | "en";

/** The codes this library adds to zod's own (SPEC §8). */
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
  | "invalid-cycle";

/**
 * The language a call asked for: `"en"` for English, Chinese for anything else (an absent or
 * unknown value from untyped code included), so a wrong `lang` never changes what is reported.
 *
 * @internal
 */
export function langOf(value: unknown): Lang {
  return value === "en" ? "en" : "zh";
}

/** One problem with an input: where, what (a code), and a message for a person. */
export interface InputIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
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

/** The most characters of a key or id that a message or a rendered path shows. */
const SHOWN_LENGTH = 100;
// Control characters (C0, DEL, C1), zero-width and direction marks, line and paragraph separators,
// direction embeddings, overrides and isolates, the word joiner and the BOM: invisible, or able to
// break a line or reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const escapeInvisible = (text: string): string =>
  text.replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Renders a path the way a clerk reads it: `components.routineInspection.rounds[1].score`. A key
 * that is longer than 100 characters or holds an invisible or control character is shown quoted
 * and escaped (`participant["a\nb"]`), so the rendering is always one short line.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (part.length > SHOWN_LENGTH || INVISIBLE.test(part)) {
      text += `[${escapeInvisible(JSON.stringify(part.length > SHOWN_LENGTH ? `${part.slice(0, SHOWN_LENGTH)}…` : part))}]`;
    } else text += text === "" ? part : `.${part}`;
  }
  return text === "" ? "(root)" : text;
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

/** Converts zod's issues to the library's: custom codes named, unknown keys one issue each. */
export function fromZodIssues(issues: readonly core.$ZodIssue[], _lang: Lang): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === "unrecognized_keys") {
      // The renderer wrote one line per key, in the order of `keys`.
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) => out.push({ path: [...path, key], code: issue.code, message: messages[i] ?? messages[0] ?? "" }));
    } else if (issue.code === "custom" && typeof issue.params?.["code"] === "string") {
      out.push({ path, code: issue.params["code"], message: issue.message });
    } else {
      out.push({ path, code: issue.code, message: issue.message });
    }
  }
  return out;
}
