/**
 * The language of every message, table and explanation: Chinese by default, English on request.
 *
 * @internal
 */

/**
 * The language of messages: Chinese (default) or English.
 *
 * @example
 * ```ts
 * const lang: Lang = "en";
 * ```
 */
export type Lang = "zh" | "en";

/**
 * The language a call asked for: `"en"` for English, Chinese for anything else (an absent or
 * unknown value from untyped code included), so a wrong `lang` never changes what is reported.
 *
 * @example
 * ```ts
 * langOf("en"); //=> "en"
 * langOf(undefined); //=> "zh"
 * langOf("fr"); //=> "zh"
 * ```
 */
export function langOf(value: unknown): Lang {
  return value === "en" ? "en" : "zh";
}
