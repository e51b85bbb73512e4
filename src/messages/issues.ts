/**
 * The one renderer of input problems: an issue's code, its parameters and its path turned into a
 * sentence a clerk can act on, in natural Chinese (default) or English. It names the field as the
 * office names it (`日常督查第 2 轮的得分`), echoes a short offending value, and for a misspelt key
 * suggests the nearest valid one. The codes and paths (the data) are zod's and the library's; only
 * the words are made here.
 *
 * @internal
 */
import type { core } from "zod/mini";
import type { Lang } from "./lang.js";
import { fieldName, keyName, valueName } from "./fields.js";
import { codePointLength } from "../model/values.js";
import { CATEGORY_NAMES, LEVEL_NAMES, RECIPIENT_NAMES, SUBJECT_NAMES, TIER_NAMES, type Words } from "./labels.js";
import { libraryText } from "./library.js";
import { nearest } from "./suggest.js";
import { capital, quoted, shownValue, spaced, subject, type Path } from "./text.js";

export { libraryText } from "./library.js";
export { shownValue } from "./text.js";

type Params = Readonly<Record<string, unknown>>;

/** The longest text whose length a message states. */
const MAX_COUNTED = 100_000;

/** The most unknown keys of one object that get a suggestion of the nearest valid key. */
const MAX_SUGGESTED = 1000;

/** A value with its kind, for a value of the wrong type: `文字 "2022"`, `数字 2022`. */
function typedValue(value: unknown, lang: Lang): string {
  const zh = lang === "zh";
  if (typeof value === "string") return `${zh ? "文字 " : "the text "}${quoted(value)}`;
  if (typeof value === "number") return `${zh ? "数字 " : "the number "}${String(value)}`;
  return shownValue(value, lang);
}

const TYPE_NAMES: Words<string> = {
  string: { zh: "文字（用引号括起）", en: "a text" },
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "a whole number" },
  boolean: { zh: "true 或 false", en: "true or false" },
  object: { zh: "对象（{ … }）", en: "an object ({ … })" },
  array: { zh: "数组（[ … ]）", en: "an array ([ … ])" },
  null: { zh: "null", en: "null" },
};

const typeName = (expected: string, lang: Lang): string => TYPE_NAMES[expected]?.[lang] ?? expected;

/** An enum member with its name where the table of names knows it: `provincial（省部级）`. */
function member(value: string, lang: Lang): string {
  const name = valueName(value, lang, CATEGORY_NAMES, LEVEL_NAMES, RECIPIENT_NAMES, SUBJECT_NAMES, TIER_NAMES);
  if (name === undefined || lang === "en") return value;
  return `${value}（${name}）`;
}

/** `F应为…，填写的是 V` / `F must be …, not V`. */
function expectedGot(field: string, expected: string, got: string | undefined, lang: Lang): string {
  if (lang === "zh") return `${field}应为${spaced(expected)}${got === undefined ? "" : `，填写的是${spaced(got)}`}`;
  return `${capital(field)} must be ${expected}${got === undefined ? "" : `, not ${got}`}`;
}

const DECIMAL_RULE: Readonly<Record<Lang, string>> = {
  zh: "不带正负号和指数的十进制数，如 23.5（整数最多 9 位，小数最多 6 位）",
  en: "a decimal without sign or exponent, such as 23.5 (at most 9 integer and 6 decimal digits)",
};
const DATE_RULE: Readonly<Record<Lang, string>> = {
  zh: "YYYY-MM-DD 格式的真实日期，如 2022-05-18（年份 1949 至 2099）",
  en: "a real calendar day written YYYY-MM-DD, such as 2022-05-18 (year 1949 to 2099)",
};

/** The key of the last step of a path, for a message about a missing field. */
const lastKey = (path: Path): string => String(path[path.length - 1] ?? "");

/** The message for an absent required field; `expected` is already in words. */
function missing(path: Path, expected: string, lang: Lang): string {
  const name = fieldName(path, lang);
  const key = lastKey(path);
  if (lang === "zh") return `缺少${name === "" ? ` ${key}` : `${name}（${key}）`}，应填写${spaced(expected)}`;
  return `${name === "" ? key : `${capital(name)} (${key})`} is missing: expected ${expected}`;
}

function bound(issue: { origin?: unknown; inclusive?: boolean; input?: unknown }, limit: unknown, big: boolean, field: string, lang: Lang): string {
  const zh = lang === "zh";
  const n = String(limit);
  switch (issue.origin) {
    case "string": {
      // The length of a text is counted only when it is not huge: a 50 MB value is refused in no time.
      const length = typeof issue.input === "string" && issue.input.length <= MAX_COUNTED ? codePointLength(issue.input) : undefined;
      if (!big && n === "1") return zh ? `${field}不能为空` : `${capital(field)} must not be empty`;
      if (big) return zh ? `${field}过长：最多 ${n} 个字符${length === undefined ? "" : `，现有 ${length} 个`}` : `${capital(field)} is too long: at most ${n} characters${length === undefined ? "" : `, not ${length}`}`;
      return zh ? `${field}至少要有 ${n} 个字符` : `${capital(field)} needs at least ${n} characters`;
    }
    case "array":
    case "set": {
      const count = Array.isArray(issue.input) ? issue.input.length : undefined;
      const has = count === undefined ? "" : zh ? `，现有 ${count} 项` : `, not ${count}`;
      return zh ? `${field}${big ? "最多" : "至少"} ${n} 项${has}` : `${capital(field)} needs ${big ? "at most" : "at least"} ${n} items${has}`;
    }
    default: {
      const got = issue.input === undefined ? undefined : shownValue(issue.input, lang);
      if (zh) {
        const rule = big ? (issue.inclusive === false ? `应小于 ${n}` : `不得大于 ${n}`) : issue.inclusive === false ? `应大于 ${n}` : `不得小于 ${n}`;
        return `${field}${rule}${got === undefined ? "" : `，填写的是${spaced(got)}`}`;
      }
      const rule = big ? (issue.inclusive === false ? `below ${n}` : `at most ${n}`) : issue.inclusive === false ? `above ${n}` : `at least ${n}`;
      return `${capital(field)} must be ${rule}${got === undefined ? "" : `, not ${got}`}`;
    }
  }
}

/** `；是否应为 routineInspection（日常督查）？` for a value or key near a valid one. */
function suggestion(found: string, candidates: readonly string[], lang: Lang, name: (candidate: string) => string | undefined): string {
  const near = nearest(found, candidates);
  if (near === undefined) return "";
  const label = name(near);
  if (lang === "zh") return `；是否应为 ${near}${label === undefined ? "" : `（${label}）`}？`;
  return `; did you mean ${near}${label === undefined ? "" : ` (${label})`}?`;
}

function enumMessage(values: readonly unknown[], input: unknown, path: Path, lang: Lang): string {
  const field = subject(path, lang);
  const zh = lang === "zh";
  const shown = values.slice(0, 8).map((v) => (typeof v === "string" ? member(v, lang) : String(v)));
  const more = values.length > 8 ? (zh ? " 等" : ", …") : "";
  const options = values.length === 1 ? (shown[0] as string) : zh ? `以下之一：${shown.join("、")}${more}` : `one of ${shown.join(", ")}${more}`;
  if (input === undefined) return missing(path, options, lang);
  const got = input === undefined ? undefined : shownValue(input, lang);
  const strings = values.filter((v): v is string => typeof v === "string");
  const hint = typeof input === "string" ? suggestion(input, strings, lang, (v) => (zh ? valueName(v, lang, CATEGORY_NAMES, LEVEL_NAMES, RECIPIENT_NAMES, SUBJECT_NAMES, TIER_NAMES) : undefined)) : "";
  return `${expectedGot(field, options, got, lang)}${hint}`;
}

/** What each branch of a union expected (`level-points`, or a decimal), from its first issue. */
function unionForms(branches: readonly (readonly core.$ZodIssue[])[], lang: Lang): string[] {
  const forms: string[] = [];
  for (const branch of branches) {
    const first = branch[0];
    if (first === undefined || first.path.length > 0) return [];
    if (first.code === "invalid_value") forms.push(first.values.map((v) => String(v)).join(lang === "zh" ? "、" : ", "));
    else if (first.code === "invalid_format" && first.format === "decimal") forms.push(DECIMAL_RULE[lang]);
    else if (first.code === "invalid_type") forms.push(typeName(first.expected, lang));
    else return [];
  }
  return forms;
}

/** The keys the object schema that raised an `unrecognized_keys` issue allows. */
function allowedKeys(issue: core.$ZodRawIssue): string[] {
  const shape = (issue.inst as { _zod?: { def?: { shape?: Readonly<Record<string, unknown>> } } } | undefined)?._zod?.def?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

/**
 * The message for one unknown key of the object at `path`, with the nearest allowed key.
 *
 * @example
 * ```ts
 * unknownKeyMessage(["components"], "routineInspectoin", ["routineInspection"], "zh");
 * //=> "考评项目中没有 routineInspectoin 这一项；是否应为 routineInspection（日常督查）？"
 * ```
 */
export function unknownKeyMessage(path: Path, key: string, allowed: readonly string[], lang: Lang): string {
  const owner = path.length === 0 ? (lang === "zh" ? "输入" : "the input") : subject(path, lang);
  const hint = suggestion(key, allowed, lang, (k) => keyName(path, k, lang));
  const shown = quoted(key, 100);
  if (lang === "zh") return `${owner}中没有 ${shown} 这一项${hint === "" ? "，请删除或改正" : hint}`;
  return `There is no key ${shown} in ${owner}${hint === "" ? "; remove or correct it" : hint}`;
}

/** The value a library check raised its issue about: the field at the end of the path. */
function checkedValue(issue: { input?: unknown }, path: Path): unknown {
  const input = issue.input;
  const key = path[path.length - 1];
  if (typeof key === "string" && typeof input === "object" && input !== null && !Array.isArray(input) && Object.hasOwn(input, key)) {
    return (input as Record<string, unknown>)[key];
  }
  // a check on the value itself (a ballot's mark) holds the value, not the object around it
  return typeof input === "object" && input !== null && !Array.isArray(input) ? undefined : input;
}

/**
 * The message for a zod issue (raw, as an error map receives it, with its full path): the
 * library's codes and every code of zod's own, in natural Chinese or in English.
 *
 * @example
 * ```ts
 * renderIssue({ code: "invalid_type", expected: "int", input: "2022", path: ["year"] }, "zh");
 * //=> "考评年度应为整数，填写的是文字 \"2022\""
 * ```
 */
export function renderIssue(issue: core.$ZodRawIssue, lang: Lang): string {
  const path = (issue.path ?? []) as Path;
  const field = subject(path, lang);
  switch (issue.code) {
    case "custom": {
      const params = (issue.params ?? {}) as Params;
      const text = libraryText(String(params["code"]), lang, params, path, checkedValue(issue, path));
      if (text !== undefined) return text;
      return lang === "zh" ? `${field}不符合要求` : `${capital(field)} is not valid`;
    }
    case "invalid_type":
      if (issue.input === undefined) return missing(path, typeName(issue.expected, lang), lang);
      return expectedGot(field, typeName(issue.expected, lang), typedValue(issue.input, lang), lang);
    case "invalid_format":
      if (issue.format === "decimal") return expectedGot(field, DECIMAL_RULE[lang], typedValue(issue.input, lang), lang);
      if (issue.format === "date") return expectedGot(field, DATE_RULE[lang], shownValue(issue.input, lang), lang);
      return lang === "zh" ? `${field}的格式不正确，填写的是 ${shownValue(issue.input, lang)}` : `${capital(field)} is not in the expected form: ${shownValue(issue.input, lang)}`;
    case "too_small":
      return bound(issue, issue.minimum, false, field, lang);
    case "too_big":
      return bound(issue, issue.maximum, true, field, lang);
    case "invalid_value":
      return enumMessage(issue.values, issue.input, path, lang);
    case "unrecognized_keys": {
      // Suggestions for the first keys of an object only: a hostile object with 100,000 unknown
      // keys is refused in bounded time.
      const allowed = allowedKeys(issue);
      return issue.keys.map((key, i) => unknownKeyMessage(path, key, i < MAX_SUGGESTED ? allowed : [], lang)).join("\n");
    }
    case "not_multiple_of":
      return lang === "zh" ? `${field}应为 ${String(issue.divisor)} 的整数倍` : `${capital(field)} must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union": {
      const forms = unionForms(issue.errors, lang);
      if (forms.length > 0) return expectedGot(field, forms.join(lang === "zh" ? "，或" : ", or "), shownValue(issue.input, lang), lang);
      return lang === "zh" ? `${field}的写法不对，填写的是 ${shownValue(issue.input, lang)}` : `${capital(field)} has none of the allowed forms: ${shownValue(issue.input, lang)}`;
    }
    case "invalid_key":
    case "invalid_element":
      return lang === "zh" ? `${field}中有不合要求的项` : `${capital(field)} holds an invalid entry`;
  }
}
