/**
 * Input errors: every problem at once, each with its JSON path, a code and a message in Chinese
 * (zod's zh-CN locale) or English (zod's en locale). The language is chosen per call.
 */
import type { core } from "zod/mini";
import zhCN from "zod/v4/locales/zh-CN.js";
import en from "zod/v4/locales/en.js";

/** The language of messages: Chinese (default) or English. */
export type Lang = "zh" | "en";

/** The codes this library adds to zod's own (SPEC §8). */
export type LibraryIssueCode =
  | "missing-component"
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
  | "invalid-policy";

/**
 * The language a call asked for: `"en"` for English, Chinese for anything else (an absent or
 * unknown value from untyped code included), so a wrong `lang` never changes what is reported.
 *
 * @internal
 */
export function langOf(value: unknown): Lang {
  return value === "en" ? "en" : "zh";
}

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
 *   if (e instanceof InputError) e.issues[0]; //=> { path: ["participant"], code: "invalid_type", message: "无效输入：…" }
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
 * A key or id from the input as a message shows it: at most 100 characters (then `…`), invisible
 * and control characters as `\uXXXX`, so a hostile key can neither break a message's line nor
 * make it megabytes long.
 */
function shownText(text: string): string {
  return escapeInvisible(text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text);
}

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

const LIBRARY_MESSAGES: Readonly<Record<LibraryIssueCode | "decimal" | "date", Readonly<Record<Lang, (p: Params) => string>>>> = {
  decimal: {
    zh: () => "无效数值：应为不带正负号和指数的十进制数，如 23.5（整数最多 9 位，小数最多 6 位）",
    en: () => "Invalid number: expected a decimal without sign or exponent, such as 23.5 (at most 9 integer and 6 decimal digits)",
  },
  date: {
    zh: () => "无效日期：应为 YYYY-MM-DD 格式的真实日期，年份在 1949 至 2099 之间",
    en: () => "Invalid date: expected a real calendar day written YYYY-MM-DD, year 1949 to 2099",
  },
  "missing-component": {
    zh: () => "缺少该考评项目的有效记录；补齐数据，或在允许不完整时以 allowIncomplete 计为暂定结果",
    en: () => "This component has nothing to count; supply its records, or pass allowIncomplete for a provisional result",
  },
  "duplicate-id": {
    zh: (p) => `编号“${shownText(String(p["id"]))}”在本列表中重复；每条记录的 id 必须唯一`,
    en: (p) => `The id "${shownText(String(p["id"]))}" appears more than once in this list; ids must be unique`,
  },
  "score-above-out-of": {
    zh: (p) => `得分高于本次满分 ${String(p["outOf"])}`,
    en: (p) => `The score is above this round's full marks of ${String(p["outOf"])}`,
  },
  "awarded-not-allowed": {
    zh: () => "只有授予单位的表彰（recipient 为 unit）才能填写 awarded；个人或科室表彰按级别计分",
    en: () => "Only a unit commendation (recipient \"unit\") may carry awarded; participant and section commendations score by level",
  },
  "awarded-required": {
    zh: () => "单位表彰必须填写 awarded（酌情加分的分值）",
    en: () => "A unit commendation needs awarded (the points granted by relevance)",
  },
  "awarded-above-ceiling": {
    zh: (p) => `酌情加分不得超过该级别的上限 ${String(p["ceiling"])}`,
    en: (p) => `The awarded points exceed this level's ceiling of ${String(p["ceiling"])}`,
  },
  "reason-required": {
    zh: () => "依据为“其他原因”（other）的否决必须填写 reason",
    en: () => "A veto on the ground \"other\" needs a reason",
  },
  "too-many-decimals": {
    zh: (p) =>
      `小数位数过多：${p["parameter"] === undefined ? "" : `${String(p["parameter"])} 的值 `}${p["value"] === undefined ? "" : `${String(p["value"])} `}超出本政策允许的 ${String(p["decimals"])} 位小数`,
    en: (p) =>
      `Too many decimals: ${p["parameter"] === undefined ? "" : `${String(p["parameter"])} is `}${p["value"] === undefined ? "" : `${String(p["value"])}, `}and this policy allows at most ${String(p["decimals"])}`,
  },
  "too-many-issues": {
    zh: (p) => `本列表的问题过多：以上列出前 ${String(p["shown"])} 处，共 ${String(p["total"])} 处`,
    en: (p) => `Too many problems in this list: the first ${String(p["shown"])} are listed, of ${String(p["total"])} in all`,
  },
  "policy-mismatch": {
    zh: (p) => `该结果按政策“${String(p["actual"])}”计算，而排名使用政策“${String(p["expected"])}”；请用同一政策计算或指定该政策`,
    en: (p) => `This result was computed under policy "${String(p["actual"])}", but the ranking uses "${String(p["expected"])}"; pass that policy or rescore`,
  },
  "mixed-years": {
    zh: (p) => `该结果的年度 ${String(p["year"])} 与第一条结果的年度 ${String(p["expected"])} 不同；一次排名只比较同一年度的结果`,
    en: (p) => `This result is for ${String(p["year"])}, the first result for ${String(p["expected"])}; one ranking compares one year`,
  },
  "invalid-total": {
    zh: (p) => `总分应为恰好 ${String(p["decimals"])} 位小数的定点数（与政策一致），如 score() 输出的那样`,
    en: (p) => `The total must be a fixed-point number with exactly ${String(p["decimals"])} decimals (the policy's), as score() writes it`,
  },
  "before-first-cycle": {
    zh: (p) => `${String(p["year"])} 年早于第一个考评周期（自 ${String(p["firstYear"])} 年起）`,
    en: (p) => `${String(p["year"])} is before the first evaluation cycle, which starts in ${String(p["firstYear"])}`,
  },
  "before-cycle": {
    zh: (p) => `起始年度不得早于该周期的第一年 ${String(p["firstYear"])}`,
    en: (p) => `The starting year may not be before the cycle's first year, ${String(p["firstYear"])}`,
  },
  "invalid-policy": {
    zh: () => "选项 policy 必须是 definePolicy() 或预设（如 xuancheng2022）给出的政策；请用 definePolicy(覆盖项) 生成，不要直接传入覆盖项 JSON 或修改过的副本",
    en: () => "The option policy must be a policy made by definePolicy() or a preset such as xuancheng2022: pass definePolicy(overrides), not the overrides JSON or an edited copy",
  },
  "invalid-cycle": {
    zh: () => "周期的最后一年必须不早于第一年，且周期不超过 100 年",
    en: () => "A cycle's last year must not be before its first, and a cycle spans at most 100 years",
  },
};

/** The library's message for a code, or `undefined` when it is zod's own. */
export function libraryMessage(code: string, lang: Lang, params: Params = {}): string | undefined {
  const entry = (LIBRARY_MESSAGES as Readonly<Record<string, Readonly<Record<Lang, (p: Params) => string>>>>)[code];
  return entry?.[lang](params);
}

const LOCALES: Readonly<Record<Lang, (issue: core.$ZodRawIssue) => string | undefined>> = {
  zh: zhCN().localeError as (issue: core.$ZodRawIssue) => string | undefined,
  en: en().localeError as (issue: core.$ZodRawIssue) => string | undefined,
};

/** The error map passed to zod for one call: the library's messages, then zod's locale. */
export function errorMap(lang: Lang): (issue: core.$ZodRawIssue) => string | undefined {
  return lang === "en" ? EN_MAP : ZH_MAP;
}

function makeMap(lang: Lang): (issue: core.$ZodRawIssue) => string | undefined {
  const locale = LOCALES[lang];
  return (issue) => {
    if (issue.code === "custom") {
      const params = (issue as { params?: Params }).params ?? {};
      const text = libraryMessage(String(params["code"]), lang, params);
      if (text !== undefined) return text;
    }
    if (issue.code === "invalid_format" && (issue.format === "decimal" || issue.format === "date")) {
      return libraryMessage(issue.format, lang);
    }
    return locale(issue);
  };
}

const ZH_MAP = makeMap("zh");
const EN_MAP = makeMap("en");

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
  if (value !== undefined && issue.code !== "unrecognized_keys") fields.value = value;
  return fields;
}

/** Converts zod's issues to the library's: custom codes named, unknown keys one issue each, parameters kept as data. */
export function fromZodIssues(issues: readonly core.$ZodIssue[], lang: Lang): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const message = LOCALES[lang]({ code: "unrecognized_keys", keys: [shownText(key)], input: undefined } as core.$ZodRawIssue) ?? issue.message;
        out.push({ path: [...path, key], code: issue.code, message });
      }
    } else if (issue.code === "custom" && typeof issue.params?.["code"] === "string") {
      const { code, ...params } = issue.params;
      const value = shortValue((issue as { readonly input?: unknown }).input);
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
