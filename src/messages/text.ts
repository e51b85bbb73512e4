/**
 * The pieces every message is made of: a value quoted from the input, the field named, and the
 * spacing of Chinese beside Latin letters.
 *
 * @internal
 */
import { escapeInvisible, formatPath } from "./path.js";
import type { Lang } from "./lang.js";
import { fieldName } from "./fields.js";

/** A path into an input. */
export type Path = readonly (string | number)[];

/** The most characters of an offending value a message echoes. */
const SHOWN_VALUE = 40;


/**
 * A text from the input as a message quotes it: short, invisible characters as `\uXXXX`.
 *
 * @example
 * ```ts
 * quoted("a\nb"); //=> "\"a\\u000ab\""
 * ```
 */
export function quoted(text: string, max = SHOWN_VALUE): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${escapeInvisible(short)}"`;
}

/**
 * A value from the input as a message echoes it: a quoted short text, a number, `true`, or the
 * kind of a list or object.
 *
 * @example
 * ```ts
 * shownValue("23,5", "zh"); //=> "\"23,5\""
 * shownValue([1, 2], "zh"); //=> "一个数组（2 项）"
 * ```
 */
export function shownValue(value: unknown, lang: Lang): string {
  const zh = lang === "zh";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return zh ? `一个数组（${value.length} 项）` : `an array of ${value.length}`;
  if (typeof value === "object") return zh ? "一个对象" : "an object";
  return zh ? "无" : "nothing";
}

/**
 * The field a message is about: its office name, or its path where the tree has none.
 *
 * @example
 * ```ts
 * subject(["year"], "zh"); //=> "考评年度"
 * ```
 */
export function subject(path: Path, lang: Lang): string {
  const name = fieldName(path, lang);
  if (name !== "") return name;
  if (path.length === 0) return lang === "zh" ? "输入" : "the input";
  return lang === "zh" ? `字段 ${formatPath(path)} ` : `the field ${formatPath(path)}`;
}

/**
 * An English sentence's first letter in capital.
 *
 * @example
 * ```ts
 * capital("the year"); //=> "The year"
 * ```
 */
export const capital = (text: string): string => (text === "" ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`);

/**
 * `text` after Chinese, with the space Chinese typesetting puts before Latin letters and digits.
 *
 * @example
 * ```ts
 * `应为${spaced("true")}`; //=> "应为 true"
 * ```
 */
export const spaced = (text: string): string => (/^[A-Za-z0-9"“]/.test(text) ? ` ${text}` : text);

