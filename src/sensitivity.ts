/**
 * wubi-wuping/sensitivity: what-if and sensitivity of the assumed parameters (docs/sensitivity.md) —
 * `compare`, `sensitivity`, their result schemas, and the sensitivity chart. Pure like the main
 * entry (no `node:` import; runs in a browser), and kept apart from it so that the main entry's
 * size budget holds for a page that scores and ranks.
 * @packageDocumentation
 */
export { compare } from "./api/compare.js";
export { sensitivity } from "./api/sensitivity.js";
export {
  SENSITIVITY_PARAMETERS,
  DEFAULT_RANGES,
  RangesSchema,
  CompareResultSchema,
  SensitivityResultSchema,
} from "./model/sensitivity.js";
export { sensitivityChart, strongestScenarios, PARAMETER_LABELS, CJK_FONTS } from "./chart/sensitivity-chart.js";

export type { CompareOptions } from "./api/compare.js";
export type { SensitivityOptions } from "./api/sensitivity.js";
export type { ChartOptions } from "./chart/sensitivity-chart.js";
export type {
  SensitivityParameter,
  Ranges,
  CompareResult,
  SensitivityResult,
  SensitivityEntry,
  OneAtATime,
} from "./model/sensitivity.js";
