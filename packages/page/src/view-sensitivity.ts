/**
 * The sensitivity view (docs/sensitivity.md): how far the assumed parameters move each body's rank — the
 * library's chart (rank ranges and a bar per parameter) and a table of the same figures.
 */
import { InputError, type Lang, type Policy, type RankGrouping } from "wubi-wuping";
import { sensitivity, type SensitivityResult } from "wubi-wuping/sensitivity";
import { PARAMETER_LABELS, sensitivityChart, strongestScenarios } from "wubi-wuping/chart";
import { h, type Child } from "./dom.js";
import type { Body } from "./session.js";

/**
 * What the view computes from: the bodies that have inputs, and how they are ranked.
 *
 * @example
 * ```ts
 * const request: SensitivityRequest = { bodies: session.bodies, policy: session.policy, by: undefined, lang: "zh" };
 * ```
 */
export interface SensitivityRequest {
  readonly bodies: readonly Body[];
  readonly policy: Policy;
  readonly by: RankGrouping | undefined;
  readonly lang: Lang;
}

/**
 * The analysis, or the problems that prevented it.
 *
 * @example
 * ```ts
 * const outcome: SensitivityOutcome = analyse(request);
 * if (!outcome.ok) outcome.messages; //=> ["…"]
 * ```
 */
export type SensitivityOutcome = { readonly ok: true; readonly result: SensitivityResult } | { readonly ok: false; readonly messages: readonly string[] };

/**
 * Runs `sensitivity` on the inputs of the bodies that have one (default samples and seed).
 *
 * @example
 * ```ts
 * const outcome = analyse({ bodies, policy: xuancheng2022, by: undefined, lang: "zh" });
 * if (outcome.ok) outcome.result.participants.length; //=> 7
 * ```
 */
export function analyse(request: SensitivityRequest): SensitivityOutcome {
  const inputs = request.bodies.flatMap((body) => (body.input === undefined ? [] : [body.input]));
  try {
    return { ok: true, result: sensitivity(inputs, { policy: request.policy, by: request.by, lang: request.lang }) };
  } catch (cause) {
    if (!(cause instanceof InputError)) throw cause;
    return { ok: false, messages: cause.issues.map((issue) => issue.message) };
  }
}

const WORDS = {
  zh: {
    caption: "各参评对象名次的变动范围",
    headers: ["参评对象", "基准总分", "总分范围", "基准名次", "名次范围", "p5–p95", "名次稳定"],
    yes: "是",
    no: "否",
    unranked: "不参与排名",
    strongest: (label: string, change: string) => `对名次影响最大的参数：${label}（名次平均变动 ${change}）`,
    none: "在所考察的情形中，没有参数改变名次。",
    chart: "敏感性图：每个参评对象的名次范围与各参数的影响",
  },
  en: {
    caption: "How far each body's rank moves",
    headers: ["Body", "Base total", "Total range", "Base rank", "Rank range", "p5–p95", "Rank holds"],
    yes: "yes",
    no: "no",
    unranked: "not ranked",
    strongest: (label: string, change: string) => `The parameter that moves ranks most: ${label} (mean change of rank ${change})`,
    none: "No parameter changes a rank in the scenarios looked at.",
    chart: "Sensitivity chart: each body's rank range and each parameter's effect",
  },
} as const;

/** The chart: the library's SVG text, parsed as SVG (never as HTML) and adopted into the page. */
function chart(result: SensitivityResult, lang: Lang): Child {
  const svg = new DOMParser().parseFromString(sensitivityChart(result, { lang }), "image/svg+xml").documentElement;
  if (svg.nodeName !== "svg") return null;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", WORDS[lang].chart);
  return document.importNode(svg, true);
}

/**
 * The view's children for an outcome.
 *
 * @example
 * ```ts
 * fill(section, ...sensitivityView(analyse(request), "zh"));
 * ```
 */
export function sensitivityView(outcome: SensitivityOutcome, lang: Lang): Child[] {
  const w = WORDS[lang];
  if (!outcome.ok) return [h("ul", { class: "problems" }, outcome.messages.map((message) => h("li", {}, message)))];
  const result = outcome.result;
  const strongest = strongestScenarios(result).reduce<(typeof result.oneAtATime)[number] | undefined>(
    (best, s) => (best === undefined || Number(s.meanAbsRankChange) > Number(best.meanAbsRankChange) ? s : best),
    undefined,
  );
  const moving = strongest !== undefined && Number(strongest.meanAbsRankChange) > 0;
  return [
    h("p", {}, moving ? w.strongest(PARAMETER_LABELS[strongest.parameter][lang], strongest.meanAbsRankChange) : w.none),
    h("div", { class: "chart" }, chart(result, lang)),
    h(
      "table",
      { class: "records sensitivity-table" },
      h("caption", {}, w.caption),
      h("thead", {}, h("tr", {}, w.headers.map((header) => h("th", { scope: "col" }, header)))),
      h(
        "tbody",
        {},
        result.participants.map((p) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, `${p.participant.name}（${p.participant.id}）`),
            h("td", { class: "num" }, p.base.total),
            h("td", { class: "num" }, `${p.total.min} – ${p.total.max}`),
            h("td", { class: "num" }, p.base.rank === null ? w.unranked : String(p.base.rank)),
            h("td", { class: "num" }, p.rank === null ? "—" : `${p.rank.min} – ${p.rank.max}`),
            h("td", { class: "num" }, p.rank === null ? "—" : `${p.rank.p5} – ${p.rank.p95}`),
            h("td", {}, p.stable ? w.yes : w.no),
          ),
        ),
      ),
    ),
  ];
}
