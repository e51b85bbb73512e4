/**
 * A body's 计分说明: who and what, the components with their points, the records they were scored
 * from (when the input was loaded), and `explain()`'s audit trail — every step, the bonus, the
 * veto and the assumptions — with lines for the reviewer and the date when printed.
 */
import {
  CATEGORY_LABELS,
  COMPONENTS,
  LEVEL_LABELS,
  TIER_LABELS,
  explain,
  type ComponentId,
  type Lang,
  type RankEntry,
  type ScoreInputJson,
} from "wubi-wuping";
import { h, type Child } from "./dom.js";
import type { Body } from "./session.js";
import { pageText } from "./text.js";

type Cell = string | number | boolean | undefined | null;
type Labels = Readonly<Record<Lang, readonly string[]>>;

const COLUMNS = {
  rounds: { zh: ["轮次编号", "日期", "得分", "满分", "备注"], en: ["Round", "Date", "Score", "Out of", "Note"] },
  complaints: { zh: ["投诉编号", "受理日期", "是否查实", "扣分"], en: ["Complaint", "Received", "Verified", "Deduction"] },
  survey: { zh: ["满意", "基本满意", "不满意", "不了解", "测评日期"], en: ["Satisfied", "Basically satisfied", "Dissatisfied", "Unknown", "Date"] },
  scores: { zh: ["评分人", "得分", "日期"], en: ["By", "Score", "Date"] },
  commendations: {
    zh: ["表彰编号", "事项", "层级", "对象", "文号", "已审核", "加分"],
    en: ["Commendation", "Matter", "Level", "Recipient", "Document number", "Approved", "Awarded"],
  },
  vetoes: { zh: ["否决编号", "情形", "涉及", "日期", "已认定", "依据", "原因"], en: ["Veto", "Ground", "Subject", "Date", "Confirmed", "Reference", "Reason"] },
  components: { zh: ["考评项目", "条款", "满分", "得分", "计入", "排除"], en: ["Component", "Clause", "Max", "Points", "Counted", "Excluded"] },
  facts: { zh: ["参评对象", "单位", "类别", "考评年度", "计分政策", "状态", "总分", "名次", "等次"], en: ["Body", "Unit", "Category", "Year", "Policy", "Status", "Total", "Rank", "Tier"] },
} as const satisfies Readonly<Record<string, Labels>>;

const RECIPIENTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { participant: "本人", section: "科室", unit: "单位" },
  en: { participant: "participant", section: "section", unit: "unit" },
};
const SUBJECTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { participant: "本人", staff: "工作人员" },
  en: { participant: "participant", staff: "staff" },
};
const GROUNDS: Readonly<Record<string, string>> = {
  "case-filed": "立案查处",
  "disciplinary-sanction": "党纪政务处分",
  "media-exposure": "媒体曝光或通报批评",
  "vote-rigging": "拉票干扰考评",
  other: "其他",
};

const cellText = (value: Cell, lang: Lang): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  return String(value);
};

function recordTable(caption: string, labels: readonly string[], rows: readonly (readonly Cell[])[], lang: Lang): HTMLTableElement {
  return h(
    "table",
    { class: "records" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, labels.map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell) => h("td", {}, cellText(cell, lang)))))),
  );
}

/** The records of one component as a table, or nothing when the input has none for it. */
function componentRecords(input: ScoreInputJson, id: ComponentId, label: string, max: number, lang: Lang): Child {
  const components = input.components as Readonly<Record<string, unknown>>;
  const given = components[id] as Readonly<Record<string, unknown>> | undefined;
  if (given === undefined) return null;
  const definition = COMPONENTS.find((c) => c.id === id);
  switch (definition?.method) {
    case "rounds": {
      const rounds = (given["rounds"] ?? []) as readonly Readonly<Record<string, Cell>>[];
      return recordTable(label, COLUMNS.rounds[lang], rounds.map((r) => [r["id"], r["date"], r["score"], r["outOf"] ?? max, r["note"]]), lang);
    }
    case "complaints": {
      const list = (given["complaints"] ?? []) as readonly Readonly<Record<string, Cell>>[];
      return recordTable(label, COLUMNS.complaints[lang], list.map((c) => [c["id"], c["date"], c["verified"], c["deduction"]]), lang);
    }
    case "survey": {
      const b = (given["ballots"] ?? {}) as Readonly<Record<string, Cell>>;
      const row = [b["satisfied"], b["basicallySatisfied"], b["dissatisfied"], b["unknown"], given["date"] as Cell];
      return recordTable(label, COLUMNS.survey[lang], [row], lang);
    }
    case "scores": {
      const scores = (given["scores"] ?? []) as readonly Readonly<Record<string, Cell>>[];
      return recordTable(label, COLUMNS.scores[lang], scores.map((s) => [s["by"], s["score"], s["date"]]), lang);
    }
    default:
      return null;
  }
}

function records(input: ScoreInputJson, result: Body["result"], lang: Lang): Child[] {
  const commendations = (input.commendations ?? []) as readonly Readonly<Record<string, Cell>>[];
  const vetoes = (input.vetoes ?? []) as readonly Readonly<Record<string, Cell>>[];
  const level = (value: Cell): string => (lang === "zh" ? (LEVEL_LABELS[value as keyof typeof LEVEL_LABELS] ?? String(value)) : String(value));
  return [
    ...result.components.map((c) => componentRecords(input, c.id, lang === "zh" ? c.label : `${c.label} (${c.id})`, Number(c.max), lang)),
    commendations.length === 0
      ? null
      : recordTable(
          lang === "zh" ? "加分事项（表彰）" : "Bonus (commendations)",
          COLUMNS.commendations[lang],
          commendations.map((c) => [c["id"], c["matter"], level(c["level"]), RECIPIENTS[lang][String(c["recipient"])], c["documentNumber"], c["approved"], c["awarded"]]),
          lang,
        ),
    vetoes.length === 0
      ? h("p", {}, lang === "zh" ? "一票否决：无记录。" : "Veto: no records.")
      : recordTable(
          lang === "zh" ? "一票否决" : "Veto",
          COLUMNS.vetoes[lang],
          vetoes.map((v) => [
            v["id"],
            lang === "zh" ? GROUNDS[String(v["ground"])] : v["ground"],
            SUBJECTS[lang][String(v["subject"])],
            v["date"],
            v["confirmed"],
            v["reference"],
            v["reason"],
          ]),
          lang,
        ),
  ];
}

/**
 * The explanation of one body, for the element marked `data-explain`.
 *
 * @param body - The body: its result and, when loaded, its input.
 * @param entry - Its ranking entry (rank and tier after the quota).
 * @param lang - Chinese or English.
 * @returns The children of the `data-explain` element.
 * @example
 * ```ts
 * fill(explainElement, ...explanationView(body, entry, "zh"));
 * ```
 */
export function explanationView(body: Body, entry: RankEntry | undefined, lang: Lang): Child[] {
  const t = pageText(lang);
  const r = body.result;
  const p = r.participant;
  const facts: readonly string[] = [
    `${p.name}（${p.id}）`,
    p.unit ?? "",
    lang === "zh" ? CATEGORY_LABELS[p.category] : p.category,
    String(r.year),
    r.policy.id,
    lang === "zh" ? (r.status === "final" ? "正式" : "暂定") : r.status,
    r.total,
    entry?.rank === null || entry === undefined ? "—" : String(entry.rank),
    entry?.tier === null || entry === undefined ? "—" : lang === "zh" ? TIER_LABELS[entry.tier] : entry.tier,
  ];
  const labels = COLUMNS.facts[lang];
  return [
    h("h2", { id: "explain-title" }, t.explainTitle(p.name)),
    h(
      "dl",
      { class: "facts" },
      facts.map((fact, i) => h("div", {}, h("dt", {}, labels[i] ?? ""), h("dd", {}, fact === "" ? "—" : fact))),
    ),
    recordTable(
      lang === "zh" ? "考评项目得分" : "Components",
      COLUMNS.components[lang],
      r.components.map((c) => [lang === "zh" ? c.label : `${c.label} (${c.id})`, c.clause, c.max, c.points, c.counted, c.excluded]),
      lang,
    ),
    h("h3", {}, t.records),
    ...(body.input === undefined ? [h("p", {}, t.noRecords)] : records(body.input, r, lang)),
    h("h3", {}, t.fullText),
    // Assumptions named in words alone: the page's reader never writes a policy (docs/zh-CN/离线页面.md).
    // The ballots behind each survey's counts, when they were tallied on the page (docs/page.md, "Ballots").
    h("pre", { class: "explain-text" }, explain(r, { lang, ids: false, tallies: body.tallies })),
    h(
      "div",
      { class: "signature" },
      h("p", {}, h("span", {}, t.reviewer), h("span", { class: "blank" })),
      h("p", {}, h("span", {}, t.date), h("span", { class: "blank" })),
    ),
  ];
}
