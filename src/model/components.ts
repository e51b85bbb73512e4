/**
 * The eight components of the 100-point system (`四`, `附件2-一`, `附件2-二`), in policy order:
 * the one list every other part (input schema, fast reader, engine, results, JSON Schema) reads.
 */

/** How a component turns its records into a value (docs/how-a-score-is-built.md). */
export type ComponentMethod = "rounds" | "complaints" | "survey" | "scores";

/** Which half of the score a component belongs to: 日常考评 or 综合评价. */
export type ComponentGroup = "daily" | "comprehensive";

const LIST = [
  { id: "routineInspection", label: "日常督查", group: "daily", clause: "附件2-一.1", max: 25, method: "rounds" },
  { id: "specialInspection", label: "专项督查", group: "daily", clause: "附件2-一.2", max: 5, method: "rounds" },
  { id: "unannouncedVisit", label: "随机暗访", group: "daily", clause: "附件2-一.3", max: 10, method: "rounds" },
  { id: "complaints", label: "处理投诉", group: "daily", clause: "附件2-一.4", max: 10, method: "complaints" },
  { id: "serviceRecipients", label: "服务对象代表评价", group: "comprehensive", clause: "附件2-二.1", max: 15, method: "survey" },
  { id: "deputies", label: "“两代表一委员”评价", group: "comprehensive", clause: "附件2-二.2", max: 15, method: "survey" },
  { id: "countyCounterparts", label: "县市区对口部门评价", group: "comprehensive", clause: "附件2-二.3", max: 10, method: "survey" },
  { id: "cityLeaders", label: "分管联系市领导评价", group: "comprehensive", clause: "附件2-二.4", max: 10, method: "scores" },
] as const satisfies readonly {
  readonly id: string;
  readonly label: string;
  readonly group: ComponentGroup;
  readonly clause: string;
  readonly max: number;
  readonly method: ComponentMethod;
}[];

/** A component id. */
export type ComponentId = (typeof LIST)[number]["id"];

/** The method of component `K`. */
export type MethodOf<K extends ComponentId> = Extract<(typeof LIST)[number], { readonly id: K }>["method"];

/** One component of the score as the source defines it. */
export interface ComponentDefinition {
  readonly id: ComponentId;
  readonly label: string;
  readonly group: ComponentGroup;
  readonly clause: string;
  readonly max: number;
  readonly method: ComponentMethod;
}

/**
 * The eight components with their official names, clauses, maxima and methods.
 *
 * @example
 * ```ts
 * COMPONENTS[0]; //=> { id: "routineInspection", label: "日常督查", group: "daily", clause: "附件2-一.1", max: 25, method: "rounds" }
 * ```
 */
export const COMPONENTS: readonly ComponentDefinition[] = Object.freeze(LIST.map((c) => Object.freeze({ ...c })));

/**
 * The component ids, in policy order.
 *
 * @example
 * ```ts
 * COMPONENT_IDS.length; //=> 8
 * ```
 */
export const COMPONENT_IDS = Object.freeze(LIST.map((c) => c.id)) as unknown as readonly [ComponentId, ...ComponentId[]];

/** The official names of the two groups (`四`). */
export const GROUP_LABELS: Readonly<Record<ComponentGroup, string>> = { daily: "日常考评", comprehensive: "综合评价" };
