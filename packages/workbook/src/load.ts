/**
 * Opening a workbook safely: the container checks of `container.ts` first (nothing is inflated
 * by the XLSX library before the zip is known to be an XLSX within the limits), then ExcelJS
 * reading cells only, with a row limit. Every failure is one problem for the clerk.
 */
import ExcelJS from "exceljs";
import type { Lang } from "wubi-wuping";
import { checkContainer, checkEntries, DEFAULT_LIMITS, type ContainerProblem } from "./container.js";
import { DETAILS, issueAt, namedRangeTooLarge, tooLarge, tooManyRows, type WorkbookIssue } from "./messages.js";

/**
 * The most rows one sheet may have. A workbook of 1,000 bodies has about 40,000 in all, some
 * 25,000 in its largest sheet.
 *
 * @example
 * ```ts
 * MAX_ROWS; //=> 100000
 * ```
 */
export const MAX_ROWS = 100_000;

/**
 * How ExcelJS loads: only the cells are read. Drop-down lists, merges, formatting rules and the
 * like are skipped (a list over a whole column would otherwise expand to a million cells), and a
 * sheet past {@link MAX_ROWS} rows stops the load.
 */
const LOAD_OPTIONS = {
  maxRows: MAX_ROWS + 1,
  maxCols: 1_000,
  ignoreNodes: ["dataValidations", "mergeCells", "conditionalFormatting", "hyperlinks", "drawing", "picture", "extLst", "tableParts", "autoFilter", "rowBreaks", "sheetProtection", "headerFooter", "printOptions", "pageSetup", "pageMargins", "cols", "sheetViews"],
};

/**
 * The one problem a container check found.
 *
 * @example
 * ```ts
 * containerIssue({ kind: "encrypted" }, "zh").code; //=> "not-a-workbook"
 * ```
 */
export function containerIssue(problem: ContainerProblem, lang: Lang): WorkbookIssue {
  const at = (detail: Readonly<Record<Lang, string>>): WorkbookIssue => issueAt({}, "not-a-workbook", detail[lang], lang);
  switch (problem.kind) {
    case "empty":
      return at(DETAILS.empty);
    case "not-zip":
      return at(DETAILS.notZip);
    case "encrypted":
      return at(DETAILS.encrypted);
    case "legacy-xls":
      return at(DETAILS.legacyXls);
    case "truncated":
      return at(DETAILS.truncated);
    case "not-xlsx":
      return at(DETAILS.notXlsx);
    case "size-mismatch":
      return at(DETAILS.sizeMismatch);
    case "too-large":
      return issueAt({}, "workbook-too-large", tooLarge(problem.bytes, problem.limit, lang), lang);
    case "too-many-entries":
      return issueAt({}, "workbook-too-large", tooLarge(problem.entries, problem.limit, lang), lang);
    case "named-range-too-large":
      return issueAt({}, "workbook-too-large", namedRangeTooLarge(problem.cells, problem.limit, lang), lang);
  }
}

/**
 * Opens `bytes` as a workbook: the container checks, then ExcelJS (cells only, at most
 * {@link MAX_ROWS} rows a sheet). Never throws.
 *
 * @param bytes - The file.
 * @param lang - The language of the problem.
 * @returns The workbook, or its one problem.
 * @example
 * ```ts
 * const loaded = await loadWorkbook(bytes, "zh");
 * if (loaded.success) loaded.workbook.worksheets.length; //=> 8
 * ```
 */
export async function loadWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  lang: Lang,
): Promise<{ readonly success: true; readonly workbook: ExcelJS.Workbook } | { readonly success: false; readonly issues: WorkbookIssue[] }> {
  const data = bytes instanceof Uint8Array ? bytes : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : undefined;
  if (data === undefined) return { success: false, issues: [issueAt({}, "not-a-workbook", DETAILS.notZip[lang], lang)] };
  const entries = checkContainer(data, DEFAULT_LIMITS);
  if (!Array.isArray(entries)) return { success: false, issues: [containerIssue(entries as ContainerProblem, lang)] };
  const mismatch = await checkEntries(data, entries);
  if (mismatch !== undefined) return { success: false, issues: [containerIssue(mismatch, lang)] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, LOAD_OPTIONS as unknown as ExcelJS.XlsxReadOptions);
  } catch (cause) {
    // ExcelJS stops a sheet past the row limit, or a row past the cell limit, with this message.
    if (/^Max (row|column) count \([0-9]+\) exceeded/.test(cause instanceof Error ? cause.message : "")) {
      return { success: false, issues: [issueAt({}, "workbook-too-large", tooManyRows(MAX_ROWS, lang), lang)] };
    }
    return { success: false, issues: [issueAt({}, "not-a-workbook", DETAILS.unreadable[lang], lang)] };
  }
  return { success: true, workbook };
}
