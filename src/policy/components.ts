/**
 * The eight components of the 100-point system (`四`, `附件2-一`, `附件2-二`), in policy order.
 */

/** How a component turns its records into a value (SPEC §4). */
export type ComponentMethod = "rounds" | "complaints" | "survey" | "scores";

/** Which half of the score a component belongs to: 日常考评 or 综合评价. */
export type ComponentGroup = "daily" | "comprehensive";

/** One component of the score as the source defines it. */
export interface ComponentDefinition {
  readonly id: ComponentId;
  readonly label: string;
  readonly group: ComponentGroup;
  readonly clause: string;
  readonly max: number;
  readonly method: ComponentMethod;
}

/** The component ids, in policy order. */
export const COMPONENT_IDS = [
  "routineInspection",
  "specialInspection",
  "unannouncedVisit",
  "complaints",
  "serviceRecipients",
  "deputies",
  "countyCounterparts",
  "cityLeaders",
] as const;

/** A component id. */
export type ComponentId = (typeof COMPONENT_IDS)[number];

/** The eight components with their official names, clauses, maxima and methods. */
export const COMPONENTS: readonly ComponentDefinition[] = Object.freeze([
  { id: "routineInspection", label: "日常督查", group: "daily", clause: "附件2-一.1", max: 25, method: "rounds" },
  { id: "specialInspection", label: "专项督查", group: "daily", clause: "附件2-一.2", max: 5, method: "rounds" },
  { id: "unannouncedVisit", label: "随机暗访", group: "daily", clause: "附件2-一.3", max: 10, method: "rounds" },
  { id: "complaints", label: "处理投诉", group: "daily", clause: "附件2-一.4", max: 10, method: "complaints" },
  { id: "serviceRecipients", label: "服务对象代表评价", group: "comprehensive", clause: "附件2-二.1", max: 15, method: "survey" },
  { id: "deputies", label: "“两代表一委员”评价", group: "comprehensive", clause: "附件2-二.2", max: 15, method: "survey" },
  { id: "countyCounterparts", label: "县市区对口部门评价", group: "comprehensive", clause: "附件2-二.3", max: 10, method: "survey" },
  { id: "cityLeaders", label: "分管联系市领导评价", group: "comprehensive", clause: "附件2-二.4", max: 10, method: "scores" },
].map((c) => Object.freeze(c as ComponentDefinition)));

/** The official names of the two groups (`四`). */
export const GROUP_LABELS: Readonly<Record<ComponentGroup, string>> = { daily: "日常考评", comprehensive: "综合评价" };
