/**
 * The ranking table. Body rows — and only they — carry `data-participant-id`, `data-total` and
 * `data-rank` (empty when unranked): stable hooks for tests and for an office's own scripts. The
 * rows form one tab stop (a roving `tabindex`): arrow keys, Home and End move between them, Enter
 * or Space opens the row's explanation.
 */
import { CATEGORY_LABELS, COMPONENTS, type Lang } from "wubi-wuping";
import { h } from "./dom.js";
import { RANKING_HEADERS, cellText, type RankingTable } from "./engine.js";

/**
 * What the table needs besides its rows.
 *
 * @example
 * ```ts
 * const options: RankingViewOptions = { lang: "zh", caption: "2022 年度公示表", byCategory: false, selected: "cgjdk" };
 * ```
 */
export interface RankingViewOptions {
  readonly lang: Lang;
  readonly caption: string;
  readonly byCategory: boolean;
  /** The id of the body whose explanation is shown, if any. */
  readonly selected: string | undefined;
}

const CATEGORY_EN: Readonly<Record<keyof typeof CATEGORY_LABELS, string>> = {
  "public-service": "Public service (公共服务)",
  "law-enforcement": "Law enforcement (行政执法)",
  "comprehensive-management": "Comprehensive management (综合管理(审批))",
};

/** The ranking table's headers in English, in the order of `RANKING_HEADERS`, for the page only (the downloads keep the office's Chinese). */
const HEADERS_EN: readonly string[] = [
  "Rank",
  "Id",
  "Name",
  "Unit",
  "Category",
  "Year",
  ...COMPONENTS.map((c) => `${c.label} (${c.id})`),
  "Daily",
  "Comprehensive",
  "Base",
  "Bonus",
  "Total",
  "Tier",
  "Status",
];

/**
 * The table element of a ranking.
 *
 * @param table - Headers and rows (see `rankingTable`).
 * @param options - Caption, grouping, the selected body.
 * @returns The `<table>`.
 * @example
 * ```ts
 * rankingView(rankingTable(results), { lang: "zh", caption: "…", byCategory: false, selected: undefined })
 *   .querySelectorAll("tbody tr[data-participant-id]").length; //=> 7
 * ```
 */
export function rankingView(table: RankingTable, options: RankingViewOptions): HTMLTableElement {
  const width = table.headers.length;
  const focusable = options.selected ?? table.entries[0]?.participant.id;
  // By header, not by position: the 等次 column is absent when no body has a tier.
  const headers = options.lang === "en" ? table.headers.map((header) => HEADERS_EN[RANKING_HEADERS.indexOf(header)] ?? header) : table.headers;
  const numeric = (table.rows[0] ?? []).map((cell) => cell.kind === "score" || cell.kind === "integer");
  const body: HTMLTableRowElement[] = [];
  let group: string | undefined;
  table.entries.forEach((entry, index) => {
    const cells = table.rows[index] ?? [];
    if (options.byCategory && entry.group !== undefined && entry.group !== group) {
      group = entry.group;
      const label = options.lang === "zh" ? CATEGORY_LABELS[entry.group] : CATEGORY_EN[entry.group];
      body.push(h("tr", { class: "group-row" }, h("th", { colspan: width, scope: "colgroup" }, label)));
    }
    const id = entry.participant.id;
    body.push(
      h(
        "tr",
        {
          class: entry.rank === null ? "body-row unranked" : "body-row",
          "data-participant-id": id,
          "data-total": entry.total,
          "data-rank": entry.rank === null ? "" : String(entry.rank),
          tabindex: id === focusable ? 0 : -1,
          "aria-selected": id === options.selected ? "true" : "false",
        },
        cells.map((cell, i) => (i === 2 ? h("th", { scope: "row" }, cellText(cell)) : h("td", { class: numeric[i] ? "num" : undefined }, cellText(cell)))),
      ),
    );
  });
  return h(
    "table",
    { class: "ranking-table", "aria-describedby": "ranking-help" },
    h("caption", {}, options.caption),
    h("thead", {}, h("tr", {}, headers.map((header, i) => h("th", { scope: "col", class: numeric[i] ? "num" : undefined }, header)))),
    h("tbody", {}, body),
  );
}

/**
 * The row a key moves to from `row` (arrow keys, Home, End), or `undefined` for other keys.
 *
 * @example
 * ```ts
 * nextRow(rows[0], "ArrowDown") === rows[1]; //=> true
 * ```
 */
export function nextRow(row: HTMLTableRowElement, key: string): HTMLTableRowElement | undefined {
  const rows = Array.from(row.closest("tbody")?.querySelectorAll<HTMLTableRowElement>("tr[data-participant-id]") ?? []);
  const at = rows.indexOf(row);
  const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + 10, PageUp: at - 10 }[key];
  if (target === undefined) return undefined;
  return rows[Math.max(0, Math.min(rows.length - 1, target))];
}
