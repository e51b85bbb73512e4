/**
 * Text as every front end reads it: strict UTF-8 (a GBK file or a binary one is refused with a
 * message that says how to save it as UTF-8), a leading byte order mark removed.
 */
import type { Lang } from "../messages/lang.js";

/**
 * Removes a leading UTF-8 byte order mark.
 *
 * @example
 * ```ts
 * stripBom("\uFEFF{}"); //=> "{}"
 * ```
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly: `undefined` when the bytes are not UTF-8 text or hold a NUL byte (a
 * binary file).
 *
 * @example
 * ```ts
 * decodeText(Buffer.from("{}")); //=> "{}"
 * decodeText(Buffer.from([0xff, 0x00])); //=> undefined
 * ```
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) >= 0) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The refusal of a text that is not UTF-8: most often a file saved as GBK by an older office
 * program, so the message says how to save it as UTF-8.
 *
 * @example
 * ```ts
 * notUtf8("a.json", "en"); //=> "a.json is not UTF-8 text (GBK, or a binary file?): save it as UTF-8 …"
 * ```
 */
export function notUtf8(what: string, lang: Lang): string {
  return lang === "zh"
    ? `${what}${/[\x21-\x7e]$/.test(what) ? " " : ""}不是 UTF-8 编码的文本（可能是 GBK 编码，或二进制文件）：请用记事本或 WPS“另存为”，编码选择 UTF-8 后再试`
    : `${what} is not UTF-8 text (GBK, or a binary file?): save it as UTF-8 (in Notepad or WPS: Save As, encoding UTF-8) and try again`;
}

