/**
 * Rosters and evaluations (docs/formats.md, docs/cycle.md): who must be evaluated in a cycle, and who was, when.
 * Every object is strict: an unknown key is an input error.
 */
import * as z from "zod/mini";
import type { core } from "zod/mini";
import { INPUT_YEARS } from "./input.js";
import { ParticipantSchema } from "./participant.js";
import { capIssues } from "./issue-cap.js";
import { Id } from "./values.js";

/**
 * A year as inputs name it: an integer 2000..2098 (docs/how-a-score-is-built.md).
 *
 * @example
 * ```ts
 * YearSchema.safeParse(2023).success; //=> true
 * YearSchema.safeParse("2023").success; //=> false
 * ```
 */
export const YearSchema = z.int().check(z.minimum(INPUT_YEARS.min), z.maximum(INPUT_YEARS.max));

/**
 * A roster entry: a participant (docs/formats.md) with an optional `since`, the first year it is eligible.
 * Strict: an unknown key is an error.
 *
 * @example
 * ```ts
 * RosterEntrySchema.parse({ id: "cgjdk", name: "城管监督科", category: "comprehensive-management", since: 2023 });
 * //=> { id: "cgjdk", name: "城管监督科", category: "comprehensive-management", since: 2023 }
 * ```
 */
export const RosterEntrySchema = z.extend(ParticipantSchema, { since: z.optional(YearSchema) });
/** A roster entry, validated. */
export type RosterEntry = z.output<typeof RosterEntrySchema>;

/**
 * A roster: entries in the office's order, each id at most once (`duplicate-id` at `[i, "id"]`).
 * The repeat check runs even when other entries are invalid (except after an explicitly aborting
 * issue such as a non-integer year), so the problems are reported together.
 *
 * @example
 * ```ts
 * RosterSchema.safeParse([cgjdk, cgjdk]).error?.issues[0]?.path; //=> [1, "id"]  (code "duplicate-id")
 * ```
 */
export const RosterSchema = z.array(RosterEntrySchema).check(
  z.check<RosterEntry[]>(
    (payload) => {
      const seen = new Set<string>();
      const list: readonly unknown[] = payload.value;
      list.forEach((entry, i) => {
        const id = stringAt(entry, "id");
        if (id === undefined) return;
        if (seen.has(id)) {
          (payload as core.ParsePayload<unknown>).issues.push({
            code: "custom",
            input: id,
            path: [i, "id"],
            params: { code: "duplicate-id", id },
          });
        } else {
          seen.add(id);
        }
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  ),
  capIssues(),
);
/** A roster, validated. */
export type Roster = z.output<typeof RosterSchema>;

/**
 * One evaluation that took place: `{ participantId, year }`, whatever its outcome. Strict.
 *
 * @example
 * ```ts
 * EvaluationSchema.parse({ participantId: "cgjdk", year: 2022 }); //=> { participantId: "cgjdk", year: 2022 }
 * ```
 */
export const EvaluationSchema = z.strictObject({ participantId: Id, year: YearSchema });
/** An evaluation, validated. */
export type Evaluation = z.output<typeof EvaluationSchema>;

/**
 * The evaluations on record, in any order; repeats are allowed (and reported as findings).
 *
 * @example
 * ```ts
 * EvaluationsSchema.safeParse([{ participantId: "cgjdk" }]).success; //=> false (year missing)
 * ```
 */
export const EvaluationsSchema = z.array(EvaluationSchema).check(capIssues());

/**
 * The string at `key` of a value that may not be an object (for checks that run on invalid data).
 *
 * @param value - Anything.
 * @param key - An own property name.
 * @returns The property when it is a string, else `undefined`.
 * @example
 * ```ts
 * stringAt({ id: "a" }, "id"); //=> "a"
 * stringAt("x", "id"); //=> undefined
 * ```
 *
 * @internal
 */
export function stringAt(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
  const inner: unknown = (value as Readonly<Record<string, unknown>>)[key];
  return typeof inner === "string" ? inner : undefined;
}
