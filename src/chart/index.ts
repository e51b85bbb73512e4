/**
 * wubi-wuping/chart: pictures of results for people who would rather look than read — the
 * sensitivity chart as SVG text (also in `wubi-wuping/sensitivity`, beside the analysis). Pure, like the main entry (no `node:` import; runs in a browser),
 * and kept apart from it so a page that only scores does not carry the drawing code.
 * @packageDocumentation
 */
export { sensitivityChart, strongestScenarios, PARAMETER_LABELS, CJK_FONTS } from "./sensitivity-chart.js";
export type { ChartOptions } from "./sensitivity-chart.js";
