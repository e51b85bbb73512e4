/**
 * The ranking as a table: headers and, per rank entry, its cells — the columns of the ranking
 * sheet (SPEC §10), so the page shows what the CSV and XLSX downloads hold.
 */
import { CATEGORY_LABELS, TIER_LABELS, type Lang, type RankEntry, type ScoreResult } from "../index.js";

/** One body's row: its entry and its cells, in header order. */
export interface RankingRow {
  readonly entry: RankEntry;
  readonly cells: readonly string[];
}

/** The table: headers, which columns hold numbers, and the rows in ranking order. */
export interface RankingTable {
  readonly headers: readonly string[];
  readonly numeric: readonly boolean[];
  readonly rows: readonly RankingRow[];
}

const HEAD: Readonly<Record<Lang, readonly string[]>> = {
  zh: ["名次", "编号", "名称", "单位", "类别", "年度"],
  en: ["Rank", "Id", "Name", "Unit", "Category", "Year"],
};
const TAIL: Readonly<Record<Lang, readonly string[]>> = {
  zh: ["日常考评", "综合评价", "基础分", "加分", "总分", "等次", "状态"],
  en: ["Daily", "Comprehensive", "Base", "Bonus", "Total", "Tier", "Status"],
};
const STATUS: Readonly<Record<Lang, Readonly<Record<RankEntry["status"], string>>>> = {
  zh: { final: "正式", provisional: "暂定" },
  en: { final: "final", provisional: "provisional" },
};

/**
 * The ranking table of `entries`, reading each body's components from its result.
 *
 * @param entries - The ranking, as `rank` returns it.
 * @param results - The results ranked (any order).
 * @param lang - Headers and labels in Chinese or English.
 * @returns Headers and rows.
 * @example
 * ```ts
 * rankingTable(rank(results), results, "zh").headers.slice(0, 3); //=> ["名次", "编号", "名称"]
 * ```
 */
export function rankingTable(entries: readonly RankEntry[], results: readonly ScoreResult[], lang: Lang): RankingTable {
  const byId = new Map(results.map((result) => [result.participant.id, result]));
  const components = results[0]?.components ?? [];
  const headers = [...HEAD[lang], ...components.map((c) => (lang === "zh" ? c.label : c.id)), ...TAIL[lang]];
  const numeric = headers.map((_, i) => i === 0 || i === 5 || (i >= HEAD[lang].length && i < headers.length - 2));
  const rows = entries.map((entry) => {
    const result = byId.get(entry.participant.id);
    const p = entry.participant;
    const cells = [
      entry.rank === null ? "" : String(entry.rank),
      p.id,
      p.name,
      p.unit ?? "",
      lang === "zh" ? CATEGORY_LABELS[p.category] : p.category,
      result === undefined ? "" : String(result.year),
      ...components.map((c) => result?.components.find((own) => own.id === c.id)?.points ?? ""),
      result?.daily ?? "",
      result?.comprehensive ?? "",
      result?.base ?? "",
      result?.bonus.points ?? "",
      entry.total,
      entry.tier === null ? "" : lang === "zh" ? TIER_LABELS[entry.tier] : entry.tier,
      STATUS[lang][entry.status],
    ];
    return { entry, cells };
  });
  return { headers, numeric, rows };
}
