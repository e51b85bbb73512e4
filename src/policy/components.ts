/**
 * The eight components of the 100-point system (`四`, `附件2-一`, `附件2-二`), in policy order.
 */
import { COMPONENT_NAMES, GROUP_NAMES, chineseOf } from "../messages/labels.js";

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
  { id: "routineInspection", label: COMPONENT_NAMES.routineInspection.zh, group: "daily", clause: "附件2-一.1", max: 25, method: "rounds" },
  { id: "specialInspection", label: COMPONENT_NAMES.specialInspection.zh, group: "daily", clause: "附件2-一.2", max: 5, method: "rounds" },
  { id: "unannouncedVisit", label: COMPONENT_NAMES.unannouncedVisit.zh, group: "daily", clause: "附件2-一.3", max: 10, method: "rounds" },
  { id: "complaints", label: COMPONENT_NAMES.complaints.zh, group: "daily", clause: "附件2-一.4", max: 10, method: "complaints" },
  { id: "serviceRecipients", label: COMPONENT_NAMES.serviceRecipients.zh, group: "comprehensive", clause: "附件2-二.1", max: 15, method: "survey" },
  { id: "deputies", label: COMPONENT_NAMES.deputies.zh, group: "comprehensive", clause: "附件2-二.2", max: 15, method: "survey" },
  { id: "countyCounterparts", label: COMPONENT_NAMES.countyCounterparts.zh, group: "comprehensive", clause: "附件2-二.3", max: 10, method: "survey" },
  { id: "cityLeaders", label: COMPONENT_NAMES.cityLeaders.zh, group: "comprehensive", clause: "附件2-二.4", max: 10, method: "scores" },
].map((c) => Object.freeze(c as ComponentDefinition)));

/** The official names of the two groups (`四`). */
export const GROUP_LABELS: Readonly<Record<ComponentGroup, string>> = chineseOf(GROUP_NAMES);
