/**
 * How a path into an input is written in a message: what every message module and the input
 * errors share.
 *
 * @internal
 */


/** The most characters of a key or id that a message or a rendered path shows. */
export const SHOWN_LENGTH = 100;
// Control characters (C0, DEL, C1), zero-width and direction marks, line and paragraph separators,
// direction embeddings, overrides and isolates, the word joiner and the BOM: invisible, or able to
// break a line or reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Writes each invisible or control character of a text as `\uXXXX`.
 *
 * @example
 * ```ts
 * escapeInvisible("a\nb"); //=> "a\\u000ab"
 * ```
 */
export const escapeInvisible = (text: string): string =>
  text.replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Renders a path the way a clerk reads it: `components.routineInspection.rounds[1].score`. A key
 * that is longer than 100 characters or holds an invisible or control character is shown quoted
 * and escaped (`participant["a\nb"]`), so the rendering is always one short line.
 *
 * @param path - The issue's path.
 * @returns The path as one short line; `(root)` for the empty path.
 * @example
 * ```ts
 * formatPath(["components", "routineInspection", "rounds", 1, "score"]); //=> "components.routineInspection.rounds[1].score"
 * ```
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
