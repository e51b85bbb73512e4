/** Participants (SPEC §3): the body whose head is evaluated, and its category. */
import * as z from "zod/mini";
import { Id, RequiredText, Text } from "./values.js";

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

/** The `Participant` schema: `{ id, name, unit?, category }`. */
export const ParticipantSchema = z.strictObject({
  id: Id,
  name: RequiredText,
  unit: z.optional(Text),
  category: z.enum(CATEGORIES),
});

/** A participant: a section or second-level body whose head is evaluated. */
export type Participant = z.output<typeof ParticipantSchema>;
