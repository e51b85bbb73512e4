/**
 * The JSON texts the front ends write, in one place so that the CLI, the service and the page can
 * never write the same thing two ways: a result on one line (as `score --json` and `score --batch`
 * print it), every other document indented by two spaces (`rank`, `compare`, `sensitivity`,
 * `policy` with `--json` or `--format json`, and the service's answers for the same work).
 */
import type { ScoreResult } from "../index.js";

/**
 * A result as one line of JSON.
 *
 * @example
 * ```ts
 * resultJson(score(input)).startsWith('{"year":2022'); //=> true
 * ```
 */
export function resultJson(result: ScoreResult): string {
  return JSON.stringify(result);
}

/**
 * Any other document (rank entries, a comparison, a sensitivity analysis, a policy) as JSON
 * indented by two spaces.
 *
 * @example
 * ```ts
 * documentJson({ ok: true }); //=> '{\n  "ok": true\n}'
 * ```
 */
export function documentJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
