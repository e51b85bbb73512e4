/**
 * Why a text is not JSON, found by the CLI itself rather than read from the JavaScript engine's
 * English message (whose wording changes between Node.js versions): the first place the text
 * leaves the JSON grammar (RFC 8259), what was wrong there, and its line and column.
 */
import type { Lang } from "../messages/lang.js";

/**
 * What is wrong at the first place a text leaves the JSON grammar.
 *
 * @example
 * ```ts
 * const reason: JsonSyntaxReason = "trailing-comma";
 * ```
 */
export type JsonSyntaxReason =
  | "end"
  | "single-quote"
  | "curly-quote"
  | "full-width"
  | "unquoted-key"
  | "trailing-comma"
  | "expected-colon"
  | "expected-comma"
  | "unterminated-string"
  | "control-character"
  | "bad-escape"
  | "bad-number"
  | "bad-word"
  | "unexpected"
  | "after-end";

/**
 * The first syntax error of a text: where (0-based offset) and what.
 *
 * @example
 * ```ts
 * const error: JsonSyntaxError = { offset: 14, reason: "trailing-comma" };
 * ```
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: JsonSyntaxReason;
  /** The character found there, when there is one. */
  readonly found?: string | undefined;
  /** The bracket a missing comma would be followed by, for `expected-comma`. */
  readonly close?: "}" | "]" | undefined;
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;

/** The reason for a character that cannot start a value or a key. */
function unexpected(c: string, offset: number, key: boolean): JsonSyntaxError {
  if (c === "'") return { offset, reason: "single-quote", found: c };
  if (c === "“" || c === "”") return { offset, reason: "curly-quote", found: c };
  if (c === "，" || c === "：" || c === "｛" || c === "｝" || c === "［" || c === "］") return { offset, reason: "full-width", found: c };
  if (key && /[A-Za-z_$\u4e00-\u9fff]/.test(c)) return { offset, reason: "unquoted-key", found: c };
  return { offset, reason: "unexpected", found: c };
}

/** Scans a string starting at the quote at `i`; returns the offset after it, or an error. */
function scanString(text: string, i: number): number | JsonSyntaxError {
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { offset: j, reason: "control-character" };
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === undefined) return { offset: i, reason: "unterminated-string" };
      if (e === "u") {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, reason: "bad-escape", found: text.slice(j, j + 6) };
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) j += 1;
      else return { offset: j, reason: "bad-escape", found: `\\${e}` };
    }
  }
  return { offset: i, reason: "unterminated-string" };
}

/**
 * The first syntax error of `text`, or `undefined` when it is JSON. Iterative, so a deeply
 * nested text is scanned without growing the call stack.
 *
 * @example
 * ```ts
 * jsonSyntaxError('{"a": 1 2}'); //=> { offset: 8, reason: "expected-comma", close: "}" }
 * jsonSyntaxError("{}"); //=> undefined
 * ```
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ("{" | "[")[] = [];
  let i = 0;
  // What the scanner waits for: a value, a key (or `}` right after `{`), or what follows a value.
  let want: "value" | "first-value" | "key" | "first-key" | "after-value" = "value";
  const skip = (): void => {
    while (isSpace(text[i])) i += 1;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (want === "after-value") {
      const open = stack[stack.length - 1];
      if (open === undefined) return c === undefined ? undefined : { offset: i, reason: "after-end", found: c };
      if (c === undefined) return { offset: i, reason: "end" };
      const close = open === "{" ? "}" : "]";
      if (c === ",") {
        const comma = i;
        i += 1;
        skip();
        if (text[i] === "}" || text[i] === "]") return { offset: comma, reason: "trailing-comma" };
        want = open === "{" ? "key" : "value";
      } else if (c === close) {
        stack.pop();
        i += 1;
      } else if (c === "，") {
        return { offset: i, reason: "full-width", found: c };
      } else {
        return { offset: i, reason: "expected-comma", found: c, close };
      }
      continue;
    }
    if (c === undefined) return { offset: i, reason: "end" };
    if (want === "key" || want === "first-key") {
      if (want === "first-key" && c === "}") {
        stack.pop();
        i += 1;
        want = "after-value";
        continue;
      }
      if (c !== '"') return unexpected(c, i, true);
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      skip();
      if (text[i] === undefined) return { offset: i, reason: "end" };
      if (text[i] === "：") return { offset: i, reason: "full-width", found: "：" };
      if (text[i] !== ":") return { offset: i, reason: "expected-colon", found: text[i] };
      i += 1;
      want = "value";
      continue;
    }
    // A value.
    if (want === "first-value" && c === "]") {
      stack.pop();
      i += 1;
      want = "after-value";
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c);
      i += 1;
      want = c === "{" ? "first-key" : "first-value";
      continue;
    }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const next = m === null ? i : i + m[0].length;
      if (m === null || /[0-9.eE+-]/.test(text[next] ?? "")) return { offset: i, reason: "bad-number" };
      i = next;
    } else if (/[A-Za-z]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? c;
      if (word !== "true" && word !== "false" && word !== "null") return { offset: i, reason: "bad-word", found: word };
      i += word.length;
    } else {
      return unexpected(c, i, false);
    }
    want = "after-value";
  }
}

/**
 * Where in `text` a 0-based offset falls, as 1-based line and column.
 *
 * @example
 * ```ts
 * lineAndColumn("{\n  \"a\": 1,\n}", 10); //=> { line: 2, column: 9 }
 * ```
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3000\ufeff]/g;

/** A piece of the text as a message shows it: short, invisible characters as `\uXXXX`. */
const shown = (text: string | undefined): string =>
  text === undefined ? "" : (text.length > 20 ? `${text.slice(0, 20)}…` : text).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const REASONS: Readonly<Record<JsonSyntaxReason, Readonly<Record<Lang, (e: JsonSyntaxError) => string>>>> = {
  end: { zh: () => "内容在结束前中断（文件被截断，或缺少 } 或 ]）", en: () => "the text ends too early (a truncated file, or a missing } or ])" },
  "single-quote": { zh: () => "文字和键名须用英文双引号 \" 括起，不能用单引号 '", en: () => "texts and keys take double quotes \", not single quotes '" },
  "curly-quote": { zh: (e) => `此处是中文引号 ${e.found ?? ""}，应为英文双引号 "`, en: (e) => `a curly quote ${e.found ?? ""} where a straight double quote " belongs` },
  "full-width": { zh: (e) => `此处是全角符号 ${e.found ?? ""}，应为半角（英文）符号`, en: (e) => `a full-width ${e.found ?? ""} where its ASCII form belongs` },
  "unquoted-key": { zh: () => "键名须用英文双引号括起，如 \"year\"", en: () => 'a key must be in double quotes, such as "year"' },
  "trailing-comma": { zh: () => "最后一项后面多了一个逗号", en: () => "a comma after the last item" },
  "expected-colon": { zh: () => "键名后面缺少冒号 :", en: () => "a colon : is missing after the key" },
  "expected-comma": {
    zh: (e) => `缺少逗号 , 或 ${e.close ?? "}"}（此处是 ${shown(e.found)}）`,
    en: (e) => `a comma , or ${e.close ?? "}"} is missing (found ${shown(e.found)})`,
  },
  "unterminated-string": {
    zh: () => "从此处开始的文字缺少结尾的双引号（文件被截断？）",
    en: () => "the text starting here has no closing double quote (a truncated file?)",
  },
  "control-character": { zh: () => "文字中有换行或控制字符；换行应写作 \\n", en: () => "a line break or control character inside a text; write a line break as \\n" },
  "bad-escape": { zh: (e) => `文字中有无效的转义 ${shown(e.found)}（反斜杠 \\ 应写作 \\\\）`, en: (e) => `an invalid escape ${shown(e.found)} in a text (write a backslash as \\\\)` },
  "bad-number": { zh: () => "数字的写法不对（不能有前导 0、结尾的小数点，或缺少数字）", en: () => "a malformed number (a leading 0, a trailing point, or digits missing)" },
  "bad-word": {
    zh: (e) => `无法识别的值 ${shown(e.found)}（文字须加双引号；true、false、null 须小写）`,
    en: (e) => `an unknown word ${shown(e.found)} (quote texts; true, false and null are lower case)`,
  },
  unexpected: { zh: (e) => `此处不应出现 ${shown(e.found)}`, en: (e) => `unexpected ${shown(e.found)}` },
  "after-end": { zh: (e) => `JSON 内容结束后还有多余的字符 ${shown(e.found)}`, en: (e) => `more after the end of the JSON value: ${shown(e.found)}` },
};

/**
 * Why `text` is not JSON, in one line in the language asked for, with the line and column.
 *
 * @example
 * ```ts
 * jsonSyntaxText('{"a": 1 2}', "zh"); //=> "缺少逗号 , 或 }（此处是 2）（第 1 行第 9 列）"
 * ```
 */
export function jsonSyntaxText(text: string, lang: Lang): string {
  const error = jsonSyntaxError(text);
  if (error === undefined) return lang === "zh" ? "无法解析" : "cannot be parsed";
  const { line, column } = lineAndColumn(text, error.offset);
  const reason = REASONS[error.reason][lang](error);
  return lang === "zh" ? `${reason}（第 ${line} 行第 ${column} 列）` : `${reason} (line ${line}, column ${column})`;
}
