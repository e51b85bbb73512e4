/**
 * A bound on the issues one list reports. zod hands a property's issues to its parent object by
 * spreading them into `push(...)`, one argument per issue, so a list with a few hundred thousand
 * bad items overflowed the stack (`RangeError`) instead of giving an input error. Each list of an
 * input keeps its first {@link MAX_LIST_ISSUES} issues and counts the rest in one last issue,
 * `too-many-issues`, at the list's own path.
 *
 * @internal
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";

/** The most issues one list reports before the rest are counted in one `too-many-issues` issue. */
export const MAX_LIST_ISSUES = 1000;

/**
 * The check that bounds a list's issues. It runs even when the items had issues (`when`), after
 * the list's other checks, so put it last.
 *
 * @example
 * ```ts
 * z.array(RoundSchema).check(uniqueIds(), capIssues());
 * ```
 */
export function capIssues<T>(): core.$ZodCheck<T[]> {
  return z.check<T[]>(
    (payload) => {
      const issues = payload.issues;
      const total = issues.length;
      if (total <= MAX_LIST_ISSUES) return;
      issues.length = MAX_LIST_ISSUES;
      issues.push({ code: "custom", input: undefined, path: [], params: { code: "too-many-issues", shown: MAX_LIST_ISSUES, total } });
    },
    { when: () => true },
  );
}
