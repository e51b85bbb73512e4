/**
 * Reading a published ranking table and comparing it with a ranking recomputed from the inputs,
 * for `verify INPUTS.ndjson --published TABLE`. A table is read by a {@link TableReader} into rows
 * of header → cell text, so that any format with a header row (CSV here; a spreadsheet reader can
 * be added to {@link TABLE_READERS}) is compared the same way.
 */
import { TIER_LABELS, type Lang, type RankEntry } from "../index.js";
import { decodeText, stripBom } from "../formats/text.js";
import { headerIndex, isHeadingOrNote } from "../formats/published-table.js";
import { CliError, EXIT, oneLine } from "./io.js";
import { readXlsxTable } from "./xlsx-table.js";

/**
 * One row of a table: its number as the table's program shows it (the header is row 1) and its
 * cells by header text.
 *
 * @example
 * ```ts
 * const row: TableRow = { row: 2, cells: { 编号: "cgjdk", 总分: "94.51" } };
 * ```
 */
export interface TableRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * A table as read: its headers in order and its rows (rows whose cells are all empty left out).
 *
 * @example
 * ```ts
 * const table: Table = { headers: ["编号", "总分"], rows: [{ row: 2, cells: { 编号: "cgjdk", 总分: "94.51" } }] };
 * ```
 */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * Reads a table file's bytes into a {@link Table}; throws a `CliError` (exit 1) when the bytes are
 * not such a table. `name` is the file's name, for messages.
 *
 * @example
 * ```ts
 * const reader: TableReader = async (name, bytes) => readCsvTable(name, bytes);
 * ```
 */
export type TableReader = (name: string, bytes: Uint8Array, lang: Lang) => Table | Promise<Table>;

/** A formula guard that `rank --format csv` puts before a cell a spreadsheet would run. */
const GUARDED = /^'[=+\-@\t\r]/;

/**
 * Splits CSV text into records of fields (RFC 4180: fields may be quoted, a quote inside doubled,
 * quoted fields may hold commas and line breaks; records end with CRLF or LF). Returns `undefined`
 * at the first unclosed quote.
 */
function csvRecords(text: string): { fields: string[]; line: number }[] | undefined {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ fields, line: start });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === "") {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        field += text.slice(j, q);
        line += countLines(text.slice(j, q));
        if (text[q + 1] === '"') {
          field += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += c;
    i += 1;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

/** A cell's text: trimmed, and without the `'` that guards a formula-like text. */
function cellText(raw: string): string {
  const text = raw.trim();
  return GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * Reads a CSV table: UTF-8 (a BOM accepted), CRLF or LF, RFC 4180 quoting; the header is the first
 * record with two or more filled cells (the 公示表's title lines above it are skipped), cells
 * trimmed and the `'` formula guard of `rank --format csv` removed. Records whose cells are all
 * empty, and headings or notes under the header (only the first cell filled), are left out; `row`
 * is the record's first line in the file.
 *
 * @param name - The file's name, for messages.
 * @param bytes - The file's bytes.
 * @param lang - The language of messages.
 * @returns The table.
 * @throws CliError (exit 1) when the bytes are not UTF-8 text, a quote is not closed, or there is no header row.
 * @example
 * ```ts
 * readCsvTable("排名.csv", Buffer.from("\uFEFF编号,总分\r\ncgjdk,94.51\r\n"), "zh");
 * //=> { headers: ["编号", "总分"], rows: [{ row: 2, cells: { 编号: "cgjdk", 总分: "94.51" } }] }
 * ```
 */
export function readCsvTable(name: string, bytes: Uint8Array, lang: Lang): Table {
  const zh = lang === "zh";
  const decoded = decodeText(bytes);
  if (decoded === undefined) {
    throw new CliError(zh ? `${name} 不是 UTF-8 编码的 CSV 文本；请在表格软件中另存为“CSV UTF-8”` : `${name} is not UTF-8 CSV text; save it as "CSV UTF-8" in the spreadsheet program`, EXIT.input);
  }
  const text = stripBom(decoded);
  const records = csvRecords(text);
  if (records === undefined) throw new CliError(zh ? `${name} 中有未闭合的双引号，不是有效的 CSV` : `${name} has an unclosed double quote: not valid CSV`, EXIT.input);
  const at = headerIndex(records.map((r) => r.fields));
  const head = records[at];
  if (head === undefined) throw new CliError(zh ? `${name} 是空的，没有表头行` : `${name} is empty: no header row`, EXIT.input);
  const headers = head.fields.map((h) => h.trim().replace(/\*$/, ""));
  const body = records.slice(at + 1).filter((r) => r.fields.some((f) => f.trim() !== "") && !isHeadingOrNote(r.fields, headers.length));
  const rows = body.map((record) => ({
    row: record.line,
    cells: Object.fromEntries(headers.map((h, c) => [h, cellText(record.fields[c] ?? "")])),
  }));
  return { headers, rows };
}

/**
 * The readers of published tables by file extension (lower case, with the dot); a name with no
 * reader here is read as CSV.
 *
 * @example
 * ```ts
 * TABLE_READERS[".csv"] === readCsvTable; //=> true
 * ```
 */
export const TABLE_READERS: Readonly<Record<string, TableReader>> = { ".csv": readCsvTable, ".xlsx": readXlsxTable };

/**
 * Reads a published table with the reader its extension names (CSV when none does).
 *
 * @param name - The file name (its extension picks the reader).
 * @param bytes - The file's bytes.
 * @param lang - The language of messages.
 * @param readers - The readers by extension (default {@link TABLE_READERS}).
 * @returns The table.
 * @example
 * ```ts
 * (await readTable("排名.csv", bytes, "zh")).headers; //=> ["名次", "参评对象", "编号", …]
 * ```
 */
export async function readTable(name: string, bytes: Uint8Array, lang: Lang, readers: Readonly<Record<string, TableReader>> = TABLE_READERS): Promise<Table> {
  const dot = name.lastIndexOf(".");
  const extension = dot > name.lastIndexOf("/") ? name.slice(dot).toLowerCase() : "";
  const reader = Object.hasOwn(readers, extension) ? readers[extension] : undefined;
  return (reader ?? readCsvTable)(name, bytes, lang);
}

/** The columns compared, each under its Chinese header or the English one `rank --lang en` writes. */
const COLUMNS = {
  id: ["编号", "Id"],
  total: ["总分", "Total"],
  tier: ["等次", "Tier"],
  rank: ["名次", "Rank"],
  year: ["年度", "Year"],
} as const;
type Column = keyof typeof COLUMNS;

/**
 * Which header of the table holds each compared column (`编号` and `总分` required).
 *
 * @throws CliError (exit 1) naming the headers found when 编号 or 总分 is absent.
 */
function columnsOf(table: Table, name: string, lang: Lang): Partial<Record<Column, string>> & { id: string; total: string } {
  const found: Partial<Record<Column, string>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const header = COLUMNS[column].find((h) => table.headers.includes(h));
    if (header !== undefined) found[column] = header;
  }
  if (found.id === undefined || found.total === undefined) {
    const missing = [found.id === undefined ? "编号" : undefined, found.total === undefined ? "总分" : undefined].filter((h) => h !== undefined).join(lang === "zh" ? "、" : ", ");
    const shown = oneLine(table.headers.join(lang === "zh" ? "、" : ", "), 300);
    throw new CliError(
      lang === "zh" ? `${name} 缺少列 ${missing}（表头行为：${shown}）；公示表至少要有“编号”和“总分”两列` : `${name} lacks the column ${missing} (its headers: ${shown}); a published table needs at least 编号 and 总分`,
      EXIT.input,
    );
  }
  return found as Partial<Record<Column, string>> & { id: string; total: string };
}

/** A decimal text in canonical form (`094.50` → `94.5`), or `undefined` when it is not a plain decimal. */
function canonicalDecimal(text: string): string | undefined {
  const m = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (m === null) return undefined;
  const whole = (m[2] as string).replace(/^0+(?=[0-9])/, "");
  const fraction = (m[3] ?? "").replace(/0+$/, "");
  const sign = m[1] === "-" && (whole !== "0" || fraction !== "") ? "-" : "";
  return `${sign}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Whether a total in the table is the recomputed one: the same decimal number (a spreadsheet may drop trailing zeros: 94.5 for 94.50). */
function sameTotal(cell: string, total: string): boolean {
  const a = canonicalDecimal(cell);
  return a !== undefined && a === canonicalDecimal(total);
}

/** Whether a tier cell names the recomputed tier (its Chinese label or id; empty or `-` for none). */
function sameTier(cell: string, tier: RankEntry["tier"]): boolean {
  if (tier === null) return cell === "" || cell === "-";
  return cell === TIER_LABELS[tier] || cell === tier;
}

/** Whether a rank cell is the recomputed rank (empty or `-` for none). */
function sameRank(cell: string, rank: number | null): boolean {
  if (rank === null) return cell === "" || cell === "-";
  return cell === String(rank);
}

/**
 * What the recomputation gives for one body: its ranking entry and year.
 *
 * @example
 * ```ts
 * const expected: PublishedExpectation = { entry: rank(results)[0], year: 2022 };
 * ```
 */
export interface PublishedExpectation {
  readonly entry: RankEntry;
  readonly year: number;
}

/**
 * Compares a published table with the recomputed ranking: one line per body that differs (each
 * differing column with the table's value and the recomputed one), is missing from the table, is
 * in the table but not among the inputs, or appears more than once in the table. Empty when all
 * agree. 等次, 名次 and 年度 are compared when the table has them.
 *
 * @param table - The published table.
 * @param expected - The recomputed entries, in ranking order.
 * @param name - The table's file name, for messages.
 * @param lang - The language of the lines.
 * @returns The lines, table order first, then bodies missing from the table.
 * @throws CliError (exit 1) when the table has no 编号 or 总分 column.
 * @example
 * ```ts
 * comparePublished(table, expected, "排名.csv", "zh");
 * //=> ["排名.csv 第 5 行 cgjdk（城管监督科）：总分 表中为 95.51，重新计算为 94.51"]
 * ```
 */
export function comparePublished(table: Table, expected: readonly PublishedExpectation[], name: string, lang: Lang): string[] {
  const zh = lang === "zh";
  const columns = columnsOf(table, name, lang);
  const byId = new Map(expected.map((e) => [e.entry.participant.id, e]));
  const seen = new Map<string, number[]>();
  const lines: string[] = [];
  const show = (text: string): string => (text === "" ? (zh ? "（空）" : "(empty)") : oneLine(text, 60));
  for (const { row, cells } of table.rows) {
    const id = cells[columns.id] ?? "";
    const at = zh ? `${name} 第 ${row} 行` : `${name} row ${row}`;
    if (id === "") {
      lines.push(zh ? `${at}：编号为空` : `${at}: the 编号 (id) is empty`);
      continue;
    }
    const rows = seen.get(id) ?? [];
    rows.push(row);
    seen.set(id, rows);
    if (rows.length > 1) {
      lines.push(zh ? `${at} ${oneLine(id, 60)}：该编号在表中重复出现（第 ${rows.join("、")} 行）` : `${at} ${oneLine(id, 60)}: the id appears more than once in the table (rows ${rows.join(", ")})`);
      continue;
    }
    const e = byId.get(id);
    if (e === undefined) {
      lines.push(zh ? `${at} ${oneLine(id, 60)}：表中有该参评对象，但输入中没有` : `${at} ${oneLine(id, 60)}: in the table, but not among the inputs`);
      continue;
    }
    const differs: string[] = [];
    const check = (column: Column, label: { zh: string; en: string }, same: (cell: string) => boolean, recomputed: string): void => {
      const header = columns[column];
      if (header === undefined) return;
      const cell = cells[header] ?? "";
      if (!same(cell)) differs.push(zh ? `${label.zh} 表中为 ${show(cell)}，重新计算为 ${show(recomputed)}` : `${label.en} table ${show(cell)}, recomputed ${show(recomputed)}`);
    };
    const none = "";
    check("year", { zh: "年度", en: "year" }, (cell) => cell === String(e.year), String(e.year));
    check("total", { zh: "总分", en: "total" }, (cell) => sameTotal(cell, e.entry.total), e.entry.total);
    check("tier", { zh: "等次", en: "tier" }, (cell) => sameTier(cell, e.entry.tier), e.entry.tier === null ? none : zh ? TIER_LABELS[e.entry.tier] : e.entry.tier);
    check("rank", { zh: "名次", en: "rank" }, (cell) => sameRank(cell, e.entry.rank), e.entry.rank === null ? none : String(e.entry.rank));
    if (differs.length > 0) {
      const who = zh ? `${oneLine(id, 60)}（${oneLine(e.entry.participant.name, 60)}）` : `${oneLine(id, 60)} (${oneLine(e.entry.participant.name, 60)})`;
      lines.push(zh ? `${at} ${who}：${differs.join("；")}` : `${at} ${who}: ${differs.join("; ")}`);
    }
  }
  for (const e of expected) {
    const { id, name: body } = e.entry.participant;
    if (seen.has(id)) continue;
    lines.push(zh ? `${oneLine(id, 60)}（${oneLine(body, 60)}）：输入中有该参评对象，但 ${name} 中没有` : `${oneLine(id, 60)} (${oneLine(body, 60)}): among the inputs, but not in ${name}`);
  }
  return lines;
}
