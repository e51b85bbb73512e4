/**
 * The sensitivity chart (docs/sensitivity.md): each body's rank range in ranking order — the thin line from
 * the best to the worst rank seen, the thick bar from p5 to p95, the base rank marked — and a bar
 * per parameter of how far it moves ranks (the larger `meanAbsRankChange` of its scenarios).
 * Plain SVG text: the CLI writes it to a file, the offline page puts it in the document.
 */
import { compareDecimalText } from "../decimal.js";
import { CATEGORY_LABELS } from "../model/participant.js";
import { TIER_LABELS, type Tier } from "../model/policy.js";
import type { Lang } from "../messages/lang.js";
import { parameterValueText } from "../messages/parameters.js";
import type { OneAtATime, SensitivityParameter, SensitivityResult } from "../model/sensitivity.js";

/** Options of `sensitivityChart`. */
export interface ChartOptions {
  /** Labels in Chinese (default) or English. */
  readonly lang?: Lang | undefined;
}

/** Fonts that carry Chinese on each common system, then the generic family. */
export const CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

/** The parameters' names as a person reads them. */
export const PARAMETER_LABELS: Readonly<Record<SensitivityParameter, Readonly<Record<Lang, string>>>> = {
  "surveyWeights.basicallySatisfied": { zh: "“基本满意”票的权重", en: "weight of a basically-satisfied ballot" },
  "surveyWeights.dissatisfied": { zh: "“不满意”票的权重", en: "weight of a dissatisfied ballot" },
  complaintDeduction: { zh: "每件投诉的扣分", en: "deduction per complaint" },
  roundAggregation: { zh: "各轮得分的汇总方式", en: "how rounds are aggregated" },
  quotaRounding: { zh: "优秀名额的取整方式", en: "how the 优秀 quota is rounded" },
  groupWeights: { zh: "评价人类别权重", en: "rater group weights" },
};

const WORDS = {
  zh: {
    title: "名次对假定参数的敏感性",
    subtitle: (n: number, samples: number, seed: number) => `${n} 个参评对象；基准、逐一改变的情形和 ${samples} 个随机情形（种子 ${seed}）`,
    axis: "名次",
    legend: "细线：出现过的最好至最差名次　粗条：p5–p95　◆：基准名次　绿色：名次在所有情形下不变　红色：名次会变",
    unranked: "不参与排名（否决或暂定）",
    bars: "各参数使名次平均变动的幅度（取两端中较大者）",
    none: "没有参数被改变",
    tiers: "等次（各情形中的占比）",
  },
  en: {
    title: "How ranks depend on the assumed parameters",
    subtitle: (n: number, samples: number, seed: number) => `${n} bodies; the base, each parameter changed alone, and ${samples} random scenarios (seed ${seed})`,
    axis: "rank",
    legend: "thin line: best to worst rank seen · thick bar: p5–p95 · ◆: base rank · green: the rank holds in every scenario · red: it moves",
    unranked: "not ranked (vetoed or provisional)",
    bars: "mean change of rank each parameter causes (the larger of its ends)",
    none: "no parameter was varied",
    tiers: "tier (share of scenarios)",
  },
} as const;

/** About how wide a text is at a font size: a CJK character is square, a Latin one about half. */
const widthOf = (text: string, size: number): number => [...text].reduce((w, c) => w + ((c.codePointAt(0) as number) > 0x2e80 ? size : size * 0.58), 0);

/** `text` cut with an ellipsis to fit `room` pixels. */
function fitted(text: string, size: number, room: number): string {
  if (widthOf(text, size) <= room) return text;
  const chars = [...text];
  while (chars.length > 1 && widthOf(`${chars.join("")}…`, size) > room) chars.pop();
  return `${chars.join("")}…`;
}

const tierName = (tier: Tier, lang: Lang): string => (lang === "zh" ? TIER_LABELS[tier] : tier.replace("-", " "));

/**
 * A scenario's value as a person writes it, in the chart's language: a method in words, never its
 * id (`mean-of-fractions` → 各轮按本轮满分折算后取平均), a deduction with its unit, group weights by
 * component, `null` weights as pooled (the wording of `wubi-wuping policy`, src/messages/parameters.ts).
 */
function scenarioValueText(parameter: SensitivityParameter, value: string, lang: Lang): string {
  switch (parameter) {
    case "surveyWeights.basicallySatisfied":
    case "surveyWeights.dissatisfied":
      return value;
    case "groupWeights":
      // The scenario names its weights as the JSON text of the policy's field (docs/ballots.md).
      return parameterValueText("groupWeights", JSON.parse(value) as unknown, lang);
    default:
      return parameterValueText(parameter, value, lang);
  }
}

/** Short category names for the narrow column (the Chinese ones are short already). */
const CATEGORY_SHORT: Readonly<Record<string, string>> = {
  "public-service": "public service",
  "law-enforcement": "enforcement",
  "comprehensive-management": "management",
};

/** A 4-place share as a percentage: `"0.3340"` → `"33.4%"`. */
function percent(share: string): string {
  const [whole = "0", fraction = "0000"] = share.split(".");
  const digits = `${Number(`${whole}${fraction.slice(0, 2)}`)}.${fraction.slice(2)}`.replace(/\.?0+$/, "");
  return `${digits}%`;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/**
 * Per parameter, the scenario that moves ranks most (the first on a tie), in the table's order.
 *
 * @example
 * ```ts
 * strongestScenarios(result).map((s) => [s.parameter, s.value, s.meanAbsRankChange]);
 * //=> [["surveyWeights.basicallySatisfied", "0.5", "0.0000"], …, ["roundAggregation", "pooled", "1.1111"]]
 * ```
 */
export function strongestScenarios(result: SensitivityResult): OneAtATime[] {
  const strongest = new Map<SensitivityParameter, OneAtATime>();
  for (const s of result.oneAtATime) {
    const best = strongest.get(s.parameter);
    if (best === undefined || compareDecimalText(s.meanAbsRankChange, best.meanAbsRankChange) > 0) strongest.set(s.parameter, s);
  }
  return [...strongest.values()];
}

/**
 * Draws a sensitivity result as an SVG document.
 *
 * @param result - What `sensitivity` returned.
 * @param options - `lang` for the labels (Chinese by default; names of bodies as given).
 * @returns The SVG text, standalone (with its XML namespace), fonts falling back through
 *   {@link CJK_FONTS} so Chinese labels render wherever a CJK font is installed.
 * @example
 * ```ts
 * import { sensitivity, sensitivityChart } from "wubi-wuping/sensitivity"; // the chart alone: "wubi-wuping/chart"
 * const svg = sensitivityChart(sensitivity(inputs));
 * svg.startsWith("<svg"); //=> true
 * ```
 */
export function sensitivityChart(result: SensitivityResult, options: ChartOptions = {}): string {
  const lang: Lang = options?.lang === "en" ? "en" : "zh";
  const w = WORDS[lang];
  const rows = result.participants;
  const maxRank = rows.reduce((most, r) => Math.max(most, r.rank?.max ?? 1), 1);
  const width = 960;
  const left = 330;
  const withTiers = rows.some((r) => r.tiers !== undefined);
  const right = withTiers ? (lang === "zh" ? 200 : 250) : 40;
  const rowHeight = 26;
  const top = 110;
  const plot = width - left - right;
  const x = (rank: number): number => left + (maxRank === 1 ? plot / 2 : ((rank - 1) / (maxRank - 1)) * plot);
  const out: string[] = [];
  const text = (tx: number, ty: number, body: string, attrs = ""): void => {
    out.push(`<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}"${attrs}>${escape(body)}</text>`);
  };

  text(16, 30, w.title, ' font-size="20" font-weight="bold"');
  text(16, 52, w.subtitle(rows.length, result.samples, result.seed), ' font-size="13" fill="#555"');
  text(16, 72, w.legend, ' font-size="12" fill="#555"');

  const plotBottom = top + rows.length * rowHeight;
  // Rank grid: every rank when there are few, else about ten lines.
  const every = Math.max(1, Math.ceil(maxRank / 12));
  for (let rank = 1; rank <= maxRank; rank += 1) {
    if (rank !== 1 && rank !== maxRank && (rank - 1) % every !== 0) continue;
    out.push(`<line x1="${x(rank).toFixed(1)}" y1="${top - 6}" x2="${x(rank).toFixed(1)}" y2="${plotBottom}" stroke="#e3e3e3"/>`);
    text(x(rank), top - 10, String(rank), ' font-size="11" text-anchor="middle" fill="#555"');
  }
  text(left - 14, top - 10, w.axis, ' font-size="11" text-anchor="end" fill="#555"');

  if (withTiers) text(width - right + 16, top - 10, w.tiers, ' font-size="11" fill="#555"');
  rows.forEach((row, i) => {
    const cy = top + i * rowHeight + rowHeight / 2;
    if (i % 2 === 1) out.push(`<rect x="8" y="${cy - rowHeight / 2}" width="${width - 16}" height="${rowHeight}" fill="#f7f7f7"/>`);
    if (row.tiers !== undefined) {
      const shares = Object.entries(row.tiers) as [Tier, string][];
      const shown = shares.map(([tier, share]) => (shares.length === 1 ? tierName(tier, lang) : `${tierName(tier, lang)} ${percent(share)}`)).join(lang === "zh" ? "，" : ", ");
      text(width - right + 16, cy + 4, fitted(shown, 12, right - 24), ` font-size="12" fill="${shares.length > 1 ? "#e65100" : "#555"}"`);
    }
    const category = lang === "zh" ? CATEGORY_LABELS[row.participant.category] : (CATEGORY_SHORT[row.participant.category] ?? row.participant.category);
    const label = `${row.base.rank === null ? "–" : String(row.base.rank)}  ${row.participant.name}`;
    out.push(`<g><title>${escape(row.participant.name)}</title>`);
    text(16, cy + 4, fitted(label, 13, left - 40 - widthOf(category, 10)), ' font-size="13"');
    out.push("</g>");
    text(left - 10, cy + 4, category, ' font-size="10" text-anchor="end" fill="#888"');
    const r = row.rank;
    if (r === null) {
      text(left, cy + 4, w.unranked, ' font-size="12" fill="#999"');
      return;
    }
    const color = row.stable ? "#2e7d32" : "#c62828";
    out.push(`<line x1="${x(r.min).toFixed(1)}" y1="${cy}" x2="${x(r.max).toFixed(1)}" y2="${cy}" stroke="${color}" stroke-width="2"/>`);
    const barStart = x(r.p5);
    out.push(`<rect x="${(barStart - 4).toFixed(1)}" y="${cy - 6}" width="${(x(r.p95) - barStart + 8).toFixed(1)}" height="12" rx="4" fill="${color}" fill-opacity="0.35"/>`);
    const bx = x(row.base.rank ?? r.p50);
    out.push(`<path d="M${bx.toFixed(1)} ${cy - 8}l7 8l-7 8l-7-8z" fill="${color}"><title>${escape(`${row.participant.name}: ${r.min}–${r.max}, p5–p95 ${r.p5}–${r.p95}`)}</title></path>`);
  });

  const scenarios = strongestScenarios(result);
  const barsTop = plotBottom + 48;
  text(16, barsTop - 14, w.bars, ' font-size="14" font-weight="bold"');
  const largest = scenarios.reduce((most, s) => Math.max(most, Number(s.meanAbsRankChange)), 0);
  // Each bar's figure and the value in words after it, within the picture: the longest label
  // (cut with an ellipsis past room for a bar of 100 px) sets how long the longest bar may be.
  const labelRoom = width - 16 - left - 8 - 100;
  const labels = scenarios.map((s) => {
    const words = scenarioValueText(s.parameter, s.value, lang);
    return fitted(lang === "zh" ? `${s.meanAbsRankChange}（${words}）` : `${s.meanAbsRankChange} (${words})`, 12, labelRoom);
  });
  const widest = labels.reduce((most, label) => Math.max(most, widthOf(label, 12)), 0);
  const longestBar = Math.max(100, Math.min(plot - 120, width - 16 - left - 8 - widest));
  scenarios.forEach((s, i) => {
    const cy = barsTop + i * rowHeight + rowHeight / 2;
    text(16, cy + 4, PARAMETER_LABELS[s.parameter][lang], ' font-size="13"');
    const length = largest === 0 ? 0 : (Number(s.meanAbsRankChange) / largest) * longestBar;
    out.push(`<rect x="${left}" y="${cy - 8}" width="${Math.max(1, length).toFixed(1)}" height="16" fill="#1565c0"/>`);
    text(left + Math.max(1, length) + 8, cy + 4, labels[i] as string, ' font-size="12"');
  });
  if (scenarios.length === 0) text(left, barsTop + 16, w.none, ' font-size="12" fill="#999"');
  const height = barsTop + Math.max(1, scenarios.length) * rowHeight + 24;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CJK_FONTS.replace(/"/g, "")}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...out,
    "</svg>",
  ].join("\n");
}
