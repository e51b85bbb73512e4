/** Participants (docs/formats.md): the body whose head is evaluated, and its category. */
import type * as z from "zod/mini";
import { object, optional } from "./declare.js";
import { enumValue, IdValue, RequiredTextValue, TextValue } from "./values.js";

/** The three categories of `附件1`, in the order they are listed everywhere. */
export const CATEGORIES = ["public-service", "law-enforcement", "comprehensive-management"] as const;

/** A category id: `public-service` 公共服务, `law-enforcement` 行政执法, `comprehensive-management` 综合管理(审批). */
export type Category = (typeof CATEGORIES)[number];

/** The source's names of the categories (`附件1`). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  "public-service": "公共服务",
  "law-enforcement": "行政执法",
  "comprehensive-management": "综合管理(审批)",
};

/** The participant's declaration: `{ id, name, unit?, category }` (its schema and fast reader). */
export const ParticipantValue = object({
  id: IdValue,
  name: RequiredTextValue,
  unit: optional(TextValue),
  category: enumValue(CATEGORIES),
});

/** The `Participant` schema: `{ id, name, unit?, category }`. */
export const ParticipantSchema = ParticipantValue.schema;

/** A participant: a section or second-level body whose head is evaluated. */
export type Participant = z.output<typeof ParticipantSchema>;
